from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PartyMeetingStudy(models.Model):
    _name = 'party.meeting.study'
    _description = 'Study Session'
    _inherit = ['mail.thread']
    _order = 'date desc, id desc'
    _rec_name = 'topic'

    meeting_id = fields.Many2one(
        'party.meeting', string='Meeting', required=True, index=True, ondelete='cascade')
    organization_id = fields.Many2one(related='meeting_id.organization_id', store=True, index=True)
    company_id = fields.Many2one(related='meeting_id.company_id', store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    form = fields.Selection(
        [
            ('central_group', 'Central Group Study'),
            ('seminar', 'Seminar'),
            ('self_study', 'Self-study'),
        ],
        string='Form', required=True, default='central_group', tracking=True)
    topic = fields.Char(required=True, tracking=True)
    materials = fields.Text(string='Materials', help='The documents and speeches studied.')
    attachment_ids = fields.Many2many(
        'ir.attachment', 'party_meeting_study_attachment_rel', 'study_id', 'attachment_id',
        string='Material Files')
    attendee_user_ids = fields.Many2many(
        'res.users', 'party_meeting_study_user_rel', 'study_id', 'user_id', string='Attendees')
    attendee_count = fields.Integer(compute='_compute_attendee_count')
    notes = fields.Html(string='Notes', help='What was discussed and learned.')

    @api.depends('attendee_user_ids')
    def _compute_attendee_count(self):
        for study in self:
            study.attendee_count = len(study.attendee_user_ids)

    @api.constrains('date', 'meeting_id')
    def _check_date_before_meeting(self):
        """Study prepares the meeting, so it happens before the meeting starts."""
        for study in self.filtered(lambda s: s.meeting_id.date_start):
            held_on = fields.Date.context_today(study, study.meeting_id.date_start)
            if study.date > held_on:
                raise ValidationError(self.env._(
                    'Study session "%(study)s": the field "Date" (%(date)s) is after the meeting on '
                    '%(meeting_date)s.', study=study.topic, date=study.date, meeting_date=held_on))
