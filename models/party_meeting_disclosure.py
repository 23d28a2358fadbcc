from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# What a member must explain item by item in part 三 of the personal outline; an item of the
# last kind also needs a thorough self-examination (深刻检查) — reference plan.
DISCLOSURE_KINDS = [
    ('public_complaint', 'Public Complaint'),
    ('inspection_feedback', 'Inspection Feedback'),
    ('inquiry', 'Talk or Written Inquiry'),
    ('major_matter', 'Personal Major Matter to Report'),
    ('accountability', 'Held Accountable'),
]


class PartyMeetingDisclosure(models.Model):
    """A matter a member must explain at the meeting (需说明事项), entered by the clerk or
    the principal. Confidential like the talks: the member concerned, the principal, the
    clerks and managers read it."""
    _name = 'party.meeting.disclosure'
    _description = 'Matter to Explain'
    _order = 'meeting_id, member_user_id, sequence, id'

    meeting_id = fields.Many2one(
        'party.meeting', string='Meeting', required=True, index=True, ondelete='cascade')
    organization_id = fields.Many2one(related='meeting_id.organization_id', store=True, index=True)
    company_id = fields.Many2one(related='meeting_id.company_id', store=True, index=True)
    sequence = fields.Integer(default=10)
    member_user_id = fields.Many2one(
        'res.users', string='Member', required=True, index=True, ondelete='restrict',
        help='The team member who explains this matter in part three of the personal outline.')
    kind = fields.Selection(DISCLOSURE_KINDS, string='Kind', required=True)
    description = fields.Char(string='Description', required=True)
    explanation_ids = fields.One2many(
        'party.meeting.statement.explanation', 'disclosure_id', string='Explanations')

    @api.depends('member_user_id', 'kind')
    def _compute_display_name(self):
        kinds = dict(self._fields['kind']._description_selection(self.env))
        for disclosure in self:
            disclosure.display_name = f'{disclosure.member_user_id.name or "?"}：{kinds.get(disclosure.kind, "")}'

    @api.constrains('member_user_id', 'meeting_id')
    def _check_member_on_team(self):
        for disclosure in self:
            organization = disclosure.meeting_id.organization_id
            if disclosure.member_user_id not in organization.member_user_ids:
                raise ValidationError(self.env._(
                    'Matter to explain "%(matter)s": the field "Member" must be on the team of %(organization)s.',
                    matter=disclosure.description, organization=organization.name))

    @api.model_create_multi
    def create(self, vals_list):
        disclosures = super().create(vals_list)
        disclosures._add_to_statements()
        return disclosures

    def write(self, vals):
        if {'meeting_id', 'member_user_id'} & set(vals):
            raise UserError(self.env._(
                'Matter to explain "%(matter)s": the fields "Meeting" and "Member" cannot change; delete '
                'it and enter it again for the right member.', matter=self[:1].description))
        return super().write(vals)

    def _add_to_statements(self):
        """Each matter gets its line in the member's outline while it is being written, where the
        member answers it; an outline written, returned or revised later gets its lines then. A
        submitted or approved text is not changed behind its author's back."""
        Statement = self.env['party.meeting.statement'].sudo()
        statements = Statement.search([
            ('meeting_id', 'in', self.meeting_id.ids), ('kind', '=', 'personal'),
            ('author_user_id', 'in', self.member_user_id.ids), ('state', 'in', ('draft', 'returned'))])
        vals_list = []
        for disclosure in self:
            for statement in statements.filtered(
                    lambda s, d=disclosure: s.meeting_id == d.meeting_id and s.author_user_id == d.member_user_id):
                vals_list.append({'statement_id': statement.id, 'disclosure_id': disclosure.id,
                                  'sequence': disclosure.sequence})
        self.env['party.meeting.statement.explanation'].sudo().create(vals_list)
