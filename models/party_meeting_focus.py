from odoo import api, fields, models


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

    # A line of the plan: locked with it while the upper level reviews or has approved it.
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            records.meeting_id._check_plan_editable('focus_ids')
        return records

    def write(self, vals):
        if not self.env.su:
            self.meeting_id._check_plan_editable('focus_ids')
        result = super().write(vals)
        if not self.env.su and 'meeting_id' in vals:
            self.meeting_id._check_plan_editable('focus_ids')
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_plan_locked(self):
        if not self.env.su:
            self.meeting_id._check_plan_editable('focus_ids')
