"""The county's notice (上级通知): what a new meeting takes over from it, what the organisation
may not change, the deadlines and the window it sets, and who reads and writes it."""
from datetime import date, datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import PartyCase
from .test_demo_data import DemoCase


@tagged('post_install', '-at_install')
class TestUpperNotice(PartyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reviewer = cls.new_reviewer('t_chen', 'Chen Zhiqiang')
        cls.department_reader = new_test_user(
            cls.env, login='t_dept_reader', name='Department Reader', tz='Asia/Shanghai',
            groups='base.group_user,party_democratic_life.group_party_observer')
        Body = cls.env['party.upper.body']
        cls.department = Body.create({
            'name': 'County Organization Department', 'kind': 'organization_department',
            'user_ids': [(6, 0, (cls.reviewer | cls.department_reader).ids)]})
        cls.other_department = Body.create({
            'name': 'Other Organization Department', 'kind': 'organization_department',
            'user_ids': [(6, 0, cls.reviewer.ids)]})
        # Each organisation names the bodies above it, as on its form.
        cls.organization.upper_body_ids = [(4, cls.department.id)]
        cls.other_organization.upper_body_ids = [(4, cls.other_department.id)]
        # The department's reviewer writes and issues the notice, as the county does.
        cls.notice = cls.env['party.upper.notice'].with_user(cls.reviewer).create({
            'name': 'Notice on the 2021 special meetings',
            'body_id': cls.department.id,
            'year': 2021,
            'meeting_type': 'special',
            'theme': 'Carry forward the great founding spirit',
            'basis_document': 'Wen Zu [2022] No. 1',
            'window_start': '2022-01-15',
            'window_end': '2022-01-31',
            'plan_deadline': '2022-01-12',
            'report_deadline': '2022-02-03',
            'aspect_ids': [(0, 0, {'sequence': n * 10, 'title': f'County aspect {n}', 'description': f'Check {n}'})
                           for n in range(1, 4)],
        })
        cls.notice.with_user(cls.reviewer).action_issue()
        cls.env.cr.flush()

    def new_meeting(self, user=None, **values):
        vals = {'name': 'Our special meeting', 'organization_id': self.organization.id, 'meeting_type': 'special',
                'year': 2021, 'date_start': datetime(2022, 1, 21, 0, 30)}
        vals.update(values)
        return self.env['party.meeting'].with_user(user or self.wu).create(vals)

    def readiness(self, meeting, code):
        meeting._sync_readiness_lines()
        return meeting.readiness_ids.filtered(lambda line: line.code == code)

    # What a new meeting takes over

    def test_new_meeting_takes_over_the_notice(self):
        meeting = self.new_meeting()
        self.assertEqual(meeting.notice_id, self.notice)
        self.assertEqual(meeting.theme, 'Carry forward the great founding spirit')
        self.assertEqual(meeting.basis_document, 'Wen Zu [2022] No. 1')
        self.assertEqual(meeting.focus_ids.mapped('title'), ['County aspect 1', 'County aspect 2', 'County aspect 3'])
        self.assertEqual(meeting.focus_ids.mapped('description'), ['Check 1', 'Check 2', 'Check 3'])
        self.assertEqual(meeting.focus_ids.notice_aspect_id, self.notice.aspect_ids)
        self.assertEqual(meeting.report_deadline, date(2022, 2, 3), 'the notice\'s report deadline')
        self.assertEqual((meeting.notice_window_start, meeting.notice_window_end, meeting.notice_plan_deadline),
                         (date(2022, 1, 15), date(2022, 1, 31), date(2022, 1, 12)))
        # What the creator typed stays; the county's aspects come first, the own ones after them.
        typed = self.new_meeting(theme='Our own wording', focus_ids=[(0, 0, {'title': 'Own aspect', 'sequence': 99})])
        self.assertEqual(typed.theme, 'Our own wording')
        typed.invalidate_recordset(['focus_ids'])  # read back in the order of the form
        self.assertEqual(typed.focus_ids.mapped('title'),
                         ['County aspect 1', 'County aspect 2', 'County aspect 3', 'Own aspect'])

    def test_form_fills_a_new_meeting_from_the_notice(self):
        with Form(self.env['party.meeting'].with_user(self.wu)) as form:
            self.assertFalse(form.notice_id, 'this year\'s annual meeting has no notice')
            form.year = 2021
            form.meeting_type = 'special'
            self.assertEqual(form.notice_id, self.notice)
            self.assertEqual(form.theme, 'Carry forward the great founding spirit')
            self.assertEqual(form.basis_document, 'Wen Zu [2022] No. 1')
            self.assertEqual(len(form.focus_ids), 3)
            with form.focus_ids.new() as line:
                line.title = 'Enforcement on the ground'
        meeting = form.record
        self.assertEqual(meeting.notice_id, self.notice)
        self.assertEqual(len(meeting.focus_ids), 4, 'the county\'s three aspects once, and the own one')
        self.assertEqual(meeting.focus_ids.notice_aspect_id, self.notice.aspect_ids)
        self.assertFalse(meeting.focus_ids.filtered(lambda f: f.title == 'Enforcement on the ground').notice_aspect_id)

    def test_no_notice_for_another_year_kind_or_organization(self):
        for values in ({'year': 2022}, {'meeting_type': 'annual'}, {'organization_id': self.other_organization.id}):
            with self.subTest(**values):
                meeting = self.new_meeting(user=self.env.user, theme='Own theme', **values)
                self.assertFalse(meeting.notice_id)
                self.assertFalse(meeting.basis_document)
                self.assertFalse(meeting.focus_ids)
        # A draft notice applies to nothing.
        self.env['party.upper.notice'].create({'name': 'Draft for 2022', 'body_id': self.department.id, 'year': 2022,
                                               'meeting_type': 'special', 'theme': 'Later'})
        self.assertFalse(self.new_meeting(year=2022, theme='Own theme').notice_id)
        # Nor can a meeting be tied to a notice of another year.
        with self.assertRaisesRegex(ValidationError, 'Upper-level Notice'):
            self.new_meeting(year=2022, theme='Own theme', notice_id=self.notice.id)

    def test_issuing_reaches_a_meeting_created_before(self):
        """The PartyCase meeting (2021, special) existed before the notice: it now follows it and
        takes over its aspects on request, keeping its own."""
        meeting = self.meeting
        self.assertEqual(meeting.notice_id, self.notice)
        self.assertFalse(meeting.focus_ids.notice_aspect_id)
        meeting.with_user(self.wu).action_apply_notice()
        self.assertEqual(len(meeting.focus_ids), 8)
        self.assertEqual(meeting.focus_ids.notice_aspect_id, self.notice.aspect_ids)
        self.assertEqual(meeting.theme, 'Party history study', 'a theme of its own stays')
        self.assertEqual(meeting.basis_document, 'Wen Zu [2022] No. 1')

    # What the organisation may not change

    def test_county_aspects_cannot_be_dropped_or_renamed(self):
        meeting = self.new_meeting().with_user(self.wu)
        county = meeting.focus_ids[0]
        with self.assertRaisesRegex(UserError, r'Meeting "Our special meeting".*County aspect 1.*"Key Aspects"'):
            county.unlink()
        with self.assertRaisesRegex(UserError, 'cannot drop or rename'):
            meeting.write({'focus_ids': [(2, county.id)]})
        with self.assertRaisesRegex(UserError, 'cannot drop or rename'):
            county.title = 'Something easier'
        self.assertEqual(len(meeting.focus_ids), 3)
        self.assertEqual(county.title, 'County aspect 1')
        # The organisation explains the county's aspect in its own words and adds its own aspects.
        county.description = 'What it means for enforcement'
        meeting.write({'focus_ids': [(0, 0, {'title': 'Own aspect', 'sequence': 99})]})
        own = meeting.focus_ids.filtered(lambda f: not f.notice_aspect_id)
        own.title = 'Own aspect, renamed'
        self.assertEqual(meeting.focus_ids.mapped('title'),
                         ['County aspect 1', 'County aspect 2', 'County aspect 3', 'Own aspect, renamed'])
        own.unlink()
        self.assertEqual(len(meeting.focus_ids), 3)
        # The draft meeting itself can still be deleted, with the county's aspects.
        meeting.with_user(self.zhao).unlink()
        self.assertFalse(meeting.exists())

    # The deadlines and the window

    def test_plan_must_go_up_by_the_notice_deadline(self):
        # As superuser: "Plan Sent On" is otherwise set only by submitting the plan.
        meeting = self.new_meeting().with_env(self.env)
        line = self.readiness(meeting, 'plan_sent')
        self.assertEqual(line.state, 'missing')
        self.assertIn('asks for the plan by 2022-01-12', line.missing)
        meeting.plan_sent_date = date(2022, 1, 12)
        self.assertEqual(line.state, 'ok')
        # Thirteenth of January: eight days before the meeting, enough for the organisation's seven,
        # but after the notice's deadline.
        meeting.plan_sent_date = date(2022, 1, 13)
        self.assertEqual(line.state, 'missing')
        self.assertIn('asked for it by 2022-01-12', line.missing)
        # Without a notice only the organisation's lead days count.
        other = self.new_meeting(user=self.env.user, organization_id=self.other_organization.id, theme='Own theme',
                                 plan_sent_date=date(2022, 1, 13))
        self.assertEqual(self.readiness(other, 'plan_sent').state, 'ok')

    def test_report_deadline_follows_the_notice(self):
        meeting = self.new_meeting()
        other = self.new_meeting(user=self.env.user, organization_id=self.other_organization.id, theme='Own theme')
        self.assertEqual(meeting.report_deadline, date(2022, 2, 3))
        self.assertEqual(other.report_deadline, date(2022, 2, 5), 'fifteen days after the meeting')
        # A manager corrects the issued notice: the meetings follow.
        self.notice.with_user(self.wang).report_deadline = date(2022, 2, 4)
        self.assertEqual(meeting.report_deadline, date(2022, 2, 4))

    def test_meeting_outside_the_window_needs_the_upper_level(self):
        """Outside the window is not refused when saving (the county may have agreed to a later
        date): the readiness check stops the meeting until a reviewer of the upper level waives it."""
        inside = self.new_meeting()
        self.assertEqual(self.readiness(inside, 'notice_window').state, 'ok')
        outside = self.new_meeting(name='Late meeting', date_start=datetime(2022, 2, 10, 1, 0))
        line = self.readiness(outside, 'notice_window')
        self.assertEqual(line.state, 'missing')
        self.assertIn('2022-02-10, outside the window', line.missing)
        self.assertIn('2022-01-15 to 2022-01-31', line.missing)
        with self.assertRaisesRegex(UserError, 'only a reviewer'):
            outside.with_user(self.zhao).waive_readiness('notice_window', 'We asked for a later date.')
        outside.with_user(self.reviewer).waive_readiness('notice_window', 'Agreed: the principal was in hospital.')
        self.assertEqual(line.state, 'waived')
        # No notice, no window.
        other = self.new_meeting(user=self.env.user, organization_id=self.other_organization.id, theme='Own theme',
                                 date_start=datetime(2022, 2, 10, 1, 0))
        self.assertEqual(self.readiness(other, 'notice_window').state, 'ok')

    # The notice itself

    def test_one_issued_notice_per_body_year_and_kind(self):
        second = self.env['party.upper.notice'].with_user(self.reviewer).create({
            'name': 'Second notice', 'body_id': self.department.id, 'year': 2021, 'meeting_type': 'special',
            'theme': 'Again', 'window_start': '2022-01-15', 'window_end': '2022-01-31',
            'aspect_ids': [(0, 0, {'title': 'Aspect'})]})
        with self.assertRaisesRegex(ValidationError, r'Notice "Second notice": the field "Year Covered" \(2021\) '
                                                     r'already has the issued notice'):
            second.with_user(self.reviewer).action_issue()
        second.meeting_type = 'annual'
        second.with_user(self.reviewer).action_issue()
        self.assertEqual(second.state, 'issued')

    def test_notice_checks_its_body_and_dates(self):
        Notice = self.env['party.upper.notice']
        with self.assertRaisesRegex(ValidationError, 'must be an organization department'):
            Notice.create({'name': 'From the commission', 'body_id': self.commission.id, 'year': 2021})
        with self.assertRaisesRegex(ValidationError, '"Hold Until"'):
            Notice.create({'name': 'Backwards', 'body_id': self.department.id, 'year': 2021,
                           'window_start': '2022-01-31', 'window_end': '2022-01-15'})
        draft = Notice.create({'name': 'Empty', 'body_id': self.department.id, 'year': 2023, 'meeting_type': 'special'})
        with self.assertRaisesRegex(UserError, 'cannot be issued: fill in "Hold From", "Hold Until", "Key Aspects", "Theme"'):
            draft.action_issue()

    # Who reads and who writes

    def test_reviewer_of_the_department_writes_its_notices_until_issued(self):
        Notice = self.env['party.upper.notice'].with_user(self.reviewer)
        draft = Notice.create({'name': 'Annual notice', 'body_id': self.department.id, 'year': 2021,
                               'window_start': '2022-01-10', 'window_end': '2022-01-31',
                               'aspect_ids': [(0, 0, {'title': 'Aspect'})]})
        draft.theme = 'Reworded'
        draft.aspect_ids = [(0, 0, {'title': 'Second aspect'})]
        draft.action_issue()
        with self.assertRaisesRegex(UserError, 'is issued: the field "Theme" can be changed only by a manager'):
            draft.theme = 'Changed afterwards'
        with self.assertRaisesRegex(UserError, 'is issued'):
            draft.aspect_ids[0].title = 'Changed afterwards'
        with self.assertRaisesRegex(UserError, 'is issued'):
            draft.unlink()
        # A manager corrects an issued notice.
        draft.with_user(self.wang).theme = 'Corrected by the manager'
        self.assertEqual(draft.theme, 'Corrected by the manager')
        # Another department's reviewer does not write this one's notices.
        outsider_reviewer = new_test_user(
            self.env, login='t_other_reviewer', groups='base.group_user,party_democratic_life.group_party_reviewer')
        with self.assertRaises(AccessError):
            self.env['party.upper.notice'].with_user(outsider_reviewer).create(
                {'name': 'Not mine', 'body_id': self.department.id, 'year': 2024})
        with self.assertRaises(AccessError):
            self.notice.with_user(outsider_reviewer).read(['theme'])

    def test_who_reads_the_notice(self):
        draft = self.env['party.upper.notice'].create({'name': 'Draft notice', 'body_id': self.department.id,
                                                       'year': 2022, 'meeting_type': 'annual'})
        Notice = self.env['party.upper.notice']
        expected = {
            self.department_reader: self.notice | draft,   # the body's own people, drafts included
            self.reviewer: self.notice | draft,
            self.zheng: self.notice,       # above the organisation, through the commission
            self.qian: self.notice,        # a member of the organisation it applies to
            self.wu: self.notice,
            self.zhao: self.notice,
            self.outsider: Notice,         # another organisation's member
            self.wang: self.notice | draft,
        }
        for user, notices in expected.items():
            with self.subTest(user=user.login):
                found = Notice.with_user(user).search([('id', 'in', (self.notice | draft).ids)])
                self.assertEqual(found, notices.with_user(user))
                if notices:
                    self.assertEqual(self.notice.with_user(user).aspect_ids.mapped('title'),
                                     ['County aspect 1', 'County aspect 2', 'County aspect 3'])
        for user in (self.zheng, self.qian, self.zhao):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.notice.with_user(user).write({'theme': 'Not mine to change'})
        with self.assertRaises(AccessError):
            self.notice.with_user(self.outsider).read(['theme'])
        with self.assertRaises(AccessError):
            self.notice.with_user(self.plain_user).read(['theme'])
        # The observer opens the meeting and sees the notice it follows.
        meeting = self.new_meeting()
        self.assertEqual(meeting.with_user(self.zheng).notice_id.name, 'Notice on the 2021 special meetings')


@tagged('-standard', 'party_demo_data', 'post_install', '-at_install')
class TestUpperNoticeDemo(DemoCase):
    """The reference case follows the county organisation department's notice (demo data only)."""

    def test_reference_meeting_follows_the_notice(self):
        notice = self.env.ref('party_democratic_life.notice_2022_special_demo')
        self.assertEqual(notice.state, 'issued')
        self.assertEqual(notice.body_id, self.env.ref('party_democratic_life.upper_body_organization_department_demo'))
        self.assertEqual(notice.basis_document, '文组〔2022〕1号')
        self.assertEqual(self.meeting.notice_id, notice)
        self.assertEqual(self.meeting.basis_document, notice.basis_document)
        self.assertEqual(self.meeting.theme, notice.theme)
        self.assertEqual(self.meeting.focus_ids.notice_aspect_id, notice.aspect_ids)
        self.assertEqual(self.meeting.focus_ids.mapped('title'), notice.aspect_ids.mapped('title'))
        self.assertEqual(str(self.meeting.report_deadline), '2022-02-05')
        lines = {line.code: line.state for line in self.meeting.readiness_ids}
        self.assertEqual((lines['plan_sent'], lines['notice_window']), ('ok', 'ok'),
                         'the plan went up on 12 January, the meeting was held on 21 January')
        # The bureau's own people read it; the meeting cannot drop one of its aspects.
        principal = self.env.ref('party_democratic_life.user_zhaodongping_demo')
        self.assertEqual(notice.with_user(principal).aspect_ids.mapped('title'), notice.aspect_ids.mapped('title'))
        with self.assertRaises(UserError) as refused:
            self.meeting.focus_ids[0].with_user(principal).unlink()
        self.assertIn('comes from the notice', str(refused.exception))
