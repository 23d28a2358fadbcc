from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty


class PartyMeetingTalk(models.Model):
    _name = 'party.meeting.talk'
    _description = 'Heart-to-heart Talk'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date desc, id desc'

    meeting_id = fields.Many2one(
        'party.meeting', string='Meeting', required=True, index=True, ondelete='restrict')
    organization_id = fields.Many2one(related='meeting_id.organization_id', store=True, index=True)
    company_id = fields.Many2one(related='meeting_id.company_id', store=True, index=True)
    talk_type = fields.Selection(
        [
            ('principal_member', 'Principal and Member'),
            ('member_member', 'Between Members'),
            ('member_unit_head', 'Member and Unit Head'),
            ('branch_representative', 'With Branch Representative'),
        ],
        string='Talk Type', required=True, default='member_member', tracking=True)
    initiator_user_id = fields.Many2one(
        'res.users', string='Initiator', required=True, index=True, ondelete='restrict',
        default=lambda self: self.env.user, tracking=True)
    counterpart_user_id = fields.Many2one(
        'res.users', string='Counterpart', index=True, ondelete='restrict', tracking=True)
    counterpart_name = fields.Char(
        string='Counterpart Name', help='For a counterpart without a login, e.g. a branch representative.')
    unit_id = fields.Many2one(
        'party.organization.unit', string='Unit in Charge', ondelete='set null',
        domain="[('organization_id', '=', organization_id)]",
        help='The unit whose head the member talks with; fills in the counterpart.')
    representative_id = fields.Many2one(
        'party.organization.representative', string='Branch Representative', ondelete='set null',
        domain="[('organization_id', '=', organization_id)]",
        help='The branch representative the member talks with; fills in the counterpart.')
    date = fields.Date(tracking=True)
    location = fields.Char()
    content = fields.Html(string='Content', sanitize=True)
    opinions = fields.Html(string='Opinions Exchanged', sanitize=True)
    duty_report = fields.Html(
        string='One Post, Two Duties Report',
        help='The member\'s report on carrying out "one post, two duties" (一岗双责) over the past year.')
    state = fields.Selection(
        [('planned', 'Planned'), ('done', 'Done')],
        required=True, default='planned', tracking=True, index=True)
    rectification_ids = fields.One2many('party.rectification', 'talk_id', string='Rectifications')

    @api.depends('initiator_user_id', 'counterpart_user_id', 'counterpart_name')
    def _compute_display_name(self):
        for talk in self:
            counterpart = talk.counterpart_user_id.name or talk.counterpart_name or '?'
            talk.display_name = f'{talk.initiator_user_id.name or "?"} ↔ {counterpart}'

    @api.onchange('unit_id')
    def _onchange_unit_id(self):
        if self.unit_id:
            self.talk_type = 'member_unit_head'
            self.initiator_user_id = self.unit_id.member_user_id
            self.counterpart_user_id = self.unit_id.head_user_id
            self.counterpart_name = self.unit_id.head_name

    @api.onchange('representative_id')
    def _onchange_representative_id(self):
        if self.representative_id:
            self.talk_type = 'branch_representative'
            self.counterpart_user_id = self.representative_id.user_id
            self.counterpart_name = self.representative_id.name

    @api.constrains('initiator_user_id', 'counterpart_user_id', 'counterpart_name')
    def _check_counterpart(self):
        for talk in self:
            if not talk.counterpart_user_id and not (talk.counterpart_name or '').strip():
                raise ValidationError(self.env._(
                    'Talk "%(talk)s": the field "Counterpart" or "Counterpart Name" is required.',
                    talk=talk.display_name))
            if talk.counterpart_user_id and talk.counterpart_user_id == talk.initiator_user_id:
                raise ValidationError(self.env._(
                    'Talk "%(talk)s": the field "Counterpart" cannot be the initiator; a talk needs '
                    'two different people.', talk=talk.display_name))

    @api.constrains('date', 'meeting_id')
    def _check_date_before_meeting(self):
        """Talks prepare the meeting, so they happen before it starts."""
        for talk in self.filtered(lambda t: t.date and t.meeting_id.date_start):
            held_on = fields.Date.context_today(talk, talk.meeting_id.date_start)
            if talk.date > held_on:
                raise ValidationError(self.env._(
                    'Talk "%(talk)s": the field "Date" (%(date)s) is after the meeting on %(meeting_date)s.',
                    talk=talk.display_name, date=talk.date, meeting_date=held_on))

    def _missing_for_done(self):
        """What a talk lacks to count as done: its date and content, and for the principal-member
        talk the member's one-post-two-duties report — provisions."""
        self.ensure_one()
        missing = []
        if not self.date:
            missing.append(self.env._('Date'))
        if is_html_empty(self.content):
            missing.append(self.env._('Content'))
        if self.talk_type == 'principal_member' and is_html_empty(self.duty_report):
            missing.append(self.env._('One Post, Two Duties Report'))
        return missing

    def _raise_if_incomplete(self):
        for talk in self:
            missing = talk._missing_for_done()
            if missing:
                raise ValidationError(self.env._(
                    'Talk "%(talk)s" cannot be marked done: fill in %(fields)s.',
                    talk=talk.display_name, fields=', '.join(missing)))

    @api.constrains('state', 'date', 'content', 'duty_report', 'talk_type')
    def _check_done_talk_complete(self):
        self.filtered(lambda t: t.state == 'done')._raise_if_incomplete()

    def action_done(self):
        for talk in self:
            if talk.state == 'done':
                raise UserError(self.env._('Talk "%(talk)s" is already done.', talk=talk.display_name))
        self._raise_if_incomplete()
        self.write({'state': 'done'})
        return True

    def action_plan(self):
        self.write({'state': 'planned'})
        return True

    def action_to_rectification(self):
        """Open a new rectification item drafted from this talk; nothing is stored until it is
        saved. The confidential talk record is linked, not copied into the ledger."""
        self.ensure_one()
        owner = self.counterpart_user_id or self.initiator_user_id
        return self.env['party.rectification']._get_form_action({
            'name': self.env._('Problem raised in the talk %(talk)s', talk=self.display_name),
            'meeting_id': self.meeting_id.id,
            'talk_id': self.id,
            'source': 'talk',
            'scope': 'personal',
            'responsible_user_id': owner.id,
            'public': False,
        })
