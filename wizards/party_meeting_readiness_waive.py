from odoo import fields, models


class PartyMeetingReadinessWaive(models.TransientModel):
    _name = 'party.meeting.readiness.waive'
    _description = 'Waive a Readiness Check'

    readiness_id = fields.Many2one(
        'party.meeting.readiness', string='Check', required=True, ondelete='cascade')
    meeting_id = fields.Many2one(related='readiness_id.meeting_id')
    missing = fields.Text(related='readiness_id.missing')
    reason = fields.Text(
        string='Reason for Waiving', required=True,
        help='Why the meeting may be held without this item; it is logged on the meeting.')

    def action_confirm(self):
        self.ensure_one()
        self.readiness_id.action_waive(reason=self.reason)
        return {'type': 'ir.actions.act_window_close'}
