from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Group study: the Party group's theory study centre group and the seminar (研讨班) — reference plan.
GROUP_STUDY_FORMS = ('central_group', 'seminar')


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
    date = fields.Date(
        required=True, default=lambda self: self.env['party.organization']._party_today(), tracking=True)
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
        'res.users', 'party_meeting_study_user_rel', 'study_id', 'user_id', string='Attendees',
        help='The team members who took part; for a self-study, who studied.')
    speaker_user_ids = fields.Many2many(
        'res.users', 'party_meeting_study_speaker_rel', 'study_id', 'user_id', string='Speakers',
        domain="[('id', 'in', attendee_user_ids)]",
        help='The attendees who spoke (e.g. a talk at the seminar or an exchange at the central group).')
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
            held_on = study.meeting_id._held_on()
            if study.date > held_on:
                raise ValidationError(self.env._(
                    'Study session "%(study)s": the field "Date" (%(date)s) is after the meeting on '
                    '%(meeting_date)s.', study=study.topic, date=study.date, meeting_date=held_on))

    @api.constrains('attendee_user_ids', 'speaker_user_ids')
    def _check_speakers_attended(self):
        for study in self:
            absent = study.speaker_user_ids - study.attendee_user_ids
            if absent:
                raise ValidationError(self.env._(
                    'Study session "%(study)s": the field "Speakers" lists %(users)s, who are not in the '
                    'field "Attendees".', study=study.topic, users=', '.join(absent.mapped('name'))))

    def _get_readiness_missing(self):
        """What the study sessions of one meeting still lack: the plan combines group study
        (central group or seminar) with self-study, and each session records who attended."""
        missing = []
        if not self.filtered(lambda s: s.form in GROUP_STUDY_FORMS):
            missing.append(self.env._('No group study (central group study or seminar) is recorded.'))
        if not self.filtered(lambda s: s.form == 'self_study'):
            missing.append(self.env._('No self-study is recorded.'))
        missing += [
            self.env._('Study session "%(study)s": the field "Attendees" is empty.', study=study.topic)
            for study in self.filtered(lambda s: not s.attendee_user_ids)]
        return missing
