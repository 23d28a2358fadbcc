import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext, is_html_empty

# How a criticism must not open — the plan's three "don'ts" (三个不能): praise before the
# shortcomings, a wish instead of the problem, a work suggestion instead of the criticism.
# Words that mark such an opening, looked for in the first clause only; a hint, never a block.
OPENING_WORDS = {
    'praise': ('成绩', '肯定', '优点', '长处', '值得学习', '表现突出', '工作认真', '工作扎实', '认真负责',
               '成效明显', '做了大量', 'good work', 'has done well', 'achievement', 'praise'),
    'wish': ('希望', '期望', '期待', '盼望', 'i hope', 'hope that', 'i wish'),
    'suggestion': ('建议', '可以考虑', '最好能', '应进一步', 'i suggest', 'suggest that', 'recommend'),
}
OPENING_END = re.compile(r'[。！？!?；;，,：:\n]|\.(?:\s|$)')

# States in which criticisms are recorded: during the meeting, and afterwards for the members
# who were away (their criticisms are given later and recorded the same way).
CRITICISM_STATES = ('preparing', 'held', 'rectifying')


class PartyMeetingCriticism(models.Model):
    _name = 'party.meeting.criticism'
    _description = 'Criticism and Self-criticism'
    _order = 'meeting_id, target_sequence, target_user_id, kind, sequence, id'

    meeting_id = fields.Many2one(
        'party.meeting', string='Meeting', required=True, index=True, ondelete='restrict')
    organization_id = fields.Many2one(related='meeting_id.organization_id', store=True, index=True)
    company_id = fields.Many2one(related='meeting_id.company_id', store=True, index=True)
    sequence = fields.Integer(default=10)
    target_user_id = fields.Many2one(
        'res.users', string='Criticised Member', required=True, index=True, ondelete='restrict',
        help='The team member who makes the self-criticism or receives the criticism.')
    target_sequence = fields.Integer(compute='_compute_target_sequence', store=True)
    kind = fields.Selection(
        [
            ('self', 'Self-criticism'),
            ('mutual', 'Mutual Criticism'),
            ('guide_comment', 'Comment by a Guide'),
        ],
        required=True, default='mutual', index=True)
    critic_user_id = fields.Many2one(
        'res.users', string='Critic', index=True, ondelete='restrict',
        compute='_compute_critic_user_id', store=True, readonly=False, precompute=True,
        help='Who speaks: the member themself for a self-criticism, another present member for '
             'a mutual criticism, or an upper-level guide with a login.')
    critic_partner_id = fields.Many2one(
        'res.partner', string='Guide', ondelete='restrict',
        help='An upper-level guide without a login who comments at the meeting.')
    content = fields.Html(string='Content', sanitize=True)
    response = fields.Html(
        string='Response and Commitment', sanitize=True,
        help="The criticised member's response and brief statement of commitment (表态).")
    opening_kind = fields.Selection(
        [
            ('praise', 'Opens with praise'),
            ('wish', 'Opens with a wish'),
            ('suggestion', 'Opens with a suggestion'),
        ],
        string='Opening', compute='_compute_opening_kind', store=True,
        help='A mutual criticism whose first clause praises, wishes or suggests instead of naming the problem.')
    opening_warning = fields.Char(string='Wording Warning', compute='_compute_opening_warning')
    wording_confirmed = fields.Boolean(
        string='Wording Confirmed', copy=False,
        help='The critic keeps the wording despite the warning; until then the criticism does not count '
             'towards the minimum. Changing the content asks again.')
    after_meeting = fields.Boolean(
        string='Given After the Meeting', compute='_compute_after_meeting', store=True,
        help='Criticism given afterwards to a member who was away from the meeting.')
    rectification_ids = fields.One2many('party.rectification', 'criticism_id', string='Rectifications')
    rectification_count = fields.Integer(compute='_compute_rectification_count')

    @api.depends('target_user_id', 'meeting_id.attendee_ids.sequence')
    def _compute_target_sequence(self):
        for criticism in self:
            attendee = criticism.meeting_id.attendee_ids.filtered(
                lambda a: a.role == 'member' and a.user_id == criticism.target_user_id)[:1]
            criticism.target_sequence = attendee.sequence

    @api.depends('kind', 'target_user_id')
    def _compute_critic_user_id(self):
        for criticism in self.filtered(lambda c: c.kind == 'self'):
            criticism.critic_user_id = criticism.target_user_id

    @api.depends('target_user_id', 'meeting_id.attendee_ids.attendance')
    def _compute_after_meeting(self):
        for criticism in self:
            criticism.after_meeting = criticism.target_user_id not in criticism.meeting_id._get_present_member_users()

    @api.depends('content', 'kind')
    def _compute_opening_kind(self):
        for criticism in self:
            criticism.opening_kind = criticism._find_opening_kind() if criticism.kind == 'mutual' else False

    def _find_opening_kind(self):
        self.ensure_one()
        text = html2plaintext(self.content or '').strip()
        first = OPENING_END.split(text, maxsplit=1)[0].lower()
        return next((kind for kind, words in OPENING_WORDS.items() if any(word in first for word in words)), False)

    @api.depends('opening_kind')
    def _compute_opening_warning(self):
        warnings = {
            'praise': self.env._('The criticism opens with praise: do not affirm achievements first and then '
                                 'point out shortcomings.'),
            'wish': self.env._('The criticism opens with a wish: do not put hopes in place of naming the problem.'),
            'suggestion': self.env._('The criticism opens with a suggestion: do not put work suggestions in place '
                                     'of criticism.'),
        }
        for criticism in self:
            criticism.opening_warning = warnings.get(criticism.opening_kind, False)

    def _awaits_confirmation(self):
        """A warned criticism counts once its critic confirms the wording."""
        self.ensure_one()
        return bool(self.opening_kind) and not self.wording_confirmed

    def action_confirm_wording(self):
        """The critic keeps the wording despite the warning (a hint, never a block)."""
        self.write({'wording_confirmed': True})
        return True

    def _compute_rectification_count(self):
        counts = dict(self.env['party.rectification']._read_group(
            [('criticism_id', 'in', self.ids)], ['criticism_id'], ['__count']))
        for criticism in self:
            criticism.rectification_count = counts.get(criticism, 0)

    @api.depends('target_user_id', 'critic_user_id', 'critic_partner_id', 'kind')
    def _compute_display_name(self):
        kinds = dict(self._fields['kind']._description_selection(self.env))
        for criticism in self:
            critic = criticism.critic_user_id.name or criticism.critic_partner_id.name or '?'
            target = criticism.target_user_id.name or '?'
            if criticism.kind == 'self':
                criticism.display_name = f'{kinds["self"]}: {target}'
            else:
                criticism.display_name = f'{kinds[criticism.kind]}: {critic} → {target}'

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains('kind', 'target_user_id', 'critic_user_id', 'critic_partner_id', 'meeting_id')
    def _check_critic(self):
        """Critic ≠ target; a mutual criticism comes from a member present at the meeting;
        a guide's comment comes from a guide — practice."""
        for criticism in self:
            meeting = criticism.meeting_id
            name = criticism.display_name
            if criticism.target_user_id not in meeting.attendee_ids.filtered(
                    lambda a: a.role == 'member').user_id:
                raise ValidationError(self.env._(
                    'Criticism "%(criticism)s": the field "Criticised Member" must be a team member '
                    'listed as a participant of the meeting "%(meeting)s".',
                    criticism=name, meeting=meeting.name))
            if criticism.kind == 'self':
                if criticism.critic_user_id != criticism.target_user_id:
                    raise ValidationError(self.env._(
                        'Criticism "%(criticism)s": a self-criticism is made by the criticised member; '
                        'the field "Critic" must be %(target)s.',
                        criticism=name, target=criticism.target_user_id.name))
                continue
            if criticism.critic_user_id and criticism.critic_user_id == criticism.target_user_id:
                raise ValidationError(self.env._(
                    'Criticism "%(criticism)s": the field "Critic" cannot be the criticised member; '
                    'record it as a self-criticism instead.', criticism=name))
            if criticism.kind == 'mutual':
                if criticism.critic_user_id not in meeting._get_present_member_users():
                    raise ValidationError(self.env._(
                        'Criticism "%(criticism)s": the field "Critic" must be a team member present '
                        'at the meeting "%(meeting)s".', criticism=name, meeting=meeting.name))
            elif not (criticism.critic_user_id or criticism.critic_partner_id):
                raise ValidationError(self.env._(
                    'Criticism "%(criticism)s": the field "Critic" or "Guide" is required for a '
                    'guide\'s comment.', criticism=name))
            else:
                guides = meeting.attendee_ids.filtered(lambda a: a.role == 'guide')
                if (criticism.critic_user_id and criticism.critic_user_id not in guides.user_id) or (
                        criticism.critic_partner_id and criticism.critic_partner_id not in guides.partner_id):
                    raise ValidationError(self.env._(
                        'Criticism "%(criticism)s": the field "Critic" or "Guide" of a guide\'s comment must '
                        'be an upper-level guide listed as a participant of the meeting "%(meeting)s".',
                        criticism=name, meeting=meeting.name))

    @api.constrains('kind', 'target_user_id', 'meeting_id')
    def _check_one_self_criticism(self):
        for criticism in self.filtered(lambda c: c.kind == 'self'):
            count = self.search_count([
                ('meeting_id', '=', criticism.meeting_id.id),
                ('target_user_id', '=', criticism.target_user_id.id),
                ('kind', '=', 'self'),
            ])
            if count > 1:
                raise ValidationError(self.env._(
                    'Criticism "%(criticism)s": %(target)s already has a self-criticism at the meeting '
                    '"%(meeting)s"; edit that one.',
                    criticism=criticism.display_name, target=criticism.target_user_id.name,
                    meeting=criticism.meeting_id.name))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        criticisms = super().create(vals_list)
        criticisms._check_meeting_state()
        return criticisms

    def write(self, vals):
        self._check_meeting_state()
        if 'content' in vals and 'wording_confirmed' not in vals:
            vals = dict(vals, wording_confirmed=False)  # new wording, new confirmation
        result = super().write(vals)
        if 'meeting_id' in vals:
            self._check_meeting_state()
        return result

    def _check_meeting_state(self):
        """Criticisms are recorded at the meeting and, for absent members, afterwards; a closed
        meeting's record no longer changes."""
        if self.env.su:
            return
        for criticism in self:
            if criticism.meeting_id.state not in CRITICISM_STATES:
                raise UserError(self.env._(
                    'Criticism "%(criticism)s": the meeting "%(meeting)s" is not being held or '
                    'followed up, so its criticisms cannot be changed.',
                    criticism=criticism.display_name, meeting=criticism.meeting_id.name))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        """What was said at the meeting stays on record — practice (minutes are kept)."""
        if self:
            raise UserError(self.env._(
                'Criticism "%(criticism)s" cannot be deleted: criticisms stay on the record of the '
                'meeting "%(meeting)s". Correct its content instead.',
                criticism=self[0].display_name, meeting=self[0].meeting_id.name))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_to_rectification(self):
        """Open a new rectification item drafted from this criticism; nothing is stored until
        it is saved. The confidential text is not copied into the ledger, only linked."""
        self.ensure_one()
        if is_html_empty(self.content):
            raise UserError(self.env._(
                'Criticism "%(criticism)s": the field "Content" is empty; there is no problem to rectify.',
                criticism=self.display_name))
        return self.env['party.rectification']._get_form_action({
            'name': self.env._('Problem raised in the criticism of %(target)s', target=self.target_user_id.name),
            'meeting_id': self.meeting_id.id,
            'criticism_id': self.id,
            'source': 'criticism',
            'scope': 'personal',
            'responsible_user_id': self.target_user_id.id,
            'public': False,
        })

    def action_view_rectifications(self):
        self.ensure_one()
        return self.meeting_id._action_open(
            'party_democratic_life.party_rectification_action', [('criticism_id', '=', self.id)])

    def _get_plain_content(self):
        self.ensure_one()
        return html2plaintext(self.content or '')
