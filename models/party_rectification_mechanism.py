from odoo import api, fields, models
from odoo.exceptions import UserError


class PartyRectificationMechanism(models.Model):
    """A rule or mechanism an item produced (建章立制): the plan asks to fix problems now and to
    make the fix last ("当下改" and "长久立")."""
    _name = 'party.rectification.mechanism'
    _description = 'Rule or Mechanism Established'
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

    @api.model_create_multi
    def create(self, vals_list):
        mechanisms = super().create(vals_list)
        mechanisms._check_rectification_open()
        return mechanisms

    def write(self, vals):
        self._check_rectification_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_verified(self):
        self._check_rectification_open()

    def _check_rectification_open(self):
        """What a verified item produced is part of its closed record, like its milestones."""
        if self.env.su:
            return
        for mechanism in self:
            if mechanism.rectification_id.state == 'verified':
                raise UserError(self.env._(
                    'Rectification "%(item)s" is verified: its field "Rules and Mechanisms" is read-only.',
                    item=mechanism.rectification_id.name))
