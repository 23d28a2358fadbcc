from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestUpperReviewTour(HttpCase, PartyCase):
    """The review cycle in a real browser, as the principal (Zhao Dongping) and as a reviewer of
    the county's guide group; what the others do in between is set up here."""

    def test_review_cycle_as_principal_and_reviewer(self):
        tang = self.new_reviewer('t_tang', 'Tang Guide')
        guide_group = self.env['party.upper.body'].create({
            'name': 'County Guide Group', 'kind': 'guide_group', 'user_ids': [(6, 0, tang.ids)]})
        self.organization.upper_body_ids = [(4, guide_group.id)]
        meeting = self.meeting
        meeting.date_start = fields.Datetime.now() + timedelta(days=10)  # the plan goes up before it
        meeting.action_prepare()
        meeting_url = f'/odoo/party-meetings/{meeting.id}'

        self.start_tour(meeting_url, 'party_upper_submit_plan_tour', login=self.zhao.login)
        self.assertEqual(meeting.plan_state, 'under_review')
        self.assertTrue(meeting.plan_sent_date)

        self.start_tour('/odoo/party-upper-reviews', 'party_upper_return_plan_tour', login=tang.login)
        self.assertEqual(meeting.plan_state, 'returned')
        first = meeting.review_round_ids
        self.assertEqual((first.decision, first.reviewer_id, first.comment),
                         ('returned', tang, 'Name the cases behind each key aspect.'))

        self.start_tour(meeting_url, 'party_upper_submit_plan_tour', login=self.zhao.login)
        self.assertEqual(meeting.review_round_ids.sorted('round_number').mapped('decision'), ['returned', 'pending'])

        # The others' materials are written and approved; the principal sends his own outline up.
        self.make_ready(meeting)
        meeting.write({'plan_state': 'under_review', 'consent_date': False})
        own = meeting.statement_ids.filtered(lambda s: s.kind == 'personal' and s.author_user_id == self.zhao)
        own.write({'state': 'draft'})
        own.with_user(self.zhao).action_submit()
        self.start_tour(f'/odoo/party-outlines/{own.id}', 'party_upper_approve_outline_tour', login=tang.login)
        self.assertEqual(own.state, 'approved')
        self.assertEqual(own.review_round_ids.reviewer_id, tang)

        self.start_tour(meeting_url, 'party_upper_consent_tour', login=tang.login)
        self.assertEqual(meeting.plan_state, 'approved')
        self.assertEqual((meeting.consent_user_id, meeting.consent_body_id), (tang, guide_group))
        self.assertTrue(meeting.readiness_ok, meeting.readiness_ids.mapped('missing'))
