from odoo import api, fields, models


class PartyRectificationReturn(models.TransientModel):
    _name = 'party.rectification.return'
    _inherit = ['party.input.check']
    _description = 'Return a Rectification to the Party Group'

    rectification_ids = fields.Many2many('party.rectification', string='Rectifications', required=True)
    reason = fields.Text(
        string='Reason Returned', required=True,
        help='What is still missing before the item can be closed; the principal and the owner see it on the item.')

    @api.model
    def _open_dialog(self, items):
        return {
            'type': 'ir.actions.act_window',
            'name': self.env._('Return to the Party Group'),
            'res_model': self._name,
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_rectification_ids': items.ids},
        }

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        # Only a reviewer of the supervising organization department opens the dialog.
        if not self.env.su:
            wizards.rectification_ids._check_closer(self.env._('return it'))
        return wizards

    def action_confirm(self):
        self.ensure_one()
        self.rectification_ids._return_to_party_group(self.reason)
        return {'type': 'ir.actions.act_window_close'}
