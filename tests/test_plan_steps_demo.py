from odoo.tests import tagged

from .test_demo_data import DemoCase


@tagged('-standard', 'party_demo_data', 'post_install', '-at_install')
class TestPlanStepsDemo(DemoCase):
    """The reference case carries the plan's steps (demo database only)."""

    def test_members_branches_and_principal_duty_reports(self):
        branches = {member.user_id.name: member.branch for member in self.organization.member_ids}
        self.assertEqual(branches['赵东平'], '局机关党支部')
        self.assertEqual(branches['钱立新'], '执法大队党支部')
        self.assertTrue(all(branches.values()))
        principal_talks = self.meeting.talk_ids.filtered(lambda t: t.talk_type == 'principal_member')
        self.assertEqual(len(principal_talks), 4)
        self.assertTrue(all(principal_talks.mapped('duty_report')))
        self.assertEqual(self.meeting.missing_talk_count, 0, self.meeting.missing_talk_pairs)
        self.assertEqual(set(self.meeting.talk_ids.mapped('talk_type')),
                         {'principal_member', 'member_member', 'member_unit_head', 'branch_representative'})

    def test_study_attendance_and_both_kinds(self):
        forms = set(self.meeting.study_ids.mapped('form'))
        self.assertTrue({'central_group', 'self_study'} <= forms)
        self.assertTrue(all(self.meeting.study_ids.mapped('attendee_user_ids')))
        self.assertTrue(self.meeting.study_ids.filtered(lambda s: s.form == 'seminar').speaker_user_ids)

    def test_remarks_statements_and_lists(self):
        bodies = set(self.meeting.remark_ids.mapped('body'))
        self.assertEqual(bodies, {'discipline_commission', 'organization_department'})
        item = self.env.ref('party_democratic_life.rectification_2022_remark_demo')
        self.assertEqual((item.source, item.remark_id.body), ('upper_remark', 'organization_department'))
        self.assertFalse(self.meeting.statement_missing)
        members = self.meeting.attendee_ids.filtered(lambda a: a.role == 'member')
        self.assertTrue(all(members.mapped('responsibility_statement')))
        self.assertTrue(all(members.mapped('criticism_statement')))
        self.assertEqual(self.meeting.criticism_missing_count, 0, self.meeting.criticism_missing)
        minutes = str(self.meeting.minutes)
        for text in ('郑国平', '陈志强', members[0].responsibility_statement, members[-1].criticism_statement):
            self.assertIn(text, minutes)
        self.assertEqual((self.organization.list_collector, self.organization.list_recipient),
                         ('人事督查科', '县委组织部组织科'))
        self.assertEqual(str(self.meeting.lists_sent_date), '2022-01-28')
        for body in (self.meeting.report_body, self.meeting.notice_body):
            self.assertIn('人事督查科', str(body))
            self.assertIn('县委组织部组织科', str(body))
