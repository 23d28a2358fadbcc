from odoo import api, fields, models


class PartyMeetingReadinessWaive(models.TransientModel):
    _name = 'party.meeting.readiness.waive'
    _inherit = ['party.input.check']
    _description = 'Waive a Readiness Check'

    readiness_id = fields.Many2one(
        'party.meeting.readiness', string='Check', required=True, ondelete='cascade')
    meeting_id = fields.Many2one(related='readiness_id.meeting_id')
    missing = fields.Text(related='readiness_id.missing')
    reason = fields.Text(
        string='Reason for Waiving', required=True,
        help='Why the meeting may be held without this item; it is logged on the meeting.')

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        # Only who may waive opens the dialog, so it never names another organization's check.
        wizards.readiness_id._check_can_waive()
        return wizards

    def action_confirm(self):
        self.ensure_one()
        self.readiness_id.action_waive(reason=self.reason)
        return {'type': 'ir.actions.act_window_close'}
