from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestRectification(PartyCase):

    def test_organization_follows_meeting(self):
        item = self.make_rectification()
        self.assertEqual(item.organization_id, self.organization)
        self.assertEqual(item.state, 'open')

    def test_personal_item_needs_owner(self):
        with self.assertRaisesRegex(ValidationError, 'Owner'):
            self.make_rectification(responsible_user_id=False)

    def test_start_needs_owner_measures_deadline(self):
        item = self.make_rectification(scope='team', responsible_user_id=False, measures=False, deadline=False)
        with self.assertRaisesRegex(UserError, 'Owner, Measures, Deadline'):
            item.action_start()
        self.assertEqual(item.state, 'open')
        item.write({'responsible_user_id': self.zhao.id, 'measures': '<p>Fix it.</p>', 'deadline': '2022-03-01'})
        item.action_start()
        self.assertEqual(item.state, 'in_progress')

    def test_done_needs_completion_note(self):
        item = self.make_rectification()
        item.action_start()
        with self.assertRaisesRegex(UserError, 'Completion Note'):
            item.action_done()
        item.completion_note = '<p>Monthly training held since March.</p>'
        item.action_done()
        self.assertEqual(item.state, 'done')
        self.assertTrue(item.date_done)

    def test_verify_by_principal_locks_item(self):
        item = self.make_rectification(completion_note='<p>Done.</p>')
        item.with_user(self.qian).action_done()
        with self.assertRaisesRegex(UserError, 'only the principal'):
            item.with_user(self.qian).action_verify()
        self.assertEqual(item.state, 'done')
        item.with_user(self.zhao).action_verify()
        self.assertEqual(item.state, 'verified')
        self.assertEqual(item.verified_by_id, self.zhao)
        with self.assertRaisesRegex(UserError, 'verified and read-only'):
            item.with_user(self.zhao).name = 'Changed'
        with self.assertRaisesRegex(UserError, 'verified and read-only'):
            item.with_user(self.wang).name = 'Changed'
        self.assertEqual(item.name, 'Training is not regular')

    def test_member_cannot_write_verified_state(self):
        item = self.make_rectification(completion_note='<p>Done.</p>')
        item.action_done()
        with self.assertRaisesRegex(UserError, 'only the principal'):
            item.with_user(self.qian).write({'state': 'verified'})

    def test_reopen_is_logged(self):
        item = self.make_rectification(completion_note='<p>Done.</p>')
        item.action_done()
        item.with_user(self.zhao).action_verify()
        with self.assertRaisesRegex(UserError, 'only the principal'):
            item.with_user(self.qian).action_reopen()
        item.with_user(self.wang).action_reopen()
        self.assertEqual(item.state, 'in_progress')
        self.assertFalse(item.verified_by_id)
        self.assertIn('Reopened by Wang Siqi', item.message_ids[0].body)

    @freeze_time('2022-07-01')
    def test_overdue_flag_and_search(self):
        late = self.make_rectification(name='Late', deadline='2022-06-30')
        on_time = self.make_rectification(name='On time', deadline='2022-07-01')
        finished = self.make_rectification(name='Finished late', deadline='2022-06-01',
                                           completion_note='<p>Done.</p>')
        finished.action_done()
        self.assertTrue(late.is_overdue)
        self.assertFalse(on_time.is_overdue)
        self.assertFalse(finished.is_overdue)
        Item = self.env['party.rectification']
        self.assertEqual(Item.search([('is_overdue', '=', True)]), late)
        self.assertEqual(Item.search([('is_overdue', '=', False), ('meeting_id', '=', self.meeting.id)]),
                         on_time | finished)
        self.assertEqual(self.meeting.overdue_rectification_count, 1)
        self.assertEqual(self.meeting.rectification_count, 3)
