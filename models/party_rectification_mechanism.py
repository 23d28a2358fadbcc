from odoo import fields, models


class PartyRectificationMechanism(models.Model):
    """A rule or mechanism an item produced (建章立制): the plan asks to fix problems now and to
    make the fix last ("当下改" and "长久立")."""
    _name = 'party.rectification.mechanism'
    _inherit = ['party.rectification.line.mixin']
    _description = 'Rule or Mechanism Established'
    _item_field = 'mechanism_ids'
    _order = 'rectification_id, date_adopted, id'

    rectification_id = fields.Many2one(
        'party.rectification', string='Rectification', required=True, index=True, ondelete='cascade')
    organization_id = fields.Many2one(related='rectification_id.organization_id', store=True, index=True)
    company_id = fields.Many2one(related='rectification_id.company_id', store=True, index=True)
    name = fields.Char(string='Title', required=True)
    kind = fields.Selection(
        [
            ('regulation', 'Regulation'),
            ('mechanism', 'Working Mechanism'),
            ('procedure', 'Procedure'),
            ('standard', 'Standard or List'),
        ],
        string='Kind', required=True, default='regulation')
    date_adopted = fields.Date(string='Adopted On')
    document_number = fields.Char(string='Document Number', help='e.g. 执法党〔2022〕3号')
