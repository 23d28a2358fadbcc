from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .party_meeting import HELD_STATES


class PartyMeeting(models.Model):
    """Steps of the reference plan at and after the meeting: the upper level's remarks, the members'
    statements of commitment (表态), and sending the problem and rectification lists upward."""
    _inherit = 'party.meeting'

    remark_ids = fields.One2many('party.meeting.remark', 'meeting_id', string="Upper Level's Remarks")
    member_attendee_ids = fields.One2many(
        'party.meeting.attendee', 'meeting_id', string='Statements of Commitment',
        domain=[('role', '=', 'member')])
    statement_missing = fields.Text(
        string='Statements Missing', compute='_compute_statement_missing',
        help='Present members whose two statements of commitment are not both recorded.')
    lists_sent_date = fields.Date(
        string='Lists Sent On', tracking=True, copy=False,
        help='The day the problem and rectification lists went to the recipient named on the organization.')

    @api.depends('attendee_ids.role', 'attendee_ids.attendance', 'attendee_ids.responsibility_statement',
                 'attendee_ids.criticism_statement')
    def _compute_statement_missing(self):
        for meeting in self:
            meeting.statement_missing = '\n'.join(meeting.attendee_ids._get_missing_statements()) or False

    @api.constrains('lists_sent_date', 'date_start')
    def _check_lists_sent_after_meeting(self):
        for meeting in self.filtered(lambda m: m.lists_sent_date and m.date_start):
            held_on = meeting._held_on()
            if meeting.lists_sent_date < held_on:
                raise ValidationError(self.env._(
                    'Meeting "%(meeting)s": the field "Lists Sent On" (%(date)s) is before the meeting on '
                    '%(meeting_date)s.', meeting=meeting.name, date=meeting.lists_sent_date, meeting_date=held_on))

    def _check_can_rectify(self):
        """Each present member made both statements of commitment — reference plan: after the team
        material (认领责任) and after the criticisms (表态)."""
        result = super()._check_can_rectify()
        for meeting in self:
            missing = meeting.attendee_ids._get_missing_statements()
            if missing:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot move to rectification: the statements of commitment are '
                    'incomplete (tab "Statements of Commitment"): %(members)s.', meeting=meeting.name, members='; '.join(missing)))
        return result

    def action_send_lists(self):
        """Record that the collecting unit sent the problem and rectification lists to the
        recipient — reference plan: collected by 人事督查科, sent to 县委组织部组织科."""
        # The lists are sent once the meeting was held.
        self._check_state(HELD_STATES, self.env._('sent upward with its lists'))
        for meeting in self:
            organization = meeting.organization_id
            for field_name in ('list_collector', 'list_recipient'):
                if not (organization[field_name] or '').strip():
                    raise UserError(self.env._(
                        'Meeting "%(meeting)s": the field "%(field)s" of %(organization)s is empty; name who '
                        'collects the lists and who receives them first.', meeting=meeting.name,
                        organization=organization.name,
                        field=organization._fields[field_name]._description_string(self.env)))
            if not meeting.rectification_ids.filtered(lambda r: r.state != 'carried'):
                raise UserError(self.env._(
                    'Meeting "%(meeting)s": the field "Rectifications" is empty; there is no list to send.',
                    meeting=meeting.name))
            meeting.lists_sent_date = organization._party_today()
            meeting.message_post(body=self.env._(
                'Problem and rectification lists collected by %(collector)s and sent to %(recipient)s.',
                collector=organization.list_collector, recipient=organization.list_recipient))
        return True

    def _party_lists_sending_text(self):
        """Who collects and who receives the lists, as one sentence of the plan, the report and the
        public notice; empty while the organization names neither."""
        self.ensure_one()
        organization = self.organization_id
        if not (organization.list_collector and organization.list_recipient):
            return ''
        text = self.env._(
            'The problem lists and rectification lists of the leadership team and of each member are '
            'collected by %(collector)s and sent to %(recipient)s.',
            collector=organization.list_collector.strip(), recipient=organization.list_recipient.strip())
        if self.lists_sent_date:
            text += self.env._(' They were sent on %(date)s.', date=self._party_cn_date(self.lists_sent_date))
        return text

    def _get_document_values(self):
        values = super()._get_document_values()
        values['lists_sending'] = self._party_lists_sending_text()
        return values

    def action_view_remarks(self):
        self.ensure_one()
        return self._action_open('party_democratic_life.party_meeting_remark_action',
                                 [('meeting_id', '=', self.id)])
