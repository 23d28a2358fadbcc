from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import plaintext2html

from ..tools.cn_format import format_cn_date

SUMMARY_LENGTH = 60


class PartyMeetingOpinion(models.Model):
    _name = 'party.meeting.opinion'
    _description = 'Collected Opinion'
    _order = 'date desc, id desc'

    name = fields.Char(string='Summary', compute='_compute_name', store=True)
    meeting_id = fields.Many2one(
        'party.meeting', string='Meeting', required=True, index=True, ondelete='cascade')
    organization_id = fields.Many2one(related='meeting_id.organization_id', store=True, index=True)
    company_id = fields.Many2one(related='meeting_id.company_id', store=True, index=True)
    date = fields.Date(
        required=True, compute='_compute_date', store=True, readonly=False, precompute=True)
    source = fields.Selection(
        [
            ('party_member', 'Party Members'),
            ('cadre', 'Cadres'),
            ('public', 'The Public'),
            ('superior', 'Upper Level'),
        ],
        string='From', required=True, default='party_member')
    channel = fields.Selection(
        [
            ('symposium', 'Symposium'),
            ('questionnaire', 'Questionnaire'),
            ('suggestion_box', 'Suggestion Box'),
            ('visit', 'Visit'),
            ('talk', 'Talk'),
            ('other', 'Other'),
        ],
        string='Channel', required=True, default='symposium')
    concerns_team = fields.Boolean(
        string='Concerns the Team', default=True,
        help='The opinion is about the leadership team as a whole.')
    concerned_user_ids = fields.Many2many(
        'res.users', 'party_meeting_opinion_user_rel', 'opinion_id', 'user_id',
        string='Concerned Members', domain="[('id', 'in', organization_member_user_ids)]",
        help='The team members the opinion is about; each of them can read it.')
    organization_member_user_ids = fields.Many2many(related='organization_id.member_user_ids')
    content = fields.Text(string='Opinion', required=True)
    rectification_ids = fields.One2many('party.rectification', 'opinion_id', string='Rectifications')
    rectification_count = fields.Integer(compute='_compute_rectification_count')

    @api.depends('meeting_id')
    def _compute_date(self):
        """Today, or the meeting's day when an opinion is recorded after the meeting."""
        for opinion in self.filtered(lambda o: not o.date):
            meeting = opinion.meeting_id
            today = meeting.organization_id._party_today()
            opinion.date = min(today, meeting._held_on()) if meeting.date_start else today

    @api.depends('content')
    def _compute_name(self):
        for opinion in self:
            first_line = (opinion.content or '').strip().split('\n')[0]
            if len(first_line) > SUMMARY_LENGTH:
                first_line = first_line[:SUMMARY_LENGTH - 1] + '…'
            opinion.name = first_line or False

    @api.depends('rectification_ids')
    def _compute_rectification_count(self):
        for opinion in self:
            opinion.rectification_count = len(opinion.rectification_ids)

    @api.constrains('concerns_team', 'concerned_user_ids')
    def _check_concerns(self):
        """Each opinion concerns the team or named members — practice."""
        for opinion in self:
            if not opinion.concerns_team and not opinion.concerned_user_ids:
                raise ValidationError(self.env._(
                    'Opinion "%(opinion)s": tick "Concerns the Team" or fill in "Concerned Members".',
                    opinion=opinion.name))
            outsiders = opinion.concerned_user_ids - opinion.organization_id.member_user_ids
            if outsiders:
                raise ValidationError(self.env._(
                    'Opinion "%(opinion)s": the field "Concerned Members" lists %(users)s, who are not '
                    'on the team of %(organization)s.', opinion=opinion.name,
                    users=', '.join(outsiders.mapped('name')), organization=opinion.organization_id.name))

    @api.constrains('date', 'meeting_id')
    def _check_date_before_meeting(self):
        """Opinions are collected to prepare the meeting, so before it starts."""
        for opinion in self.filtered(lambda o: o.meeting_id.date_start):
            held_on = opinion.meeting_id._held_on()
            if opinion.date > held_on:
                raise ValidationError(self.env._(
                    'Opinion "%(opinion)s": the field "Date" (%(date)s) is after the meeting on '
                    '%(meeting_date)s.', opinion=opinion.name, date=opinion.date, meeting_date=held_on))

    def action_to_rectification(self):
        """Turn the opinion into a rectification item (source: collected opinion), or open the
        one made before. One concerned member makes it personal; otherwise it is the team's."""
        self.ensure_one()
        rectification = self.rectification_ids[:1]
        if not rectification:
            personal = not self.concerns_team and len(self.concerned_user_ids) == 1
            owner = self.concerned_user_ids if personal else self.organization_id.principal_user_id
            rectification = self.env['party.rectification'].create({
                'name': self.name,
                'meeting_id': self.meeting_id.id,
                'scope': 'personal' if personal else 'team',
                'responsible_user_id': owner.id,
                'source': 'opinion',
                'opinion_id': self.id,
                'problem': plaintext2html(self.content or ''),
            })
            rectification.message_post(body=self.env._(
                'Made from the opinion collected on %(date)s.', date=format_cn_date(self.date)))
        return rectification._get_form_action()
