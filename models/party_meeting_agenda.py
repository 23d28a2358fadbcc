from odoo import api, fields, models


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

    # A line of the plan: locked with it while the upper level reviews or has approved it.
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            records.meeting_id._check_plan_editable('agenda_ids')
        return records

    def write(self, vals):
        if not self.env.su:
            self.meeting_id._check_plan_editable('agenda_ids')
        result = super().write(vals)
        if not self.env.su and 'meeting_id' in vals:
            self.meeting_id._check_plan_editable('agenda_ids')
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_plan_locked(self):
        if not self.env.su:
            self.meeting_id._check_plan_editable('agenda_ids')
