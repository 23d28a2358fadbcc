from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .party_meeting import MEETING_TYPES

# Who may change an issued notice: the organisations have planned on it, so only a manager
# corrects it (a notice is issued once; a new round is a new notice of another year or kind).
NOTICE_MANAGER_GROUP = 'party_democratic_life.group_party_manager'


class PartyUpperNotice(models.Model):
    """The county's notice (上级通知): the organisation department tells the Party groups it
    supervises which meeting to hold for a year — its theme, the key aspects to check against,
    the window for holding it and the deadlines for the plan and the situation report. Only an
    issued notice applies to meetings (party_meeting_notice.py)."""
    _name = 'party.upper.notice'
    _description = 'Upper-level Notice'
    _inherit = ['mail.thread']
    _order = 'year desc, window_start desc, id desc'

    name = fields.Char(string='Title', required=True, tracking=True)
    body_id = fields.Many2one(
        'party.upper.body', string='Issued By', required=True, index=True, ondelete='restrict', tracking=True,
        domain="[('kind', '=', 'organization_department')]",
        help='The organization department that issues the notice; it applies to the organizations this '
             'body supervises.')
    company_id = fields.Many2one(
        'res.company', required=True, index=True, default=lambda self: self.env.company)
    state = fields.Selection(
        [('draft', 'Draft'), ('issued', 'Issued')],
        string='Status', required=True, default='draft', copy=False, tracking=True, index=True)
    issue_date = fields.Date(string='Issued On', readonly=True, copy=False, tracking=True)

    # What meeting
    year = fields.Integer(
        string='Year Covered', required=True, tracking=True,
        default=lambda self: self.env['party.organization']._party_today().year,
        help='The year the meetings review, as on the meeting.')
    meeting_type = fields.Selection(
        MEETING_TYPES, string='Meeting Type', required=True, default='annual', tracking=True)
    theme = fields.Text(string='Theme', help='The theme every organization\'s meeting takes over.')
    basis_document = fields.Char(
        string='Document Number', tracking=True,
        help='The notice\'s document number; the meetings cite it as their basis document.')
    aspect_ids = fields.One2many(
        'party.upper.notice.aspect', 'notice_id', string='Key Aspects', copy=True,
        help='The aspects every member checks against; the organizations may add their own, never drop '
             'or rename these.')

    # When
    window_start = fields.Date(
        string='Hold From', tracking=True, help='The first day on which the meeting may be held.')
    window_end = fields.Date(
        string='Hold Until', tracking=True, help='The last day on which the meeting may be held.')
    plan_deadline = fields.Date(
        string='Plan Due By', tracking=True,
        help='The implementation plan must have gone to the upper level by this day.')
    report_deadline = fields.Date(
        string='Report Due By', tracking=True,
        help='The situation report is due by this day; it replaces the organization\'s count of days.')

    meeting_ids = fields.One2many('party.meeting', 'notice_id', string='Meetings')
    meeting_count = fields.Integer(compute='_compute_meeting_count')

    @api.depends('meeting_ids')
    def _compute_meeting_count(self):
        # Read as superuser: a count, whichever of the meetings the reader may open.
        counts = dict(self.env['party.meeting'].sudo()._read_group(
            [('notice_id', 'in', self.ids)], ['notice_id'], ['__count']))
        for notice in self:
            notice.meeting_count = counts.get(notice._origin, 0)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    def _field_label(self, field_name):
        return self._fields[field_name]._description_string(self.env)

    @api.constrains('body_id')
    def _check_body_kind(self):
        """Notices come from the organization department (the reference plan cites the county's
        organisation department's notice as its basis)."""
        for notice in self:
            if notice.body_id.kind != 'organization_department':
                raise ValidationError(self.env._(
                    'Notice "%(notice)s": the field "%(field)s" must be an organization department, not '
                    '%(body)s.', notice=notice.name, field=self._field_label('body_id'), body=notice.body_id.name))

    @api.constrains('body_id', 'year', 'meeting_type', 'state')
    def _check_one_issued(self):
        """One issued notice per body, year and kind of meeting: a meeting follows one notice."""
        for notice in self.filtered(lambda n: n.state == 'issued'):
            duplicate = self.sudo().search([
                ('id', '!=', notice.id), ('state', '=', 'issued'), ('body_id', '=', notice.body_id.id),
                ('year', '=', notice.year), ('meeting_type', '=', notice.meeting_type)], limit=1)
            if duplicate:
                raise ValidationError(self.env._(
                    'Notice "%(notice)s": the field "%(field)s" (%(year)s) already has the issued notice '
                    '"%(other)s" of %(body)s for this kind of meeting.',
                    notice=notice.name, field=self._field_label('year'), year=notice.year,
                    other=duplicate.name, body=notice.body_id.name))

    @api.constrains('window_start', 'window_end', 'plan_deadline', 'report_deadline')
    def _check_dates(self):
        """The window opens before it closes; the plan is due before the window closes and the
        report after it opens."""
        for notice in self:
            start, end = notice.window_start, notice.window_end
            problems = [
                ('window_end', start and end and end < start),
                ('plan_deadline', end and notice.plan_deadline and notice.plan_deadline > end),
                ('report_deadline', start and notice.report_deadline and notice.report_deadline < start),
            ]
            for field_name, wrong in problems:
                if wrong:
                    raise ValidationError(self.env._(
                        'Notice "%(notice)s": the field "%(field)s" (%(date)s) does not fit the window for '
                        'holding the meeting (%(start)s to %(end)s).',
                        notice=notice.name, field=self._field_label(field_name), date=notice[field_name],
                        start=start or '…', end=end or '…'))

    @api.constrains('year')
    def _check_year(self):
        for notice in self:
            if not 1921 <= notice.year <= 2100:
                raise ValidationError(self.env._(
                    'Notice "%(notice)s": the field "%(field)s" (%(year)s) is not a plausible year.',
                    notice=notice.name, field=self._field_label('year'), year=notice.year))

    # ------------------------------------------------------------------
    # CRUD: an issued notice is locked
    # ------------------------------------------------------------------

    def _check_editable(self, field_name=None):
        """An issued notice changes only by a manager: the organisations have planned on it."""
        if self.env.su or self.env.user.has_group(NOTICE_MANAGER_GROUP):
            return
        for notice in self.filtered(lambda n: n.state == 'issued'):
            raise UserError(self.env._(
                'Notice "%(notice)s" is issued: the field "%(field)s" can be changed only by a manager.',
                notice=notice.name, field=self._field_label(field_name or 'aspect_ids')))

    def write(self, vals):
        tracked_only = {'message_main_attachment_id'}
        changed = set(vals) - tracked_only
        if changed:
            # Who may not write it at all hears so first; who may, hears that it is issued.
            self.check_access('write')
            self._check_editable(sorted(changed)[0])
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        self._check_editable('state')

    @api.ondelete(at_uninstall=False)
    def _unlink_except_followed(self):
        """A notice that meetings follow stays with them (the database would only unlink it)."""
        counts = dict(self.env['party.meeting'].sudo().with_context(active_test=False)._read_group(
            [('notice_id', 'in', self.ids)], ['notice_id'], ['__count']))
        for notice in self:
            if counts.get(notice):
                raise UserError(self.env._(
                    'Notice "%(notice)s" cannot be deleted: %(count)s meetings follow it (field "Upper-level '
                    'Notice" of the meeting).', notice=notice.name, count=counts[notice]))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_issue(self):
        """Issue the notice: from now on it applies to the meetings of that year and kind of the
        organizations the body supervises."""
        for notice in self:
            if notice.state != 'draft':
                raise UserError(self.env._('Notice "%(notice)s" is already issued.', notice=notice.name))
            missing = [name for name in ('window_start', 'window_end', 'aspect_ids') if not notice[name]]
            if notice.meeting_type == 'special' and not notice.theme:
                missing.append('theme')
            if missing:
                raise UserError(self.env._(
                    'Notice "%(notice)s" cannot be issued: fill in %(fields)s first.', notice=notice.name,
                    fields=', '.join(f'"{self._field_label(name)}"' for name in missing)))
        for notice in self:
            # The day in the calendar of the organisations it applies to (read for their time zone).
            today = notice.body_id.sudo().organization_ids[:1]._party_today()
            notice.write({'state': 'issued', 'issue_date': today})
            notice.message_post(body=self.env._('Notice issued by %(user)s.', user=self.env.user.name))
        return True

    def action_view_meetings(self):
        self.ensure_one()
        action = self.env['ir.actions.act_window']._for_xml_id('party_democratic_life.party_meeting_action')
        action['domain'] = [('notice_id', '=', self.id)]
        action['context'] = {}
        return action


class PartyUpperNoticeAspect(models.Model):
    """A key aspect of the notice (对照检查的重点方面): each meeting that follows the notice
    carries it as one of its own key aspects."""
    _name = 'party.upper.notice.aspect'
    _description = 'Key Aspect of an Upper-level Notice'
    _order = 'notice_id, sequence, id'
    _rec_name = 'title'

    notice_id = fields.Many2one('party.upper.notice', string='Notice', required=True, index=True, ondelete='cascade')
    company_id = fields.Many2one(related='notice_id.company_id', store=True)
    sequence = fields.Integer(default=10)
    title = fields.Char(required=True)
    description = fields.Text()

    def _focus_values(self):
        """The key aspect of a meeting that carries this aspect of the notice."""
        self.ensure_one()
        return {'notice_aspect_id': self.id, 'sequence': self.sequence, 'title': self.title,
                'description': self.description}

    @api.model_create_multi
    def create(self, vals_list):
        aspects = super().create(vals_list)
        aspects.notice_id._check_editable('aspect_ids')
        return aspects

    def write(self, vals):
        self.check_access('write')
        self.notice_id._check_editable('aspect_ids')
        result = super().write(vals)
        if 'notice_id' in vals:
            self.notice_id._check_editable('aspect_ids')
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        self.notice_id._check_editable('aspect_ids')
