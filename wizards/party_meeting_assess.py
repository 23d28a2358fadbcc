from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.party_meeting_assessment import ASSESSMENT_GRADES

# The wizard's reason fields and the meeting's fields they fill.
REASON_FIELDS = {
    'preparation': 'assessment_preparation',
    'self_criticism': 'assessment_self_criticism',
    'mutual_criticism': 'assessment_mutual_criticism',
    'measures': 'assessment_measures',
}


class PartyMeetingAssess(models.TransientModel):
    _name = 'party.meeting.assess'
    _inherit = ['party.input.check']
    _description = 'Assess a Meeting'

    meeting_id = fields.Many2one('party.meeting', string='Meeting', required=True, ondelete='cascade')
    grade = fields.Selection(ASSESSMENT_GRADES, string='Assessment', required=True)
    preparation = fields.Text(
        string='Preparation', help='How well the study, the opinions, the talks and the written materials '
                                   'prepared the meeting.')
    self_criticism = fields.Text(
        string='Depth of Self-criticism',
        help='Whether the members looked at themselves, named real problems and dug into their causes.')
    mutual_criticism = fields.Text(
        string='Sharpness of Mutual Criticism',
        help='Whether the criticisms named concrete problems frankly, rather than praise or suggestions.')
    measures = fields.Text(
        string='Rectification Measures', help='Whether the measures are concrete, owned and dated.')
    reheld_reason = fields.Text(
        string='Reason to Hold Again',
        help='Required for Poor: why the meeting must be held again; the principal receives it with a to-do.')
    allowed_body_ids = fields.Many2many('party.upper.body', compute='_compute_allowed_body_ids')
    body_id = fields.Many2one(
        'party.upper.body', string='Assessed For', required=True, domain="[('id', 'in', allowed_body_ids)]",
        help='The supervising guide group or organization department you assess for.')

    @api.depends('meeting_id')
    @api.depends_context('uid')
    def _compute_allowed_body_ids(self):
        for wizard in self:
            wizard.allowed_body_ids = wizard.meeting_id.sudo()._party_assessing_bodies()

    @api.model
    def _open_dialog(self, meeting):
        bodies = meeting.sudo()._party_assessing_bodies()
        context = {
            'default_meeting_id': meeting.id,
            'default_body_id': (meeting.assessment_body_id & bodies or bodies[:1]).id,
            'default_grade': meeting.assessment_grade,
            'default_reheld_reason': meeting.assessment_reheld_reason,
        }
        context.update({f'default_{name}': meeting[field] for name, field in REASON_FIELDS.items()})
        return {
            'type': 'ir.actions.act_window',
            'name': self.env._('Record Assessment'),
            'res_model': self._name,
            'view_mode': 'form',
            'target': 'new',
            'context': context,
        }

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        # Only a reviewer of a supervising guide group or organisation department opens the dialog.
        if not self.env.su:
            wizards.meeting_id.organization_id._check_upper_reviewer(self.env._('Assessing the meeting'))
        return wizards

    def action_confirm(self):
        self.ensure_one()
        if self.grade == 'poor' and not (self.reheld_reason or '').strip():
            raise UserError(self.env._(
                'Meeting "%(meeting)s": the field "Reason to Hold Again" is required when the assessment is Poor.',
                meeting=self.meeting_id.name))
        reasons = {field: self[name] or False for name, field in REASON_FIELDS.items()}
        self.meeting_id._record_assessment(self.grade, reasons, self.body_id, reheld_reason=self.reheld_reason)
        return {'type': 'ir.actions.act_window_close'}
