from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import is_html_empty

OPEN_STATES = ('open', 'in_progress')


class PartyRectification(models.Model):
    _name = 'party.rectification'
    _description = 'Rectification Item'
    _inherit = ['mail.thread', 'mail.activity.mixin']
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
        ],
        required=True, default='study', tracking=True)
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
    state = fields.Selection(
        [
            ('open', 'Open'),
            ('in_progress', 'In Progress'),
            ('done', 'Done'),
            ('verified', 'Verified'),
            ('carried', 'Carried Over'),
        ],
        required=True, default='open', tracking=True, index=True, copy=False)
    completion_note = fields.Html(string='Completion Note', copy=False)
    date_done = fields.Date(string='Completed On', copy=False, readonly=True)
    verified_by_id = fields.Many2one('res.users', string='Verified By', copy=False, readonly=True, tracking=True)
    date_verified = fields.Date(string='Verified On', copy=False, readonly=True)
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

    _deadline_index = models.Index('(state, deadline)')

    @api.depends('meeting_id')
    def _compute_organization_id(self):
        for item in self.filtered('meeting_id'):
            item.organization_id = item.meeting_id.organization_id

    def _is_overdue_on(self, day):
        self.ensure_one()
        return bool(self.deadline and self.deadline < day and self.state in OPEN_STATES)

    @api.depends('deadline', 'state')
    @api.depends_context('tz')
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for item in self:
            item.is_overdue = item._is_overdue_on(today)

    def _search_is_overdue(self, operator, value):
        # Built on the stored, indexed (state, deadline) pair so the filter stays cheap at scale.
        if operator != 'in':
            return NotImplemented
        return Domain('deadline', '<', fields.Date.context_today(self)) & Domain('state', 'in', OPEN_STATES)

    @api.depends_context('uid')
    @api.depends('organization_id.principal_user_id')
    def _compute_can_verify(self):
        is_manager = self.env.user.has_group('party_democratic_life.group_party_manager')
        for item in self:
            item.can_verify = is_manager or item.organization_id.principal_user_id == self.env.user

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

    @api.ondelete(at_uninstall=False)
    def _unlink_except_verified(self):
        verified = self.filtered(lambda r: r.state == 'verified')
        if verified:
            raise UserError(self.env._(
                'Rectification "%(item)s" is verified and cannot be deleted.', item=verified[0].name))

    def write(self, vals):
        # Verified items are read-only: they change only through reopen, which runs as superuser.
        if not self.env.su:
            verified = self.filtered(lambda r: r.state == 'verified')
            if verified:
                raise UserError(self.env._(
                    'Rectification "%(item)s" is verified and read-only; ask the principal to reopen it.',
                    item=verified[0].name))
            if vals.get('state') == 'verified':
                self._check_verifier()
        return super().write(vals)

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

    def _check_can_finish(self):
        for item in self:
            if is_html_empty(item.completion_note):
                raise UserError(self.env._(
                    'Rectification "%(item)s" cannot be marked done: the field "Completion Note" is empty.',
                    item=item.name))

    def action_start(self):
        self._check_state(('open',), self.env._('started'))
        self._check_can_start()
        self.write({'state': 'in_progress'})
        return True

    def action_done(self):
        self._check_state(OPEN_STATES, self.env._('marked done'))
        self._check_can_start()
        self._check_can_finish()
        self.write({'state': 'done', 'date_done': fields.Date.context_today(self)})
        return True

    def action_verify(self):
        self._check_state(('done',), self.env._('verified'))
        self._check_verifier()
        # The verifier may not be allowed to write someone else's personal item.
        self.sudo().write({
            'state': 'verified',
            'verified_by_id': self.env.user.id,
            'date_verified': fields.Date.context_today(self),
        })
        return True

    def action_reopen(self):
        self._check_state(('done', 'verified'), self.env._('reopened'))
        self._check_verifier()
        self.sudo().write({'state': 'in_progress', 'verified_by_id': False, 'date_verified': False})
        for item in self:
            item.message_post(body=self.env._('Reopened by %(user)s.', user=self.env.user.name))
        return True
