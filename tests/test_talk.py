from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestTalkCoverage(PartyCase):

    def test_five_members_need_ten_pairs(self):
        self.assertEqual(len(self.meeting._get_required_talk_pairs()), 10)
        self.assertEqual(self.meeting.missing_talk_count, 10)
        self.assertIn('Zhao Dongping ↔ Qian Lixin', self.meeting.missing_talk_pairs)

    def test_missing_pairs_shrink_as_talks_are_done(self):
        talk = self.make_talk(self.meeting, self.zhao, self.qian, done=False)
        self.assertEqual(self.meeting.missing_talk_count, 10, 'a planned talk does not count')
        talk.action_done()
        self.assertEqual(self.meeting.missing_talk_count, 9)
        self.assertNotIn('Zhao Dongping ↔ Qian Lixin', self.meeting.missing_talk_pairs)
        # the same pair the other way round counts once
        self.make_talk(self.meeting, self.qian, self.zhao)
        self.assertEqual(self.meeting.missing_talk_count, 9)
        for user_a, user_b in [(self.zhao, self.sun), (self.zhao, self.li), (self.zhao, self.zhou),
                               (self.qian, self.sun), (self.qian, self.li), (self.qian, self.zhou),
                               (self.sun, self.li), (self.sun, self.zhou), (self.li, self.zhou)]:
            self.make_talk(self.meeting, user_a, user_b)
        self.assertEqual(self.meeting.missing_talk_count, 0)
        self.assertFalse(self.meeting.missing_talk_pairs)
        self.assertEqual(self.meeting.talk_count, 11)

    def test_plan_missing_talks(self):
        self.make_talk(self.meeting, self.zhao, self.qian)
        self.meeting.action_plan_missing_talks()
        planned = self.meeting.talk_ids.filtered(lambda t: t.state == 'planned')
        self.assertEqual(len(planned), 9)
        principal_talks = planned.filtered(lambda t: t.talk_type == 'principal_member')
        self.assertEqual(len(principal_talks), 3)
        self.assertEqual(principal_talks.initiator_user_id, self.zhao, 'the principal initiates')
        # planning twice adds nothing
        self.meeting.action_plan_missing_talks()
        self.assertEqual(len(self.meeting.talk_ids), 10)

    def test_same_person_on_both_sides_refused(self):
        with self.assertRaisesRegex(ValidationError, 'Counterpart.*two different people'):
            self.make_talk(self.meeting, self.qian, self.qian)

    def test_counterpart_required(self):
        with self.assertRaisesRegex(ValidationError, 'Counterpart Name'):
            self.make_talk(self.meeting, self.qian, self.env['res.users'], done=False)
        talk = self.make_talk(self.meeting, self.qian, self.env['res.users'],
                              counterpart_name='Head of the city squad', talk_type='member_unit_head')
        self.assertEqual(talk.display_name, 'Qian Lixin ↔ Head of the city squad')

    def test_principal_talk_needs_duty_report(self):
        talk = self.make_talk(self.meeting, self.zhao, self.sun, done=False, duty_report=False)
        with self.assertRaisesRegex(ValidationError, 'One Post, Two Duties Report'):
            talk.action_done()
        self.assertEqual(talk.state, 'planned')
        talk.duty_report = '<p>Reported.</p>'
        talk.action_done()
        self.assertEqual(talk.state, 'done')
        with self.assertRaisesRegex(UserError, 'already done'):
            talk.action_done()

    def test_member_talk_needs_content_and_date(self):
        talk = self.make_talk(self.meeting, self.qian, self.sun, done=False, content=False, date=False)
        with self.assertRaisesRegex(ValidationError, 'Date, Content'):
            talk.action_done()

    def test_talk_after_meeting_refused(self):
        with self.assertRaisesRegex(ValidationError, 'after the meeting'):
            self.make_talk(self.meeting, self.qian, self.sun, date='2022-02-01')
