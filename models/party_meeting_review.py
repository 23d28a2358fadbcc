from odoo import api, fields, models
from odoo.exceptions import UserError

from .party_meeting import PREPARATION_STATES

# The plan as the upper level reads it: locked while it is under review and once approved;
# Revise Plan opens it again and a changed plan is submitted again.
PLAN_FIELDS = frozenset({
    'name', 'organization_id', 'meeting_type', 'also_special', 'year', 'theme', 'special_reason',
    'basis_document', 'date_start', 'duration', 'location', 'host_user_id', 'focus_ids', 'agenda_ids',
    'materials_deadline',
})
# What changes only through Submit, Approve, Return, Revise and Give Consent.
UPPER_REVIEW_FIELDS = frozenset({
    'plan_state', 'plan_sent_date', 'plan_approved_date', 'consent_date', 'consent_user_id', 'consent_body_id',
})
PLAN_LOCKED_STATES = ('under_review', 'approved')
ACTIVITY_UPPER_REVIEW = 'party_democratic_life.mail_activity_type_upper_review'
ACTIVITY_PLAN_REVISE = 'party_democratic_life.mail_activity_type_plan_revise'


class PartyMeeting(models.Model):
    """Review before the meeting (会前报审): the plan goes to the supervising bodies, a reviewer
    approves or returns it; once the plan and every material are approved, the guide group or
    the organisation department gives consent to hold the meeting (同意召开)."""
    _inherit = 'party.meeting'

    plan_state = fields.Selection(
        [
            ('draft', 'Not Submitted'),
            ('under_review', 'Under Review'),
            ('returned', 'Returned'),
            ('approved', 'Approved'),
        ],
        string='Plan Review', required=True, default='draft', copy=False, tracking=True, index=True,
        help='The implementation plan goes to the supervising bodies before the meeting; it is locked '
             'while they review it and once they have approved it.')
    plan_approved_date = fields.Date(string='Plan Approved On', readonly=True, copy=False, tracking=True)
    review_round_ids = fields.One2many('party.review.round', 'meeting_id', string='Review Rounds')
    review_round_count = fields.Integer(compute='_compute_review_round_count')
    consent_date = fields.Datetime(
        string='Consent Given On', readonly=True, copy=False, tracking=True,
        help='The upper level agreed that the meeting may be held (同意召开).')
    consent_user_id = fields.Many2one(
        'res.users', string='Consent Given By', readonly=True, copy=False, tracking=True, ondelete='restrict')
    consent_body_id = fields.Many2one(
        'party.upper.body', string='Consent Given For', readonly=True, copy=False, ondelete='restrict')
    is_upper_reviewer = fields.Boolean(
        compute='_compute_is_upper_reviewer',
        help='The current user reviews for a body that supervises the organization.')
    can_submit_plan = fields.Boolean(compute='_compute_is_upper_reviewer')

    def _compute_review_round_count(self):
        counts = dict(self.env['party.review.round']._read_group(
            [('meeting_id', 'in', self.ids)], ['meeting_id'], ['__count']))
        for meeting in self:
            meeting.review_round_count = counts.get(meeting, 0)

    @api.depends('organization_id.upper_body_ids.user_ids', 'organization_id.principal_user_id',
                 'plan_state', 'state')
    @api.depends_context('uid')
    def _compute_is_upper_reviewer(self):
        for meeting in self:
            organization = meeting.organization_id
            meeting.is_upper_reviewer = self.env.user in organization._upper_reviewers()
            meeting.can_submit_plan = (
                organization.principal_user_id == self.env.user
                and meeting.plan_state in ('draft', 'returned') and meeting.state in PREPARATION_STATES)

    def write(self, vals):
        if not self.env.su:
            locked = UPPER_REVIEW_FIELDS & set(vals)
            if locked:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s": the field "%(field)s" changes only through Submit Plan, Approve, '
                    'Return, Revise Plan and Give Consent.', meeting=self[:1].name,
                    field=self._fields[sorted(locked)[0]]._description_string(self.env)))
            if PLAN_FIELDS & set(vals):
                self._check_plan_editable(sorted(PLAN_FIELDS & set(vals))[0])
        return super().write(vals)

    def _check_plan_editable(self, field_name):
        """The plan the upper level reads does not change under it: locked while under review
        and once approved — practice (会前报审)."""
        for meeting in self.filtered(lambda m: m.plan_state in PLAN_LOCKED_STATES):
            state = dict(self._fields['plan_state']._description_selection(self.env))[meeting.plan_state]
            raise UserError(self.env._(
                'Meeting "%(meeting)s": the field "%(field)s" is part of the plan, which is %(state)s by the '
                'upper level; the principal can use Revise Plan to change it and submit it again.',
                meeting=meeting.name, field=self._fields[field_name]._description_string(self.env),
                state=state.lower()))

    # ------------------------------------------------------------------
    # The plan's review
    # ------------------------------------------------------------------

    def _check_plan_state(self, allowed, action_label):
        labels = dict(self._fields['plan_state']._description_selection(self.env))
        for meeting in self:
            if meeting.plan_state not in allowed:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s": the plan cannot be %(action)s while it is %(state)s.',
                    meeting=meeting.name, action=action_label, state=labels[meeting.plan_state].lower()))

    def _check_principal(self, action_label):
        for meeting in self:
            if meeting.organization_id.principal_user_id != self.env.user:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s": only the principal of %(organization)s can %(action)s.',
                    meeting=meeting.name, organization=meeting.organization_id.name, action=action_label))

    def _upper_review_deadline(self):
        """Reviews are due before the materials deadline, else within three days."""
        self.ensure_one()
        today = self.organization_id._party_today()
        return max(self.materials_deadline or today, today)

    def _schedule_upper_review(self, record, summary):
        """An activity for each reviewer of the supervising bodies on what was sent up."""
        reviewers = self.organization_id._upper_reviewers()
        for reviewer in reviewers:
            record.sudo().activity_schedule(
                ACTIVITY_UPPER_REVIEW, date_deadline=self._upper_review_deadline(), user_id=reviewer.id,
                summary=summary)
        record.sudo().message_subscribe(partner_ids=reviewers.partner_id.ids)

    def _notify_team(self, body):
        """The principal and the clerks hear of each return and each consent."""
        self.ensure_one()
        organization = self.organization_id
        partners = (organization.principal_user_id | organization.clerk_user_ids).partner_id
        self.sudo().message_post(body=body, partner_ids=partners.ids, message_type='comment',
                                 subtype_xmlid='mail.mt_comment')

    def _check_upper_bodies(self, what):
        for meeting in self:
            if not meeting.organization_id._upper_reviewers():
                raise UserError(self.env._(
                    '%(what)s cannot be sent up: no body that supervises %(organization)s has a reviewer; '
                    'name its supervising bodies (field "Supervising Bodies") and their reviewers first.',
                    what=what, organization=meeting.organization_id.name))

    def action_submit_plan(self):
        """The principal sends the plan up; the day it is sent is recorded by the submission."""
        self._check_state(PREPARATION_STATES, self.env._('sent up with its plan'))
        self._check_plan_state(('draft', 'returned'), self.env._('submitted'))
        self._check_principal(self.env._('submit the plan'))
        for meeting in self:
            meeting._check_upper_bodies(self.env._('The plan of "%(meeting)s"', meeting=meeting.name))
            if not meeting.date_start or not meeting.focus_ids:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s": the plan cannot be submitted without the fields "Start" and '
                    '"Key Aspects".', meeting=meeting.name))
        for meeting in self.sudo():
            meeting.write({'plan_state': 'under_review',
                           'plan_sent_date': meeting.organization_id._party_today()})
            review = self.env['party.review.round']._open_round(meeting, 'plan')
            meeting.activity_feedback([ACTIVITY_PLAN_REVISE])
            meeting._schedule_upper_review(meeting, self.env._('Review the plan'))
            meeting.message_post(body=self.env._(
                'Plan submitted to the upper level by %(user)s (round %(round)s).',
                user=self.env.user.name, round=review.round_number))
        return True

    def action_approve_plan(self):
        self._check_plan_state(('under_review',), self.env._('approved'))
        self.organization_id._check_upper_reviewer(self.env._('Approving the plan'))
        self._check_edit_version_from_context()
        for meeting in self.sudo():
            meeting.write({'plan_state': 'approved', 'plan_approved_date': meeting.organization_id._party_today()})
            meeting.review_round_ids.filtered(lambda r: r.document == 'plan')._close('approved', meeting.organization_id)
            meeting.activity_unlink([ACTIVITY_UPPER_REVIEW])
            meeting._notify_team(self.env._('The plan was approved by %(user)s.', user=self.env.user.name))
        return True

    def action_return_plan(self, comment=None):
        """Send the plan back to the principal with the reviewer's comments; without a comment,
        open the dialog that asks for one."""
        self._check_plan_state(('under_review',), self.env._('returned'))
        self.organization_id._check_upper_reviewer(self.env._('Returning the plan'))
        if comment is None:
            return self.env['party.meeting.plan.return']._open_dialog(self)
        if not (comment or '').strip():
            raise UserError(self.env._(
                'Meeting "%(meeting)s": the field "Review Comment" is required to return the plan.',
                meeting=self[:1].name))
        for meeting in self.sudo():
            meeting.write({'plan_state': 'returned'})
            meeting.review_round_ids.filtered(lambda r: r.document == 'plan')._close(
                'returned', meeting.organization_id, comment)
            meeting.activity_unlink([ACTIVITY_UPPER_REVIEW])
            principal = meeting.organization_id.principal_user_id
            if principal:
                meeting.activity_schedule(
                    ACTIVITY_PLAN_REVISE, user_id=principal.id, note=comment,
                    date_deadline=meeting._upper_review_deadline())
            meeting._notify_team(self.env._(
                'The plan was returned by %(user)s: %(comment)s', user=self.env.user.name, comment=comment))
        return True

    def action_revise_plan(self):
        """The principal opens an approved plan again; it must be approved again, and a consent
        given on the old plan no longer holds."""
        self._check_state(PREPARATION_STATES, self.env._('revised'))
        self._check_plan_state(('approved',), self.env._('revised'))
        self._check_principal(self.env._('revise the plan'))
        for meeting in self.sudo():
            meeting.write({'plan_state': 'draft', 'plan_approved_date': False, 'consent_date': False,
                           'consent_user_id': False, 'consent_body_id': False})
            meeting.message_post(body=self.env._(
                'Plan reopened by %(user)s for changes; it goes to the upper level again, and consent to '
                'hold the meeting must be given again.', user=self.env.user.name))
        return True

    # ------------------------------------------------------------------
    # Consent to hold
    # ------------------------------------------------------------------

    def _get_consent_missing(self):
        """What stands before consent: the plan and every material approved by the upper level."""
        self.ensure_one()
        meeting = self.sudo()
        missing = []
        if meeting.plan_state != 'approved':
            missing.append(self.env._('The plan is not approved by the upper level.'))
        statements = meeting.statement_ids
        team = statements.filtered(lambda s: s.kind == 'team')
        if not team or team.state != 'approved':
            missing.append(self.env._('The team check material is not approved by the upper level.'))
        for user in meeting.organization_id.member_ids.user_id:
            outline = statements.filtered(lambda s: s.kind == 'personal' and s.author_user_id == user)
            if not outline or outline.state != 'approved':
                missing.append(self.env._('%(member)s: the outline is not approved by the upper level.',
                                          member=user.name))
        return missing

    def action_give_consent(self):
        self._check_state(PREPARATION_STATES, self.env._('given consent to hold'))
        self.organization_id._check_upper_reviewer(self.env._('Giving consent to hold the meeting'))
        for meeting in self:
            if meeting.consent_date:
                raise UserError(self.env._('Meeting "%(meeting)s": consent is already given.', meeting=meeting.name))
            missing = meeting._get_consent_missing()
            if missing:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s": consent to hold it needs the plan and every material approved '
                    'first: %(missing)s', meeting=meeting.name, missing=' '.join(missing)))
        for meeting in self.sudo():
            body = meeting.organization_id._upper_bodies().filtered(lambda b: self.env.user in b.user_ids)[:1]
            meeting.write({'consent_date': fields.Datetime.now(), 'consent_user_id': self.env.user.id,
                           'consent_body_id': body.id})
            meeting._notify_team(self.env._(
                '%(body)s agreed that the meeting may be held (consent given by %(user)s).',
                body=body.name, user=self.env.user.name))
        return True

    # ------------------------------------------------------------------
    # Smart buttons
    # ------------------------------------------------------------------

    def action_view_review_rounds(self):
        self.ensure_one()
        return self._action_open('party_democratic_life.party_review_round_action', [('meeting_id', '=', self.id)])
