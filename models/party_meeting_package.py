import io
import zipfile

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty
from odoo.tools.pdf import PdfFileReader, merge_pdf

from .party_meeting import HELD_STATES

PACKAGE_STATES = [
    ('draft', 'Draft'),
    ('sent', 'Sent'),
    ('returned', 'Returned'),
    ('received', 'Received'),
]
# The meeting's report date is the day its package went up: only sending writes it.
SENT_FIELDS = frozenset({'report_date'})
# Documents of the package that have no Print-menu entry of their own (the package is where
# they are read): (report model, paper format).
PACKAGE_ONLY_DOCUMENTS = {
    'party_democratic_life.meeting_package_contents': 'party_democratic_life.paperformat_party_official',
    'party_democratic_life.meeting_opinion_summary': 'party_democratic_life.paperformat_party_official',
    'party_democratic_life.meeting_attendance': 'party_democratic_life.paperformat_party_official',
}


class PartyMeetingPackage(models.Model):
    """The submission package (报送材料) of a held meeting: the situation report as the upward
    document, then the minutes, the team's check material, every personal outline, the
    problem and rectification lists, the opinions collected and the attendance — one PDF
    behind a contents page and a .zip of the Word files. Talk records and criticism texts
    stay with the organisation. A returned package is prepared again as the next version."""
    _name = 'party.meeting.package'
    _description = 'Submission Package'
    _inherit = ['mail.thread', 'party.document.mixin']
    _order = 'meeting_id, version desc, id desc'

    name = fields.Char(compute='_compute_name', store=True)
    meeting_id = fields.Many2one(
        'party.meeting', string='Meeting', required=True, index=True, ondelete='cascade', readonly=True)
    organization_id = fields.Many2one(related='meeting_id.organization_id', store=True, index=True)
    company_id = fields.Many2one(related='meeting_id.company_id', store=True, index=True)
    version = fields.Integer(required=True, default=1, readonly=True)
    state = fields.Selection(
        PACKAGE_STATES, string='Status', required=True, default='draft', readonly=True, tracking=True, index=True)
    prepared_on = fields.Datetime(string='Prepared On', readonly=True)
    sent_on = fields.Date(string='Sent On', readonly=True, tracking=True)
    sent_by_id = fields.Many2one('res.users', string='Sent By', readonly=True, tracking=True, ondelete='restrict')
    contents = fields.Json(
        string='Contents Data', readonly=True, help='The documents in their order: [title, first page of the merged PDF].')
    contents_text = fields.Text(string='Contents', compute='_compute_contents_text')
    pdf_attachment_id = fields.Many2one('ir.attachment', string='Merged PDF', readonly=True, ondelete='set null')
    pdf_file = fields.Binary(related='pdf_attachment_id.datas', string='PDF')
    pdf_name = fields.Char(related='pdf_attachment_id.name', string='PDF File Name')
    zip_attachment_id = fields.Many2one('ir.attachment', string='Word Files', readonly=True, ondelete='set null')
    zip_file = fields.Binary(related='zip_attachment_id.datas', string='Word Files (.zip)')
    zip_name = fields.Char(related='zip_attachment_id.name', string='Zip File Name')
    recipient_ids = fields.One2many('party.meeting.package.recipient', 'package_id', string='Recipients', readonly=True)
    return_comment = fields.Text(string='Return Comment', readonly=True, tracking=True)
    can_sign = fields.Boolean(compute='_compute_can_sign')

    _meeting_version_unique = models.Constraint(
        'UNIQUE(meeting_id, version)', 'A meeting has one package of each version.')

    @api.depends('meeting_id.name', 'version')
    def _compute_name(self):
        for package in self:
            package.name = self.env._('%(meeting)s: package v%(version)s',
                                      meeting=package.meeting_id.name or '', version=package.version)

    @api.depends('contents')
    def _compute_contents_text(self):
        for package in self:
            package.contents_text = '\n'.join(
                f'{index}. {title} ({page})' for index, (title, page) in enumerate(package.contents or [], 1))

    @api.depends('state', 'recipient_ids.body_id.user_ids', 'recipient_ids.received_on')
    @api.depends_context('uid')
    def _compute_can_sign(self):
        for package in self:
            package.can_sign = package.state == 'sent' and bool(package._own_open_recipients())

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._(
                'Package "%(package)s" changes only through Prepare Package, Send Package, Sign and Return.',
                package=self[:1].name))
        return super().write(vals)

    # Signing and returning: people of a body the package was sent to

    def _own_open_recipients(self):
        self.ensure_one()
        return self.sudo().recipient_ids.filtered(
            lambda r: self.env.user in r.body_id.user_ids and not r.received_on and not r.returned_on)

    def _check_recipient(self, what):
        for package in self:
            if package.state != 'sent':
                state = dict(self._fields['state']._description_selection(self.env))[package.state]
                raise UserError(self.env._('Package "%(package)s" cannot be %(action)s while it is %(state)s.',
                                           package=package.name, action=what, state=state.lower()))
            if not package._own_open_recipients():
                raise UserError(self.env._(
                    'Package "%(package)s": only a person of a body it was sent to, which has not yet signed '
                    'for it or returned it, can do this.', package=package.name))

    def action_sign(self):
        """签收: the person signs for his or her body; the package is received once every body has."""
        self._check_recipient(self.env._('signed for'))
        now = fields.Datetime.now()
        for package in self:
            lines = package._own_open_recipients()
            lines.write({'received_on': now, 'received_by_id': self.env.user.id})
            package = package.sudo()
            if all(line.received_on for line in package.recipient_ids):
                package.state = 'received'
            package.message_post(body=self.env._('Received by %(user)s for %(bodies)s.', user=self.env.user.name,
                                                 bodies='、'.join(lines.body_id.mapped('name'))))
        return True

    def action_return(self, comment=None):
        """Send the package back with comments; without a comment, ask for one."""
        self._check_recipient(self.env._('returned'))
        if comment is None:
            return {
                'type': 'ir.actions.act_window', 'name': self.env._('Return the Package'),
                'res_model': 'party.meeting.package.return', 'view_mode': 'form', 'target': 'new',
                'context': {'default_package_id': self[:1].id},
            }
        if not (comment or '').strip():
            raise UserError(self.env._('Package "%(package)s": the field "Return Comment" is required to return it.',
                                       package=self[:1].name))
        for package in self:
            lines = package._own_open_recipients()
            lines.write({'returned_on': fields.Datetime.now(), 'comment': comment})
            package.sudo().write({'state': 'returned', 'return_comment': comment})
            package.meeting_id._notify_team(self.env._(
                'The submission package (version %(version)s) was returned by %(user)s: %(comment)s; prepare '
                'it again and send it again.', version=package.version, user=self.env.user.name, comment=comment))
        return True

    # Building: the documents, the merged PDF with its contents page, the .zip of Word files

    def _package_documents(self):
        """(report file, records) of each document, in the order the package holds them."""
        self.ensure_one()
        meeting = self.meeting_id.sudo()
        statements = meeting.statement_ids
        team = statements.filtered(lambda s: s.kind == 'team')[:1]
        order = {user: index for index, user in enumerate(meeting.organization_id.member_ids.user_id)}
        outlines = statements.filtered(lambda s: s.kind == 'personal').sorted(
            lambda s: (order.get(s.author_user_id, len(order)), s.id))
        documents = [
            ('party_democratic_life.meeting_situation_report', meeting),
            ('party_democratic_life.meeting_minutes', meeting),
        ]
        documents += [('party_democratic_life.meeting_statement', statement) for statement in team | outlines]
        documents += [
            ('party_democratic_life.meeting_rectification_list', meeting),
            ('party_democratic_life.meeting_opinion_summary', meeting),
            ('party_democratic_life.meeting_attendance', meeting),
        ]
        return documents

    def _package_report(self, report_file, file_format):
        """The report that renders one document in one format: the Print menu's, or for a
        document only the package holds, an unsaved action naming its report model."""
        Report = self.env['ir.actions.report'].sudo()
        report_type = 'qweb-pdf' if file_format == 'pdf' else file_format
        if report_file in PACKAGE_ONLY_DOCUMENTS:
            return Report.new({
                'name': report_file, 'model': self.env[f'report.{report_file}']._party_model,
                'report_type': report_type, 'report_name': report_file, 'report_file': report_file,
                'paperformat_id': self.env.ref(PACKAGE_ONLY_DOCUMENTS[report_file]).id,
            })
        return Report.search([('report_file', '=', report_file), ('report_type', '=', report_type)], limit=1)

    def _render_document(self, report_file, records, file_format):
        report = self._package_report(report_file, file_format)
        content, _format = self.env['ir.actions.report'].sudo()._render(report, records.ids)
        return content

    @staticmethod
    def _page_count(content):
        return len(PdfFileReader(io.BytesIO(content), strict=False).pages)

    def _build(self):
        """Render every document as PDF and .docx, merge the PDFs behind the contents page and
        zip the Word files; both files are attachments of the meeting."""
        self.ensure_one()
        package = self.sudo()
        meeting = package.meeting_id._party_in_document_language()
        pdfs, contents, files = [], [], []
        for index, (report_file, records) in enumerate(package._package_documents(), start=1):
            title = records._party_in_document_language()._party_document_title(report_file)
            pdfs.append(package._render_document(report_file, records, 'pdf'))
            contents.append([title, 0])
            files.append((f'{index:02d}-{title}.docx', package._render_document(report_file, records, 'docx')))
        is_pdf = all(content.startswith(b'%PDF') for content in pdfs)
        # Odoo renders HTML instead of PDF in tests that do not ask for PDFs: the parts are then
        # kept one after the other so the package's flow still runs without wkhtmltopdf.
        page = 2
        for entry, content in zip(contents, pdfs):
            entry[1] = page
            page += package._page_count(content) if is_pdf else 1
        package.contents = contents
        cover = package._render_document('party_democratic_life.meeting_package_contents', package, 'pdf')
        merged = merge_pdf([cover, *pdfs]) if is_pdf else b''.join([cover, *pdfs])
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, 'w', zipfile.ZIP_DEFLATED) as zipped:
            for name, content in files:
                zipped.writestr(name.replace('/', '_'), content)
        basename = package.with_env(meeting.env)._package_basename()
        Attachment = self.env['ir.attachment'].sudo()
        (package.pdf_attachment_id | package.zip_attachment_id).unlink()
        package.write({
            'prepared_on': fields.Datetime.now(),
            'pdf_attachment_id': Attachment.create({
                'name': f'{basename}.pdf', 'raw': merged, 'res_model': 'party.meeting', 'res_id': meeting.id,
                'mimetype': 'application/pdf' if is_pdf else 'text/html'}).id,
            'zip_attachment_id': Attachment.create({
                'name': f'{basename}.zip', 'raw': archive.getvalue(), 'res_model': 'party.meeting',
                'res_id': meeting.id, 'mimetype': 'application/zip'}).id,
        })

    def _package_basename(self):
        self.ensure_one()
        label = self.env._('Submission Package')
        return f'{self.meeting_id._party_document_basename(label)}-v{self.version}'.replace('/', '_')


class PartyMeetingPackageRecipient(models.Model):
    """A body the package went to: when it was sent, signed for or returned, by whom."""
    _name = 'party.meeting.package.recipient'
    _description = 'Submission Package Recipient'
    _order = 'package_id, id'

    package_id = fields.Many2one(
        'party.meeting.package', string='Package', required=True, index=True, ondelete='cascade', readonly=True)
    company_id = fields.Many2one(related='package_id.company_id', store=True, index=True)
    body_id = fields.Many2one('party.upper.body', string='Body', required=True, ondelete='restrict', readonly=True)
    sent_on = fields.Datetime(string='Sent On', readonly=True)
    received_on = fields.Datetime(string='Received On', readonly=True)
    received_by_id = fields.Many2one('res.users', string='Received By', readonly=True, ondelete='restrict')
    returned_on = fields.Datetime(string='Returned On', readonly=True)
    comment = fields.Text(string='Return Comment', readonly=True)

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._('A package recipient changes only through Send Package, Sign and Return.'))
        return super().write(vals)


class PartyOrganization(models.Model):
    _inherit = 'party.organization'

    report_number_prefix = fields.Char(
        string='Document Number Prefix',
        help='The short organ mark that starts the numbers of the documents sent up (发文字号), e.g. X局党组; '
             'the year in 〔〕 and the number follow. Empty: the organization\'s name.')
    report_sequence_id = fields.Many2one(
        'ir.sequence', string='Document Numbers', readonly=True, copy=False, ondelete='set null',
        help='Numbers the documents sent up, from 1 each year.')

    def _next_report_number(self, day):
        """The next 发文字号 of the year of `day`: organ mark, 〔year〕, number, 号."""
        self.ensure_one()
        organization = self.sudo()
        if not organization.report_sequence_id:
            organization.report_sequence_id = self.env['ir.sequence'].sudo().create({
                'name': self.env._('Document numbers of %(organization)s', organization=organization.name),
                'implementation': 'no_gap', 'use_date_range': True, 'padding': 0,
                'company_id': organization.company_id.id,
            })
        sequence = organization.report_sequence_id
        number = sequence.next_by_id(sequence_date=day)
        return f'{organization.report_number_prefix or organization.name}〔{day.year}〕{number}号'


class PartyMeeting(models.Model):
    _inherit = 'party.meeting'

    package_ids = fields.One2many('party.meeting.package', 'meeting_id', string='Submission Packages')
    package_count = fields.Integer(compute='_compute_package_count')
    package_state = fields.Selection(PACKAGE_STATES, string='Package Status', compute='_compute_package_count')
    can_prepare_package = fields.Boolean(compute='_compute_can_prepare_package')

    def _compute_package_count(self):
        # One query for all the meetings; a meeting still being created has none.
        Package = self.env['party.meeting.package']
        packages = Package.search([('meeting_id', 'in', self._origin.ids)], order='version desc, id desc')
        by_meeting = packages.grouped('meeting_id')
        for meeting in self:
            mine = by_meeting.get(meeting._origin, Package)
            meeting.package_count = len(mine)
            meeting.package_state = mine[:1].state

    @api.depends('state', 'organization_id.principal_user_id', 'organization_id.clerk_user_ids')
    @api.depends_context('uid')
    def _compute_can_prepare_package(self):
        for meeting in self:
            meeting.can_prepare_package = meeting.state in HELD_STATES and meeting._is_package_preparer()

    def write(self, vals):
        if not self.env.su and SENT_FIELDS & set(vals):
            raise UserError(self.env._(
                'Meeting "%(meeting)s": the field "%(field)s" is the day the package was sent; it changes only '
                'through Send Package.', meeting=self[:1].name,
                field=self._fields['report_date']._description_string(self.env)))
        return super().write(vals)

    def _is_package_preparer(self):
        organization = self.organization_id
        return self.env.user in organization.principal_user_id | organization.clerk_user_ids

    def _check_package_preparer(self):
        """The principal and the clerks prepare the package; the principal alone signs it off
        and sends it (签发人) — practice."""
        for meeting in self:
            if not meeting._is_package_preparer():
                raise UserError(self.env._(
                    'Meeting "%(meeting)s": only the principal and the clerks of %(organization)s prepare its '
                    'submission package.', meeting=meeting.name, organization=meeting.organization_id.name))

    def action_prepare_package(self):
        """Assemble the package; a returned one is prepared again as the next version."""
        self._check_state(('held', 'rectifying'), self.env._('reported on'))
        self._check_package_preparer()
        packages = self.env['party.meeting.package']
        for meeting in self:
            packages |= meeting._prepare_package()
        if len(packages) == 1:
            return {'type': 'ir.actions.act_window', 'res_model': packages._name, 'res_id': packages.id,
                    'view_mode': 'form', 'name': packages.name}
        return True

    def _latest_package(self):
        self.ensure_one()
        return self.package_ids.sorted(lambda p: (p.version, p.id), reverse=True)[:1]

    def _prepare_package(self):
        self.ensure_one()
        meeting = self.sudo()
        latest = meeting._latest_package()
        if latest.state in ('sent', 'received'):
            raise UserError(self.env._(
                'Meeting "%(meeting)s": its package version %(version)s is already sent; it is prepared again only '
                'when the upper level returns it.', meeting=meeting.name, version=latest.version))
        if is_html_empty(meeting.report_body):
            meeting._compose_report()
        if is_html_empty(meeting.minutes) and not meeting.minutes_locked:
            meeting._compose_minutes()
        if not meeting.report_number:
            meeting.report_number = meeting.organization_id._next_report_number(meeting.organization_id._party_today())
        if latest.state == 'draft':
            package = latest
        else:
            package = self.env['party.meeting.package'].sudo().create({
                'meeting_id': meeting.id, 'version': (latest.version or 0) + 1})
        package._build()
        package.message_post(body=self.env._('Prepared by %(user)s.', user=self.env.user.name))
        return package.with_env(self.env)

    def action_send_package(self):
        """The principal sends the package to every supervising body; the day it goes is the
        meeting's report date — practice: within the report days of the meeting."""
        self._check_state(('held', 'rectifying'), self.env._('reported on'))
        for meeting in self:
            if meeting.organization_id.principal_user_id != self.env.user:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s": only the principal of %(organization)s signs off and sends its '
                    'submission package.', meeting=meeting.name, organization=meeting.organization_id.name))
            bodies = meeting.organization_id.upper_body_ids.filtered('active')
            if not bodies:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s": the field "Supervising Bodies" of %(organization)s is empty; '
                    'there is nobody to send the report to.',
                    meeting=meeting.name, organization=meeting.organization_id.name))
        template = self.env.ref('party_democratic_life.party_meeting_mail_template_report')
        for meeting in self:
            package = meeting.sudo()._latest_package()
            if package.state != 'draft':
                package = meeting._prepare_package().sudo()
            meeting = meeting.sudo()
            today = meeting.organization_id._party_today()
            now = fields.Datetime.now()
            bodies = meeting.organization_id.upper_body_ids.filtered('active')
            subject = template._render_field('subject', meeting.ids)[meeting.id]
            body = template._render_field('body_html', meeting.ids, compute_lang=True)[meeting.id]
            meeting.message_post(
                subject=subject, body=body, partner_ids=bodies.partner_id.ids,
                attachment_ids=package.pdf_attachment_id.ids, message_type='comment',
                subtype_xmlid='mail.mt_comment')
            package.write({
                'state': 'sent', 'sent_on': today, 'sent_by_id': self.env.user.id, 'return_comment': False,
                'recipient_ids': [(0, 0, {'body_id': body.id, 'sent_on': now}) for body in bodies],
            })
            package.message_subscribe(partner_ids=bodies.user_ids.partner_id.ids)
            package.message_post(body=self.env._('Sent by %(user)s to %(bodies)s.', user=self.env.user.name,
                                                 bodies='、'.join(bodies.mapped('name'))))
            meeting.report_date = today
            meeting.activity_feedback(
                ['party_democratic_life.mail_activity_type_party_report'], feedback=self.env._('Report sent.'))
        return True

    def action_view_packages(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window', 'name': self.env._('Submission Packages'),
            'res_model': 'party.meeting.package', 'view_mode': 'list,form',
            'domain': [('meeting_id', '=', self.id)], 'context': {'default_meeting_id': self.id},
        }
