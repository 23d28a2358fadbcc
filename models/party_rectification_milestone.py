from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PartyRectificationMilestone(models.Model):
    _name = 'party.rectification.milestone'
    _inherit = ['party.rectification.line.mixin']
    _description = 'Rectification Milestone'
    _item_field = 'milestone_ids'
    _order = 'rectification_id, date, id'
    _rec_name = 'goal'

    rectification_id = fields.Many2one(
        'party.rectification', string='Rectification', required=True, index=True, ondelete='cascade')
    organization_id = fields.Many2one(related='rectification_id.organization_id', store=True, index=True)
    company_id = fields.Many2one(related='rectification_id.company_id', store=True, index=True)
    date = fields.Date(required=True)
    goal = fields.Char(string='Goal', required=True)
    done = fields.Boolean(string='Reached')

    @api.constrains('date', 'rectification_id')
    def _check_date_before_deadline(self):
        """A staged goal falls within its item's deadline."""
        for milestone in self:
            deadline = milestone.rectification_id.deadline
            if deadline and milestone.date > deadline:
                raise ValidationError(self.env._(
                    'Milestone "%(goal)s" of rectification "%(item)s": the field "Date" (%(date)s) is after '
                    'the item\'s deadline %(deadline)s.',
                    goal=milestone.goal, item=milestone.rectification_id.name, date=milestone.date,
                    deadline=deadline))
