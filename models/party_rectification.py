from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import is_html_empty, plaintext2html

OPEN_STATES = ('open', 'in_progress')
# Verified by the principal, then (where an organization department reviews) closed with the
# upper level (对账销号): both are read-only, checked off the books.
VERIFIED_STATES = ('verified', 'closed')
# The work is finished: what the on-time rate, the lists and the reports count as done.
FINISHED_STATES = ('done', *VERIFIED_STATES)
# Only a reviewer of a supervising organization department closes items with the upper level — practice.
CLOSING_KINDS = ('organization_department',)
# A long item runs over this many days and needs milestones — our product choice.
LONG_ITEM_DAYS = 90
# Reminders: to the owner this many days before the deadline — our product choice.
REMIND_DAYS_BEFORE = 7
EVIDENCE_MAX_MB_PARAM = 'party_democratic_life.evidence_max_mb'
EVIDENCE_MAX_MB_DEFAULT = 20
# Evidence is a document or a picture: PDF, images and office files.
EVIDENCE_MIMETYPE_PREFIXES = ('image/',)
EVIDENCE_MIMETYPES = {
    'application/pdf',
    'application/msword',
    'application/vnd.ms-excel',
    'application/vnd.ms-powerpoint',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.oasis.opendocument.presentation',
    'application/wps-office.doc',
    'application/wps-office.docx',
    'application/wps-office.xls',
    'application/wps-office.xlsx',
}


class PartyRectification(models.Model):
    _name = 'party.rectification'
    _description = 'Rectification Item'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'party.edit.version.mixin']
    _order = 'deadline, id'

    name = fields.Char(string='Problem in One Line', required=True, tracking=True)
    meeting_id = fields.Many2one(
        'party.meeting', string='Meeting', index=True, ondelete='restrict', tracking=True)
    organization_id = fields.Many2one(
        'party.organization', string='Organization', required=True, index=True, ondelete='restrict',
        compute='_compute_organization_id', store=True, readonly=False, precompute=True)
    company_id = fields.Many2one(related='organization_id.company_id', store=True, index=True)
    scope = fields.Selection(
        [('team', 'Leadership Team'), ('personal', 'Personal')],
        required=True, default='team', tracking=True)
    responsible_user_id = fields.Many2one(
        'res.users', string='Owner', index=True, ondelete='restrict', tracking=True)
    responsible_unit = fields.Char(string='Responsible Unit')
    focus_id = fields.Many2one(
        'party.meeting.focus', string='Key Aspect', ondelete='set null',
        domain="[('meeting_id', '=', meeting_id)]")
    source = fields.Selection(
        [
            ('study', 'Study'),
            ('opinion', 'Collected Opinion'),
            ('criticism', 'Criticism'),
            ('talk', 'Talk'),
            ('inspection', 'Inspection or Audit'),
            ('previous', 'Previous Meeting'),
            ('self_check', 'Self-examination'),
            ('upper_remark', "Upper Level's Remarks"),
        ],
        required=True, default='study', tracking=True)
    opinion_id = fields.Many2one(
        'party.meeting.opinion', string='From Opinion', index=True, ondelete='set null', copy=False)
    statement_problem_id = fields.Many2one(
        'party.meeting.statement.problem', string='From Outline Problem', index=True,
        ondelete='set null', copy=False)
    problem = fields.Html(string='Problem')
    root_cause = fields.Html(string='Root Cause')
    measures = fields.Html(string='Measures')
    mode = fields.Selection(
        [
            ('immediate', 'Fix at Once'),
            ('deadline', 'By a Deadline'),
            ('long_term', 'Long-term'),
        ],
        string='Kind', required=True, default='deadline', tracking=True)
    deadline = fields.Date(tracking=True, index=True)
    # group_expand: the ledger's kanban shows every stage, in the order of the work.
    state = fields.Selection(
        [
            ('open', 'Open'),
            ('in_progress', 'In Progress'),
            ('done', 'Done'),
            ('verified', 'Verified'),
            ('closed', 'Closed with the Upper Level'),
            ('carried', 'Carried Over'),
        ],
        required=True, default='open', tracking=True, index=True, copy=False, group_expand=True)
    completion_note = fields.Html(string='Completion Note', copy=False)
    date_done = fields.Date(string='Completed On', copy=False, readonly=True, tracking=True)
    verified_by_id = fields.Many2one(
        'res.users', string='Verified By', copy=False, readonly=True, tracking=True, ondelete='restrict')
    date_verified = fields.Date(string='Verified On', copy=False, readonly=True, tracking=True)

    # Closing with the upper level (对账销号)
    closed_by_id = fields.Many2one(
        'res.users', string='Closed By', copy=False, readonly=True, tracking=True, ondelete='restrict',
        help='The reviewer of the organization department who confirmed the closing.')
    date_closed = fields.Date(string='Closed On', copy=False, readonly=True, tracking=True)
    closing_body_id = fields.Many2one(
        'party.upper.body', string='Closed with', copy=False, readonly=True, ondelete='restrict', tracking=True,
        help='The organization department that confirmed the closing.')
    return_reason = fields.Text(
        string='Reason Returned', copy=False, readonly=True, tracking=True,
        help='Why the upper level last sent the item back; every return stays in the chatter.')
    returned_by_id = fields.Many2one(
        'res.users', string='Returned By', copy=False, readonly=True, ondelete='restrict', tracking=True)
    date_returned = fields.Date(string='Returned On', copy=False, readonly=True, tracking=True)
    return_count = fields.Integer(string='Times Returned', copy=False, readonly=True)
    is_awaiting_upper = fields.Boolean(
        string='Waiting for the Upper Level', compute='_compute_is_awaiting_upper',
        search='_search_is_awaiting_upper',
        help='Verified by the principal; a reviewer of the organization department still has to confirm '
             'the closing.')
    can_close = fields.Boolean(compute='_compute_can_close')
    evidence_attachment_ids = fields.Many2many(
        'ir.attachment', 'party_rectification_evidence_rel', 'rectification_id', 'attachment_id',
        string='Evidence', copy=False)
    is_overdue = fields.Boolean(
        string='Overdue', compute='_compute_is_overdue', search='_search_is_overdue')
    public = fields.Boolean(
        string='Disclose Publicly', default=True,
        help='Shown in the public notice and the disclosed rectification list.')
    carried_from_id = fields.Many2one(
        'party.rectification', string='Carried From', index=True, ondelete='set null', copy=False)
    carried_to_ids = fields.One2many('party.rectification', 'carried_from_id', string='Carried Into')
    can_verify = fields.Boolean(compute='_compute_can_verify')

    # Where the problem came from
    criticism_id = fields.Many2one(
        'party.meeting.criticism', string='From Criticism', index='btree_not_null', ondelete='set null',
        copy=False)
    talk_id = fields.Many2one(
        'party.meeting.talk', string='From Talk', index='btree_not_null', ondelete='set null', copy=False)
    remark_id = fields.Many2one(
        'party.meeting.remark', string="From Upper Level's Remarks", index='btree_not_null',
        ondelete='set null', copy=False)

    # Staged goals of a long item
    milestone_ids = fields.One2many('party.rectification.milestone', 'rectification_id', string='Milestones')
    mechanism_ids = fields.One2many(
        'party.rectification.mechanism', 'rectification_id', string='Rules and Mechanisms',
        help='Rules or mechanisms the item produced (建章立制), so that the fix lasts.')
    is_long = fields.Boolean(
        string='Long Item', compute='_compute_is_long',
        help='Runs more than 90 days from the meeting; needs at least one milestone.')

    # Carry-over: the status reported at the meeting the item was carried into
    carry_status = fields.Selection(
        [
            ('done', 'Done'),
            ('in_progress', 'In Progress'),
            ('not_done', 'Not Done'),
        ],
        string='Status at this Meeting', copy=False, tracking=True,
        help='Reported at the meeting this item was carried into.')
    carry_reason = fields.Text(string='Reason Not Done', copy=False)
    carry_next_step = fields.Text(string='Next Step', copy=False)
    annual_carry_count = fields.Integer(
        string='Carried into Annual Meetings', compute='_compute_annual_carry_count', store=True,
        recursive=True, copy=False)
    is_repeated = fields.Boolean(
        string='Repeated Every Year', compute='_compute_annual_carry_count', store=True, recursive=True,
        copy=False, index=True,
        help='"年年改、年年在": the problem has been carried into two or more annual meetings.')

    # Reminders sent by the daily check
    reminded_before_deadline = fields.Boolean(copy=False, readonly=True)
    overdue_flagged = fields.Boolean(
        string='Flagged Overdue', copy=False, readonly=True, index=True,
        help='Set by the daily check once the item passed its deadline unfinished.')

    _deadline_index = models.Index('(state, deadline)')
    # The overdue filter and its default order (deadline, id) read only unfinished items: a
    # partial index keeps the ledger's first page at a few rows read however many are verified.
    _open_deadline_index = models.Index("(deadline, id) WHERE state IN ('open', 'in_progress')")

    @api.depends('meeting_id')
    def _compute_organization_id(self):
        for item in self.filtered('meeting_id'):
            item.organization_id = item.meeting_id.organization_id

    def _is_overdue_on(self, day):
        self.ensure_one()
        return bool(self.deadline and self.deadline < day and self.state in OPEN_STATES)

    @api.depends('deadline', 'state', 'organization_id.tz')
    @api.depends_context('tz', 'uid')
    def _compute_is_overdue(self):
        for item in self:
            item.is_overdue = item._is_overdue_on(item.organization_id._party_today())

    def _search_is_overdue(self, operator, value):
        # Built on the stored, indexed (state, deadline) pair so the filter stays cheap at scale.
        if operator != 'in':
            return NotImplemented
        return self.env['party.organization']._party_today_domain('deadline', '<') & Domain('state', 'in', OPEN_STATES)

    @api.depends_context('uid')
    @api.depends('organization_id.principal_user_id')
    def _compute_can_verify(self):
        is_manager = self.env.user.has_group('party_democratic_life.group_party_manager')
        for item in self:
            item.can_verify = is_manager or item.organization_id.principal_user_id == self.env.user

    @api.depends('state', 'organization_id.upper_body_ids')
    def _compute_is_awaiting_upper(self):
        closing = self._get_closing_organizations()
        for item in self:
            item.is_awaiting_upper = item.state == 'verified' and item.organization_id in closing

    def _search_is_awaiting_upper(self, operator, value):
        if operator != 'in':
            return NotImplemented
        return Domain('state', '=', 'verified') & Domain('organization_id', 'in', self._get_closing_organizations().ids)

    @api.model
    def _get_closing_organizations(self):
        """The organizations whose items an organization department closes: a supervising
        department with at least one reviewer. Read as superuser: who reviews is not secret, and
        a member must see that the item still waits."""
        bodies = self.env['party.upper.body'].sudo().search([('kind', 'in', CLOSING_KINDS)])
        return bodies.filtered('reviewer_user_ids').organization_ids.with_env(self.env)

    @api.depends_context('uid')
    @api.depends('state', 'organization_id.upper_body_ids')
    def _compute_can_close(self):
        for item in self:
            item.can_close = item.state == 'verified' and self.env.user in item._get_closing_reviewers()

    def _get_closing_reviewers(self):
        """Who confirms the closing of the item: the reviewers of its supervising departments."""
        self.ensure_one()
        return self.organization_id.sudo()._upper_reviewers(CLOSING_KINDS)

    @api.depends('deadline', 'meeting_id.date_start', 'create_date', 'organization_id.tz')
    @api.depends_context('tz', 'uid')
    def _compute_is_long(self):
        for item in self:
            start = item._get_start_date()
            item.is_long = bool(item.deadline and (item.deadline - start).days > LONG_ITEM_DAYS)

    @api.depends('carried_from_id.annual_carry_count', 'meeting_id.meeting_type')
    def _compute_annual_carry_count(self):
        for item in self:
            count = 0
            if item.carried_from_id:
                count = item.carried_from_id.annual_carry_count + (item.meeting_id.meeting_type == 'annual')
            item.annual_carry_count = count
            item.is_repeated = count >= 2

    def _get_start_date(self):
        """The day the item's clock starts: its meeting's day, else when it was entered."""
        self.ensure_one()
        start = self.meeting_id.date_start or self.create_date or fields.Datetime.now()
        return self.organization_id._party_local_date(start)

    @api.constrains('mode', 'deadline', 'meeting_id')
    def _check_fix_at_once_deadline(self):
        """A fix-at-once item is due within the organization's days of the meeting — our
        product choice, configurable (default 30)."""
        for item in self.filtered(lambda r: r.mode == 'immediate' and r.deadline and r.meeting_id.date_start):
            if item.state == 'carried' or item.carried_from_id:
                continue
            days = item.organization_id.fix_at_once_days
            limit = item._get_start_date() + timedelta(days=days)
            if item.deadline > limit:
                raise ValidationError(self.env._(
                    'Rectification "%(item)s": the field "Deadline" (%(deadline)s) of a fix-at-once item '
                    'must be within %(days)s days of the meeting, i.e. by %(limit)s.',
                    item=item.name, deadline=item.deadline, days=days, limit=limit))

    @api.constrains('deadline', 'meeting_id')
    def _check_deadline_after_meeting(self):
        """An item found at a meeting is due after it; an item carried over keeps its old
        deadline, so it is exempt — practice."""
        for item in self.filtered(lambda r: r.deadline and r.meeting_id.date_start):
            if item.carried_from_id or item.state == 'carried':
                continue
            held_on = item._get_start_date()
            if item.deadline < held_on:
                raise ValidationError(self.env._(
                    'Rectification "%(item)s": the field "Deadline" (%(deadline)s) is before the meeting '
                    '"%(meeting)s" on %(meeting_date)s.',
                    item=item.name, deadline=item.deadline, meeting=item.meeting_id.name, meeting_date=held_on))

    @api.constrains('deadline')
    def _check_milestones_before_deadline(self):
        self.milestone_ids._check_date_before_deadline()

    @api.constrains('evidence_attachment_ids')
    def _check_evidence_files(self):
        """Evidence is a PDF, a picture or an office document of a bounded size (system
        parameter party_democratic_life.evidence_max_mb, default 20) — our product choice."""
        max_mb = self._get_evidence_max_mb()
        for item in self:
            for attachment in item.evidence_attachment_ids:
                mimetype = attachment.mimetype or ''
                if not (mimetype in EVIDENCE_MIMETYPES or mimetype.startswith(EVIDENCE_MIMETYPE_PREFIXES)):
                    raise ValidationError(self.env._(
                        'Rectification "%(item)s": the file "%(file)s" in the field "Evidence" is of type '
                        '%(type)s; use a PDF, an image or an office document.',
                        item=item.name, file=attachment.name, type=mimetype or '?'))
                if attachment.file_size > max_mb * 1024 * 1024:
                    raise ValidationError(self.env._(
                        'Rectification "%(item)s": the file "%(file)s" in the field "Evidence" is larger '
                        'than %(max)s MB.', item=item.name, file=attachment.name, max=max_mb))

    @api.model
    def _get_evidence_max_mb(self):
        value = self.env['ir.config_parameter'].sudo().get_param(EVIDENCE_MAX_MB_PARAM)
        try:
            return float(value) if value else EVIDENCE_MAX_MB_DEFAULT
        except ValueError:
            return EVIDENCE_MAX_MB_DEFAULT

    @api.constrains('scope', 'responsible_user_id')
    def _check_personal_owner(self):
        for item in self:
            if item.scope == 'personal' and not item.responsible_user_id:
                raise ValidationError(self.env._(
                    'Rectification "%(item)s": the field "Owner" is required for a personal item.',
                    item=item.name))

    @api.constrains('meeting_id', 'organization_id')
    def _check_meeting_organization(self):
        for item in self.filtered('meeting_id'):
            if item.meeting_id.organization_id != item.organization_id:
                raise ValidationError(self.env._(
                    'Rectification "%(item)s": the field "Organization" must be the organization of '
                    'its meeting "%(meeting)s".', item=item.name, meeting=item.meeting_id.name))

    def write(self, vals):
        # Verified items are read-only: they change only through reopen, the upper level's return
        # or its closing, which run as superuser.
        if not self.env.su:
            closed = self.filtered(lambda r: r.state == 'closed')
            if closed:
                raise UserError(self.env._(
                    'Rectification "%(item)s" is closed with the upper level and read-only.', item=closed[0].name))
            verified = self.filtered(lambda r: r.state == 'verified')
            if verified:
                raise UserError(self.env._(
                    'Rectification "%(item)s" is verified and read-only; ask the principal to reopen it.',
                    item=verified[0].name))
            if vals.get('state') == 'verified':
                self._check_verifier()
            if vals.get('state') == 'closed':
                self._check_closer(self.env._('confirm its closing'))
        # A new deadline or a finished item starts the reminders afresh.
        if 'deadline' in vals or vals.get('state') in (*FINISHED_STATES, 'carried'):
            vals = dict(vals, reminded_before_deadline=False, overdue_flagged=False)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_verified(self):
        """A verified item is closed on the books and stays there — practice."""
        for item in self:
            if item.state in VERIFIED_STATES:
                raise UserError(self.env._(
                    'Rectification "%(item)s" cannot be deleted: it is verified.', item=item.name))

    def _get_form_action(self, defaults=None):
        """The ledger form of this item, or of a new item pre-filled with `defaults`; a new
        item is stored only when the user saves it."""
        action = {
            'type': 'ir.actions.act_window',
            'res_model': 'party.rectification',
            'view_mode': 'form',
            'views': [(False, 'form')],
            'target': 'current',
        }
        if self:
            action['res_id'] = self.id
        else:
            action['name'] = self.env._('New Rectification')
            action['context'] = {f'default_{name}': value for name, value in (defaults or {}).items()}
        return action

    def _check_state(self, allowed, action_label):
        labels = dict(self._fields['state']._description_selection(self.env))
        for item in self:
            if item.state not in allowed:
                raise UserError(self.env._(
                    'Rectification "%(item)s" cannot be %(action)s while it is %(state)s.',
                    item=item.name, action=action_label, state=labels[item.state]))

    def _check_verifier(self):
        """Only the organization's principal or a manager closes the books on an item — practice."""
        for item in self:
            if not item.can_verify:
                raise UserError(self.env._(
                    'Rectification "%(item)s": only the principal of %(organization)s or a manager can '
                    'verify or reopen it.', item=item.name, organization=item.organization_id.name))

    def _check_closer(self, what):
        """Only a reviewer of an organization department that supervises the item's organization
        closes it with the upper level or returns it — practice (对账销号); never the principal alone."""
        for item in self:
            if self.env.user not in item._get_closing_reviewers():
                raise UserError(self.env._(
                    'Rectification "%(item)s": only a reviewer of an organization department that supervises '
                    '%(organization)s (field "Supervising Bodies") can %(what)s.',
                    item=item.name, organization=item.organization_id.name, what=what))

    def _check_can_start(self):
        for item in self:
            missing = []
            if not item.responsible_user_id:
                missing.append(self.env._('Owner'))
            if is_html_empty(item.measures):
                missing.append(self.env._('Measures'))
            if not item.deadline:
                missing.append(self.env._('Deadline'))
            if missing:
                raise UserError(self.env._(
                    'Rectification "%(item)s" cannot start: fill in %(fields)s.',
                    item=item.name, fields=', '.join(missing)))
        self._check_long_item_milestones()

    def _check_long_item_milestones(self):
        """A long item (over 90 days) is broken into at least one staged goal — our product
        choice after the plan's "明确阶段目标"."""
        for item in self:
            if item.is_long and not item.milestone_ids:
                raise UserError(self.env._(
                    'Rectification "%(item)s" runs more than %(days)s days: add at least one entry in '
                    'the field "Milestones".', item=item.name, days=LONG_ITEM_DAYS))

    def _check_can_finish(self):
        for item in self:
            if is_html_empty(item.completion_note):
                raise UserError(self.env._(
                    'Rectification "%(item)s" cannot be marked done: the field "Completion Note" is empty.',
                    item=item.name))
            if not item.evidence_attachment_ids:
                raise UserError(self.env._(
                    'Rectification "%(item)s" cannot be marked done: attach at least one file in the '
                    'field "Evidence".', item=item.name))

    def action_start(self):
        self._check_state(('open',), self.env._('started'))
        self._check_can_start()
        self.write({'state': 'in_progress'})
        return True

    def action_done(self):
        self._check_state(OPEN_STATES, self.env._('marked done'))
        self._check_can_start()
        self._check_can_finish()
        for organization, items in self.grouped('organization_id').items():
            items.write({'state': 'done', 'date_done': organization._party_today()})
        return True

    def action_verify(self):
        self._check_state(('done',), self.env._('verified'))
        self._check_verifier()
        self._check_edit_version_from_context()   # verify the evidence the principal saw
        # The verifier may not be allowed to write someone else's personal item.
        for organization, items in self.sudo().grouped('organization_id').items():
            items.write({
                'state': 'verified',
                'verified_by_id': self.env.user.id,
                'date_verified': organization._party_today(),
            })
        self._schedule_closing_activities()
        return True

    def action_reopen(self):
        self._check_state(('done', 'verified'), self.env._('reopened'))
        self._check_verifier()
        self.sudo().write({'state': 'in_progress', 'verified_by_id': False, 'date_verified': False})
        self.sudo()._finish_closing_activities()
        for item in self:
            item.message_post(body=self.env._('Reopened by %(user)s.', user=self.env.user.name))
        return True

    # ------------------------------------------------------------------
    # Closing with the upper level (对账销号)
    # ------------------------------------------------------------------

    def _schedule_closing_activities(self):
        """A verified item waits for the organization department: each of its reviewers gets a
        to-do. Without such a reviewer, verification is the last step and nobody is asked."""
        self.sudo()._finish_closing_activities()  # a return's to-do ends once the item is verified again
        for item in self.sudo():
            summary = self.env._('Confirm the closing with the upper level')
            for reviewer in item._get_closing_reviewers():
                item.activity_schedule(
                    'party_democratic_life.mail_activity_type_party_rectification_closing',
                    summary=summary, user_id=reviewer.id, date_deadline=item.organization_id._party_today())

    def _finish_closing_activities(self, feedback=None):
        closing = 'party_democratic_life.mail_activity_type_party_rectification_closing'
        if feedback:
            self.activity_feedback([closing], feedback=feedback)
        else:
            self.activity_unlink([closing])

    def _get_closing_body(self):
        """The department the current reviewer closes for (the first, if several supervise)."""
        self.ensure_one()
        bodies = self.organization_id.sudo()._upper_bodies(CLOSING_KINDS)
        return bodies.filtered(lambda body: body._is_reviewer())[:1]

    def action_confirm_closing(self):
        """The organization department confirms the principal's verification: the item is closed
        for good (对账销号) — practice."""
        self._check_state(('verified',), self.env._('closed with the upper level'))
        self._check_closer(self.env._('confirm its closing'))
        self._check_edit_version_from_context()
        for item in self:
            body = item._get_closing_body()
            item.sudo().write({
                'state': 'closed',
                'closed_by_id': self.env.user.id,
                'date_closed': item.organization_id._party_today(),
                'closing_body_id': body.id,
            })
            item.sudo()._finish_closing_activities(feedback=self.env._('Closed with the upper level.'))
            item.message_post(body=self.env._(
                'Closed with the upper level by %(user)s (%(body)s).', user=self.env.user.name, body=body.name))
        return True

    def action_open_return_dialog(self):
        self._check_state(('verified',), self.env._('returned by the upper level'))
        self._check_closer(self.env._('return it'))
        return self.env['party.rectification.return']._open_dialog(self)

    def _return_to_party_group(self, reason):
        """The organization department sends a verified item back: it is in progress again, the
        reason is kept, and the principal verifies it afresh once it is done again — practice."""
        self._check_state(('verified',), self.env._('returned by the upper level'))
        self._check_closer(self.env._('return it'))
        reason = (reason or '').strip()
        if not reason:
            raise UserError(self.env._(
                'Rectification "%(item)s": the field "Reason Returned" is required to return it.',
                item=self[:1].name))
        for item in self:
            body = item._get_closing_body()
            today = item.organization_id._party_today()
            item.sudo().write({
                'state': 'in_progress',
                'verified_by_id': False,
                'date_verified': False,
                'return_reason': reason,
                'returned_by_id': self.env.user.id,
                'date_returned': today,
                'return_count': item.return_count + 1,
            })
            item.sudo()._finish_closing_activities(feedback=self.env._('Returned.'))
            item.message_post(body=self.env._(
                'Returned by %(user)s (%(body)s): %(reason)s', user=self.env.user.name, body=body.name,
                reason=reason))
            # Chinese has no spaces to cut at: the summary keeps the first characters.
            short = reason if len(reason) <= 80 else f'{reason[:79]}…'
            summary = self.env._('Returned by the upper level: %(reason)s', reason=short)
            for user in item.organization_id.principal_user_id | item.responsible_user_id:
                item.sudo().activity_schedule(
                    'party_democratic_life.mail_activity_type_party_rectification_closing',
                    summary=summary, note=plaintext2html(reason), user_id=user.id, date_deadline=today)
        return True

    # ------------------------------------------------------------------
    # Carry-over
    # ------------------------------------------------------------------

    def _prepare_carry_over_values(self, meeting):
        """The item that follows this one into a later meeting of the organization."""
        self.ensure_one()
        return {
            'name': self.name,
            'meeting_id': meeting.id,
            'organization_id': meeting.organization_id.id,
            'scope': self.scope,
            'responsible_user_id': self.responsible_user_id.id,
            'responsible_unit': self.responsible_unit,
            'source': 'previous',
            'problem': self.problem,
            'root_cause': self.root_cause,
            'measures': self.measures,
            'mode': self.mode,
            'deadline': self.deadline,
            'state': self.state,
            'public': self.public,
            'carried_from_id': self.id,
            'milestone_ids': [
                fields.Command.create({'date': m.date, 'goal': m.goal, 'done': m.done})
                for m in self.milestone_ids
            ],
        }

    # ------------------------------------------------------------------
    # Daily check: overdue flags and reminders
    # ------------------------------------------------------------------

    @api.model
    def _cron_check_deadlines(self, batch_size=200):
        """Flag overdue items and remind: the owner 7 days before the deadline and the day after
        it, the principal for each overdue item — our product choice. Processed in
        batches; each batch is committed so a long run can resume."""
        Organization = self.env['party.organization']
        zones = Organization._party_zones()
        soon = (
            Domain('state', 'in', OPEN_STATES)
            & Domain('reminded_before_deadline', '=', False)
            & Organization._party_today_domain('deadline', '>=', zones=zones)
            & Organization._party_today_domain('deadline', '<=', days=REMIND_DAYS_BEFORE, zones=zones)
        )
        late = (
            Domain('state', 'in', OPEN_STATES)
            & Domain('overdue_flagged', '=', False)
            & Organization._party_today_domain('deadline', '<', zones=zones)
        )
        for domain, method in ((soon, '_remind_before_deadline'), (late, '_flag_overdue')):
            while True:
                items = self.search(domain, limit=batch_size, order='deadline, id')
                if not items:
                    break
                getattr(items, method)()
                remaining = self.search_count(domain)
                if not self.env['ir.cron']._commit_progress(len(items), remaining=remaining):
                    return

    def _remind_before_deadline(self):
        owned = self.filtered('responsible_user_id')
        owned._schedule_deadline_activities([
            (item, item.responsible_user_id, item.deadline,
             self.env._('Rectification due on %(deadline)s', deadline=item._party_cn_date(item.deadline)))
            for item in owned
        ])
        self.write({'reminded_before_deadline': True})

    def _flag_overdue(self):
        todo = []
        for item in self:
            today = item.organization_id._party_today()
            summary = self.env._('Rectification overdue since %(deadline)s', deadline=item._party_cn_date(item.deadline))
            # The owner hears the day after the deadline (or at the first check after it).
            for user in item.responsible_user_id | item.organization_id.principal_user_id:
                todo.append((item, user, today, summary))
        self._schedule_deadline_activities(todo)
        self.write({'overdue_flagged': True})

    def _schedule_deadline_activities(self, todo):
        """Create the reminders of a batch, given as (item, user, deadline, summary), at once.

        What activity_schedule would do item by item, in one create; the assignment e-mails go
        to the mail queue instead of being sent from inside the cron's transaction.
        """
        if not todo or self.env.context.get('mail_activity_automation_skip'):
            return
        activity_type = self.env.ref('party_democratic_life.mail_activity_type_party_rectification')
        model_id = self.env['ir.model']._get_id(self._name)
        self.env['mail.activity'].with_context(mail_notify_force_send=False).create([{
            'activity_type_id': activity_type.id,
            'summary': summary,
            'note': activity_type.default_note,
            'automated': True,
            'date_deadline': deadline,
            'res_model_id': model_id,
            'res_id': item.id,
            'user_id': user.id,
        } for item, user, deadline, summary in todo])
