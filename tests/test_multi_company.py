from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .access_common import ROLE_USERS, AccessCase


@tagged('post_install', '-at_install')
class TestMultiCompany(AccessCase):
    """Two organisations in two companies: nothing crosses between them for anyone but a
    manager of both, and for that manager only while both companies are active."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.company
        cls.company_b = cls.env['res.company'].create({'name': 'County Two'})

        def user_b(login, group):
            return new_test_user(
                cls.env, login=login, name=login, tz='Asia/Shanghai', company_id=cls.company_b.id,
                company_ids=[(6, 0, cls.company_b.ids)],
                groups=f'base.group_user,party_democratic_life.group_party_{group}')

        cls.roles_b = {
            'observer': user_b('t_b_observer', 'observer'), 'member': user_b('t_b_member', 'member'),
            'clerk': user_b('t_b_clerk', 'clerk'), 'secretary': user_b('t_b_secretary', 'secretary'),
            'manager': user_b('t_b_manager', 'manager'),
        }
        cls.member_b2 = user_b('t_b_member2', 'member')
        cls.manager_ab = new_test_user(
            cls.env, login='t_manager_ab', name='Manager of both', company_id=cls.company_a.id,
            company_ids=[(6, 0, (cls.company_a | cls.company_b).ids)],
            groups='base.group_user,party_democratic_life.group_party_manager')

        Env_b = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company_b.ids))
        cls.org_c = Env_b['party.organization'].create({
            'name': 'County Two Party Group', 'company_id': cls.company_b.id,
            'clerk_user_ids': [(6, 0, cls.roles_b['clerk'].ids)],
            'upper_body_ids': [(0, 0, {'name': 'County Two Commission', 'kind': 'discipline_commission',
                                       'company_id': cls.company_b.id,
                                       'user_ids': [(6, 0, cls.roles_b['observer'].ids)]})],
            'member_ids': [(0, 0, {'user_id': cls.roles_b['secretary'].id, 'is_principal': True}),
                           (0, 0, {'user_id': cls.roles_b['member'].id}),
                           (0, 0, {'user_id': cls.member_b2.id})],
        })
        principal, member = cls.roles_b['secretary'], cls.roles_b['member']
        Env_b['party.organization.unit'].create({
            'organization_id': cls.org_c.id, 'name': 'Unit C', 'member_user_id': member.id, 'head_name': 'Head C'})
        Env_b['party.organization.representative'].create({'organization_id': cls.org_c.id, 'name': 'Rep C'})
        cls.meeting_c = cls.create_meeting(name='County Two Meeting', organization_id=cls.org_c.id)
        cls.meeting_c.with_env(Env_b).action_prepare()
        cls.make_talk(cls.meeting_c, principal, member)
        Env_b['party.meeting.criticism'].create({
            'meeting_id': cls.meeting_c.id, 'critic_user_id': principal.id, 'target_user_id': member.id,
            'content': '<p>County two criticism.</p>'})
        Env_b['party.meeting.study'].create({'meeting_id': cls.meeting_c.id, 'topic': 'Study C', 'date': '2022-01-05'})
        Env_b['party.meeting.opinion'].create({'meeting_id': cls.meeting_c.id, 'content': 'Opinion C'})
        Env_b['party.meeting.remark'].create({'meeting_id': cls.meeting_c.id, 'speaker': 'Guide C',
                                              'content': '<p>Remarks C.</p>'})
        item = cls.make_rectification(name='County two item', meeting_id=cls.meeting_c.id,
                                      responsible_user_id=member.id)
        Env_b['party.rectification.mechanism'].create({'rectification_id': item.id, 'name': 'Rule C'})
        Env_b['party.meeting.disclosure'].create({
            'meeting_id': cls.meeting_c.id, 'member_user_id': member.id, 'kind': 'inquiry', 'description': 'Inquiry C'})
        Env_b['party.rectification.milestone'].create(
            {'rectification_id': item.id, 'date': '2022-03-01', 'goal': 'Step C'})
        cls.meeting_c.statement_ids.problem_ids = [(0, 0, {'problem': 'Problem C'})]
        Env_b['party.review.round']._open_round(cls.meeting_c, 'plan')
        department_c = Env_b['party.upper.body'].create({
            'name': 'County Two Organization Department', 'kind': 'organization_department',
            'company_id': cls.company_b.id, 'organization_ids': [(6, 0, cls.org_c.ids)]})
        Env_b['party.upper.notice'].create({
            'name': 'County two notice', 'body_id': department_c.id, 'company_id': cls.company_b.id,
            'year': 2023, 'aspect_ids': [(0, 0, {'title': 'Aspect C'})]})
        Env_b['party.meeting.package'].create({
            'meeting_id': cls.meeting_c.id, 'state': 'sent',
            'recipient_ids': [(0, 0, {'body_id': cls.org_c.upper_body_ids[:1].id, 'sent_on': datetime(2022, 1, 30)})]})
        cls.template_c = Env_b['party.statement.template'].create({
            'name': 'County two template', 'company_id': cls.company_b.id,
            'section_ids': [(0, 0, {'name': 'Heading C'})]})
        cls.env.cr.flush()

    def records_of(self, company):
        """Every record of the addon that belongs to `company`, by model."""
        found = {}
        for model in (name for name in self.env if name.startswith('party.')):
            Model = self.env[model].sudo().with_context(active_test=False)
            if Model._transient or Model._abstract:
                continue
            if 'company_id' in Model._fields:
                records = Model.search([('company_id', '=', company.id)])
            else:
                records = Model.search([('template_id.company_id', '=', company.id)])
            if records:
                found[model] = records
        return found

    def assertSeesNone(self, user, records_by_model, companies=None):
        for model, records in records_by_model.items():
            Model = self.env[model].with_user(user).with_context(active_test=False)
            if companies:
                Model = Model.with_context(allowed_company_ids=companies.ids)
            with self.subTest(user=user.login, model=model):
                if not Model.has_access('read'):
                    continue
                self.assertFalse(Model.search([('id', 'in', records.ids)]))
                with self.assertRaises(AccessError):
                    records.with_env(Model.env).read(['display_name'])

    def test_fixture_covers_every_stored_model(self):
        stored = {name for name in self.env if name.startswith('party.')
                  and not self.env[name]._transient and not self.env[name]._abstract}
        self.assertEqual(set(self.records_of(self.company_b)), stored)

    def test_company_a_roles_see_nothing_of_company_b(self):
        records_b = self.records_of(self.company_b)
        for role in ROLE_USERS:
            self.assertSeesNone(self.role_user(role), records_b)

    def test_company_b_roles_see_nothing_of_company_a(self):
        records_a = self.records_of(self.company_a)
        records_a.pop('party.statement.template', None)  # the shared default template has no company
        for user in self.roles_b.values():
            self.assertSeesNone(user, records_a)
        # ... while they do work on their own organisation.
        self.assertEqual(self.env['party.meeting.talk'].with_user(self.roles_b['member']).search([]),
                         self.meeting_c.talk_ids)

    def test_manager_of_both_sees_both_only_with_both_active(self):
        Meeting = self.env['party.meeting'].with_user(self.manager_ab)
        meetings_a = Meeting.sudo().search([('company_id', '=', self.company_a.id)])
        only_a = Meeting.with_context(allowed_company_ids=self.company_a.ids).search([])
        only_b = Meeting.with_context(allowed_company_ids=self.company_b.ids).search([])
        both = Meeting.with_context(allowed_company_ids=(self.company_a | self.company_b).ids).search([])
        self.assertEqual(only_a, meetings_a)
        self.assertEqual(only_b, self.meeting_c)
        self.assertEqual(both, meetings_a | self.meeting_c)
        self.assertSeesNone(self.manager_ab, self.records_of(self.company_b), companies=self.company_a)
        self.assertSeesNone(self.manager_ab, self.records_of(self.company_a), companies=self.company_b)
        # A company the user does not belong to cannot be switched on.
        with self.assertRaises(AccessError):
            self.env['party.meeting'].with_user(self.wang).with_context(
                allowed_company_ids=self.company_b.ids).search([])

    def test_nothing_created_across_companies(self):
        """A's secretary and clerk cannot add a meeting, a talk or an item to B's organisation,
        and B's users cannot join A's team."""
        for user in (self.zhao, self.wu):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env['party.meeting'].with_user(user).create({
                    'name': 'Intruding', 'organization_id': self.org_c.id, 'year': 2023,
                    'meeting_type': 'special', 'theme': 'x', 'date_start': datetime(2023, 1, 5, 1, 0)})
        with self.assertRaises(AccessError):
            self.env['party.meeting.talk'].with_user(self.qian).create({
                'meeting_id': self.meeting_c.id, 'initiator_user_id': self.qian.id,
                'counterpart_user_id': self.roles_b['member'].id})
        with self.assertRaises(AccessError):
            self.env['party.rectification'].with_user(self.wu).create({
                'name': 'Intruding item', 'meeting_id': self.meeting_c.id, 'scope': 'team'})
        with self.assertRaisesRegex(UserError, 'must have access to the company'):
            self.org_a.member_ids = [(0, 0, {'user_id': self.roles_b['member'].id})]
