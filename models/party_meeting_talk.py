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
            ('other', 'Other Talk'),
        ],
        string='Talk Type', compute='_compute_talk_type', store=True, tracking=True,
        help='Follows from who talks with whom: the principal and a team member, two members, a member '
             'and the head of a unit in charge, anyone and a branch representative.')
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

    @api.depends('initiator_user_id', 'counterpart_user_id', 'counterpart_name', 'unit_id', 'representative_id',
                 'meeting_id.organization_id.member_ids.user_id', 'meeting_id.organization_id.member_ids.is_principal',
                 'meeting_id.organization_id.unit_ids.head_user_id', 'meeting_id.organization_id.unit_ids.head_name',
                 'meeting_id.organization_id.representative_ids.user_id',
                 'meeting_id.organization_id.representative_ids.name')
    def _compute_talk_type(self):
        """The type follows from the two parties, never from a pick that can be wrong: two team
        members first (the principal's talks carry the duty report), then a branch representative,
        then the head of a unit in charge."""
        Meeting = self.env['party.meeting']
        for talk in self:
            organization = talk.meeting_id.organization_id
            team = organization.member_ids.user_id
            parties = talk.initiator_user_id | talk.counterpart_user_id
            keys = {Meeting._talk_party_key(party) for party in talk._get_parties()}
            if len(parties) == 2 and parties <= team:
                talk.talk_type = ('principal_member' if organization.principal_user_id in parties
                                  else 'member_member')
            elif talk.representative_id or keys & {
                    Meeting._talk_party_key(rep._talk_party()) for rep in organization.representative_ids}:
                talk.talk_type = 'branch_representative'
            elif talk.unit_id or keys & {
                    Meeting._talk_party_key(unit._talk_party()) for unit in organization.unit_ids
                    if unit._talk_party()}:
                talk.talk_type = 'member_unit_head'
            else:
                talk.talk_type = 'other'

    def _get_parties(self):
        """The two sides of the talk as talk parties (a user, or a name)."""
        self.ensure_one()
        counterpart = self.counterpart_user_id or (self.counterpart_name or '').strip()
        return [party for party in (self.initiator_user_id, counterpart) if party]

    def _is_principal_member_pair(self):
        """The principal and another team member talk, whatever type was saved."""
        self.ensure_one()
        organization = self.meeting_id.organization_id
        parties = self.initiator_user_id | self.counterpart_user_id
        return (len(parties) == 2 and organization.principal_user_id in parties
                and parties <= organization.member_ids.user_id)

    def _counts_for_its_pair(self):
        """A done talk covers the pair of its parties; between the principal and a member only
        with the member's one-post-two-duties report — reference plan."""
        self.ensure_one()
        return self.state == 'done' and not (
            self._is_principal_member_pair() and is_html_empty(self.duty_report))

    @api.model_create_multi
    def create(self, vals_list):
        # The type is derived from the parties; a value given by hand is not kept.
        return super().create([{k: v for k, v in vals.items() if k != 'talk_type'} for vals in vals_list])

    def write(self, vals):
        return super().write({k: v for k, v in vals.items() if k != 'talk_type'})

    @api.onchange('unit_id')
    def _onchange_unit_id(self):
        if self.unit_id:
            self.initiator_user_id = self.unit_id.member_user_id
            self.counterpart_user_id = self.unit_id.head_user_id
            self.counterpart_name = self.unit_id.head_name

    @api.onchange('representative_id')
    def _onchange_representative_id(self):
        if self.representative_id:
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
            held_on = talk.meeting_id._held_on()
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
        if (self.talk_type == 'principal_member' or self._is_principal_member_pair()) \
                and is_html_empty(self.duty_report):
            missing.append(self.env._('One Post, Two Duties Report'))
        return missing

    def _raise_if_incomplete(self):
        for talk in self:
            missing = talk._missing_for_done()
            if missing:
                raise ValidationError(self.env._(
                    'Talk "%(talk)s" cannot be marked done: fill in %(fields)s.',
                    talk=talk.display_name, fields=', '.join(missing)))

    @api.constrains('state', 'date', 'content', 'duty_report', 'talk_type', 'initiator_user_id',
                    'counterpart_user_id')
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
