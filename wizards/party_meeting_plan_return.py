from odoo import api, fields, models


class PartyMeetingPlanReturn(models.TransientModel):
    _name = 'party.meeting.plan.return'
    _inherit = ['party.input.check']
    _description = 'Return a Plan to the Principal'

    meeting_ids = fields.Many2many('party.meeting', string='Meetings', required=True)
    comment = fields.Text(
        string='Review Comment', required=True,
        help='What the Party group should change in its plan; the principal and the clerks see it on the meeting.')

    @api.model
    def _open_dialog(self, meetings):
        return {
            'type': 'ir.actions.act_window',
            'name': self.env._('Return the Plan'),
            'res_model': self._name,
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_meeting_ids': meetings.ids},
        }

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        # Only a reviewer above the organisation opens the dialog.
        if not self.env.su:
            wizards.meeting_ids.organization_id._check_upper_reviewer(self.env._('Returning the plan'))
        return wizards

    def action_confirm(self):
        self.ensure_one()
        self.meeting_ids.action_return_plan(comment=self.comment)
        return {'type': 'ir.actions.act_window_close'}
