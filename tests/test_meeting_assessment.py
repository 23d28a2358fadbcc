from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartyCase
from .test_demo_data import DemoCase

REASONS = {
    'assessment_preparation': 'Study and talks were thin.',
    'assessment_self_criticism': 'Self-criticisms stayed on the surface.',
    'assessment_mutual_criticism': 'Criticisms were praise in disguise.',
    'assessment_measures': 'Measures have no dates.',
}


@tagged('post_install', '-at_install')
class TestMeetingAssessment(PartyCase):
    """The upper level's assessment after the meeting, the meeting held again after a Poor one,
    and the upper-level people present listed body by body."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        cls.chen = cls.new_reviewer('t_chen', 'Chen Zhiqiang')
        cls.far = cls.new_reviewer('t_far', 'Far Reviewer')
        cls.guide_group = cls.env['party.upper.body'].create({
            'name': 'Touring Guide Group', 'kind': 'guide_group', 'user_ids': [(6, 0, cls.chen.ids)]})
        # A guide group that supervises another organisation only.
        cls.other_group = cls.env['party.upper.body'].create({
            'name': 'Other Guide Group', 'kind': 'guide_group', 'user_ids': [(6, 0, cls.far.ids)],
            'organization_ids': [(6, 0, cls.other_organization.ids)]})
        cls.organization.upper_body_ids = [(4, cls.guide_group.id)]

        meeting = cls.meeting
        meeting.action_prepare()
        cls.make_ready(meeting)
        meeting.statement_ids.filtered(lambda s: s.author_user_id == cls.qian).section_ids[:1].content = (
            '<p>Qian wrote this part.</p>')
        meeting.statement_ids.filtered(lambda s: s.author_user_id == cls.qian).problem_ids = [
            (0, 0, {'problem': 'Rarely visits the squads', 'focus_id': meeting.focus_ids[1].id})]
        meeting.attendee_ids = [
            (0, 0, {'role': 'guide', 'user_id': cls.zheng.id, 'sequence': 110}),
            (0, 0, {'role': 'guide', 'user_id': cls.chen.id, 'sequence': 120,
                    'upper_body_id': cls.guide_group.id}),
        ]
        meeting.action_hold()
        cls.env.cr.flush()

    def assess(self, user, grade='good', meeting=None, body=None, **values):
        meeting = meeting or self.meeting
        wizard = self.env['party.meeting.assess'].with_user(user).create(dict({
            'meeting_id': meeting.id, 'grade': grade, 'body_id': (body or self.guide_group).id,
            'preparation': REASONS['assessment_preparation'],
            'self_criticism': REASONS['assessment_self_criticism'],
            'mutual_criticism': REASONS['assessment_mutual_criticism'],
            'measures': REASONS['assessment_measures'],
        }, **values))
        return wizard.action_confirm()

    # Who assesses, and when

    def test_reviewer_records_the_assessment(self):
        action = self.meeting.with_user(self.chen).action_assess()
        self.assertEqual(action['res_model'], 'party.meeting.assess')
        self.assertEqual(action['context']['default_body_id'], self.guide_group.id)
        self.assess(self.chen)
        meeting = self.meeting
        self.assertEqual(meeting.assessment_grade, 'good')
        self.assertEqual(meeting.assessed_by_id, self.chen)
        self.assertEqual(meeting.assessment_body_id, self.guide_group)
        self.assertEqual(meeting.assessed_date, self.organization.with_user(self.chen)._party_today(),
                         'the day of the reviewer who recorded it')
        self.assertEqual(meeting.assessment_self_criticism, REASONS['assessment_self_criticism'])
        self.assertFalse(meeting.reheld_meeting_ids, 'only a Poor meeting is held again')
        notice = meeting.message_ids.filtered(lambda m: 'assessed the meeting as Good' in (m.body or ''))
        self.assertTrue(notice, 'the team hears of the assessment')
        self.assertEqual(set(notice.partner_ids.ids), set((self.zhao | self.wu).partner_id.ids))

    def test_only_a_supervising_reviewer_assesses(self):
        for user in (self.zheng, self.zhao, self.wu, self.wang, self.far):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.assess(user)
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.meeting.with_user(user).action_assess()
        self.assertFalse(self.meeting.assessment_grade)

    def test_only_a_reviewing_body_is_assessed_for(self):
        """The discipline commission supervises but does not assess; a reviewer assesses only for
        a body he or she reviews for."""
        with self.assertRaisesRegex(UserError, 'Assessed For'):
            self.assess(self.chen, body=self.commission)

    def test_not_before_the_meeting_is_held(self):
        draft = self.create_meeting(name='Later Meeting', year=2022)
        with self.assertRaisesRegex(UserError, 'cannot be assessed while it is Draft'):
            draft.with_user(self.chen).action_assess()
        with self.assertRaisesRegex(UserError, 'cannot be assessed while it is Draft'):
            self.assess(self.chen, meeting=draft)

    def test_assessment_changes_only_through_the_dialog(self):
        self.assess(self.chen)
        for user in (self.wu, self.zhao, self.wang):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, 'only through Record Assessment'):
                self.meeting.with_user(user).write({'assessment_grade': 'poor'})
        with self.assertRaises(UserError):
            self.meeting.with_user(self.chen).write({'assessment_grade': 'poor'})
        with self.assertRaisesRegex(UserError, 'only through Record Assessment'):
            self.env['party.meeting'].with_user(self.wu).create({
                'name': 'Forged', 'organization_id': self.organization.id, 'meeting_type': 'special',
                'theme': 'A theme', 'year': 2023, 'reheld_from_id': self.meeting.id})
        self.assertEqual(self.meeting.assessment_grade, 'good')

    def test_team_reads_the_assessment(self):
        self.assess(self.chen, grade='fair')
        for user in (self.qian, self.wu, self.zhao, self.zheng):
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                values = self.meeting.with_user(user).read(
                    ['assessment_grade', 'assessment_preparation', 'assessed_by_id', 'assessment_body_id'])[0]
                self.assertEqual(values['assessment_grade'], 'fair')
                self.assertEqual(values['assessment_preparation'], REASONS['assessment_preparation'])

    # A meeting held again

    def test_poor_needs_a_reason(self):
        with self.assertRaisesRegex(UserError, 'Reason to Hold Again'):
            self.assess(self.chen, grade='poor')
        with self.assertRaisesRegex(UserError, 'Reason to Hold Again'):
            self.assess(self.chen, grade='poor', reheld_reason='   ')
        self.assertFalse(self.meeting.assessment_grade)
        self.assertFalse(self.meeting.reheld_meeting_ids)

    def test_poor_holds_the_meeting_again_from_its_materials(self):
        first = self.meeting
        self.assess(self.chen, grade='poor', reheld_reason='The criticisms did not touch real problems.')
        self.assertEqual(first.assessment_grade, 'poor')
        self.assertEqual(first.assessment_reheld_reason, 'The criticisms did not touch real problems.')
        again = first.reheld_meeting_id
        self.assertTrue(again)
        self.assertEqual(again.reheld_from_id, first)
        self.assertEqual(first.action_view_reheld_meeting()['res_id'], again.id)
        self.assertEqual(again.action_view_reheld_from()['res_id'], first.id)
        self.assertEqual(again.state, 'draft')
        self.assertEqual(again.name, 'Special Meeting 2022 (Held Again)')
        for name in ('organization_id', 'year', 'meeting_type', 'theme'):
            self.assertEqual(again[name], first[name], name)
        self.assertEqual(again.focus_ids.mapped('title'), first.focus_ids.mapped('title'))
        self.assertEqual(again.agenda_ids.mapped('item'), first.agenda_ids.mapped('item'))
        self.assertEqual(again.attendee_ids.mapped(lambda a: (a.role, a.user_id, a.partner_id, a.upper_body_id)),
                         first.attendee_ids.mapped(lambda a: (a.role, a.user_id, a.partner_id, a.upper_body_id)))

        # The materials: the team material and each outline, as drafts with their texts.
        statements = again.statement_ids
        self.assertEqual(len(statements.filtered(lambda s: s.kind == 'team')), 1)
        self.assertEqual(statements.filtered(lambda s: s.kind == 'personal').author_user_id,
                         self.organization.member_ids.user_id)
        self.assertEqual(set(statements.mapped('state')), {'draft'})
        outline = statements.filtered(lambda s: s.author_user_id == self.qian and s.kind == 'personal')
        self.assertIn('Qian wrote this part.', outline.section_ids[:1].content)
        self.assertTrue(all('Written in full.' in (section.content or '') for section in outline.section_ids[1:]))
        problem = outline.problem_ids.filtered(lambda p: p.problem == 'Rarely visits the squads')
        self.assertEqual(problem.focus_id, again.focus_ids[1], 'the key aspects are those of the new meeting')
        self.assertEqual(outline.section_ids.focus_id, again.focus_ids)
        # The author works on it: it is his draft, open to him.
        outline.with_user(self.qian).section_ids[:1].content = '<p>Rewritten.</p>'
        # Preparing the new meeting does not add a second outline.
        again.date_start = datetime(2022, 3, 1, 1, 0)
        again.action_prepare()
        self.assertEqual(again.statement_ids, statements)

        # The principal has a to-do; the first meeting shows the link in its chatter.
        activity = again.activity_ids.filtered(lambda a: a.user_id == self.zhao)
        self.assertTrue(activity)
        self.assertIn('did not touch real problems', activity.note)
        self.assertTrue(first.message_ids.filtered(
            lambda m: 'held again' in (m.body or '') and f'data-oe-id="{again.id}"' in (m.body or '')))
        # The same year holds both the first holding and its second one, and no third.
        with self.assertRaisesRegex(UserError, 'already being held again'):
            self.assess(self.chen, grade='poor', reheld_reason='Again.')

    def test_annual_meeting_held_again_in_its_year(self):
        annual = self.create_meeting(name='Annual 2023', meeting_type='annual', year=2023)
        annual.sudo().write({'state': 'held'})
        self.assess(self.chen, grade='poor', meeting=annual, reheld_reason='Too mild.')
        self.assertEqual(annual.reheld_meeting_id.year, 2023)
        self.assertEqual(annual.reheld_meeting_id.meeting_type, 'annual')

    def test_assessment_needs_a_held_meeting_when_held_again(self):
        self.assess(self.chen, grade='poor', reheld_reason='Too mild.')
        again = self.meeting.reheld_meeting_id
        with self.assertRaisesRegex(UserError, 'cannot be assessed while it is Draft'):
            self.assess(self.chen, meeting=again)

    # The upper-level people present, body by body

    def test_minutes_and_report_list_the_upper_level_by_body(self):
        self.organization.upper_body_ids = [(4, self.commission.id)]
        zheng = self.meeting.attendee_ids.filtered(lambda a: a.user_id == self.zheng)
        self.assertEqual(zheng.upper_body_id, self.commission, 'one of the people of exactly one body')
        expected = ('Upper-level Guide; County Discipline Commission: Zheng Guoping; '
                    'Touring Guide Group: Chen Zhiqiang')
        meeting = self.meeting._party_in_document_language()
        self.assertEqual(meeting._party_guides_by_body(), expected)
        minutes = meeting._party_blocks_minutes()
        self.assertIn({'type': 'paragraph', 'text': expected, 'label': 'Upper-level Guides：', 'indent': True}, minutes)
        facts = meeting._get_situation_report_values()['report_parts'][0][1]
        self.assertIn(f'The upper level attended to give guidance: {expected}.', facts)
        # A guide who did not come is not listed.
        zheng.write({'attendance': 'absent'})
        self.assertNotIn('Zheng Guoping', meeting._party_guides_by_body())

    def test_upper_body_must_supervise(self):
        guide = self.meeting.attendee_ids.filtered(lambda a: a.user_id == self.chen)
        with self.assertRaisesRegex(Exception, 'Upper-level Body'):
            guide.upper_body_id = self.other_group

    def test_remark_body_follows_the_chosen_body(self):
        remark = self.env['party.meeting.remark'].create({
            'meeting_id': self.meeting.id, 'speaker': 'Chen Zhiqiang', 'body': 'discipline_commission',
            'upper_body_id': self.guide_group.id})
        self.assertEqual(remark.body, 'guide_group')
        old = self.env['party.meeting.remark'].create({
            'meeting_id': self.meeting.id, 'speaker': 'Someone', 'body': 'organization_department'})
        self.assertEqual(old.body, 'organization_department', 'a remark without a body keeps its kind')


@tagged('-standard', 'party_demo_data', 'post_install', '-at_install')
class TestMeetingAssessmentDemo(DemoCase):
    """The reference case: its upper-level people by body and the guide group's assessment
    (demo database only)."""

    def test_guides_by_body_and_assessment(self):
        guide_group = self.env.ref('party_democratic_life.upper_body_guide_group_demo')
        chen = self.env.ref('party_democratic_life.user_chenzhiqiang_demo')
        meeting = self.meeting
        self.assertEqual((meeting.assessment_grade, meeting.assessed_by_id, meeting.assessment_body_id),
                         ('good', chen, guide_group))
        self.assertTrue(all((meeting.assessment_preparation, meeting.assessment_self_criticism,
                             meeting.assessment_mutual_criticism, meeting.assessment_measures)))
        guides = meeting.attendee_ids.filtered(lambda a: a.role == 'guide')
        self.assertEqual(set(guides.upper_body_id.mapped('name')), {'县纪委县监委', '县党史学习教育巡回指导组'})
        text = meeting._party_in_document_language()._party_guides_by_body()
        self.assertIn('县党史学习教育巡回指导组', text)
        self.assertIn('县纪委县监委', text)
        self.assertTrue(all(meeting.remark_ids.mapped('upper_body_id')))
        # The report composed again once the bodies were named lists both bodies.
        for name in ('县党史学习教育巡回指导组', '县纪委县监委'):
            self.assertIn(name, str(meeting.report_body))
        # The team reads it.
        principal = self.env.ref('party_democratic_life.user_zhaodongping_demo')
        self.assertEqual(meeting.with_user(principal).assessment_grade, 'good')
