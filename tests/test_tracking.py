"""The chatter is the audit trail: every state, owner, deadline and approval is tracked, and
approved or verified content changes only through a recorded new version or reopening."""
import re
from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from .access_common import AccessCase

# State, owner, deadline and approval fields of each model with a chatter.
TRACKED = {
    'party.organization': {'principal_user_id', 'member_user_ids', 'clerk_user_ids', 'upper_body_ids'},
    'party.upper.body': {'kind', 'user_ids'},
    'party.upper.notice': {'state', 'body_id', 'issue_date', 'plan_deadline', 'report_deadline'},
    'party.meeting': {'state', 'organization_id', 'host_user_id', 'recorder_user_id', 'date_start',
                      'materials_deadline', 'plan_sent_date', 'report_deadline', 'report_date', 'notice_date',
                      'plan_state', 'plan_approved_date', 'consent_date', 'consent_user_id'},
    'party.meeting.talk': {'state', 'initiator_user_id', 'counterpart_user_id', 'date'},
    'party.meeting.statement': {'state', 'author_user_id', 'reviewer_user_id', 'submitted_date', 'approved_date',
                                'version', 'review_comment'},
    'party.rectification': {'state', 'responsible_user_id', 'deadline', 'date_done', 'verified_by_id',
                            'date_verified', 'carry_status'},
    'party.meeting.study': {'date'},
    'party.meeting.remark': {'body', 'speaker'},
    'party.meeting.package': {'state', 'sent_on', 'sent_by_id', 'return_comment'},
}
# A field named like these on a model with a chatter is a state, an owner, a deadline or an approval.
AUDITED_NAME = re.compile(r'^state$|_user_id$|_by_id$|(?<!before_)deadline$|approved|verified')


@tagged('post_install', '-at_install')
class TestTracking(AccessCase):

    def tracked_fields(self, record):
        self.env.flush_all()
        self.env.cr.flush()  # tracking values are written when the transaction is about to commit
        return set(record.sudo().message_ids.tracking_value_ids.field_id.mapped('name'))

    def test_audited_fields_are_tracked(self):
        thread_models = {name for name in self.env if name.startswith('party.')
                         and isinstance(self.env[name], self.registry['mail.thread'])}
        self.assertEqual(thread_models, set(TRACKED), 'every model with a chatter is listed')
        for model in thread_models:
            fields = self.env[model]._fields
            audited = {name for name, field in fields.items() if field.store and AUDITED_NAME.search(name)}
            for name in TRACKED[model] | audited:
                with self.subTest(field=f'{model}.{name}'):
                    self.assertTrue(getattr(fields[name], 'tracking', False))

    def test_organization_roles_tracked(self):
        lines = {line.user_id: line for line in self.org_a.member_ids}
        self.org_a.write({
            'member_ids': [(1, lines[self.zhao].id, {'is_principal': False}),
                           (1, lines[self.qian].id, {'is_principal': True}),
                           (0, 0, {'user_id': self.spare.id})],
            'clerk_user_ids': [(4, self.zhou.id)],
            'upper_body_ids': [(0, 0, {'name': 'Guide Group', 'user_ids': [(6, 0, self.wang.ids)]})],
        })
        self.assertEqual(self.tracked_fields(self.org_a), TRACKED['party.organization'])

    def test_meeting_state_people_and_dates_tracked(self):
        self.meeting_a.write({
            'state': 'held', 'host_user_id': self.qian.id, 'recorder_user_id': self.wu.id,
            'date_start': datetime(2022, 1, 25, 1, 0), 'materials_deadline': '2022-01-20',
            'plan_sent_date': '2022-01-12', 'report_date': '2022-02-01', 'notice_date': '2022-02-05',
            'plan_state': 'approved', 'plan_approved_date': '2022-01-13', 'consent_date': datetime(2022, 1, 20),
            'consent_user_id': self.zheng.id,
        })
        self.meeting_a.organization_id = self.org_b  # moved by mistake: recorded too
        self.assertEqual(self.tracked_fields(self.meeting_a), TRACKED['party.meeting'])

    def test_talk_parties_state_and_date_tracked(self):
        self.talk_qian_sun.with_user(self.wu).write({
            'initiator_user_id': self.zhou.id, 'counterpart_user_id': self.li.id, 'date': '2022-01-12'})
        self.talk_qian_sun.with_user(self.wu).action_plan()
        self.assertEqual(self.tracked_fields(self.talk_qian_sun), TRACKED['party.meeting.talk'])

    def test_statement_review_tracked(self):
        material = self.team_material
        material.write({'author_user_id': self.qian.id, 'state': 'draft'})  # handed over before any review
        for section in material.section_ids:
            section.content = '<p>Written.</p>'
        material.with_user(self.qian).action_submit()
        material.with_user(self.zhao).action_return(comment='Name the causes.')
        material.with_user(self.qian).action_submit()
        material.with_user(self.zhao).action_approve()
        material.with_user(self.guo).action_approve()  # the guide group after the principal
        new = self.env['party.meeting.statement'].browse(material.with_user(self.qian).action_revise()['res_id'])
        self.assertEqual(self.tracked_fields(material), TRACKED['party.meeting.statement'] - {'version'})
        new.sudo().version = 3  # the version number only moves forward; recorded all the same
        self.assertIn('version', self.tracked_fields(new))

    def test_rectification_owner_deadline_and_verification_tracked(self):
        item = self.item_qian
        item.write({'responsible_user_id': self.sun.id, 'deadline': '2022-04-10', 'carry_status': 'in_progress'})
        item.write({'completion_note': '<p>Done.</p>'})
        self.add_evidence(item)
        item.with_user(self.sun).action_done()
        item.with_user(self.zhao).action_verify()
        self.assertEqual(self.tracked_fields(item), TRACKED['party.rectification'])

    def test_approved_outline_changes_only_as_a_recorded_version(self):
        outline = self.outline_qian
        outline.section_ids.content = '<p>The approved text.</p>'
        outline.section_ids.no_problem_reason = 'Checked, nothing found.'
        self.spare_disclosures[self.qian].unlink()
        outline.explanation_ids.explanation = 'Explained.'
        outline.with_user(self.qian).action_submit()
        outline.with_user(self.zhao).action_approve()
        outline.with_user(self.guo).action_approve()
        for user in (self.qian, self.zhao, self.wang):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, 'approved and locked|only its author'):
                outline.section_ids[:1].with_user(user).content = '<p>Changed quietly.</p>'
        with self.assertRaisesRegex(UserError, 'changes only through Submit, Approve, Return or Revise'):
            outline.with_user(self.wang).write({'state': 'draft'})
        new = self.env['party.meeting.statement'].browse(outline.with_user(self.qian).action_revise()['res_id'])
        new.section_ids[:1].with_user(self.qian).content = '<p>The revised text.</p>'
        self.assertEqual(outline.section_ids[:1].content, '<p>The approved text.</p>')
        self.assertEqual((outline.active, outline.state, new.version, new.previous_version_id), (False, 'approved', 2, outline))
        self.assertTrue(outline.message_ids.filtered(lambda m: 'Superseded by version 2' in (m.body or '')))
        self.assertTrue(new.message_ids.filtered(lambda m: 'revised from the approved version 1' in (m.body or '')))

    def test_verified_item_changes_only_when_reopened_and_recorded(self):
        item = self.item_qian
        item.write({'completion_note': '<p>Done.</p>'})
        self.add_evidence(item)
        item.with_user(self.qian).action_done()
        item.with_user(self.zhao).action_verify()
        self.tracked_fields(item)
        for user in (self.qian, self.zhao, self.wang):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, 'verified and read-only'):
                item.with_user(user).write({'completion_note': '<p>Changed quietly.</p>'})
        item.with_user(self.zhao).action_reopen()
        self.tracked_fields(item)
        reopened = item.message_ids.sudo().filtered(
            lambda m: 'verified_by_id' in m.tracking_value_ids.field_id.mapped('name')
            and not m.tracking_value_ids.filtered(lambda t: t.field_id.name == 'verified_by_id').new_value_integer)
        self.assertTrue(reopened, 'reopening records who had verified the item')
        self.assertTrue(item.message_ids.filtered(lambda m: 'Reopened by Zhao Dongping' in (m.body or '')))
