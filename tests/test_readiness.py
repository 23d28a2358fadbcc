from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
@freeze_time('2022-01-21 06:00:00')
class TestReadiness(PartyCase):
    """The readiness checklist on the meeting, what it names, and the principal's waivers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting.action_prepare()
        cls.env.cr.flush()

    def line(self, code):
        return self.meeting.readiness_ids.filtered(lambda r: r.code == code)

    def states(self):
        return {line.code: line.state for line in self.meeting.readiness_ids}

    def test_new_meeting_carries_every_check_all_missing(self):
        self.assertEqual(
            self.meeting.readiness_ids.mapped('code'),
            ['study', 'opinion', 'talk', 'outline', 'team_material', 'guide', 'plan_sent', 'consent',
             'notice_window'])
        states = self.states()
        self.assertEqual(states.pop('notice_window'), 'ok', 'no upper-level notice, no window to keep')
        self.assertEqual(set(states.values()), {'missing'})
        self.assertFalse(self.meeting.readiness_ok)
        self.assertEqual(self.meeting.readiness_missing_count, 8)
        self.assertIn('No branch representative is recorded', self.line('talk').missing)
        self.assertIn('Zhao Dongping ↔ Qian Lixin', self.line('talk').missing)
        self.assertIn('Qian Lixin: the outline is draft, not approved.', self.line('outline').missing)

    def test_lines_flip_as_the_records_are_completed(self):
        self.env['party.meeting.study'].create([{
            'meeting_id': self.meeting.id, 'date': '2022-01-05', 'topic': 'Party history', 'form': form,
            'attendee_user_ids': [(6, 0, self.members.ids)]} for form in ('seminar', 'self_study')])
        self.assertEqual(self.line('study').state, 'ok')
        self.env['party.meeting.opinion'].create({'meeting_id': self.meeting.id, 'content': 'An opinion'})
        self.assertEqual(self.line('opinion').state, 'ok')
        self.meeting.attendee_ids = [(0, 0, {'role': 'guide', 'partner_id': self.supervisor.id})]
        self.assertEqual(self.line('guide').state, 'ok')

        self.meeting.plan_sent_date = date(2022, 1, 15)
        self.assertEqual(self.line('plan_sent').state, 'missing')
        self.assertIn('sent 6 days before the meeting', self.line('plan_sent').missing)
        self.organization.plan_lead_days = 5
        self.assertEqual(self.line('plan_sent').state, 'ok', 'the notice period is the organization\'s')
        self.organization.plan_lead_days = 10
        self.meeting.plan_sent_date = date(2022, 1, 11)
        self.assertEqual(self.line('plan_sent').state, 'ok')

        self.env['party.organization.representative'].create({
            'organization_id': self.organization.id, 'name': 'Lin Hong', 'branch': 'Office Branch'})
        self.assertNotIn('No branch representative', self.line('talk').missing)
        self.organization.member_ids.duty_area = False  # no unit talks here: see test_plan_steps
        for user_a, user_b in [(a, b) for i, a in enumerate(self.members) for b in self.members[i + 1:]]:
            self.make_talk(self.meeting, user_a, user_b)
        self.assertEqual(self.line('talk').state, 'missing')
        self.assertEqual(len(self.line('talk').missing.split('\n')), 5, 'each member still owes a branch talk')
        for user in self.members:
            self.make_talk(self.meeting, user, self.env['res.users'], talk_type='branch_representative',
                           counterpart_name='Lin Hong')
        self.assertEqual(self.line('talk').state, 'ok')

        # a guide group above the organisation reviews after the principal
        tang = self.new_reviewer('t_tang', 'Tang Guide')
        self.organization.upper_body_ids = [(0, 0, {'name': 'Guide Group', 'kind': 'guide_group',
                                                    'user_ids': [(6, 0, tang.ids)]})]
        statements = self.meeting.statement_ids
        for statement in statements:
            statement.section_ids.write({'content': '<p>Written.</p>', 'no_problem_reason': 'Nothing found.'})
        outline_qian = statements.filtered(lambda s: s.author_user_id == self.qian and s.kind == 'personal')
        outline_qian.with_user(self.qian).action_submit()
        self.assertIn('Qian Lixin: the outline is submitted', self.line('outline').missing)
        outline_qian.with_user(self.zhao).action_approve()
        self.assertIn('Qian Lixin: the outline is under upper-level review', self.line('outline').missing)
        outline_qian.with_user(tang).action_approve()
        self.assertNotIn('Qian Lixin', self.line('outline').missing)
        for statement in statements - outline_qian:
            statement.with_user(statement.author_user_id).action_submit()
            if statement.state == 'submitted':
                statement.with_user(statement.reviewer_user_id).action_approve()
            statement.with_user(tang).action_approve()
        self.assertEqual(self.line('outline').state, 'ok')
        self.assertEqual(self.line('team_material').state, 'ok')
        self.assertEqual(self.line('consent').state, 'missing')
        self.assertFalse(self.meeting.readiness_ok, 'the upper level has not agreed yet')
        self.meeting.write({'plan_state': 'approved'})
        self.meeting.with_user(tang).action_give_consent()
        self.assertTrue(self.meeting.readiness_ok)
        self.meeting.action_hold()
        self.assertEqual(self.meeting.state, 'held')

    def test_hold_names_the_failing_lines(self):
        with self.assertRaisesRegex(UserError, 'cannot be held') as caught:
            self.meeting.action_hold()
        message = str(caught.exception)
        for text in ('Study Sessions (No group study (central group study or seminar) is recorded.; No self-study '
                     'is recorded.)', 'Opinions Collected',
                     'Talk Coverage', 'and 12 more', 'Personal Outlines Approved', 'Team Check Material Approved',
                     'Upper-level Guides', 'Plan Sent to the Upper Level'):
            self.assertIn(text, message)
        self.assertEqual(self.meeting.state, 'preparing')
        self.make_ready(self.meeting)
        self.env['party.meeting.study'].search([('meeting_id', '=', self.meeting.id)]).unlink()
        with self.assertRaisesRegex(UserError, 'cannot be held') as caught:
            self.meeting.action_hold()
        self.assertIn('Study Sessions', str(caught.exception))
        self.assertNotIn('Opinions Collected', str(caught.exception))

    def test_waiver_lets_the_meeting_be_held_and_is_logged(self):
        self.make_ready(self.meeting)
        self.meeting.plan_sent_date = date(2022, 1, 15)
        with self.assertRaisesRegex(UserError, 'Plan Sent to the Upper Level'):
            self.meeting.action_hold()
        line = self.line('plan_sent').with_user(self.zhao)
        dialog = line.action_waive()
        self.assertEqual(dialog['res_model'], 'party.meeting.readiness.waive')
        wizard = self.env['party.meeting.readiness.waive'].with_user(self.zhao).with_context(
            **dialog['context']).create({'reason': 'The county set the date late; the upper level agreed.'})
        wizard.action_confirm()
        self.assertEqual(self.line('plan_sent').state, 'waived')
        self.assertEqual(self.line('plan_sent').waived_by_id, self.zhao)
        self.assertTrue(self.meeting.readiness_ok)
        log = self.meeting.message_ids.filtered(lambda m: 'the upper level agreed' in (m.body or ''))
        self.assertTrue(log and 'Plan Sent to the Upper Level' in log.body and 'Zhao Dongping' in log.body)
        self.meeting.action_hold()
        self.assertEqual(self.meeting.state, 'held')

    def test_only_principal_or_manager_waives_with_a_reason(self):
        line = self.line('guide')
        for user in (self.qian, self.wu, self.zheng):
            with self.assertRaisesRegex(UserError, 'only the principal of Bureau Party Group or a manager'):
                line.with_user(user).action_waive(reason='Not needed')
        with self.assertRaises(AccessError):
            line.with_user(self.outsider).action_waive(reason='Not needed')
        with self.assertRaisesRegex(UserError, 'Reason for Waiving'):
            line.with_user(self.zhao).action_waive(reason=' ')
        with self.assertRaisesRegex(UserError, 'Waive button'):
            line.with_user(self.wang).write({'waived': True})
        line.with_user(self.wang).action_waive(reason='The guides could not come; the upper level was told.')
        self.assertEqual(line.state, 'waived')
        with self.assertRaisesRegex(UserError, 'already waived'):
            line.with_user(self.zhao).action_waive(reason='Again')
        line.with_user(self.zhao).action_unwaive()
        self.assertEqual(line.state, 'missing')
        self.assertFalse(line.waive_reason)
        self.assertTrue(self.meeting.message_ids.filtered(lambda m: 'withdrawn by Zhao Dongping' in (m.body or '')))

    def test_waiver_covers_only_what_is_missing_now(self):
        self.meeting.waive_readiness('study', 'Studied with the county group.')
        self.assertEqual(self.line('study').state, 'waived')
        self.env['party.meeting.study'].create([{
            'meeting_id': self.meeting.id, 'date': '2022-01-05', 'topic': 'Party history', 'form': form,
            'attendee_user_ids': [(6, 0, self.members.ids)]} for form in ('central_group', 'self_study')])
        self.assertEqual(self.line('study').state, 'ok', 'a met check shows as met')

    def test_member_reads_the_checklist_of_their_meeting(self):
        lines = self.env['party.meeting.readiness'].with_user(self.qian).search([('meeting_id', '=', self.meeting.id)])
        self.assertEqual(len(lines), 9, 'every check, the consent and the notice window included')
        # the checklist counts every member's outline, including those the member cannot read
        self.assertIn('Sun Weihua: the outline is draft', self.line('outline').with_user(self.qian).missing)
        self.assertFalse(self.env['party.meeting.readiness'].with_user(self.outsider).search(
            [('meeting_id', '=', self.meeting.id)]))

    def test_make_ready_helper(self):
        meeting = self.create_meeting(name='Another special meeting')
        self.assertFalse(meeting.readiness_ok)
        self.make_ready(meeting)
        self.assertTrue(meeting.readiness_ok, meeting.readiness_ids.mapped('missing'))
        meeting.action_prepare()
        meeting.action_hold()
        self.assertEqual(meeting.state, 'held')
