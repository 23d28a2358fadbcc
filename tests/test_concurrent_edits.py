from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestConcurrentEdits(PartyCase):
    """Two people, one record: a save or a decision based on a version that someone else has
    replaced since is refused with the record's name, never saved over the other's work."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hu = new_test_user(cls.env, login='t_hu', name='Hu Second Clerk', tz='Asia/Shanghai',
                               groups='base.group_user,party_democratic_life.group_party_clerk')
        cls.organization.clerk_user_ids = [Command.link(cls.hu.id)]
        cls.env.cr.flush()

    def save_as(self, user, record, seen_version, vals):
        """What a form does on Save: the changed fields and the version the form shows."""
        return record.with_user(user).web_save(dict(vals, party_edit_version=seen_version), {})

    def test_two_clerks_editing_the_same_minutes(self):
        meeting = self.meeting
        seen = meeting.party_edit_version      # both clerks open the meeting
        self.save_as(self.wu, meeting, seen, {'minutes': '<p>WU-MINUTES: the principal opened the meeting.</p>'})
        with self.assertRaisesRegex(UserError, r'Special Meeting 2022.* was changed by Wu Xiaoyan .*not saved'):
            self.save_as(self.hu, meeting, seen, {'minutes': '<p>HU-MINUTES</p>'})
        self.assertIn('WU-MINUTES', meeting.minutes, "the first clerk's minutes are kept")
        self.assertNotIn('HU-MINUTES', meeting.minutes)
        # Reloaded, the second clerk works on the current version and her save goes through.
        self.save_as(self.hu, meeting, meeting.party_edit_version, {'minutes': '<p>HU-MINUTES</p>'})
        self.assertIn('HU-MINUTES', meeting.minutes)

    def test_two_members_updating_the_same_item(self):
        item = self.make_rectification(state='in_progress')
        seen = item.party_edit_version         # the owner and the principal open the item
        self.save_as(self.qian, item, seen, {'completion_note': '<p>QIAN: two trainings held.</p>'})
        with self.assertRaisesRegex(UserError, r'Training is not regular.* was changed by Qian Lixin'):
            self.save_as(self.zhao, item, seen, {'completion_note': '<p>ZHAO: nothing yet.</p>'})
        self.assertIn('QIAN', item.completion_note)
        # A field the second person did not see change is refused too: the version is the record's.
        with self.assertRaisesRegex(UserError, 'was changed by Qian Lixin'):
            self.save_as(self.zhao, item, seen, {'deadline': '2022-04-01'})
        self.assertEqual(item.deadline, date(2022, 4, 15))

    def test_the_principal_approves_only_the_text_he_read(self):
        self.meeting.materials_deadline = date(2022, 1, 18)
        self.meeting.action_prepare()
        outline = self.meeting.statement_ids.filtered(
            lambda s: s.kind == 'personal' and s.author_user_id == self.qian)
        outline.sudo().write({'state': 'submitted'})
        seen = outline.party_edit_version      # the principal opens the submitted outline and reads it
        # Meanwhile, from another screen, it is returned, rewritten by its author and submitted again.
        outline.with_user(self.zhao).action_return(comment='Name the problems of aspect 2.')
        section = outline.section_ids[:1]
        self.save_as(self.qian, outline, outline.party_edit_version,
                     {'section_ids': [Command.update(section.id, {'content': '<p>REWRITTEN</p>'})]})
        outline.sudo().write({'state': 'submitted'})
        principal_view = outline.with_user(self.zhao).with_context(party_edit_version=seen)
        with self.assertRaisesRegex(UserError, 'was changed by .*not saved'):
            principal_view.action_approve()
        self.assertEqual(outline.state, 'submitted', 'not approved on a text the principal has not read')
        outline.with_user(self.zhao).with_context(
            party_edit_version=outline.party_edit_version).action_approve()
        self.assertEqual(outline.state, 'approved')

    def test_the_author_cannot_save_over_a_decision(self):
        self.meeting.materials_deadline = date(2022, 1, 18)
        self.meeting.action_prepare()
        outline = self.meeting.statement_ids.filtered(
            lambda s: s.kind == 'personal' and s.author_user_id == self.sun)
        seen = outline.party_edit_version      # the author's form is open on the draft
        outline.sudo().write({'state': 'returned', 'review_comment': 'Shorter, please.'})
        section = outline.section_ids[:1]
        with self.assertRaisesRegex(UserError, 'was changed by'):
            self.save_as(self.sun, outline, seen,
                         {'section_ids': [Command.update(section.id, {'content': '<p>STALE</p>'})]})
        self.assertNotIn('STALE', section.content or '')

    def test_a_version_that_is_not_a_number_is_refused(self):
        with self.assertRaisesRegex(UserError, r'Special Meeting 2022: the field "Edit Version" cannot take the value \'latest\''):
            self.save_as(self.wu, self.meeting, 'latest', {'location': 'Room 2'})
        self.assertFalse(self.meeting.location)

    def test_every_change_counts_one_version(self):
        item = self.make_rectification()
        start = item.party_edit_version
        item.with_user(self.qian).write({'responsible_unit': 'Office'})
        item.with_user(self.qian).action_start()
        self.assertEqual(item.party_edit_version, start + 2)


@tagged('post_install', '-at_install')
class TestConcurrentEditsTour(HttpCase, PartyCase):

    def test_a_refused_save_keeps_what_the_clerk_typed(self):
        self.start_tour(f'/odoo/party-meetings/{self.meeting.id}', 'party_concurrent_edit_tour', login='t_wu')
        self.assertEqual(self.meeting.location, 'TOUR-OTHER-ROOM', "the other person's change is kept")
