from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

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
