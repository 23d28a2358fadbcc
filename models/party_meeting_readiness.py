from odoo import api, fields, models
from odoo.exceptions import UserError

# The checks a meeting must pass before it is held.
READINESS_CHECKS = [
    ('study', 'Study Sessions'),
    ('opinion', 'Opinions Collected'),
    ('talk', 'Talk Coverage'),
    ('outline', 'Personal Outlines Approved'),
    ('team_material', 'Team Check Material Approved'),
    ('guide', 'Upper-level Guides'),
    ('plan_sent', 'Plan Sent to the Upper Level'),
]
# Fields that change only through waiving and withdrawing a waiver.
WAIVER_FIELDS = frozenset({'meeting_id', 'code', 'waived', 'waive_reason', 'waived_by_id', 'waived_date'})


class PartyMeetingReadiness(models.Model):
    _name = 'party.meeting.readiness'
    _description = 'Readiness Check'
    _order = 'meeting_id, sequence, id'

    meeting_id = fields.Many2one(
        'party.meeting', string='Meeting', required=True, index=True, ondelete='cascade')
    company_id = fields.Many2one(related='meeting_id.company_id', store=True)
    code = fields.Selection(READINESS_CHECKS, string='Kind of Check', required=True, readonly=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string='Check', compute='_compute_name')
    state = fields.Selection(
        [
            ('ok', 'Complete'),
            ('missing', 'Missing'),
            ('waived', 'Waived'),
        ],
        string='Status', compute='_compute_state')
    is_ok = fields.Boolean(string='Complete', compute='_compute_state')
    missing = fields.Text(string='What Is Missing', compute='_compute_state')
    waived = fields.Boolean(readonly=True, copy=False)
    waive_reason = fields.Text(string='Reason for Waiving', readonly=True, copy=False)
    waived_by_id = fields.Many2one('res.users', string='Waived By', readonly=True, copy=False, ondelete='restrict')
    waived_date = fields.Datetime(string='Waived On', readonly=True, copy=False)
    can_waive = fields.Boolean(compute='_compute_can_waive')

    _code_unique = models.Constraint(
        'UNIQUE(meeting_id, code)', 'A meeting has each readiness check once.')

    @api.depends('code')
    def _compute_name(self):
        labels = dict(self._fields['code']._description_selection(self.env))
        for line in self:
            line.name = labels.get(line.code, '')

    @api.depends(
        'waived', 'code',
        'meeting_id.study_ids', 'meeting_id.opinion_ids',
        'meeting_id.talk_ids.state', 'meeting_id.talk_ids.initiator_user_id',
        'meeting_id.talk_ids.counterpart_user_id', 'meeting_id.talk_ids.counterpart_name',
        'meeting_id.talk_ids.unit_id', 'meeting_id.talk_ids.representative_id',
        'meeting_id.statement_ids.state', 'meeting_id.statement_ids.kind',
        'meeting_id.statement_ids.author_user_id',
        'meeting_id.attendee_ids.role', 'meeting_id.plan_sent_date', 'meeting_id.date_start',
        'meeting_id.organization_id.plan_lead_days', 'meeting_id.organization_id.member_ids.user_id',
        'meeting_id.organization_id.unit_ids', 'meeting_id.organization_id.representative_ids',
        'meeting_id.study_ids.form', 'meeting_id.study_ids.attendee_user_ids', 'meeting_id.talk_ids.duty_report',
        'meeting_id.organization_id.member_ids.duty_area', 'meeting_id.organization_id.member_ids.branch',
        'meeting_id.organization_id.unit_ids.member_user_id',
        'meeting_id.organization_id.representative_ids.branch')
    def _compute_state(self):
        reports = {meeting: meeting._get_readiness_report() for meeting in self.meeting_id}
        for line in self:
            missing = reports.get(line.meeting_id, {}).get(line.code, [])
            line.is_ok = not missing
            line.missing = '\n'.join(missing) or False
            line.state = 'ok' if not missing else ('waived' if line.waived else 'missing')

    @api.depends('meeting_id.organization_id.principal_user_id')
    @api.depends_context('uid')
    def _compute_can_waive(self):
        is_manager = self.env.user.has_group('party_democratic_life.group_party_manager')
        for line in self:
            line.can_waive = is_manager or line.meeting_id.organization_id.principal_user_id == self.env.user

    def write(self, vals):
        if not self.env.su and WAIVER_FIELDS & set(vals):
            raise UserError(self.env._(
                'Readiness check "%(check)s" of meeting "%(meeting)s": waivers are recorded only with '
                'the Waive button.', check=self[:1].name, meeting=self[:1].meeting_id.name))
        return super().write(vals)

    def _check_can_waive(self):
        """Only the principal, or a manager, waives a readiness check — practice."""
        for line in self:
            if not (self.env.su or line.can_waive):
                raise UserError(self.env._(
                    'Readiness check "%(check)s" of meeting "%(meeting)s": only the principal of '
                    '%(organization)s or a manager can waive it or withdraw a waiver.',
                    check=line.name, meeting=line.meeting_id.name,
                    organization=line.meeting_id.organization_id.name))

    def action_waive(self, reason=None):
        """Record why a check that is not met does not stop the meeting; without a reason, open the
        dialog that asks for one. The waiver is logged on the meeting."""
        self._check_can_waive()
        if reason is None:
            return {
                'type': 'ir.actions.act_window',
                'name': self.env._('Waive a Readiness Check'),
                'res_model': 'party.meeting.readiness.waive',
                'view_mode': 'form',
                'target': 'new',
                'context': {'default_readiness_id': self[:1].id},
            }
        reason = (reason or '').strip()
        for line in self:
            if not reason:
                raise UserError(self.env._(
                    'Readiness check "%(check)s" of meeting "%(meeting)s": the field "Reason for '
                    'Waiving" is required.', check=line.name, meeting=line.meeting_id.name))
            if line.waived:
                raise UserError(self.env._(
                    'Readiness check "%(check)s" of meeting "%(meeting)s" is already waived.',
                    check=line.name, meeting=line.meeting_id.name))
        self.sudo().write({
            'waived': True,
            'waive_reason': reason,
            'waived_by_id': self.env.user.id,
            'waived_date': fields.Datetime.now(),
        })
        for line in self:
            line.meeting_id.sudo().message_post(body=self.env._(
                'Readiness check "%(check)s" waived by %(user)s. Reason: %(reason)s',
                check=line.name, user=self.env.user.name, reason=reason))
        return True

    def action_unwaive(self):
        self._check_can_waive()
        for line in self.filtered('waived'):
            line.meeting_id.sudo().message_post(body=self.env._(
                'Waiver of the readiness check "%(check)s" withdrawn by %(user)s (it was: %(reason)s).',
                check=line.name, user=self.env.user.name, reason=line.waive_reason))
        self.sudo().write({'waived': False, 'waive_reason': False, 'waived_by_id': False, 'waived_date': False})
        return True
