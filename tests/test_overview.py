from datetime import date, timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestRectificationOverview(PartyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = date.today()
        past, future = today - timedelta(days=10), today + timedelta(days=10)

        def item(organization, state, deadline, date_done=None, owner=None):
            return cls.env['party.rectification'].create({
                'name': f'{state} {deadline}', 'organization_id': organization.id, 'scope': 'team',
                'responsible_user_id': (owner or cls.qian).id, 'deadline': deadline, 'state': state,
                'date_done': date_done,
            })

        org = cls.organization
        item(org, 'open', past)                                  # overdue
        item(org, 'open', past)                                  # overdue
        item(org, 'open', future)
        item(org, 'in_progress', past)                           # overdue
        item(org, 'done', future, date_done=past)                # on time
        item(org, 'done', past, date_done=today)                 # late
        item(org, 'verified', future, date_done=past)            # on time
        item(org, 'verified', past, date_done=past)              # on time (on the day)
        item(org, 'verified', past, date_done=today)             # late
        item(org, 'carried', past)
        other = cls.other_organization
        item(other, 'open', future, owner=cls.outsider)
        item(other, 'done', future, date_done=today, owner=cls.outsider)

    def overview(self, organization, user=None):
        self.env.flush_all()
        Overview = self.env['party.rectification.overview'].with_user(user or self.wang)
        return Overview.search([('organization_id', '=', organization.id)])

    def test_counts_match_hand_count(self):
        row = self.overview(self.organization)
        self.assertEqual(len(row), 1)
        self.assertEqual(
            (row.item_count, row.open_count, row.done_count, row.verified_count, row.carried_count,
             row.overdue_count, row.finished_count, row.on_time_count),
            (9, 4, 2, 3, 1, 3, 5, 3))
        self.assertAlmostEqual(row.on_time_rate, 60.0)
        other = self.overview(self.other_organization)
        self.assertEqual((other.item_count, other.open_count, other.done_count, other.overdue_count),
                         (2, 1, 1, 0))
        self.assertAlmostEqual(other.on_time_rate, 100.0)

    def test_grouped_for_pivot(self):
        self.env.flush_all()
        groups = self.env['party.rectification.overview'].with_user(self.wang)._read_group(
            [('organization_id', 'in', (self.organization | self.other_organization).ids)],
            [], ['open_count:sum', 'overdue_count:sum', 'verified_count:sum'])
        self.assertEqual(groups, [(5, 3, 3)])

    def test_only_managers_read_the_overview(self):
        self.assertTrue(self.overview(self.organization, self.wang))
        for user in (self.zhao, self.wu, self.zheng):
            with self.subTest(user=user.name), self.assertRaises(AccessError):
                self.overview(self.organization, user)

    def test_organization_without_items(self):
        organization = self.env['party.organization'].create({'name': 'Empty Group'})
        row = self.overview(organization)
        self.assertEqual((row.item_count, row.open_count, row.on_time_rate), (0, 0, 0.0))
