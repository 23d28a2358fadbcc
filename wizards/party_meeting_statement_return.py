from odoo import api, fields, models


class PartyMeetingStatementReturn(models.TransientModel):
    _name = 'party.meeting.statement.return'
    _inherit = ['party.input.check']
    _description = 'Return a Statement to its Author'

    statement_ids = fields.Many2many('party.meeting.statement', string='Statements', required=True)
    comment = fields.Text(
        string='Review Comment', required=True, help='What the author should change; they see it on the outline.')

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        # Only the reviewer opens the dialog, so it never names an outline they may not read.
        if not self.env.su:
            wizards.statement_ids._check_reviewer()
        return wizards

    def action_confirm(self):
        self.ensure_one()
        self.statement_ids.action_return(comment=self.comment)
        return {'type': 'ir.actions.act_window_close'}
