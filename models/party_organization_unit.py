from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PartyOrganizationUnit(models.Model):
    _name = 'party.organization.unit'
    _description = 'Unit in Charge'
    _order = 'organization_id, sequence, id'

    organization_id = fields.Many2one(
        'party.organization', string='Organization', required=True, index=True, ondelete='cascade')
    company_id = fields.Many2one(related='organization_id.company_id', store=True, index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    name = fields.Char(string='Unit', required=True)
    member_user_id = fields.Many2one(
        'res.users', string='Member in Charge', required=True, index=True, ondelete='restrict',
        domain="[('id', 'in', organization_member_user_ids)]",
        help='The team member in charge of this unit (分管班子成员).')
    organization_member_user_ids = fields.Many2many(related='organization_id.member_user_ids')
    head_user_id = fields.Many2one(
        'res.users', string='Head (User)', ondelete='restrict',
        help='The unit\'s head (主要负责同志), when they have a login.')
    head_name = fields.Char(
        string='Head', compute='_compute_head_name', store=True, readonly=False, required=True, precompute=True,
        help='The unit\'s head; filled from the user when there is one.')

    @api.depends('head_user_id')
    def _compute_head_name(self):
        for unit in self.filtered('head_user_id'):
            unit.head_name = unit.head_user_id.name

    @api.depends('name', 'head_name')
    def _compute_display_name(self):
        for unit in self:
            unit.display_name = f'{unit.name} ({unit.head_name})' if unit.head_name else unit.name

    @api.constrains('member_user_id', 'organization_id')
    def _check_member_on_team(self):
        for unit in self:
            if unit.member_user_id not in unit.organization_id.member_user_ids:
                raise ValidationError(self.env._(
                    'Unit "%(unit)s": the field "Member in Charge" must be on the team of %(organization)s.',
                    unit=unit.name, organization=unit.organization_id.name))

    def _talk_party(self):
        """The head as a talk party: the user when known, else the name."""
        self.ensure_one()
        return self.head_user_id or self.head_name
