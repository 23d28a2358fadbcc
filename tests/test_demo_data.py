from odoo.tests import TransactionCase, tagged


class DemoCase(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = cls.env.ref('party_democratic_life.meeting_2022_special_demo')
        cls.organization = cls.env.ref('party_democratic_life.organization_bureau_demo')


@tagged('-standard', 'party_demo_data', 'post_install', '-at_install')
class TestDemoData(DemoCase):
    """Run only on a database installed with demo data (see `make test`)."""

    def test_reference_case(self):
        self.assertEqual(self.organization.principal_user_id.name, '赵东平')
        self.assertEqual(len(self.organization.member_ids), 5)
        self.assertEqual(self.meeting.meeting_type, 'special')
        self.assertEqual(str(self.meeting.report_deadline), '2022-02-05')
        self.assertEqual(len(self.meeting.focus_ids), 5)
        self.assertGreaterEqual(len(self.meeting.talk_ids), 12)
        self.assertGreaterEqual(len(self.meeting.rectification_ids), 12)
        self.assertGreater(len(set(self.meeting.rectification_ids.mapped('state'))), 2)

    def test_reference_case_went_through_the_county_review(self):
        """The plan sent up on 12 January and approved, every material approved by the guide group
        (the principal's outline in a second round), consent to hold given before the meeting."""
        self.assertEqual((self.meeting.plan_state, str(self.meeting.plan_sent_date)), ('approved', '2022-01-12'))
        plan_rounds = self.meeting.review_round_ids.filtered(lambda r: r.document == 'plan')
        self.assertEqual(plan_rounds.mapped('decision'), ['approved'])
        self.assertEqual(plan_rounds.body_id.kind, 'organization_department')
        statements = self.meeting.statement_ids
        self.assertEqual(len(statements), 6)
        self.assertTrue(all(statements.mapped('sent_up')))
        self.assertEqual(set(statements.mapped('state')), {'approved'})
        for statement in statements:
            last = statement.review_round_ids.sorted('round_number')[-1:]
            self.assertEqual((last.decision, last.body_id.kind), ('approved', 'guide_group'), statement.display_name)
        principal_rounds = statements.filtered(lambda s: s.author_user_id == self.organization.principal_user_id
                                               and s.kind == 'personal').review_round_ids.sorted('round_number')
        self.assertEqual(principal_rounds.mapped('decision'), ['returned', 'approved'])
        self.assertFalse(principal_rounds.reviewer_id & self.organization.principal_user_id,
                         'the principal never approves his own outline')
        self.assertEqual(self.meeting.consent_body_id.kind, 'guide_group')
        self.assertLess(self.meeting.consent_date, self.meeting.date_start)
        reviewer = self.env['res.users'].search([('login', '=', 'chenzhiqiang')])
        self.assertEqual(self.organization._upper_reviewers(), reviewer)
        self.assertTrue(self.meeting.with_user(reviewer).statement_ids, 'the reviewer reads what was sent up')

    def test_demo_logins_have_their_roles(self):
        principal = self.env['res.users'].search([('login', '=', 'zhaodongping')])
        self.assertTrue(principal.has_group('party_democratic_life.group_party_secretary'))
        observer = self.env['res.users'].search([('login', '=', 'zhengguoping')])
        self.assertTrue(observer.has_group('party_democratic_life.group_party_observer'))
        self.assertFalse(observer.has_group('party_democratic_life.group_party_member'))
        # the demo principal reads every talk of his meeting, the observer none
        self.assertEqual(self.meeting.talk_ids.with_user(principal).search_count(
            [('meeting_id', '=', self.meeting.id)]), len(self.meeting.talk_ids))
        self.assertFalse(self.env['party.meeting.talk'].with_user(observer).has_access('read'))


@tagged('-standard', 'party_upgrade', 'post_install', '-at_install')
class TestAfterUpgrade(DemoCase):
    """Run after `-u party_democratic_life` of a database holding the demo cycle: nothing lost."""

    def test_every_record_survives(self):
        data = self.env['ir.model.data'].search([('module', '=', 'party_democratic_life')])
        records = [(d.model, d.res_id, d.complete_name) for d in data if d.model.startswith('party.')]
        self.assertGreaterEqual(len(records), 35)
        for model, res_id, xmlid in records:
            self.assertTrue(self.env[model].browse(res_id).exists(), f'{xmlid} was lost by the upgrade')
        self.assertEqual(self.meeting.state, 'rectifying')
        verified = self.meeting.rectification_ids.filtered(lambda r: r.state == 'verified')
        self.assertTrue(verified and all(item.verified_by_id for item in verified))

    def test_no_row_lost_or_changed(self):
        """Every row of the addon's tables, its messages, tracking values and files is still there
        with the same values as in the snapshot scripts/test.sh takes before the upgrade."""
        self.env.cr.execute("SELECT to_regclass('pdl_upgrade_snapshot') IS NOT NULL")
        self.assertTrue(self.env.cr.fetchone()[0],
                        'no snapshot: run the upgrade pass through scripts/test.sh (make test)')
        self.env.cr.execute("SELECT name, row_count, digest FROM pdl_upgrade_snapshot")
        before = {name: (count, digest) for name, count, digest in self.env.cr.fetchall()}
        self.env.cr.execute("SELECT name, row_count, digest FROM pdl_snapshot()")
        after = {name: (count, digest) for name, count, digest in self.env.cr.fetchall()}
        self.assertGreaterEqual(len(before), 25)
        self.assertGreater(before['party_meeting'][0], 1)
        for name in sorted(before.keys() | after.keys()):
            with self.subTest(table=name):
                self.assertEqual(after.get(name), before.get(name), f'{name} changed with the upgrade')

    def test_every_computed_value_can_be_computed(self):
        """The non-stored computes of every record still run after the upgrade, for the manager."""
        manager = self.env.ref('party_democratic_life.user_wangsiqi_demo', raise_if_not_found=False) or self.env.user
        for model_name in [name for name in self.env if name.startswith('party.')]:
            Model = self.env[model_name]
            if Model._abstract or Model._transient:
                continue
            records = Model.with_user(manager).with_context(active_test=False).search([])
            names = [name for name, field in Model._fields.items() if field.compute and not field.store]
            with self.subTest(model=model_name):
                # the manager reads every record of the demo, with its computed values
                rows = records.read(names)
                self.assertEqual(len(rows), Model.sudo().with_context(active_test=False).search_count([]))
        meeting = self.meeting.with_user(manager)
        self.assertEqual((meeting.present_member_count, meeting.expected_member_count), (5, 5))
        self.assertEqual(meeting.report_status, 'sent')

    def test_stored_computed_values_match_a_recompute(self):
        for model_name in [name for name in self.env if name.startswith('party.')]:
            Model = self.env[model_name]
            if Model._abstract or Model._transient or not Model._auto:
                continue
            fields_to_check = [f for f in Model._fields.values() if f.store and f.compute]
            records = Model.with_context(active_test=False).search([])
            if not fields_to_check or not records:
                continue
            stored = {f.name: records.mapped(f.name) for f in fields_to_check}
            for field in fields_to_check:
                self.env.add_to_compute(field, records)
            records.flush_recordset()
            for field in fields_to_check:
                self.assertEqual(records.mapped(field.name), stored[field.name],
                                 f'{model_name}.{field.name} changed when recomputed after the upgrade')
