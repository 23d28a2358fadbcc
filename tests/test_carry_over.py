from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestCarryOver(PartyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.annual_2020 = cls.annual(2020, datetime(2021, 1, 15, 1, 0), state='done')
        cls.open_item = cls.make_rectification(
            name='Study is shallow', meeting_id=cls.annual_2020.id, deadline='2021-06-30')
        cls.running_item = cls.make_rectification(
            name='Cases are slow', meeting_id=cls.annual_2020.id, deadline='2021-09-30', state='in_progress')
        cls.env['party.rectification.milestone'].create(
            {'rectification_id': cls.running_item.id, 'date': '2021-05-01', 'goal': 'New workflow'})
        cls.verified_item = cls.make_rectification(
            name='Fees unclear', meeting_id=cls.annual_2020.id, deadline='2021-03-31', state='verified')
        cls.done_item = cls.make_rectification(
            name='Signs missing', meeting_id=cls.annual_2020.id, deadline='2021-03-31', state='done')

    @classmethod
    def annual(cls, year, start, **values):
        return cls.create_meeting(name=f'Annual Meeting {year}', meeting_type='annual', year=year,
                                  date_start=start, **values)

    def report(self, meeting, status='in_progress'):
        meeting.carried_item_ids.write({'carry_status': status, 'carry_next_step': 'Keep going'})

    def test_new_meeting_carries_unfinished_items(self):
        annual_2021 = self.annual(2021, datetime(2022, 1, 20, 1, 0))
        carried = annual_2021.carried_item_ids
        self.assertEqual(carried.carried_from_id, self.open_item | self.running_item)
        self.assertEqual(set(carried.mapped('source')), {'previous'})
        self.assertEqual((self.open_item.state, self.running_item.state), ('carried', 'carried'))
        self.assertEqual((self.verified_item.state, self.done_item.state), ('verified', 'done'))
        follower = carried.filtered(lambda r: r.carried_from_id == self.running_item)
        self.assertEqual((follower.state, follower.responsible_user_id, follower.name),
                         ('in_progress', self.qian, 'Cases are slow'))
        self.assertEqual(follower.milestone_ids.goal, 'New workflow')
        self.assertEqual(self.running_item.carried_to_ids, follower)
        self.assertFalse(carried.filtered('is_repeated'))
        # The earlier meeting keeps its own items, marked carried; nothing is carried twice.
        self.assertFalse(self.env['party.rectification'].search(annual_2021._get_carry_over_domain()))

    def test_meetings_in_preparation_and_later_ones_are_not_sources(self):
        preparing = self.annual(2021, datetime(2022, 1, 20, 1, 0), state='preparing')
        item = self.make_rectification(name='Found while preparing', meeting_id=preparing.id, deadline='2022-03-01')
        # Back-filling an earlier meeting does not take the items of later meetings.
        backfill = self.create_meeting(name='2019 special', date_start=datetime(2020, 6, 1, 1, 0), state='done')
        self.assertFalse(backfill.carried_item_ids)
        self.assertEqual(item.state, 'open')
        self.assertEqual(self.open_item.state, 'carried')  # taken by the meeting in preparation

    def test_hold_needs_a_status_for_each_carried_item(self):
        meeting = self.annual(2021, datetime(2022, 1, 20, 1, 0), state='preparing')
        self.make_ready(meeting)
        with self.assertRaisesRegex(UserError, 'Study is shallow, Cases are slow|Cases are slow, Study is shallow'):
            meeting.with_user(self.wu).action_hold()
        not_done = meeting.carried_item_ids.filtered(lambda r: r.name == 'Study is shallow')
        (meeting.carried_item_ids - not_done).carry_status = 'in_progress'
        not_done.carry_status = 'not_done'
        with self.assertRaisesRegex(UserError, 'lacks its reason, owner or next step: Study is shallow'):
            meeting.with_user(self.wu).action_hold()
        not_done.write({'carry_reason': 'Trainer left', 'carry_next_step': 'Hire a trainer'})
        meeting.with_user(self.wu).action_hold()
        self.assertEqual(meeting.state, 'held')

    def test_carry_over_across_three_meetings_flags_repeated(self):
        annual_2021 = self.annual(2021, datetime(2022, 1, 20, 1, 0))
        self.report(annual_2021)
        annual_2021.state = 'done'
        first = annual_2021.carried_item_ids.filtered(lambda r: r.name == 'Study is shallow')
        self.assertEqual(first.annual_carry_count, 1)
        self.assertFalse(first.is_repeated)
        # A special meeting in between does not count as a year.
        special = self.create_meeting(name='Special 2022', date_start=datetime(2022, 7, 1, 1, 0))
        self.report(special)
        special.state = 'done'
        second = special.carried_item_ids.filtered(lambda r: r.carried_from_id == first)
        self.assertEqual(first.state, 'carried')
        self.assertEqual((second.annual_carry_count, second.is_repeated), (1, False))
        annual_2022 = self.annual(2022, datetime(2023, 1, 10, 1, 0))
        third = annual_2022.carried_item_ids.filtered(lambda r: r.carried_from_id == second)
        self.assertEqual((third.annual_carry_count, third.is_repeated), (2, True))
        self.assertEqual(len(annual_2022.carried_item_ids), 2)
        self.assertTrue(all(annual_2022.carried_item_ids.mapped('is_repeated')))
        repeated = self.env['party.rectification'].search(
            [('organization_id', '=', self.organization.id), ('is_repeated', '=', True)])
        self.assertEqual(repeated, annual_2022.carried_item_ids)
        # The chain leads back to the 2020 problem.
        self.assertEqual(third.carried_from_id.carried_from_id.carried_from_id, self.open_item)

    def test_two_meetings_finished_item_stops_the_chain(self):
        annual_2021 = self.annual(2021, datetime(2022, 1, 20, 1, 0))
        self.report(annual_2021)
        annual_2021.state = 'rectifying'
        follower = annual_2021.carried_item_ids.filtered(lambda r: r.name == 'Study is shallow')
        follower.write({'state': 'verified', 'completion_note': '<p>ok</p>'})
        annual_2022 = self.annual(2022, datetime(2023, 1, 10, 1, 0))
        self.assertEqual(annual_2022.carried_item_ids.mapped('name'), ['Cases are slow'])

    def test_deleting_a_draft_meeting_gives_items_back(self):
        annual_2021 = self.annual(2021, datetime(2022, 1, 20, 1, 0))
        self.assertEqual(len(annual_2021.carried_item_ids), 2)
        annual_2021.unlink()
        self.assertEqual((self.open_item.state, self.running_item.state), ('open', 'in_progress'))
        self.assertFalse(self.open_item.carried_to_ids)

    def test_carry_over_button_only_while_preparing(self):
        meeting = self.annual(2021, datetime(2022, 1, 20, 1, 0))
        late_item = self.make_rectification(name='Found late', meeting_id=self.annual_2020.id, deadline='2021-12-31')
        meeting.with_user(self.wu).action_carry_over()
        self.assertEqual(late_item.state, 'carried')
        self.assertEqual(len(meeting.carried_item_ids), 3)
        meeting.state = 'held'
        with self.assertRaisesRegex(UserError, 'cannot be given the unfinished rectifications of earlier meetings while it is Held'):
            meeting.action_carry_over()

    def test_new_meeting_agenda_opens_with_reports(self):
        meeting = self.annual(2021, datetime(2022, 1, 20, 1, 0))
        self.assertEqual(meeting.agenda_ids[:2].mapped('item'), [
            "Report on the rectification of earlier meetings' problems",
            'Report on the opinions collected before the meeting'])
        custom = self.create_meeting(name='Own agenda', agenda_ids=[(0, 0, {'item': 'Only item'})])
        self.assertEqual(custom.agenda_ids.mapped('item'), ['Only item'])
