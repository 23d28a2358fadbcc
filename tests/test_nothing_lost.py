"""Nothing lost: bad input is refused with a message naming the record and the field, records
outlive the users who leave, and nobody can slip a record into another organisation.

Covered elsewhere, each in its own test: deleting meetings past draft and organisations with
meetings (test_deletion), outlines past draft (test_statement), criticisms (test_criticism),
verified items (test_rectification_rules); a talk with the same person on both sides and talks
after the meeting (test_talk), a team member of another organisation added to a meeting
(test_meeting), a study after the meeting (test_preparation), evidence of the wrong type or
size (test_rectification_rules)."""
from datetime import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .access_common import AccessCase


@tagged('post_install', '-at_install')
class TestBadInput(AccessCase):

    # Dates out of order (the meeting is on 2022-01-21)

    def test_opinion_after_the_meeting_refused(self):
        with self.assertRaisesRegex(ValidationError, r'Opinion "Too late": the field "Date" \(2022-01-22\) is after '
                                                     r'the meeting on 2022-01-21'):
            self.env['party.meeting.opinion'].create({
                'meeting_id': self.meeting_a.id, 'content': 'Too late', 'date': '2022-01-22'})
        # Recorded afterwards without a date, it is dated on the meeting's day at the latest.
        late = self.env['party.meeting.opinion'].create({'meeting_id': self.meeting_a.id, 'content': 'Typed in later'})
        self.assertEqual(str(late.date), '2022-01-21')

    def test_milestone_after_the_deadline_refused(self):
        with self.assertRaisesRegex(ValidationError, r'Milestone "Too late" of rectification "Training is not '
                                                     r'regular": the field "Date" \(2022-05-01\) is after the '
                                                     r"item's deadline 2022-04-15"):
            self.env['party.rectification.milestone'].create(
                {'rectification_id': self.item_qian.id, 'date': '2022-05-01', 'goal': 'Too late'})
        with self.assertRaisesRegex(ValidationError, r'Milestone "Step of Training is not regular".*"Date" '
                                                     r'\(2022-03-01\) is after the item\'s deadline 2022-02-28'):
            self.item_qian.deadline = '2022-02-28'

    def test_materials_deadline_after_the_meeting_refused(self):
        with self.assertRaisesRegex(ValidationError, r'Meeting "Special Meeting 2022": the field "Materials Deadline" '
                                                     r'\(2022-01-25\) is after the meeting on 2022-01-21'):
            self.meeting_a.with_user(self.wu).materials_deadline = '2022-01-25'
        self.meeting_a.with_user(self.wu).materials_deadline = '2022-01-18'

    def test_plan_sent_after_the_meeting_refused(self):
        # Typed by nobody: the submission records the day the plan went up.
        with self.assertRaisesRegex(UserError, r'Meeting "Special Meeting 2022": the field "Plan Sent On" changes only '
                                               r'through Submit Plan'):
            self.meeting_a.with_user(self.wu).plan_sent_date = '2022-01-12'
        with self.assertRaisesRegex(ValidationError, r'"Plan Sent On" \(2022-01-22\) is after the meeting'):
            self.meeting_a.sudo().plan_sent_date = '2022-01-22'
        self.assertFalse(self.meeting_a.plan_sent_date)

    def test_report_before_the_meeting_refused(self):
        with self.assertRaisesRegex(ValidationError, r'Meeting "Special Meeting 2022": the field "Report Sent On" '
                                                     r'\(2022-01-20\) is before the meeting on 2022-01-21'):
            self.meeting_a.sudo().report_date = '2022-01-20'  # as sending the package records it

    def test_notice_before_the_meeting_refused(self):
        with self.assertRaisesRegex(ValidationError, r'"Notice Issued On" \(2022-01-01\) is before the meeting'):
            self.meeting_a.with_user(self.zhao).notice_date = '2022-01-01'

    def test_meeting_moved_before_its_preparation_refused(self):
        """Moving the meeting earlier than its study session, talks or opinions, or later than an
        item's deadline, would put them out of order."""
        with self.assertRaisesRegex(ValidationError, r'Meeting "Special Meeting 2022": the field "Start" \(2022-01-05\) '
                                                     r'does not fit the study session "Party history" dated 2022-01-10'):
            self.meeting_a.with_user(self.wu).date_start = datetime(2022, 1, 5, 1, 0)
        with self.assertRaisesRegex(ValidationError, r'does not fit the rectification "Training is not regular" '
                                                     r'dated 2022-04-15'):
            self.meeting_a.with_user(self.wu).date_start = datetime(2022, 5, 5, 1, 0)
        self.meeting_a.with_user(self.wu).date_start = datetime(2022, 1, 28, 1, 0)

    def test_deadline_before_the_meeting_refused(self):
        with self.assertRaisesRegex(ValidationError, r'Rectification "Backdated": the field "Deadline" \(2022-01-10\) '
                                                     r'is before the meeting "Special Meeting 2022" on 2022-01-21'):
            self.make_rectification(name='Backdated', deadline='2022-01-10')
        # An item carried in from an earlier meeting keeps its old, earlier deadline.
        carried = self.make_rectification(name='Carried', deadline='2021-06-30', carried_from_id=self.item_sun.id,
                                          source='previous')
        self.assertEqual(str(carried.deadline), '2021-06-30')

    # Who appears on the record of the meeting

    def test_guide_comment_from_someone_not_listed_refused(self):
        Criticism = self.env['party.meeting.criticism'].with_user(self.wu)
        with self.assertRaisesRegex(ValidationError, r'Criticism ".*": the field "Critic" or "Guide" of a guide\'s '
                                                     r'comment must be an upper-level guide listed as a participant'):
            Criticism.create({'meeting_id': self.meeting_a.id, 'kind': 'guide_comment', 'target_user_id': self.qian.id,
                              'critic_partner_id': self.supervisor.id, 'content': '<p>Unlisted</p>'})
        self.meeting_a.attendee_ids = [(0, 0, {'role': 'guide', 'partner_id': self.supervisor.id})]
        comment = Criticism.create({'meeting_id': self.meeting_a.id, 'kind': 'guide_comment',
                                    'target_user_id': self.qian.id, 'critic_partner_id': self.supervisor.id,
                                    'content': '<p>Listed</p>'})
        self.assertEqual(comment.critic_partner_id, self.supervisor)

    def test_criticism_of_someone_absent_from_the_list_refused(self):
        self.meeting_a.attendee_ids.filtered(lambda a: a.user_id == self.zhao).unlink()
        with self.assertRaisesRegex(ValidationError, r'Criticism "Mutual Criticism: Qian Lixin → Zhao Dongping": the '
                                                     r'field "Criticised Member" must be a team member listed as a '
                                                     r'participant of the meeting "Special Meeting 2022"'):
            self.env['party.meeting.criticism'].with_user(self.wu).create({
                'meeting_id': self.meeting_a.id, 'critic_user_id': self.qian.id, 'target_user_id': self.zhao.id,
                'content': '<p>Not on the list</p>'})

    def test_participant_on_the_record_cannot_be_removed(self):
        zhou = self.meeting_a.attendee_ids.filtered(lambda a: a.user_id == self.zhou)
        with self.assertRaisesRegex(UserError, r'Participant "Zhou Jianguo \(Member\)" cannot be removed from the field '
                                                r'"Participants" of meeting "Special Meeting 2022"'):
            zhou.with_user(self.wu).unlink()  # criticised by Li
        sit_in = self.env['party.meeting.attendee'].create(
            {'meeting_id': self.meeting_a.id, 'role': 'sit_in', 'partner_id': self.supervisor.id})
        self.meeting_a.state = 'held'
        with self.assertRaisesRegex(UserError, 'the meeting is held'):
            sit_in.with_user(self.wu).unlink()
        self.assertTrue(zhou.exists() and sit_in.exists())


@tagged('post_install', '-at_install')
class TestNoPlanting(AccessCase):
    """A user cannot put a record into an organisation they do not belong to by naming
    themselves on it (the rules let the people concerned record their own)."""

    def test_member_cannot_plant_a_talk_in_another_organization(self):
        with self.assertRaises(AccessError):
            self.env['party.meeting.talk'].with_user(self.qian).create({
                'meeting_id': self.meeting_b.id, 'initiator_user_id': self.qian.id,
                'counterpart_user_id': self.outsider.id})
        with self.assertRaises(AccessError):
            self.talk_b.with_user(self.qian).write({'counterpart_user_id': self.qian.id})

    def test_member_cannot_plant_a_criticism_in_another_organization(self):
        # Even listed as a guide of B's meeting, a member of A records no comment there.
        self.meeting_b.attendee_ids = [(0, 0, {'role': 'guide', 'user_id': self.qian.id})]
        with self.assertRaises(AccessError):
            self.env['party.meeting.criticism'].with_user(self.qian).create({
                'meeting_id': self.meeting_b.id, 'kind': 'guide_comment', 'critic_user_id': self.qian.id,
                'target_user_id': self.outsider.id, 'content': '<p>Planted</p>'})

    def test_member_cannot_plant_an_item_in_another_organization(self):
        with self.assertRaises(AccessError):
            self.env['party.rectification'].with_user(self.qian).create({
                'name': 'Planted', 'meeting_id': self.meeting_b.id, 'scope': 'personal',
                'responsible_user_id': self.qian.id, 'public': True})
        # Named as owner by B's clerk, Qian still may not change B's ledger.
        item = self.make_rectification(name='Owned from outside', meeting_id=self.meeting_b.id,
                                       responsible_user_id=self.qian.id)
        with self.assertRaises(AccessError):
            item.with_user(self.qian).write({'public': True})
        with self.assertRaises(AccessError):
            self.env['party.rectification.milestone'].with_user(self.qian).create(
                {'rectification_id': item.id, 'date': '2022-03-01', 'goal': 'Planted'})

    def test_dialogs_are_private_to_whom_opened_them(self):
        returned = self.env['party.meeting.statement.return'].with_user(self.zhao).create(
            {'statement_ids': [(6, 0, self.outline_qian.ids)], 'comment': 'PRIVATE-REVIEW-COMMENT'})
        for user in (self.qian, self.sun, self.zheng, self.wang):
            with self.subTest(user=user.login):
                self.assertFalse(returned.with_user(user).search([('id', '=', returned.id)]))
                with self.assertRaises(AccessError):
                    returned.with_user(user).read(['comment'])
        self.assertEqual(returned.with_user(self.zhao).comment, 'PRIVATE-REVIEW-COMMENT')

    def test_dialogs_refused_for_what_one_may_not_act_on(self):
        guide_b = self.meeting_b.readiness_ids.filtered(lambda r: r.code == 'guide')
        with self.assertRaises(AccessError):
            self.env['party.meeting.readiness.waive'].with_user(self.zhao).create(
                {'readiness_id': guide_b.id, 'reason': 'Not mine'})
        with self.assertRaisesRegex(UserError, 'only its reviewer Zhao Dongping can approve or return it'):
            self.env['party.meeting.statement.return'].with_user(self.wang).create(
                {'statement_ids': [(6, 0, self.outline_qian.ids)], 'comment': 'Not mine'})


@tagged('post_install', '-at_install')
class TestUsersWhoLeave(AccessCase):

    def test_no_record_follows_a_deleted_user(self):
        """No link from the addon's records to a user is deleted with the user (no cascade), and
        the links that make the record's history never lose their user (restrict)."""
        history = {
            ('party.meeting', 'host_user_id'), ('party.meeting', 'recorder_user_id'),
            ('party.meeting.statement', 'author_user_id'), ('party.meeting.statement', 'reviewer_user_id'),
            ('party.meeting.talk', 'initiator_user_id'), ('party.meeting.criticism', 'target_user_id'),
            ('party.meeting.criticism', 'critic_user_id'), ('party.rectification', 'responsible_user_id'),
            ('party.rectification', 'verified_by_id'), ('party.meeting.readiness', 'waived_by_id'),
            ('party.organization.member', 'user_id'),
        }
        for model in (name for name in self.env if name.startswith('party.')):
            for field in self.env[model]._fields.values():
                if field.type == 'many2one' and field.comodel_name == 'res.users' and field.store:
                    with self.subTest(field=f'{model}.{field.name}'):
                        self.assertNotEqual(field.ondelete, 'cascade')
                        if (model, field.name) in history:
                            self.assertEqual(field.ondelete, 'restrict')

    def test_deleting_a_user_with_records_is_refused_archiving_keeps_them(self):
        self.item_qian.write({'completion_note': '<p>Done</p>', 'state': 'done'})
        self.item_qian.with_user(self.wang).action_verify()
        with mute_logger('odoo.sql_db'), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.wang.unlink()
        self.wang.action_archive()
        self.qian.action_archive()
        self.assertEqual(self.item_qian.verified_by_id, self.wang)
        self.assertEqual(self.item_qian.responsible_user_id, self.qian)
        self.assertEqual(self.outline_qian.author_user_id, self.qian)
        self.assertEqual(self.crit_qian_sun.critic_user_id, self.qian)


@tagged('post_install', '-at_install')
class TestMessagesInChinese(AccessCase):

    def test_refusals_name_record_and_field_in_chinese(self):
        """The refusals come in the user's language: with zh_CN loaded, a Chinese user reads the
        record and the field in Chinese."""
        self.env['res.lang']._activate_lang('zh_CN')
        self.env['ir.module.module']._load_module_terms(['party_democratic_life'], ['zh_CN'], overwrite=True)
        Talk = self.env['party.meeting.talk'].with_user(self.wu)
        for lang, expected in (('en_US', 'Talk "Qian Lixin ↔ Qian Lixin": the field "Counterpart" cannot be the initiator'),
                               ('zh_CN', '谈话“Qian Lixin ↔ Qian Lixin”：“谈话对象”不能是谈话人本人')):
            with self.subTest(lang=lang), self.assertRaises(ValidationError) as refused:
                Talk.with_context(lang=lang).create({
                    'meeting_id': self.meeting_a.id, 'initiator_user_id': self.qian.id,
                    'counterpart_user_id': self.qian.id})
            self.assertIn(expected, str(refused.exception))
        # A field label inside a message comes translated as well.
        with self.assertRaises(ValidationError) as refused:
            self.meeting_a.sudo().with_context(lang='zh_CN').write({'report_date': '2022-01-20'})
        self.assertIn(self.env['party.meeting'].with_context(lang='zh_CN')._fields['report_date']._description_string(
            self.env(context={'lang': 'zh_CN'})), str(refused.exception))
        self.assertNotIn('Report Sent On', str(refused.exception))
