from odoo.exceptions import ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestOrganization(PartyCase):

    def test_principal_and_defaults(self):
        self.assertEqual(self.organization.principal_user_id, self.zhao)
        self.assertEqual(self.organization.member_user_ids, self.members)
        # Defaults: common practice (README, "Rules and their sources")
        self.assertEqual(self.organization.plan_lead_days, 7)
        self.assertEqual(self.organization.report_days, 15)
        self.assertEqual(self.organization.min_criticisms, 2)
        self.assertEqual(self.organization.fix_at_once_days, 30)

    def test_exactly_one_principal(self):
        principal_line = self.organization.member_ids.filtered('is_principal')
        with self.assertRaisesRegex(ValidationError, 'Bureau Party Group.*Principal.*exactly one'):
            principal_line.is_principal = False
        second = self.organization.member_ids.filtered(lambda m: m.user_id == self.qian)
        with self.assertRaisesRegex(ValidationError, 'now 2'):
            second.is_principal = True
        self.assertEqual(self.organization.principal_user_id, self.zhao, 'nothing changed after the refusals')

    def test_principal_moves_with_the_flag(self):
        self.organization.write({'member_ids': [
            (1, line.id, {'is_principal': line.user_id == self.qian}) for line in self.organization.member_ids
        ]})
        self.assertEqual(self.organization.principal_user_id, self.qian)

    def test_same_user_twice_refused(self):
        with self.assertRaisesRegex(ValidationError, 'User.*Qian Lixin twice'):
            self.organization.write({'member_ids': [(0, 0, {'user_id': self.qian.id})]})
        self.assertEqual(len(self.organization.member_ids), 5)

    def test_settings_must_be_positive(self):
        with self.assertRaisesRegex(ValidationError, 'Report Days.*greater than zero'):
            self.organization.report_days = 0
        with self.assertRaisesRegex(ValidationError, 'Minimum Criticisms per Member.*negative'):
            self.organization.min_criticisms = -1
        self.assertEqual(self.organization.report_days, 15)

    def test_parent_cannot_loop(self):
        child = self.env['party.organization'].create({'name': 'Branch', 'kind': 'branch',
                                                       'parent_id': self.organization.id})
        with self.assertRaisesRegex(ValidationError, 'Parent Organization'):
            self.organization.parent_id = child

    def test_form_creates_team(self):
        with Form(self.env['party.organization']) as form:
            form.name = 'New Group'
            with form.member_ids.new() as line:
                line.user_id = self.qian
                line.is_principal = True
            with form.member_ids.new() as line:
                line.user_id = self.sun
        organization = form.record
        self.assertEqual(organization.principal_user_id, self.qian)
        self.assertEqual(organization.meeting_count, 0)

    def test_team_and_clerks_follow_the_team_and_the_clerks(self):
        """The field the access rules read follows the team lines and the clerks, archived users too."""
        organization = self.organization
        self.assertEqual(organization.team_and_clerk_user_ids, self.members | self.wu)
        new_clerk = new_test_user(self.env, login='t_new_clerk', name='New Clerk',
                                  groups='base.group_user,party_democratic_life.group_party_clerk')
        organization.clerk_user_ids = [(4, new_clerk.id)]
        self.assertIn(new_clerk, organization.team_and_clerk_user_ids)
        self.assertTrue(self.meeting.with_user(new_clerk).has_access('read'),
                        'a clerk added later reads the meetings at once')
        organization.member_ids.filtered(lambda m: m.user_id == self.zhou).unlink()
        self.assertNotIn(self.zhou, organization.team_and_clerk_user_ids)
        self.assertFalse(self.meeting.with_user(self.zhou).has_access('read'), 'a member who left reads no more')
        # A clerk archived while the team changes stays: the rules' ('clerk_user_ids', 'in', uid) never
        # looked at whether the user is active.
        self.wu.action_archive()
        self.env.invalidate_all()
        organization.member_ids.filtered(lambda m: m.user_id == self.li).user_id = self.outsider
        team_and_clerks = organization.with_context(active_test=False).team_and_clerk_user_ids
        self.assertIn(self.outsider, team_and_clerks)
        self.assertNotIn(self.li, team_and_clerks)
        self.assertIn(self.wu, team_and_clerks)
