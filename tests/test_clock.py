from datetime import date, datetime, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import PartyCase

# 06:00 in Beijing on 21 January 2022 is 22:00 UTC on the 20th.
BEIJING_6AM_UTC = datetime(2022, 1, 20, 22, 0)


@tagged('post_install', '-at_install')
class TestClock(PartyCase):
    """The organisation's day: the reader's time zone, else the organisation's, else Asia/Shanghai."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A clerk whose user has no time zone: the organisation's calendar decides.
        cls.clerk = new_test_user(cls.env, login='t_clock_clerk', name='Clock Clerk',
                                  groups='base.group_user,party_democratic_life.group_party_clerk')
        cls.clerk.tz = False
        cls.organization.clerk_user_ids = [(4, cls.clerk.id)]

    def as_clerk(self, record):
        return record.with_user(self.clerk).with_context(tz=None)

    # The helper's order

    def test_reader_zone_first_then_organisation_then_shanghai(self):
        organization = self.as_clerk(self.organization)
        self.assertEqual(organization._party_tz_name(), 'Asia/Shanghai', 'neither the reader nor the organisation has one')
        self.organization.tz = 'Europe/Berlin'
        self.assertEqual(organization._party_tz_name(), 'Europe/Berlin')
        self.clerk.tz = 'America/New_York'
        self.assertEqual(organization._party_tz_name(), 'America/New_York', "the user's zone comes before the organisation's")
        self.assertEqual(organization.with_context(tz='Asia/Tokyo')._party_tz_name(), 'Asia/Tokyo',
                         "the context's zone comes before the user's")
        self.assertEqual(organization._party_tz_name(reader=False), 'Europe/Berlin', 'documents read the organisation\'s')
        self.assertEqual(organization._party_in_document_language()._party_local_datetime(BEIJING_6AM_UTC),
                         datetime(2022, 1, 20, 23, 0), 'a document of the organisation is in Berlin time')

    def test_local_datetime_and_today(self):
        organization = self.as_clerk(self.organization)
        self.assertEqual(organization._party_local_datetime(BEIJING_6AM_UTC), datetime(2022, 1, 21, 6, 0))
        self.assertEqual(organization._party_local_date(BEIJING_6AM_UTC), date(2022, 1, 21))
        with freeze_time(BEIJING_6AM_UTC):
            self.assertEqual(organization._party_today(), date(2022, 1, 21))
            self.assertEqual(organization.with_context(tz='UTC')._party_today(), date(2022, 1, 20))

    # A meeting at 06:00 Beijing time is held on the 21st, for the checks and on paper

    def early_meeting(self):
        self.meeting.date_start = BEIJING_6AM_UTC
        return self.as_clerk(self.meeting)

    def test_constraints_count_the_organisation_day(self):
        meeting = self.early_meeting()
        meeting.materials_deadline = date(2022, 1, 21)
        self.as_clerk(self.env['party.meeting.talk']).create({
            'meeting_id': meeting.id, 'initiator_user_id': self.zhao.id, 'counterpart_user_id': self.qian.id,
            'date': '2022-01-21'})
        with self.assertRaisesRegex(ValidationError, r'after the meeting on 2022-01-21'):
            meeting.materials_deadline = date(2022, 1, 22)
        with self.assertRaisesRegex(ValidationError, r'before the meeting on 2022-01-21'):
            meeting.sudo().report_date = date(2022, 1, 20)  # as sending the package records it

    def test_deadlines_and_readiness_count_the_organisation_day(self):
        meeting = self.early_meeting()
        self.assertEqual(meeting.report_deadline, date(2022, 1, 21) + timedelta(days=self.organization.report_days))
        lead = self.organization.plan_lead_days
        meeting.sudo().plan_sent_date = date(2022, 1, 21) - timedelta(days=lead)  # as the submission records it
        line = meeting.readiness_ids.filtered(lambda r: r.code == 'plan_sent')
        self.assertEqual(line.state, 'ok', line.missing)
        meeting.sudo().plan_sent_date = date(2022, 1, 22) - timedelta(days=lead)
        self.assertEqual(line.state, 'missing')
        self.assertIn(f'sent {lead - 1} days before the meeting', line.missing)

    def test_paper_shows_the_same_day(self):
        meeting = self.early_meeting()
        printed = self.env['ir.actions.report']._render_qweb_html(
            'party_democratic_life.action_report_party_meeting_minutes', meeting.ids)[0].decode()
        self.assertIn('2022年1月21日6时', printed)
        self.assertEqual(meeting._party_cn_date(meeting.date_start), '2022年1月21日')

    def test_item_overdue_by_the_organisation_day(self):
        """Overdue is counted by the organisation's today in the form, the filter and the overview."""
        today = self.organization._party_today(reader=False)
        item = self.env['party.rectification'].create({
            'name': 'Due yesterday in Beijing', 'organization_id': self.organization.id, 'scope': 'team',
            'responsible_user_id': self.qian.id, 'deadline': today - timedelta(days=1)})
        on_time = self.env['party.rectification'].create({
            'name': 'Due today in Beijing', 'organization_id': self.organization.id, 'scope': 'team',
            'responsible_user_id': self.qian.id, 'deadline': today})
        Rectification = self.as_clerk(self.env['party.rectification'])
        self.assertTrue(self.as_clerk(item).is_overdue)
        self.assertFalse(self.as_clerk(on_time).is_overdue)
        found = Rectification.search([('is_overdue', '=', True), ('id', 'in', (item | on_time).ids)])
        self.assertEqual(found, item)
        self.env.flush_all()
        row = self.env['party.rectification.overview'].search([('organization_id', '=', self.organization.id)])
        self.assertEqual(row.overdue_count, 1)
