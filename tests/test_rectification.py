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

    def test_member_cannot_write_verified_state(self):
        item = self.make_rectification(completion_note='<p>Done.</p>')
        self.add_evidence(item)
        item.action_done()
        with self.assertRaisesRegex(UserError, 'only the principal'):
            item.with_user(self.qian).write({'state': 'verified'})

    @freeze_time('2022-04-20')
    def test_overdue_flag_and_search(self):
        late = self.make_rectification(name='Late', deadline='2022-04-19')
        on_time = self.make_rectification(name='On time', deadline='2022-04-20')
        finished = self.make_rectification(name='Finished late', deadline='2022-04-01',
                                           completion_note='<p>Done.</p>')
        self.add_evidence(finished)
        finished.action_done()
        self.assertTrue(late.is_overdue)
        self.assertFalse(on_time.is_overdue)
        self.assertFalse(finished.is_overdue)
        Item = self.env['party.rectification']
        self.assertEqual(Item.search([('is_overdue', '=', True), ('meeting_id', '=', self.meeting.id)]), late)
        self.assertEqual(Item.search([('is_overdue', '=', False), ('meeting_id', '=', self.meeting.id)]),
                         on_time | finished)
        self.assertEqual(self.meeting.overdue_rectification_count, 1)
        self.assertEqual(self.meeting.rectification_count, 3)
