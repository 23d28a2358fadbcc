"""Steps of the reference plan: talk types, the member's own branch, the three don'ts of
criticism, the upper level's remarks, the statements of commitment, sending the lists, both
kinds of study and the default lead time of the plan."""
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestTalkTypes(PartyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env['party.organization.unit'].create({
            'organization_id': cls.organization.id, 'name': 'City Squad', 'member_user_id': cls.qian.id,
            'head_name': 'Ma Chao'})
        cls.office_rep = cls.env['party.organization.representative'].create({
            'organization_id': cls.organization.id, 'name': 'Lin Hong', 'branch': 'Office Branch'})
        cls.squad_rep = cls.env['party.organization.representative'].create({
            'organization_id': cls.organization.id, 'name': 'Chen Gang', 'branch': 'Squad Branch'})
        cls.env.cr.flush()

    def missing(self):
        return [label for _key, label in self.meeting._get_missing_talk_pairs()]

    def test_type_follows_from_the_parties(self):
        Users = self.env['res.users']
        cases = [
            (self.make_talk(self.meeting, self.zhao, self.qian, done=False), 'principal_member'),
            (self.make_talk(self.meeting, self.qian, self.zhao, done=False), 'principal_member'),
            (self.make_talk(self.meeting, self.sun, self.li, done=False, talk_type='principal_member'), 'member_member'),
            (self.make_talk(self.meeting, self.qian, Users, done=False, counterpart_name='Ma Chao'), 'member_unit_head'),
            (self.make_talk(self.meeting, self.qian, Users, done=False, unit_id=self.unit.id,
                            counterpart_name='The squad leader'), 'member_unit_head'),
            (self.make_talk(self.meeting, self.sun, Users, done=False, counterpart_name='Chen Gang'),
             'branch_representative'),
            (self.make_talk(self.meeting, self.sun, Users, done=False, counterpart_name='A neighbour'), 'other'),
        ]
        for talk, expected in cases:
            with self.subTest(talk=talk.display_name):
                self.assertEqual(talk.talk_type, expected)
        talk = cases[2][0]
        talk.write({'talk_type': 'member_unit_head'})
        self.assertEqual(talk.talk_type, 'member_member', 'a type written by hand is not kept')
        talk.counterpart_user_id = self.zhao
        self.assertEqual(talk.talk_type, 'principal_member', 'the type follows a change of party')

    def test_principal_talk_saved_as_member_talk_without_duty_report_does_not_count(self):
        talk = self.make_talk(self.meeting, self.zhao, self.qian, done=False, duty_report=False,
                              talk_type='member_member')
        self.assertEqual(talk.talk_type, 'principal_member')
        with self.assertRaisesRegex(ValidationError, 'One Post, Two Duties Report'):
            talk.action_done()
        with self.assertRaisesRegex(ValidationError, 'One Post, Two Duties Report'):
            self.make_talk(self.meeting, self.qian, self.zhao, duty_report=False, talk_type='member_member')
        # Even a done talk stored without the report (e.g. written in SQL) leaves the pair missing.
        self.env.cr.execute("UPDATE party_meeting_talk SET state = 'done', talk_type = 'member_member' "
                            "WHERE id = %s", [talk.id])
        self.env.invalidate_all()
        self.meeting.invalidate_recordset(['missing_talk_pairs'])
        self.assertIn('Zhao Dongping ↔ Qian Lixin', self.missing())
        talk.duty_report = '<p>Duties of 2021 carried out.</p>'
        self.assertNotIn('Zhao Dongping ↔ Qian Lixin', self.missing())

    def test_member_covered_only_by_a_representative_of_his_branch(self):
        self.organization.member_ids.filtered(lambda m: m.user_id == self.sun).branch = 'Squad Branch'
        self.assertIn('Sun Weihua ↔ a representative of Squad Branch', self.missing())
        self.make_talk(self.meeting, self.sun, self.env['res.users'], representative_id=self.office_rep.id,
                       counterpart_name='Lin Hong')
        self.assertIn('Sun Weihua ↔ a representative of Squad Branch', self.missing(),
                      'a representative of another branch does not cover the member')
        self.make_talk(self.meeting, self.sun, self.env['res.users'], counterpart_name='Chen Gang')
        self.assertNotIn('Sun Weihua ↔ a representative of Squad Branch', self.missing())
        # the planned talks go to a representative of the member's own branch
        self.meeting.action_plan_missing_talks()
        planned = self.meeting.talk_ids.filtered(
            lambda t: t.state == 'planned' and t.talk_type == 'branch_representative')
        self.assertEqual(planned.representative_id, self.office_rep)
        self.assertNotIn(self.sun, planned.initiator_user_id)

    def test_member_without_branch_is_never_covered(self):
        self.organization.member_ids.filtered(lambda m: m.user_id == self.li).branch = False
        self.make_talk(self.meeting, self.li, self.env['res.users'], representative_id=self.office_rep.id,
                       counterpart_name='Lin Hong')
        self.assertTrue(any(label.startswith('Li Mingyuan ↔ a representative of his or her Party branch')
                            for label in self.missing()))

    def test_duty_areas_without_unit_fail_readiness(self):
        self.meeting.action_prepare()
        talk_line = self.meeting.readiness_ids.filtered(lambda r: r.code == 'talk')
        self.assertIn('Sun Weihua has duty areas (Area 2) but no unit in charge is recorded', talk_line.missing)
        self.assertNotIn('Qian Lixin has duty areas', talk_line.missing)
        self.assertNotIn('Zhao Dongping has duty areas', talk_line.missing, 'the principal leads the whole work')
        self.organization.member_ids.filtered(lambda m: m.user_id == self.sun).duty_area = False
        self.assertNotIn('Sun Weihua has duty areas', talk_line.missing)

    def test_branch_without_representative_fails_readiness(self):
        self.meeting.action_prepare()
        self.organization.member_ids.filtered(lambda m: m.user_id == self.li).branch = 'Town Branch'
        talk_line = self.meeting.readiness_ids.filtered(lambda r: r.code == 'talk')
        self.assertIn('No representative of the branch Town Branch is recorded', talk_line.missing)

    def test_talk_form_type_is_computed(self):
        with Form(self.env['party.meeting.talk'].with_user(self.wu)) as form:
            form.meeting_id = self.meeting
            form.initiator_user_id = self.zhao
            form.counterpart_user_id = self.sun
            self.assertEqual(form.talk_type, 'principal_member')
            with self.assertRaises(AssertionError):
                form.talk_type = 'member_member'
            form.date = date(2022, 1, 10)
            form.content = '<p>Talked.</p>'


@tagged('post_install', '-at_install')
class TestCriticismWording(PartyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting.action_prepare()

    def criticise(self, content, critic=None, target=None):
        return self.env['party.meeting.criticism'].create({
            'meeting_id': self.meeting.id, 'critic_user_id': (critic or self.qian).id,
            'target_user_id': (target or self.zhao).id, 'content': content})

    def test_openings_are_warned(self):
        cases = {
            '<p>赵东平同志工作认真负责，成绩突出。但下基层少。</p>': 'praise',
            '<p>希望赵东平同志今后多到中队。</p>': 'wish',
            '<p>建议赵东平同志每季度下一次中队。</p>': 'suggestion',
            '<p>I hope that you will visit the squads more.</p>': 'wish',
            '<p>赵东平同志到乡镇中队检查指导次数少，对一线困难掌握不够。</p>': False,
            '<p>Rarely on the ground. I hope that changes.</p>': False,
        }
        for content, expected in cases.items():
            with self.subTest(content=content):
                criticism = self.criticise(content)
                self.assertEqual(criticism.opening_kind, expected)
                self.assertEqual(bool(criticism.opening_warning), bool(expected))
        own = self.env['party.meeting.criticism'].create({
            'meeting_id': self.meeting.id, 'kind': 'self', 'target_user_id': self.sun.id,
            'content': '<p>希望自己今后多学习。</p>'})
        self.assertFalse(own.opening_kind, 'the three don\'ts are about criticising others')

    def test_warned_criticism_counts_once_confirmed(self):
        self.make_criticisms(self.meeting)
        target = self.qian
        received = self.meeting.criticism_ids.filtered(lambda c: c.kind == 'mutual' and c.target_user_id == target)
        received[0].with_user(received[0].critic_user_id).content = '<p>希望钱立新同志多下基层。</p>'
        self.assertIn('Qian Lixin: 1 of at least 2 criticisms', self.meeting.criticism_missing)
        self.assertIn("1 more awaiting the critic's confirmation", self.meeting.criticism_missing)
        received[0].with_user(received[0].critic_user_id).action_confirm_wording()
        self.assertNotIn('Qian Lixin', self.meeting.criticism_missing or '')
        # new wording, new confirmation
        received[0].with_user(received[0].critic_user_id).content = '<p>建议钱立新同志每月下基层。</p>'
        self.assertFalse(received[0].wording_confirmed)
        self.assertIn('Qian Lixin: 1 of at least 2 criticisms', self.meeting.criticism_missing)

    def test_form_shows_the_three_donts(self):
        view = self.env['party.meeting.criticism'].get_views([(False, 'form')])['views']['form']['arch']
        self.assertIn('Three don\'ts of the plan', view)
        self.assertIn('action_confirm_wording', view)


@tagged('post_install', '-at_install')
@freeze_time('2022-01-21 06:00:00')
class TestRemarksAndStatements(PartyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.organization.write({'list_collector': 'Personnel Section', 'list_recipient': 'Organization Section'})
        cls.meeting.action_prepare()
        cls.make_ready(cls.meeting)
        cls.meeting.action_hold()
        cls.remark = cls.env['party.meeting.remark'].with_user(cls.wu).create({
            'meeting_id': cls.meeting.id, 'body': 'discipline_commission', 'speaker': 'Zheng Guoping',
            'content': '<p>The criticisms of the principal were too mild.</p>'})

    def test_meeting_needs_every_statement_before_rectification(self):
        criticisms = self.make_criticisms(self.meeting)
        self.assertTrue(criticisms)
        qian = self.meeting.attendee_ids.filtered(lambda a: a.user_id == self.qian)
        qian.criticism_statement = False
        self.assertIn('Qian Lixin: no statement on the criticisms', self.meeting.statement_missing)
        with self.assertRaisesRegex(UserError, 'statements of commitment are incomplete.*Qian Lixin'):
            self.meeting.with_user(self.wu).action_rectify()
        self.assertEqual(self.meeting.state, 'held')
        qian.with_user(self.wu).criticism_statement = 'I accept them all.'
        self.meeting.with_user(self.wu).action_rectify()
        self.assertEqual(self.meeting.state, 'rectifying')

    def test_away_member_needs_no_statement(self):
        self.make_criticisms(self.meeting)
        sun = self.meeting.attendee_ids.filtered(lambda a: a.user_id == self.sun)
        sun.write({'attendance': 'leave', 'leave_reason': 'Ill', 'responsibility_statement': False})
        self.assertNotIn('Sun Weihua', self.meeting.statement_missing or '')

    def test_minutes_print_remarks_and_statements(self):
        self.make_criticisms(self.meeting)
        self.meeting.attendee_ids.filtered(lambda a: a.user_id == self.li).write({
            'responsibility_statement': 'Li claims his share.', 'criticism_statement': 'Li will correct.'})
        self.meeting.action_rectify()
        minutes = str(self.meeting.minutes)
        for text in ('Remarks of the Upper Level', 'Zheng Guoping', 'The criticisms of the principal were too mild.',
                     'Li claims his share.', 'Li will correct.'):
            self.assertIn(text, minutes)

    def test_remark_to_rectification_with_its_source(self):
        # One click makes the item (source: the upper level's remarks); a second opens it again.
        action = self.remark.with_user(self.zhao).action_to_rectification()
        item = self.env['party.rectification'].browse(action['res_id'])
        self.assertEqual((item.source, item.remark_id, item.scope, item.responsible_user_id),
                         ('upper_remark', self.remark, 'team', self.zhao))
        self.assertIn('too mild', item.problem)
        self.assertEqual(self.remark.with_user(self.wu).action_to_rectification()['res_id'], item.id, 'made once')
        self.assertEqual(self.remark.rectification_count, 1)
        self.assertEqual(item.remark_id, self.remark)
        labels = dict(item._fields['source']._description_selection(self.env))
        self.assertEqual(labels['upper_remark'], "Upper Level's Remarks")

    def test_remark_access(self):
        self.assertEqual(self.remark.with_user(self.zheng).speaker, 'Zheng Guoping', 'observers read the remarks')
        self.assertEqual(self.remark.with_user(self.qian).speaker, 'Zheng Guoping')
        with self.assertRaises(AccessError):
            self.remark.with_user(self.zheng).write({'speaker': 'Someone'})
        with self.assertRaises(AccessError):
            self.remark.with_user(self.qian).write({'speaker': 'Someone'})
        with self.assertRaises(AccessError):
            self.remark.with_user(self.outsider).read(['speaker'])
        self.meeting.write({'state': 'done'})
        with self.assertRaisesRegex(UserError, 'cannot be changed'):
            self.remark.with_user(self.wu).write({'speaker': 'Someone'})

    def test_lists_sent_is_a_recorded_step(self):
        with self.assertRaisesRegex(UserError, 'Rectifications.*no list to send'):
            self.meeting.with_user(self.wu).action_send_lists()
        self.make_rectification(name='Sharper criticism')
        self.organization.list_recipient = False
        with self.assertRaisesRegex(UserError, 'Lists Sent To'):
            self.meeting.with_user(self.wu).action_send_lists()
        self.organization.list_recipient = 'Organization Section'
        self.meeting.with_user(self.wu).action_send_lists()
        self.assertEqual(self.meeting.lists_sent_date, date(2022, 1, 21))
        self.assertIn('collected by Personnel Section and sent to Organization Section',
                      self.meeting.message_ids[:1].body)
        with self.assertRaises(AccessError):
            self.meeting.with_user(self.qian).action_send_lists()

    def test_plan_report_and_notice_name_who_sends_the_lists(self):
        expected = 'collected by Personnel Section and sent to Organization Section'
        self.make_rectification(name='Sharper criticism')
        plan = ' '.join(str(block) for block in self.meeting._party_blocks_plan())
        self.assertIn(expected, plan)
        self.meeting._compose_report()
        self.meeting._compose_notice()
        self.assertIn(expected, str(self.meeting.report_body))
        self.assertIn(expected, str(self.meeting.notice_body))
        self.organization.list_collector = False
        self.meeting._compose_notice()
        self.assertNotIn(expected, str(self.meeting.notice_body))


@tagged('post_install', '-at_install')
class TestStudyKinds(PartyCase):

    def study(self, form, **values):
        return self.env['party.meeting.study'].create(dict({
            'meeting_id': self.meeting.id, 'date': '2022-01-05', 'form': form, 'topic': f'Study {form}',
            'attendee_user_ids': [(6, 0, self.members.ids)]}, **values))

    def test_readiness_asks_for_group_study_and_self_study(self):
        self.meeting.action_prepare()
        line = self.meeting.readiness_ids.filtered(lambda r: r.code == 'study')
        self.study('seminar')
        self.assertEqual(line.state, 'missing')
        self.assertIn('No self-study is recorded.', line.missing)
        self.assertNotIn('No group study', line.missing)
        silent = self.study('self_study', attendee_user_ids=False)
        self.assertIn('the field "Attendees" is empty', line.missing)
        silent.attendee_user_ids = self.qian
        self.assertEqual(line.state, 'ok')

    def test_speakers_attended(self):
        study = self.study('central_group', speaker_user_ids=[(6, 0, (self.zhao | self.qian).ids)])
        self.assertEqual(study.speaker_user_ids, self.zhao | self.qian)
        with self.assertRaisesRegex(ValidationError, 'Speakers.*Wu Xiaoyan'):
            study.speaker_user_ids = self.wu


@tagged('post_install', '-at_install')
class TestPlanLeadTime(PartyCase):

    def test_reference_case_passes_without_waiver(self):
        """The reference plan is dated 12 January for a meeting on 21 January."""
        organization = self.env['party.organization'].create({'name': 'New Group'})
        self.assertEqual(organization.plan_lead_days, 7)
        self.meeting.action_prepare()
        self.meeting.plan_sent_date = date(2022, 1, 12)
        line = self.meeting.readiness_ids.filtered(lambda r: r.code == 'plan_sent')
        self.assertEqual(line.state, 'ok')
        self.meeting.plan_sent_date = date(2022, 1, 15)
        self.assertEqual(line.state, 'missing')
