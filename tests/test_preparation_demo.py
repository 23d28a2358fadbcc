from odoo.tests import tagged

from .test_demo_data import DemoCase


@tagged('-standard', 'party_demo_data', 'post_install', '-at_install')
class TestPreparationDemo(DemoCase):
    """The reference case was prepared completely before it was held (demo database only)."""

    def test_reference_case_was_ready_to_hold(self):
        meeting = self.meeting
        self.assertIn('central_group', meeting.study_ids.mapped('form'))
        self.assertGreaterEqual(len(meeting.opinion_ids), 3)
        self.assertEqual(len(self.organization.unit_ids), 4)
        self.assertEqual(len(self.organization.representative_ids), 2)
        self.assertEqual(meeting.missing_talk_count, 0, meeting.missing_talk_pairs)
        personal = meeting.statement_ids.filtered(lambda s: s.kind == 'personal')
        self.assertEqual(personal.author_user_id, self.organization.member_ids.user_id)
        self.assertEqual(set(meeting.statement_ids.mapped('state')), {'approved'})
        self.assertEqual(len(meeting.statement_ids.filtered(lambda s: s.kind == 'team')), 1)
        states = {line.code: line.state for line in meeting.readiness_ids}
        self.assertEqual(set(states.values()), {'ok'}, 'the plan sent nine days before passes the default lead time')
        self.assertFalse(meeting.readiness_ids.filtered('waived'))
        self.assertTrue(meeting.readiness_ok)

    def test_reference_case_links_opinions_and_problems_to_the_ledger(self):
        item = self.env.ref('party_democratic_life.rectification_2022_02_demo')
        self.assertEqual(item.opinion_id, self.env.ref('party_democratic_life.opinion_2022_questionnaire_demo'))
        problem = self.env.ref('party_democratic_life.statement_problem_2022_qian_1_demo')
        self.assertEqual(problem.rectification_ids, self.env.ref('party_democratic_life.rectification_2022_05_demo'))
