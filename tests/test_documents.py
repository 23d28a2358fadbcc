from datetime import date

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestMeetingDocuments(PartyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting.write({'state': 'held', 'location': 'Room 301', 'recorder_user_id': cls.wu.id})
        cls.guide = cls.env['res.partner'].create({'name': 'Chen Guide'})
        cls.meeting.attendee_ids = [
            (0, 0, {'role': 'guide', 'partner_id': cls.guide.id, 'position': 'Organization Dept.'}),
            (0, 0, {'role': 'sit_in', 'partner_id': cls.supervisor.id}),
        ]
        cls.meeting.attendee_ids.filtered(lambda a: a.user_id == cls.zhou).write(
            {'attendance': 'leave', 'leave_reason': 'Flood duty'})
        Criticism = cls.env['party.meeting.criticism']
        cls.texts = []
        users = [cls.zhao, cls.qian, cls.sun, cls.li]
        for index, target in enumerate(users):
            text = f'SELF-{target.login}-studies too little'
            cls.texts.append(text)
            Criticism.create({'meeting_id': cls.meeting.id, 'target_user_id': target.id, 'kind': 'self',
                              'content': f'<p>{text}</p>', 'response': f'<p>RESPONSE-{target.login}</p>'})
            for step in (1, 2):
                critic = users[(index + step) % len(users)]
                text = f'CRIT-{critic.login}-to-{target.login}'
                cls.texts.append(text)
                Criticism.create({'meeting_id': cls.meeting.id, 'target_user_id': target.id,
                                  'critic_user_id': critic.id, 'content': f'<p>{text}</p>'})
        Criticism.create({'meeting_id': cls.meeting.id, 'target_user_id': cls.zhao.id,
                          'kind': 'guide_comment', 'critic_partner_id': cls.guide.id,
                          'content': '<p>GUIDE-COMMENT-on-team</p>'})
        cls.talk = cls.make_talk(cls.meeting, cls.zhao, cls.qian,
                                 content='<p>TALK-CONTENT-private</p>', opinions='<p>TALK-OPINION-private</p>',
                                 duty_report='<p>TALK-DUTY-private</p>')
        cls.make_statements(cls.meeting)
        cls.public_item = cls.make_rectification(name='PUBLIC-PROBLEM-training', scope='team')
        cls.private_item = cls.make_rectification(name='PRIVATE-PROBLEM-from-criticism', public=False)

    # Minutes

    def test_minutes_contain_every_criticism(self):
        self.meeting.with_user(self.wu).action_compose_minutes()
        minutes = self.meeting.minutes
        for text in self.texts + ['GUIDE-COMMENT-on-team', 'RESPONSE-t_sun', 'Chen Guide']:
            self.assertIn(text, minutes)
        for fact in ('Zhao Dongping', "Report on the rectification of earlier meetings"):
            self.assertIn(fact, minutes)
        self.assertEqual(minutes.count('Zhou Jianguo'), 1, 'in the criticisms section')
        # the facts (time, place, who came, who was away and why, the recorder) are printed by the layout
        printed = self.env['ir.actions.report']._render_qweb_html(
            'party_democratic_life.action_report_party_meeting_minutes', self.meeting.ids)[0].decode()
        for fact in ('Wu Xiaoyan', 'Room 301', '2022年1月21日8时30分', 'Zhou Jianguo（Flood duty）',
                     'County Discipline Commission'):
            self.assertIn(fact, printed)
            self.assertNotIn(fact, minutes)

    def test_minutes_editable_then_locked(self):
        self.meeting.with_user(self.wu).write({'minutes': '<p>Draft by the recorder</p>'})
        self.assertFalse(self.meeting.minutes_locked)
        self.meeting.with_user(self.wu).action_rectify()
        # Left as edited: an existing draft is not overwritten when the meeting moves on.
        self.assertIn('Draft by the recorder', self.meeting.minutes)
        self.assertTrue(self.meeting.minutes_locked)
        with self.assertRaisesRegex(UserError, '"Minutes" is locked'):
            self.meeting.with_user(self.wu).write({'minutes': '<p>Changed</p>'})
        with self.assertRaisesRegex(UserError, '"Minutes" is locked'):
            self.meeting.with_user(self.zhao).action_compose_minutes()
        # Other fields stay editable.
        self.meeting.with_user(self.wu).write({'location': 'Room 302'})

    def test_minutes_composed_when_moving_on(self):
        self.assertFalse(self.meeting.minutes)
        self.meeting.action_rectify()
        self.assertIn('CRIT-t_qian-to-t_zhao', self.meeting.minutes)

    # Situation report

    def test_report_deadline(self):
        self.assertEqual(self.meeting.report_deadline, date(2022, 2, 5))
        self.organization.report_days = 10
        self.assertEqual(self.meeting.report_deadline, date(2022, 1, 31))

    def test_report_overdue_flag(self):
        Meeting = self.env['party.meeting']
        with freeze_time('2022-02-05 12:00:00'):
            self.meeting.invalidate_recordset(['report_status', 'is_report_overdue'])
            self.assertEqual(self.meeting.report_status, 'due')
            self.assertFalse(self.meeting.is_report_overdue)
            self.assertNotIn(self.meeting, Meeting.search([('is_report_overdue', '=', True)]))
        with freeze_time('2022-02-06 12:00:00'):
            self.meeting.invalidate_recordset(['report_status', 'is_report_overdue'])
            self.assertEqual(self.meeting.report_status, 'overdue')
            self.assertTrue(self.meeting.is_report_overdue)
            self.assertIn(self.meeting, Meeting.search([('is_report_overdue', '=', True)]))
            self.meeting.report_date = '2022-02-06'
            self.assertEqual(self.meeting.report_status, 'sent_late')
            self.assertNotIn(self.meeting, Meeting.search([('is_report_overdue', '=', True)]))
        self.meeting.report_date = '2022-02-01'
        self.assertEqual(self.meeting.report_status, 'sent')

    def test_report_not_due_before_held(self):
        meeting = self.create_meeting(name='Draft one')
        with freeze_time('2023-01-01'):
            self.assertEqual(meeting.report_status, 'not_due')

    @freeze_time('2022-01-21 08:00:00')
    def test_hold_schedules_report_activity(self):
        meeting = self.create_meeting(name='To hold', state='preparing')
        self.make_ready(meeting)
        meeting.with_user(self.wu).action_hold()
        activity = meeting.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref('party_democratic_life.mail_activity_type_party_report'))
        self.assertEqual(activity.user_id, self.zhao)
        self.assertEqual(activity.date_deadline, date(2022, 2, 5))

    @freeze_time('2022-01-30 10:00:00')
    def test_send_report(self):
        self.meeting._schedule_report_activity()
        self.meeting.with_user(self.wu).action_compose_report()
        report = self.meeting.report_body
        self.assertIn('Of the 5 members of the leadership team, 4 attended', report)
        self.assertIn('PUBLIC-PROBLEM-training', report)
        self.meeting.with_user(self.zhao).action_send_report()
        self.assertEqual(self.meeting.report_date, date(2022, 1, 30))
        self.assertEqual(self.meeting.report_status, 'sent')
        message = self.meeting.message_ids.filtered(lambda m: m.message_type == 'comment')[:1]
        self.assertIn('Situation report', message.subject)
        self.assertIn(self.supervisor, message.partner_ids)
        # the report goes up inside the submission package: its merged file is what the bodies receive
        package = self.meeting.package_ids
        self.assertEqual((package.version, package.state, package.sent_by_id), (1, 'sent', self.zhao))
        self.assertEqual(message.attachment_ids, package.pdf_attachment_id)
        self.assertEqual(message.attachment_ids.name, 'Submission Package-Bureau Party Group-2022-v1.pdf')
        self.assertEqual(package.recipient_ids.body_id, self.commission)
        self.assertEqual(package.contents[0][0], 'Situation Report-Bureau Party Group-2022')
        self.assertFalse(self.meeting.activity_ids)

    def test_send_report_needs_supervisors(self):
        self.organization.upper_body_ids = False
        with self.assertRaisesRegex(UserError, 'Supervising Bodies'):
            self.meeting.with_user(self.zhao).action_send_report()
        self.assertFalse(self.meeting.report_date)

    def test_send_report_refused_before_held(self):
        meeting = self.create_meeting(name='Draft one')
        with self.assertRaisesRegex(UserError, 'cannot be reported on while it is Draft'):
            meeting.action_send_report()

    def test_mail_template_renders(self):
        template = self.env.ref('party_democratic_life.party_meeting_mail_template_report')
        self.assertFalse(template.report_template_ids)
        self.meeting.report_body = '<p>BODY-OF-REPORT</p>'
        body = template._render_field('body_html', self.meeting.ids)[self.meeting.id]
        self.assertIn('BODY-OF-REPORT', body)
        subject = template._render_field('subject', self.meeting.ids)[self.meeting.id]
        self.assertEqual(subject, 'Situation report: Bureau Party Group - Special Meeting 2022')

    # Public notice

    def test_notice_never_holds_confidential_text(self):
        self.meeting.with_user(self.wu).action_compose_notice()
        notice = self.meeting.notice_body
        self.assertIn('PUBLIC-PROBLEM-training', notice)
        # the title and the facts are the printed layout's
        printed = self.env['ir.actions.report']._render_qweb_html(
            'party_democratic_life.action_report_party_meeting_public_notice', self.meeting.ids)[0].decode()
        self.assertIn('Public Notice on the Special Meeting 2022', printed)
        self.assertIn('4 of 5 members present', printed)
        self.assertIn('PUBLIC-PROBLEM-training', printed)
        for text in self.texts + ['GUIDE-COMMENT', 'RESPONSE-', 'TALK-CONTENT', 'TALK-OPINION', 'TALK-DUTY',
                                  'PRIVATE-PROBLEM', 'Flood duty']:
            self.assertNotIn(text, notice)

    @freeze_time('2022-02-10')
    def test_issue_notice(self):
        self.meeting.with_user(self.zhao).action_issue_notice()
        self.assertEqual(self.meeting.notice_date, date(2022, 2, 10))
        self.assertIn('PUBLIC-PROBLEM-training', self.meeting.notice_body)
        self.assertNotIn('CRIT-', self.meeting.notice_body)

    def test_issue_notice_refused_in_draft(self):
        meeting = self.create_meeting(name='Draft one')
        with self.assertRaisesRegex(UserError, 'cannot be notified while it is Draft'):
            meeting.action_issue_notice()
