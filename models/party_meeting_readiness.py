from odoo import api, fields, models
from odoo.exceptions import UserError

# The checks a meeting must pass before it is held — practice (before the meeting): group study
# and self-study; opinions collected; every required talk; every member's outline and the team
# material approved; guides named; the plan sent to the upper level the organization's number
# of days before the meeting. Each is (code, label, method of this model listing what is still
# missing for a meeting); a new check is one method and one line here.
READINESS_CHECKS = [
    ('study', 'Study Sessions', '_missing_study'),
    ('opinion', 'Opinions Collected', '_missing_opinion'),
    ('talk', 'Talk Coverage', '_missing_talk'),
    ('outline', 'Personal Outlines Approved', '_missing_statement'),
    ('team_material', 'Team Check Material Approved', '_missing_team_material'),
    ('guide', 'Upper-level Guides', '_missing_guide'),
    ('plan_sent', 'Plan Sent to the Upper Level', '_missing_plan_sent'),
    ('consent', 'Consent to Hold', '_missing_consent'),
    ('notice_window', "Within the Notice's Window", '_missing_notice_window'),
]
# Checks that only the upper level may waive: its own decisions (a meeting outside the window of
# its notice is held only with the upper level's agreement).
UPPER_LEVEL_CHECKS = ('consent', 'notice_window')
# Fields that change only through waiving and withdrawing a waiver.
WAIVER_FIELDS = frozenset({'meeting_id', 'code', 'waived', 'waive_reason', 'waived_by_id', 'waived_date'})


class PartyMeetingReadiness(models.Model):
    _name = 'party.meeting.readiness'
    _description = 'Readiness Check'
    _order = 'meeting_id, sequence, id'

    meeting_id = fields.Many2one(
        'party.meeting', string='Meeting', required=True, index=True, ondelete='cascade')
    company_id = fields.Many2one(related='meeting_id.company_id', store=True)
    code = fields.Selection(
        [(code, label) for code, label, _method in READINESS_CHECKS],
        string='Kind of Check', required=True, readonly=True)
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
        'waived', 'code', 'meeting_id.talk_pair_coverage',
        'meeting_id.study_ids', 'meeting_id.study_ids.form', 'meeting_id.study_ids.attendee_user_ids',
        'meeting_id.opinion_ids',
        'meeting_id.statement_ids.state', 'meeting_id.statement_ids.kind',
        'meeting_id.statement_ids.author_user_id',
        'meeting_id.attendee_ids.role', 'meeting_id.plan_sent_date', 'meeting_id.date_start',
        'meeting_id.organization_id.plan_lead_days', 'meeting_id.organization_id.member_ids.user_id',
        'meeting_id.organization_id.member_ids.duty_area', 'meeting_id.organization_id.member_ids.branch',
        'meeting_id.organization_id.member_ids.is_principal', 'meeting_id.organization_id.unit_ids',
        'meeting_id.organization_id.unit_ids.member_user_id', 'meeting_id.organization_id.representative_ids',
        'meeting_id.organization_id.representative_ids.branch', 'meeting_id.organization_id.tz',
        'meeting_id.plan_state', 'meeting_id.consent_date')
    @api.depends_context('tz', 'uid')
    def _compute_state(self):
        reports = {meeting: self._get_missing_by_check(meeting) for meeting in self.meeting_id}
        for line in self:
            missing = reports.get(line.meeting_id, {}).get(line.code, [])
            line.is_ok = not missing
            line.missing = '\n'.join(missing) or False
            line.state = 'ok' if not missing else ('waived' if line.waived else 'missing')

    @api.model
    def _get_missing_by_check(self, meeting):
        """What is still missing for each check of the meeting: {code: [texts]}. Read as
        superuser: the checklist shows states and names, never confidential content."""
        meeting = meeting.sudo()
        return {code: getattr(self, method)(meeting) for code, _label, method in READINESS_CHECKS}

    # The checks, one method each: what is missing, as texts for the checklist

    @api.model
    def _missing_study(self, meeting):
        return meeting.study_ids._get_readiness_missing()

    @api.model
    def _missing_opinion(self, meeting):
        return [] if meeting.opinion_ids else [self.env._('No collected opinion is recorded.')]

    @api.model
    def _missing_talk(self, meeting):
        organization = meeting.organization_id
        missing = organization._get_talk_setup_problems() + [
            label for _key, label in meeting._get_missing_talk_pairs()]
        if not organization.representative_ids:
            missing.insert(0, self.env._(
                'No branch representative is recorded for %(organization)s.', organization=organization.name))
        return missing

    @api.model
    def _missing_statement(self, meeting):
        """Every member's personal outline is approved."""
        state_labels = dict(meeting.statement_ids._fields['state']._description_selection(self.env))
        missing = []
        for user in meeting.organization_id.member_ids.user_id:
            statement = meeting.statement_ids.filtered(
                lambda s: s.kind == 'personal' and s.author_user_id == user)[:1]
            if not statement:
                missing.append(self.env._('%(member)s: no outline yet.', member=user.name))
            elif statement.state != 'approved':
                missing.append(self.env._(
                    '%(member)s: the outline is %(state)s, not approved.',
                    member=user.name, state=state_labels[statement.state].lower()))
        return missing

    @api.model
    def _missing_team_material(self, meeting):
        team = meeting.statement_ids.filtered(lambda s: s.kind == 'team')[:1]
        if not team:
            return [self.env._('The team check material is not started.')]
        if team.state != 'approved':
            state_labels = dict(team._fields['state']._description_selection(self.env))
            return [self.env._(
                'The team check material is %(state)s, not approved.', state=state_labels[team.state].lower())]
        return []

    @api.model
    def _missing_guide(self, meeting):
        return [] if meeting.attendee_ids.filtered(lambda a: a.role == 'guide') else [
            self.env._('No upper-level guide is named on the Participants tab.')]

    @api.model
    def _missing_plan_sent(self, meeting):
        """The plan went to the upper level at least the organization's lead days before the
        meeting, counted in days of the organization's calendar."""
        organization = meeting.organization_id
        if not meeting.plan_sent_date:
            return [self.env._('The field "Plan Sent On" is empty.')]
        if not meeting.date_start:
            return [self.env._('The field "Start" is empty, so the notice period cannot be checked.')]
        days = (meeting._held_on() - meeting.plan_sent_date).days
        lead_days = organization.plan_lead_days
        return [] if days >= lead_days else [self.env._(
            'The plan was sent %(days)s days before the meeting; %(organization)s requires at '
            'least %(lead)s.', days=days, organization=organization.name, lead=lead_days)]

    @api.model
    def _missing_consent(self, meeting):
        """The upper level agreed that the meeting may be held (同意召开)."""
        if meeting.consent_date:
            return []
        return meeting._get_consent_missing() + [
            self.env._('The upper level has not given consent to hold the meeting.')]

    @api.depends('code', 'meeting_id.organization_id.principal_user_id',
                 'meeting_id.organization_id.upper_body_ids.user_ids')
    @api.depends_context('uid')
    def _compute_can_waive(self):
        is_manager = self.env.user.has_group('party_democratic_life.group_party_manager')
        for line in self:
            organization = line.meeting_id.organization_id
            if line.code in UPPER_LEVEL_CHECKS:
                line.can_waive = self.env.user in organization._upper_reviewers()
            else:
                line.can_waive = is_manager or organization.principal_user_id == self.env.user

    def write(self, vals):
        if not self.env.su and WAIVER_FIELDS & set(vals):
            raise UserError(self.env._(
                'Readiness check "%(check)s" of meeting "%(meeting)s": waivers are recorded only with '
                'the Waive button.', check=self[:1].name, meeting=self[:1].meeting_id.name))
        return super().write(vals)

    def _check_can_waive(self):
        """Only the principal, or a manager, waives a readiness check — practice; the upper
        level's own decisions (consent to hold) only a reviewer of a supervising body."""
        for line in self:
            if not (self.env.su or line.can_waive) and line.code in UPPER_LEVEL_CHECKS:
                raise UserError(self.env._(
                    'Readiness check "%(check)s" of meeting "%(meeting)s": only a reviewer of a body that '
                    'supervises %(organization)s can waive it or withdraw a waiver.',
                    check=line.name, meeting=line.meeting_id.name,
                    organization=line.meeting_id.organization_id.name))
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
