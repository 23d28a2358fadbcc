from odoo import fields, models


class PartyMeetingAgenda(models.Model):
    _name = 'party.meeting.agenda'
    _description = 'Meeting Agenda Item'
    _order = 'meeting_id, sequence, id'
    _rec_name = 'item'

    meeting_id = fields.Many2one('party.meeting', required=True, index=True, ondelete='cascade')
    company_id = fields.Many2one(related='meeting_id.company_id', store=True)
    sequence = fields.Integer(default=10)
    item = fields.Char(string='Item', required=True)
    speaker = fields.Char(string='Speaker')
    duration_minutes = fields.Integer(string='Planned Minutes', help='Planned length of the item, in minutes.')

    _duration_minutes_positive = models.Constraint(
        'CHECK(duration_minutes >= 0)', 'The planned length of an agenda item cannot be negative.')
