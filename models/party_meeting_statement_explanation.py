from odoo import api, fields, models
from odoo.exceptions import UserError


class PartyMeetingStatementExplanation(models.Model):
    """The author's answer, in part three of the personal outline, to one matter to explain."""
    _name = 'party.meeting.statement.explanation'
    _inherit = ['party.meeting.statement.line.mixin']
    _description = 'Explanation in an Outline'
    _order = 'statement_id, sequence, id'

    statement_id = fields.Many2one(
        'party.meeting.statement', string='Statement', required=True, index=True, ondelete='cascade')
    company_id = fields.Many2one(related='statement_id.company_id', store=True)
    sequence = fields.Integer(default=10)
    disclosure_id = fields.Many2one(
        'party.meeting.disclosure', string='Matter to Explain', required=True, index=True, ondelete='cascade')
    # Read through the line: whoever reads the outline reads what it answers.
    kind = fields.Selection(related='disclosure_id.kind', string='Kind')
    description = fields.Char(related='disclosure_id.description', string='Description')
    explanation = fields.Text(string='Explanation')
    self_examination = fields.Text(
        string='Thorough Self-examination',
        help='Required when the member was held accountable (受到问责).')
    needs_self_examination = fields.Boolean(compute='_compute_needs_self_examination')

    _disclosure_unique = models.UniqueIndex(
        '(statement_id, disclosure_id)', 'An outline answers each matter to explain once.')

    @api.depends('kind')
    def _compute_needs_self_examination(self):
        for line in self:
            line.needs_self_examination = line.kind == 'accountability'

    @api.ondelete(at_uninstall=False)
    def _unlink_never_by_hand(self):
        """A matter to explain is answered, not removed; it goes only with the matter itself."""
        if not self.env.su:
            raise UserError(self.env._(
                '%(statement)s: the matter to explain "%(matter)s" cannot be removed; answer it in the field '
                '"Explanation".', statement=self[:1].statement_id.display_name, matter=self[:1].description))

    def _is_answered(self):
        self.ensure_one()
        if not (self.explanation or '').strip():
            return False
        return not self.needs_self_examination or bool((self.self_examination or '').strip())
