from odoo import fields, models


class PartyMeetingStatementReturn(models.TransientModel):
    _name = 'party.meeting.statement.return'
    _description = 'Return a Statement to its Author'

    statement_ids = fields.Many2many('party.meeting.statement', string='Statements', required=True)
    comment = fields.Text(
        string='Review Comment', required=True, help='What the author should change; they see it on the outline.')

    def action_confirm(self):
        self.ensure_one()
        self.statement_ids.action_return(comment=self.comment)
        return {'type': 'ir.actions.act_window_close'}
