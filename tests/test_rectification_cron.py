from datetime import date
from unittest.mock import patch

from odoo.tests import freeze_time, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestRectificationCron(PartyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting.state = 'rectifying'
        cls.activity_type = cls.env.ref('party_democratic_life.mail_activity_type_party_rectification')
        cls.due_soon = cls.make_rectification(name='Due in a week', deadline='2022-06-30', state='in_progress')
        cls.due_late = cls.make_rectification(name='Due in a month', deadline='2022-07-23')
        cls.overdue = cls.make_rectification(name='Overdue by a day', deadline='2022-06-22',
                                             responsible_user_id=cls.sun.id)
        cls.overdue_principal = cls.make_rectification(name='Principal overdue', deadline='2022-06-01',
                                                       responsible_user_id=cls.zhao.id)
        cls.finished = cls.make_rectification(name='Finished late', deadline='2022-06-01', state='done',
                                              completion_note='<p>ok</p>')

    def activities(self, item):
        return item.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type)

    def assert_flags(self):
        self.assertEqual(self.activities(self.due_soon).user_id, self.qian)
        self.assertEqual(self.activities(self.due_soon).date_deadline, date(2022, 6, 30))
        self.assertTrue(self.due_soon.reminded_before_deadline)
        self.assertFalse(self.due_soon.overdue_flagged)
        self.assertFalse(self.activities(self.due_late))
        # Overdue: the owner and the principal each get an activity.
        self.assertEqual(self.activities(self.overdue).user_id, self.sun | self.zhao)
        self.assertTrue(self.overdue.overdue_flagged)
        self.assertEqual(len(self.activities(self.overdue_principal)), 1)
        self.assertFalse(self.activities(self.finished))
        self.assertFalse(self.finished.overdue_flagged)

    @freeze_time('2022-06-23 02:00:00')
    def test_cron_direct_call_in_batches(self):
        Rectification = self.env['party.rectification']
        # Demo data may add items of other organizations: count what is due for a reminder.
        soon = Rectification.search_count([('state', 'in', ('open', 'in_progress')),
                                           ('deadline', '>=', '2022-06-23'), ('deadline', '<=', '2022-06-30')])
        late = Rectification.search_count([('state', 'in', ('open', 'in_progress')), ('deadline', '<', '2022-06-23')])
        self.assertGreaterEqual((soon, late), (1, 2))
        with patch.object(type(self.env['ir.cron']), '_commit_progress', return_value=60.0) as progress:
            Rectification._cron_check_deadlines(batch_size=1)
        # One batch per item.
        self.assertEqual(progress.call_count, soon + late)
        self.assertEqual(progress.call_args_list[-1].kwargs['remaining'], 0)
        self.assert_flags()
        # A second run finds nothing new.
        with patch.object(type(self.env['ir.cron']), '_commit_progress', return_value=60.0) as progress:
            Rectification._cron_check_deadlines()
        self.assertEqual(progress.call_count, 0)
        self.assertEqual(len(self.activities(self.overdue)), 2)

    @freeze_time('2022-06-23 02:00:00')
    def test_cron_scheduled_job(self):
        cron = self.env.ref('party_democratic_life.ir_cron_party_rectification_deadlines')
        self.assertEqual((cron.interval_number, cron.interval_type), (1, 'days'))
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.assert_flags()

    @freeze_time('2022-06-23 02:00:00')
    def test_new_deadline_resets_flags(self):
        with patch.object(type(self.env['ir.cron']), '_commit_progress', return_value=60.0):
            self.env['party.rectification']._cron_check_deadlines()
        self.assertTrue(self.overdue.overdue_flagged)
        self.overdue.deadline = '2022-08-31'
        self.assertFalse(self.overdue.overdue_flagged)
        self.assertFalse(self.overdue.is_overdue)

    def test_cron_stops_when_time_is_up(self):
        with freeze_time('2022-06-23 02:00:00'), \
                patch.object(type(self.env['ir.cron']), '_commit_progress', return_value=0.0) as progress:
            self.env['party.rectification']._cron_check_deadlines(batch_size=1)
        self.assertEqual(progress.call_count, 1)
        self.assertFalse(self.overdue.overdue_flagged)
