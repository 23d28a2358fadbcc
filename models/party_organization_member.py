from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .party_organization_representative import NO_BRANCH_KEY, branch_talk_key


class PartyOrganizationMember(models.Model):
    _name = 'party.organization.member'
    _description = 'Leadership Team Member'
    _order = 'organization_id, sequence, id'
    _rec_name = 'user_id'

    organization_id = fields.Many2one(
        'party.organization', required=True, index=True, ondelete='cascade')
    company_id = fields.Many2one(related='organization_id.company_id', store=True, index=True)
    user_id = fields.Many2one('res.users', string='User', required=True, index=True, ondelete='restrict')
    partner_id = fields.Many2one(related='user_id.partner_id')
    sequence = fields.Integer(default=10)
    position = fields.Char(string='Position', help='e.g. 党组书记、局长 / 党组成员、副局长')
    duty_area = fields.Char(string='Duty Area', help='The fields of work this member is in charge of (分管领域).')
    is_principal = fields.Boolean(string='Principal')
    branch = fields.Char(
        string='Party Branch',
        help='The Party branch where the member\'s own Party membership is held (本人组织关系所在党支部); '
             'the member talks with a representative of this branch before the meeting.')

    @api.depends('user_id', 'position')
    def _compute_display_name(self):
        for member in self:
            name = member.user_id.name or ''
            member.display_name = f'{name} ({member.position})' if member.position and name else name

    def _branch_talk_key(self):
        """The talk party a member must meet: any representative of their own branch."""
        self.ensure_one()
        return branch_talk_key(self.branch) or NO_BRANCH_KEY

    def _branch_talk_label(self):
        self.ensure_one()
        if (self.branch or '').strip():
            return self.env._('%(member)s ↔ a representative of %(branch)s',
                              member=self.user_id.name, branch=self.branch.strip())
        return self.env._('%(member)s ↔ a representative of his or her Party branch (field "Party Branch" '
                          'is empty)', member=self.user_id.name)

    def _branch_representatives(self):
        """The organization's representatives of this member's branch, other than the member."""
        self.ensure_one()
        key = branch_talk_key(self.branch)
        return self.organization_id.representative_ids.filtered(
            lambda rep: key and rep._branch_talk_key() == key and rep.user_id != self.user_id)

    @api.constrains('is_principal', 'organization_id')
    def _check_one_principal(self):
        # A team edited as a whole (the organization form) is checked once, after all its lines.
        if not self.env.context.get('defer_principal_check'):
            self.organization_id._check_one_principal()

    @api.constrains('user_id', 'organization_id')
    def _check_user_once(self):
        for member in self:
            if len(member.organization_id.member_ids.filtered(lambda m: m.user_id == member.user_id)) > 1:
                raise ValidationError(self.env._(
                    'Organization "%(organization)s": the field "User" lists %(user)s twice on the team.',
                    organization=member.organization_id.name, user=member.user_id.name))

    @api.constrains('user_id', 'organization_id')
    def _check_user_company(self):
        for member in self:
            if member.user_id and member.organization_id.company_id not in member.user_id.company_ids:
                raise ValidationError(self.env._(
                    'Team member "%(user)s" of "%(organization)s": the field "User" must have access '
                    'to the company %(company)s.',
                    user=member.user_id.name, organization=member.organization_id.name,
                    company=member.organization_id.company_id.name))
