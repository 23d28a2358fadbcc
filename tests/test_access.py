from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestAccess(PartyCase):
    """What each role may do with the foundation's records, and what it may not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.talk_qian_sun = cls.make_talk(cls.meeting, cls.qian, cls.sun)
        cls.talk_zhao_li = cls.make_talk(cls.meeting, cls.zhao, cls.li)
        cls.item_qian = cls.make_rectification()
        cls.item_sun = cls.make_rectification(name='Slow case handling', responsible_user_id=cls.sun.id)
        cls.other_meeting = cls.env['party.meeting'].create({
            'name': 'Other meeting', 'organization_id': cls.other_organization.id, 'year': 2021})
        cls.env.cr.flush()

    def test_member_reads_own_talks_only(self):
        Talk = self.env['party.meeting.talk'].with_user(self.qian)
        self.assertEqual(Talk.search([]), self.talk_qian_sun)
        with self.assertRaises(AccessError):
            self.talk_zhao_li.with_user(self.qian).read(['content'])
        # and the counterpart sees it too
        self.assertEqual(Talk.with_user(self.sun).search([]), self.talk_qian_sun)

    def test_principal_and_clerk_read_all_talks(self):
        talks = self.talk_qian_sun | self.talk_zhao_li
        domain = [('meeting_id', '=', self.meeting.id)]
        self.assertEqual(self.env['party.meeting.talk'].with_user(self.zhao).search(domain), talks)
        self.assertEqual(self.env['party.meeting.talk'].with_user(self.wu).search(domain), talks)
        self.assertEqual(self.env['party.meeting.talk'].with_user(self.wang).search(domain), talks)

    def test_observer_reads_meeting_but_no_talks_and_never_writes(self):
        meeting = self.meeting.with_user(self.zheng)
        self.assertEqual(meeting.name, 'Special Meeting 2022')
        with self.assertRaises(AccessError):
            meeting.write({'location': 'Elsewhere'})
        with self.assertRaises(AccessError):
            self.talk_qian_sun.with_user(self.zheng).read(['content'])
        with self.assertRaises(AccessError):
            self.item_qian.with_user(self.zheng).write({'name': 'Changed'})
        self.assertEqual(self.item_qian.with_user(self.zheng).name, 'Training is not regular')
        with self.assertRaises(AccessError):
            self.organization.with_user(self.zheng).write({'name': 'Changed'})
        with self.assertRaises(AccessError):
            self.other_meeting.with_user(self.zheng).read(['name'])

    def test_member_cannot_change_meeting(self):
        with self.assertRaises(AccessError):
            self.meeting.with_user(self.qian).write({'location': 'Elsewhere'})
        with self.assertRaises(AccessError):
            self.env['party.meeting'].with_user(self.qian).create({
                'name': 'Mine', 'organization_id': self.organization.id, 'year': 2030})

    def test_clerk_prepares_meeting(self):
        self.meeting.with_user(self.wu).write({'location': 'Room 301'})
        self.meeting.with_user(self.wu).action_prepare()
        self.assertEqual(self.meeting.state, 'preparing')

    def test_outsider_and_plain_user_see_nothing(self):
        for user in (self.outsider, self.plain_user):
            with self.assertRaises(AccessError):
                self.meeting.with_user(user).read(['name'])
        self.assertFalse(self.env['party.meeting'].with_user(self.outsider).search(
            [('id', '=', self.meeting.id)]))
        self.assertEqual(self.env['party.meeting'].with_user(self.outsider).search([]), self.other_meeting)
        with self.assertRaises(AccessError):
            self.env['party.rectification'].with_user(self.plain_user).search([])

    def test_member_updates_own_item_only(self):
        self.item_qian.with_user(self.qian).write({'completion_note': '<p>Progress.</p>'})
        self.item_qian.with_user(self.qian).action_start()
        self.assertEqual(self.item_qian.state, 'in_progress')
        # reads the whole ledger of the organization ...
        self.assertEqual(self.item_sun.with_user(self.qian).name, 'Slow case handling')
        # ... but cannot update someone else's item
        with self.assertRaises(AccessError):
            self.item_sun.with_user(self.qian).write({'completion_note': '<p>Not mine.</p>'})
        with self.assertRaises(AccessError):
            self.item_sun.with_user(self.qian).action_start()

    def test_member_cannot_verify_principal_can(self):
        self.item_qian.write({'completion_note': '<p>Done.</p>'})
        self.add_evidence(self.item_qian, user=self.qian)
        self.item_qian.with_user(self.qian).action_done()
        with self.assertRaisesRegex(UserError, 'only the principal'):
            self.item_qian.with_user(self.qian).action_verify()
        with self.assertRaisesRegex(UserError, 'only the principal'):
            self.item_qian.with_user(self.wu).action_verify()
        self.item_qian.with_user(self.zhao).action_verify()
        self.assertEqual(self.item_qian.state, 'verified')

    def test_manager_sees_everything(self):
        Meeting = self.env['party.meeting'].with_user(self.wang)
        organizations = self.organization | self.other_organization
        self.assertEqual(Meeting.search([('organization_id', 'in', organizations.ids)]),
                         self.meeting | self.other_meeting)
        self.other_meeting.with_user(self.wang).write({'location': 'Hall'})

    def test_deletion_refused_with_a_reason(self):
        with self.assertRaisesRegex(UserError, 'cannot be deleted: it has 1 meetings'):
            self.organization.unlink()
        with freeze_time('2022-01-21 06:00:00'):
            self.meeting.action_prepare()
        with self.assertRaisesRegex(UserError, 'past draft'):
            self.meeting.with_user(self.zhao).unlink()
        self.item_qian.write({'completion_note': '<p>Done.</p>'})
        self.add_evidence(self.item_qian)
        self.item_qian.action_done()
        self.item_qian.with_user(self.zhao).action_verify()
        with self.assertRaisesRegex(UserError, 'cannot be deleted: it is verified'):
            self.item_qian.unlink()
        self.assertEqual(self.env['party.rectification'].search([('meeting_id', '=', self.meeting.id),
                                                                 ('state', '=', 'verified')]), self.item_qian)
        self.other_meeting.unlink()  # a draft can go
        self.assertFalse(self.other_meeting.exists())

    def test_user_who_leaves_keeps_records(self):
        self.qian.action_archive()
        self.assertEqual(self.talk_qian_sun.initiator_user_id, self.qian)
        self.assertEqual(self.item_qian.responsible_user_id, self.qian)
