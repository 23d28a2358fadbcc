from odoo import fields, models


class PartyMeetingFocus(models.Model):
    _name = 'party.meeting.focus'
    _description = 'Key Aspect of Self-examination'
    _order = 'meeting_id, sequence, id'
    _rec_name = 'title'

    meeting_id = fields.Many2one('party.meeting', required=True, index=True, ondelete='cascade')
    company_id = fields.Many2one(related='meeting_id.company_id', store=True)
    sequence = fields.Integer(default=10)
    title = fields.Char(required=True, translate=False)
    description = fields.Text()
