from datetime import date, datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestMeeting(PartyCase):

    def test_new_meeting_lists_team_present(self):
        attendees = self.meeting.attendee_ids
        self.assertEqual(attendees.user_id, self.members)
        self.assertEqual(set(attendees.mapped('attendance')), {'present'})
        self.assertEqual(set(attendees.mapped('role')), {'member'})
        self.assertEqual(self.meeting.host_user_id, self.zhao, 'the principal hosts by default')
        self.assertTrue(self.meeting.reference.startswith('MZSHH-'))

    @freeze_time('2026-12-01 04:00:00')
    def test_new_meeting_starts_from_its_creators_organization(self):
        """The principal, on the team of one organisation only, opens a new meeting: it is his
        organisation's, hosted by him, recorded by its clerk, named from the year and the kind."""
        form = Form(self.env['party.meeting'].with_user(self.zhao))
        self.assertEqual(form.organization_id, self.organization)
        self.assertEqual(form.host_user_id, self.zhao)
        self.assertEqual(form.recorder_user_id, self.wu)
        self.assertEqual((form.year, form.name), (2026, '2026 Annual Democratic Life Meeting'))
        form.meeting_type = 'special'
        self.assertEqual(form.name, '2026 Special Democratic Life Meeting')
        form.year = 2025
        self.assertEqual(form.name, '2025 Special Democratic Life Meeting', 'a default name follows the year')
        form.name = 'Meeting on the inspection findings'
        form.year = 2026
        self.assertEqual(form.name, 'Meeting on the inspection findings', 'a typed name stays')
        form.special_reason = 'Inspection findings'
        form.theme = 'Rectify what the inspection found'
        meeting = form.save()
        self.assertEqual(meeting.attendee_ids.user_id, self.members)
        # a manager works for no organisation in particular: he chooses it
        self.assertFalse(Form(self.env['party.meeting'].with_user(self.wang)).organization_id)

    def test_form_fills_participants_from_organization(self):
        with Form(self.env['party.meeting']) as form:
            form.name = 'Annual 2024'
            form.organization_id = self.organization
            form.meeting_type = 'annual'
            form.year = 2024
            self.assertEqual(len(form.attendee_ids), 5)
        self.assertEqual(form.record.attendee_ids.user_id, self.members)
        self.assertEqual(form.record.previous_meeting_id, self.meeting)

    def test_report_deadline_follows_organization(self):
        self.assertEqual(self.meeting.report_deadline, date(2022, 2, 5))
        self.organization.report_days = 10
        self.assertEqual(self.meeting.report_deadline, date(2022, 1, 31))

    def test_one_annual_meeting_per_year(self):
        first = self.create_meeting(name='Annual 2023', meeting_type='annual', year=2023)
        with self.assertRaisesRegex(ValidationError, 'Year Covered.*2023.*Annual 2023'):
            self.create_meeting(name='Annual 2023 again', meeting_type='annual', year=2023)
        # a special meeting in the same year is fine, and so is a new annual one once cancelled
        self.create_meeting(name='Special 2023', meeting_type='special', year=2023)
        first.action_cancel()
        second = self.create_meeting(name='Annual 2023 bis', meeting_type='annual', year=2023)
        self.assertEqual(second.state, 'draft')
        with self.assertRaisesRegex(ValidationError, 'Year Covered'):
            first.action_draft()

    def test_special_meeting_needs_theme(self):
        with self.assertRaisesRegex(ValidationError, 'Theme'):
            self.create_meeting(name='No theme', theme=False)
        with self.assertRaisesRegex(ValidationError, 'Theme'):
            self.create_meeting(name='Annual and special', meeting_type='annual', also_special=True,
                                theme=False, year=2022)

    def test_member_of_another_organization_refused(self):
        with self.assertRaisesRegex(ValidationError, 'Feng Outsider.*not on the team'):
            self.meeting.attendee_ids = [(0, 0, {'role': 'member', 'user_id': self.outsider.id})]

    def test_leave_needs_reason(self):
        line = self.meeting.attendee_ids[1]
        with self.assertRaisesRegex(ValidationError, 'Reason for Leave'):
            line.attendance = 'leave'
        line.write({'attendance': 'leave', 'leave_reason': 'Sick'})
        self.assertEqual(self.meeting.present_member_count, 4)

    def test_prepare_needs_date_and_aspects(self):
        meeting = self.create_meeting(name='Empty', date_start=False, focus_ids=[])
        with self.assertRaisesRegex(UserError, 'Start, Key Aspects'):
            meeting.action_prepare()
        self.assertEqual(meeting.state, 'draft')
        self.meeting.action_prepare()
        self.assertEqual(self.meeting.state, 'preparing')
        with self.assertRaisesRegex(UserError, 'cannot be prepared while it is Preparing'):
            self.meeting.action_prepare()

    @freeze_time('2022-01-21 06:00:00')
    def test_hold_needs_two_thirds(self):
        self.meeting.action_prepare()
        self.make_ready(self.meeting)
        lines = self.meeting.attendee_ids
        lines[3:].write({'attendance': 'absent'})  # 3 of 5 present: 9 < 10
        with self.assertRaisesRegex(UserError, '3 of 5 members are present'):
            self.meeting.action_hold()
        self.assertEqual(self.meeting.state, 'preparing')
        lines[3].attendance = 'present'  # 4 of 5
        self.meeting.action_hold()
        self.assertEqual(self.meeting.state, 'held')

    @freeze_time('2022-01-20 06:00:00')
    def test_hold_not_before_start(self):
        self.meeting.action_prepare()
        self.make_ready(self.meeting)
        with self.assertRaisesRegex(UserError, 'before its start'):
            self.meeting.action_hold()

    @freeze_time('2022-02-01')
    def test_close_needs_report_and_finished_items(self):
        self.meeting.action_prepare()
        self.make_ready(self.meeting)
        self.meeting.action_hold()
        self.make_criticisms(self.meeting)
        self.meeting.action_rectify()
        item = self.make_rectification()
        self.make_rectification(name='Long task', mode='long_term', deadline='2023-01-31')
        with self.assertRaisesRegex(UserError, 'Report Sent On'):
            self.meeting.action_done()
        self.meeting.report_date = '2022-01-30'
        with self.assertRaisesRegex(UserError, 'Training is not regular'):
            self.meeting.action_done()
        item.write({'completion_note': '<p>Done.</p>'})
        self.add_evidence(item)
        item.action_done()
        item.with_user(self.zhao).action_verify()
        self.meeting.action_done()
        self.assertEqual(self.meeting.state, 'done')

    def test_cancel_and_reset(self):
        self.meeting.action_cancel()
        self.assertEqual(self.meeting.state, 'cancelled')
        with self.assertRaisesRegex(UserError, 'cannot be held'):
            self.meeting.action_hold()
        self.meeting.action_draft()
        self.assertEqual(self.meeting.state, 'draft')

    @freeze_time('2022-01-21 06:00:00')
    def test_cannot_cancel_held_meeting(self):
        self.meeting.action_prepare()
        self.make_ready(self.meeting)
        self.meeting.action_hold()
        with self.assertRaisesRegex(UserError, 'cannot be cancelled while it is Held'):
            self.meeting.action_cancel()

    def test_state_is_tracked(self):
        self.meeting.action_prepare()
        self.env.flush_all()
        self.env.cr.flush()
        tracked = self.meeting.message_ids.sudo().tracking_value_ids.filtered(
            lambda v: v.field_id.name == 'state')
        self.assertTrue(tracked)
        self.assertEqual(tracked[0].new_value_char, 'Preparing')

    def test_previous_meeting_found(self):
        later = self.create_meeting(name='Annual 2022', meeting_type='annual', year=2022,
                                    date_start=datetime(2023, 1, 10, 1, 0))
        self.assertEqual(later.previous_meeting_id, self.meeting)
        with self.assertRaisesRegex(ValidationError, 'Previous Meeting'):
            later.previous_meeting_id = later
