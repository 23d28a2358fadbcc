from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
@freeze_time('2022-04-01')
class TestRectificationClosing(PartyCase):
    """Closing an item with the upper level (对账销号): after the principal verifies, a reviewer
    of the supervising organization department confirms or returns it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        cls.kong = cls.new_reviewer('t_kong', 'Kong Reviewer')
        cls.tang = cls.new_reviewer('t_tang', 'Tang Guide')
        cls.feng = cls.new_reviewer('t_feng', 'Feng Elsewhere')
        Body = cls.env['party.upper.body']
        cls.department = Body.create({
            'name': 'County Organization Department', 'kind': 'organization_department',
            'user_ids': [(6, 0, cls.kong.ids)]})
        cls.guide_group = Body.create({
            'name': 'County Guide Group', 'kind': 'guide_group', 'user_ids': [(6, 0, cls.tang.ids)]})
        cls.other_department = Body.create({
            'name': 'City Organization Department', 'kind': 'organization_department',
            'user_ids': [(6, 0, cls.feng.ids)], 'organization_ids': [(6, 0, cls.other_organization.ids)]})
        cls.organization.upper_body_ids = [(4, cls.department.id), (4, cls.guide_group.id)]
        cls.item = cls.make_rectification(completion_note='<p>Monthly training held.</p>')
        cls.add_evidence(cls.item)
        cls.item.action_done()

    def verify(self, item=None):
        item = item or self.item
        item.with_user(self.zhao).action_verify()
        return item

    def closing_activities(self, item=None):
        closing = self.env.ref('party_democratic_life.mail_activity_type_party_rectification_closing')
        return (item or self.item).activity_ids.filtered(lambda a: a.activity_type_id == closing)

    def test_verified_waits_until_the_department_confirms(self):
        item = self.verify()
        self.assertEqual(item.state, 'verified')
        self.assertTrue(item.is_awaiting_upper)
        Item = self.env['party.rectification']
        self.assertIn(item, Item.search([('is_awaiting_upper', '=', True)]))
        self.assertEqual(self.closing_activities().user_id, self.kong, "a to-do for the department's reviewer")
        self.assertFalse(item.with_user(self.zhao).can_close)
        self.assertTrue(item.with_user(self.kong).can_close)

        item.with_user(self.kong).action_confirm_closing()
        self.assertEqual(item.state, 'closed')
        self.assertEqual((item.closed_by_id, item.closing_body_id), (self.kong, self.department))
        self.assertEqual(item.date_closed.isoformat(), '2022-04-01')
        self.assertEqual(item.verified_by_id, self.zhao, 'the first step stays on record')
        self.assertFalse(item.is_awaiting_upper)
        self.assertFalse(self.closing_activities(), 'the to-do is done')
        self.assertIn(item, Item.search([('state', '=', 'closed')]))
        # Closed for good: nobody changes, reopens or deletes it.
        with self.assertRaisesRegex(UserError, 'closed with the upper level and read-only'):
            item.with_user(self.zhao).write({'name': 'Changed'})
        with self.assertRaisesRegex(UserError, 'cannot be reopened'):
            item.with_user(self.zhao).action_reopen()
        with self.assertRaisesRegex(UserError, 'cannot be deleted'):
            item.unlink()

    def test_returned_item_is_in_progress_again_with_its_reason(self):
        item = self.verify()
        wizard = self.env['party.rectification.return'].with_user(self.kong).create({
            'rectification_ids': [(6, 0, item.ids)], 'reason': 'No minutes of the training attached.'})
        wizard.action_confirm()
        self.assertEqual(item.state, 'in_progress')
        self.assertEqual((item.return_reason, item.returned_by_id, item.return_count),
                         ('No minutes of the training attached.', self.kong, 1))
        self.assertFalse(item.verified_by_id)
        self.assertTrue(any('No minutes of the training attached.' in message.body for message in item.message_ids),
                        'the return stays in the chatter')
        self.assertEqual(self.closing_activities().user_id, self.zhao | self.qian,
                         'the principal and the owner are told')
        with self.assertRaisesRegex(UserError, 'cannot be closed with the upper level while it is In Progress'):
            item.with_user(self.kong).action_confirm_closing()
        # The principal verifies again once it is done again; the department decides afresh.
        item.with_user(self.qian).action_done()
        self.verify(item)
        self.assertTrue(item.is_awaiting_upper)
        self.assertEqual(self.closing_activities().user_id, self.kong)
        self.assertEqual(item.return_reason, 'No minutes of the training attached.', 'the last reason is kept')

    def test_return_needs_a_reason(self):
        item = self.verify()
        with self.assertRaisesRegex(UserError, 'Reason Returned'):
            item.with_user(self.kong)._return_to_party_group('  ')
        self.assertEqual(item.state, 'verified')

    def test_only_the_department_reviewer_confirms_or_returns(self):
        item = self.verify()
        for user in (self.zhao, self.zheng, self.tang, self.wang):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, 'Training is not regular.*Supervising Bodies'):
                    item.with_user(user).action_confirm_closing()
                with self.assertRaisesRegex(UserError, 'Supervising Bodies'):
                    item.with_user(user)._return_to_party_group('Not enough.')
                with self.assertRaisesRegex(UserError, 'Supervising Bodies'):
                    item.with_user(user).action_open_return_dialog()
        with self.assertRaisesRegex(UserError, 'read-only'):
            item.with_user(self.wang).write({'state': 'closed'})
        with self.assertRaisesRegex(UserError, 'Supervising Bodies'):
            self.env['party.rectification.return'].with_user(self.tang).create({
                'rectification_ids': [(6, 0, item.ids)], 'reason': 'Not enough.'})
        # A reviewer of a department that supervises another organization reads nothing here.
        with self.assertRaises(UserError):
            item.with_user(self.feng).action_confirm_closing()
        self.assertEqual(item.state, 'verified')

    def test_without_department_reviewer_verification_is_the_last_step(self):
        self.department.user_ids = [(5, 0, 0)]
        item = self.verify()
        self.assertFalse(item.is_awaiting_upper)
        self.assertFalse(self.closing_activities())
        with self.assertRaises(UserError):
            item.with_user(self.kong).action_confirm_closing()
        # the meeting closes with the verified item
        self.meeting.report_date = '2022-03-30'
        self.meeting._check_can_close()

    def test_overview_and_meeting_close_count_closed_items(self):
        late = self.make_rectification(name='Late item', deadline='2022-02-10', completion_note='<p>Done.</p>')
        self.add_evidence(late)
        late.action_done()
        self.meeting.report_date = '2022-03-30'
        with self.assertRaisesRegex(UserError, 'Training is not regular'):
            self.meeting._check_can_close()
        for item in self.item | late:
            self.verify(item).with_user(self.kong).action_confirm_closing()
        self.meeting._check_can_close()
        self.env.flush_all()
        row = self.env['party.rectification.overview'].with_user(self.wang).search(
            [('organization_id', '=', self.organization.id)])
        self.assertEqual((row.closed_count, row.verified_count, row.finished_count, row.on_time_count),
                         (2, 0, 2, 1))
        self.assertAlmostEqual(row.on_time_rate, 50.0)
        stats = self.meeting._party_summary_stats()[self.meeting.id]
        self.assertEqual((stats['finished'], stats['verified']), (2, 2))

    def test_printed_list_shows_both_steps(self):
        item = self.verify()
        other = self.make_rectification(name='Waiting item', completion_note='<p>Done.</p>')
        self.add_evidence(other)
        other.action_done()
        self.verify(other)
        item.with_user(self.kong).action_confirm_closing()
        rows = {row[1]: row for row in (item | other).with_user(self.zheng)._party_list_rows(as_text=True)}
        progress, status = rows['Training is not regular'][9:11]
        self.assertIn('Finished on 2022年4月1日', progress)
        self.assertIn('Verified by Zhao Dongping on 2022年4月1日', progress)
        self.assertIn('Closed with the upper level (County Organization Department) by Kong Reviewer on 2022年4月1日',
                      progress)
        self.assertEqual(status, 'Closed with the Upper Level')
        self.assertIn('Waiting for the upper level to close it', rows['Waiting item'][9])
        html, _kind = self.env['ir.actions.report'].with_user(self.zheng)._render_qweb_html(
            'party_democratic_life.action_report_party_rectification_list', item.ids)
        self.assertIn('Closed with the upper level (County Organization Department) by Kong Reviewer', html.decode())
        self.assertIn('Verified by Zhao Dongping', html.decode())
