from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .party_meeting import HELD_STATES


class PartyMeetingAttendee(models.Model):
    _name = 'party.meeting.attendee'
    _description = 'Meeting Participant'
    _order = 'meeting_id, role, sequence, id'

    meeting_id = fields.Many2one('party.meeting', required=True, index=True, ondelete='cascade')
    company_id = fields.Many2one(related='meeting_id.company_id', store=True)
    sequence = fields.Integer(default=10)
    role = fields.Selection(
        [
            ('member', 'Team Member'),
            ('guide', 'Upper-level Guide'),
            ('sit_in', 'Sitting In'),
        ],
        required=True, default='member')
    user_id = fields.Many2one('res.users', string='User', index=True, ondelete='restrict')
    partner_id = fields.Many2one(
        'res.partner', string='Person', compute='_compute_partner_id', store=True, readonly=False,
        ondelete='restrict', help='For people without a login, such as upper-level guides.')
    position = fields.Char(string='Position', compute='_compute_position', store=True, readonly=False)
    # Whom an upper-level guide came for: the documents list the people present body by body.
    organization_id = fields.Many2one(related='meeting_id.organization_id')
    upper_body_id = fields.Many2one(
        'party.upper.body', string='Upper-level Body', compute='_compute_upper_body_id', store=True,
        readonly=False, index='btree_not_null', ondelete='restrict',
        domain="[('organization_ids', 'in', organization_id)]",
        help='For an upper-level guide: the supervising body he or she attends for; the minutes and the '
             'situation report list the upper-level people present body by body.')
    attendance = fields.Selection(
        [
            ('present', 'Present'),
            ('leave', 'On Leave'),
            ('absent', 'Absent'),
        ],
        required=True, default='present')
    leave_reason = fields.Char(string='Reason for Leave')
    had_inquiry = fields.Boolean(
        string='Talk or Written Inquiry',
        help='The member had a talk or written inquiry (谈话函询) in the period; their outline must '
             'explain it.')
    # An absent member's written material is read out at the meeting — practice.
    material_attachment_ids = fields.Many2many(
        'ir.attachment', 'party_meeting_attendee_material_rel', 'attendee_id', 'attachment_id',
        string='Written Material', help='The written self-examination of a member who is away.')
    material_read_out = fields.Boolean(string='Material Read Out')
    # The two statements of commitment (表态) of each member at the meeting — reference plan.
    responsibility_statement = fields.Text(
        string='Statement on the Team Material',
        help="After the team's check material is read, the whole team claims responsibility and each "
             "member makes a short statement (全体班子认领责任，并作简要表态).")
    criticism_statement = fields.Text(
        string='Statement on the Criticisms',
        help='After the criticisms, the member states how he or she takes them (开展批评完毕后作简要表态).')

    @api.depends('user_id')
    def _compute_partner_id(self):
        for attendee in self.filtered('user_id'):
            attendee.partner_id = attendee.user_id.partner_id

    @api.depends('user_id', 'meeting_id.organization_id')
    def _compute_position(self):
        for attendee in self:
            member = attendee.meeting_id.organization_id.member_ids.filtered(
                lambda m: m.user_id == attendee.user_id and attendee.user_id)
            attendee.position = member[:1].position or attendee.position

    @api.depends('role', 'user_id', 'partner_id', 'meeting_id.organization_id')
    def _compute_upper_body_id(self):
        """A guide who is one of the people of exactly one supervising body attends for it; a
        choice made by hand stays as long as it still fits."""
        for attendee in self:
            if attendee.role != 'guide':
                attendee.upper_body_id = False
                continue
            bodies = attendee.meeting_id.organization_id.upper_body_ids
            if attendee.upper_body_id in bodies:
                attendee.upper_body_id = attendee.upper_body_id
                continue
            person = attendee.partner_id | attendee.user_id.partner_id
            matching = bodies.filtered(lambda body: person and person & body.user_ids.partner_id)
            attendee.upper_body_id = matching if len(matching) == 1 else False

    @api.depends('user_id', 'partner_id', 'position')
    def _compute_display_name(self):
        for attendee in self:
            name = attendee.user_id.name or attendee.partner_id.name or ''
            attendee.display_name = f'{name} ({attendee.position})' if attendee.position else name

    @api.constrains('user_id', 'partner_id')
    def _check_person(self):
        for attendee in self:
            if not attendee.user_id and not attendee.partner_id:
                raise ValidationError(self.env._(
                    'A participant of meeting "%(meeting)s" needs the field "User" or "Person".',
                    meeting=attendee.meeting_id.name))

    @api.constrains('role', 'upper_body_id', 'meeting_id')
    def _check_upper_body(self):
        for attendee in self.filtered('upper_body_id'):
            organization = attendee.meeting_id.organization_id
            if attendee.role != 'guide' or attendee.upper_body_id not in organization.upper_body_ids:
                raise ValidationError(self.env._(
                    'Participant "%(person)s" of meeting "%(meeting)s": the field "Upper-level Body" is for an '
                    'upper-level guide and must be a body that supervises %(organization)s.',
                    person=attendee.display_name, meeting=attendee.meeting_id.name,
                    organization=organization.name))

    @api.constrains('attendance', 'leave_reason')
    def _check_leave_reason(self):
        """Leave is granted only exceptionally, so the reason is always recorded."""
        for attendee in self:
            if attendee.attendance == 'leave' and not attendee.leave_reason:
                raise ValidationError(self.env._(
                    'Participant "%(person)s" of meeting "%(meeting)s": the field "Reason for Leave" '
                    'is required when on leave.',
                    person=attendee.display_name, meeting=attendee.meeting_id.name))

    @api.constrains('role', 'user_id', 'meeting_id')
    def _check_member_on_team(self):
        for attendee in self.filtered(lambda a: a.role == 'member'):
            organization = attendee.meeting_id.organization_id
            if not attendee.user_id or attendee.user_id not in organization.member_ids.user_id:
                raise ValidationError(self.env._(
                    'Participant "%(person)s" of meeting "%(meeting)s": the field "Role" is "Team Member" '
                    'but the person is not on the team of %(organization)s.',
                    person=attendee.display_name, meeting=attendee.meeting_id.name,
                    organization=organization.name))

    def _get_missing_statements(self):
        """Present members whose two statements of commitment are not both recorded, as texts."""
        missing = []
        for attendee in self.filtered(lambda a: a.role == 'member' and a.attendance == 'present'):
            lacks = []
            if not (attendee.responsibility_statement or '').strip():
                lacks.append(self.env._('no statement on the team material'))
            if not (attendee.criticism_statement or '').strip():
                lacks.append(self.env._('no statement on the criticisms'))
            if lacks:
                missing.append(f"{attendee.user_id.name or attendee.display_name}: {', '.join(lacks)}")
        return missing

    @api.ondelete(at_uninstall=False)
    def _unlink_except_on_record(self):
        """The participant list of a held meeting is part of its record, and so is anyone who
        criticised or was criticised at the meeting — practice: mark them absent instead."""
        criticisms = self.env['party.meeting.criticism'].sudo().search([('meeting_id', 'in', self.meeting_id.ids)])
        for attendee in self:
            meeting = attendee.meeting_id
            concerned = criticisms.filtered(lambda c: c.meeting_id == meeting and attendee.user_id and (
                attendee.user_id in (c.target_user_id | c.critic_user_id)))
            if meeting.state in HELD_STATES or concerned:
                raise UserError(self.env._(
                    'Participant "%(person)s" cannot be removed from the field "Participants" of meeting '
                    '"%(meeting)s": the meeting is held or their criticisms are on record; set their '
                    'attendance instead.', person=attendee.display_name, meeting=meeting.name))
