from odoo import api, fields, models

# The branch talk party of a member whose branch is not recorded: no talk can cover it.
NO_BRANCH_KEY = 'none:branch'


def branch_talk_key(branch):
    """Any representative of this branch as one talk party, or None without a branch."""
    branch = (branch or '').strip()
    return f'branch:{branch}' if branch else None


class PartyOrganizationRepresentative(models.Model):
    _name = 'party.organization.representative'
    _description = 'Party Branch Representative'
    _order = 'organization_id, sequence, id'

    organization_id = fields.Many2one(
        'party.organization', string='Organization', required=True, index=True, ondelete='cascade')
    company_id = fields.Many2one(related='organization_id.company_id', store=True, index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    user_id = fields.Many2one('res.users', string='User', ondelete='restrict')
    name = fields.Char(
        string='Name', compute='_compute_name', store=True, readonly=False, required=True, precompute=True)
    branch = fields.Char(
        string='Party Branch',
        help='The branch this representative speaks for; a team member talks with a representative of '
             'his or her own branch (field "Party Branch" of the team member).')

    @api.depends('user_id')
    def _compute_name(self):
        for representative in self.filtered('user_id'):
            representative.name = representative.user_id.name

    @api.depends('name', 'branch')
    def _compute_display_name(self):
        for representative in self:
            representative.display_name = (
                f'{representative.name} ({representative.branch})' if representative.branch
                else representative.name)

    def _branch_talk_key(self):
        self.ensure_one()
        return branch_talk_key(self.branch)

    def _talk_party(self):
        """The representative as a talk party: the user when known, else the name."""
        self.ensure_one()
        return self.user_id or self.name
