from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestDeletion(PartyCase):

    def test_meeting_past_draft_cannot_be_deleted(self):
        for state in ('preparing', 'held', 'rectifying', 'done', 'cancelled'):
            meeting = self.create_meeting(name=f'Meeting {state}', state=state)
            with self.subTest(state=state), self.assertRaisesRegex(UserError, 'it is past draft'):
                meeting.with_user(self.wang).unlink()
        draft = self.create_meeting(name='Draft meeting')
        draft.with_user(self.zhao).unlink()
        self.assertFalse(draft.exists())

    def test_organization_with_meetings_cannot_be_deleted(self):
        with self.assertRaisesRegex(UserError, 'Bureau Party Group" cannot be deleted: it has 1 meetings'):
            self.organization.with_user(self.wang).unlink()
        self.other_organization.with_user(self.wang).unlink()
        self.assertFalse(self.other_organization.exists())
