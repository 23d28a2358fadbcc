from odoo import api, fields, models


class PartyMeetingPackageReturn(models.TransientModel):
    _name = 'party.meeting.package.return'
    _inherit = ['party.input.check']
    _description = 'Return a Submission Package'

    package_id = fields.Many2one('party.meeting.package', string='Package', required=True, ondelete='cascade')
    comment = fields.Text(
        string='Return Comment', required=True,
        help='What the Party group should correct or add; the principal and the clerks see it on the meeting.')

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        # Only a person of a body the package was sent to opens the dialog.
        if not self.env.su:
            wizards.package_id.check_access('read')
            for wizard in wizards:
                wizard.package_id._check_recipient(self.env._('returned'))
        return wizards

    def action_confirm(self):
        self.ensure_one()
        self.package_id.action_return(comment=self.comment)
        return {'type': 'ir.actions.act_window_close'}
