"""Review before the meeting (会前报审): the plan and the materials go to the supervising bodies,
their reviewers approve or return them round by round, and they give consent to hold it."""
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from .common import PartyCase

UPPER_REVIEW = 'party_democratic_life.mail_activity_type_upper_review'
PLAN_REVISE = 'party_democratic_life.mail_activity_type_plan_revise'


@tagged('post_install', '-at_install')
@freeze_time('2022-01-12 02:00:00')
class TestUpperReview(PartyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tang = cls.new_reviewer('t_tang', 'Tang Guide')
        cls.hu = cls.new_reviewer('t_hu', 'Hu Elsewhere')
        Body = cls.env['party.upper.body']
        cls.guide_group = Body.create({'name': 'County Guide Group', 'kind': 'guide_group',
                                       'user_ids': [(6, 0, cls.tang.ids)]})
        # A guide group of another county area: it supervises only the other Party group.
        cls.other_group = Body.create({'name': 'Second Guide Group', 'kind': 'guide_group',
                                       'user_ids': [(6, 0, cls.hu.ids)],
                                       'organization_ids': [(6, 0, cls.other_organization.ids)]})
        cls.organization.upper_body_ids = [(4, cls.guide_group.id)]
        cls.meeting.action_prepare()
        cls.outline = {s.author_user_id: s for s in cls.meeting.statement_ids if s.kind == 'personal'}
        cls.team_material = cls.meeting.statement_ids.filtered(lambda s: s.kind == 'team')
        cls.env.cr.flush()

    def activities(self, record, xmlid):
        return record.sudo().activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(xmlid))

    def fill(self, statement):
        statement.sudo().section_ids.write({'content': '<p>Written in full.</p>', 'no_problem_reason': 'Checked.'})
        return statement

    # Who is above the organisation

    def test_the_bodies_say_who_reads_and_who_reviews(self):
        self.assertEqual(self.organization.observer_user_ids, self.zheng | self.tang)
        self.assertEqual(self.organization.supervisor_partner_ids,
                         self.commission.partner_id | self.guide_group.partner_id)
        self.assertEqual(self.organization._upper_reviewers(), self.tang,
                         'the commission\'s observer reads; the guide group\'s reviewer reviews')
        self.assertEqual(self.guide_group.partner_id.name, 'County Guide Group')
        self.guide_group.write({'name': 'First Guide Group', 'email': 'guide@example.com'})
        self.assertEqual(self.guide_group.partner_id.email, 'guide@example.com', 'the addressee follows the body')
        self.guide_group.active = False
        self.assertNotIn(self.tang, self.organization.observer_user_ids, 'an archived body reads nothing')

    def test_a_reviewer_of_another_body_sees_nothing_of_the_organization(self):
        self.meeting.with_user(self.zhao).action_submit_plan()
        for model, records in (('party.organization', self.organization), ('party.meeting', self.meeting),
                               ('party.meeting.statement', self.meeting.statement_ids),
                               ('party.review.round', self.meeting.review_round_ids)):
            with self.subTest(model=model):
                self.assertFalse(self.env[model].with_user(self.hu).search([('id', 'in', records.ids)]))
                with self.assertRaises(AccessError):
                    records.with_user(self.hu).read(['display_name'])
        with self.assertRaises(AccessError):
            self.meeting.with_user(self.hu).action_approve_plan()
        self.assertTrue(self.meeting.with_user(self.tang).read(['theme']), 'the supervising reviewer reads the plan')

    # The plan

    def test_plan_submitted_locked_returned_and_approved_round_by_round(self):
        plan = self.meeting.with_user(self.zhao)
        with self.assertRaisesRegex(UserError, 'only the principal of Bureau Party Group can submit the plan'):
            self.meeting.with_user(self.wu).action_submit_plan()
        with self.assertRaisesRegex(UserError, 'field "Plan Sent On" changes only through Submit Plan'):
            plan.write({'plan_sent_date': date(2022, 1, 5)})
        plan.action_submit_plan()
        self.assertEqual(self.meeting.plan_state, 'under_review')
        self.assertEqual(self.meeting.plan_sent_date, date(2022, 1, 12), 'the day it was sent, by the submission')
        self.assertEqual(self.activities(self.meeting, UPPER_REVIEW).user_id, self.tang)
        # locked while under review: the plan's fields and its lines
        with self.assertRaisesRegex(UserError, 'the field "Theme" is part of the plan, which is under review'):
            self.meeting.with_user(self.wu).write({'theme': 'Another theme'})
        with self.assertRaisesRegex(UserError, 'is part of the plan, which is under review'):
            self.meeting.focus_ids[:1].with_user(self.wu).write({'title': 'Renamed'})
        with self.assertRaisesRegex(UserError, 'is part of the plan, which is under review'):
            self.env['party.meeting.focus'].with_user(self.wu).create({'meeting_id': self.meeting.id, 'title': 'New'})
        self.assertEqual(self.meeting.theme, 'Party history study')
        with self.assertRaisesRegex(UserError, 'only a reviewer of a body that supervises'):
            plan.action_approve_plan()

        # returned with comments: back to the principal, editable, the comment kept
        wizard = self.env['party.meeting.plan.return'].with_user(self.tang).create({
            'meeting_ids': [(6, 0, self.meeting.ids)], 'comment': 'Name the cases behind aspect 3.'})
        wizard.action_confirm()
        self.assertEqual(self.meeting.plan_state, 'returned')
        self.assertFalse(self.activities(self.meeting, UPPER_REVIEW), 'the review is done')
        self.assertEqual(self.activities(self.meeting, PLAN_REVISE).user_id, self.zhao)
        returned = self.meeting.message_ids.filtered(lambda m: 'Name the cases behind aspect 3.' in (m.body or ''))
        self.assertTrue(returned, 'the comment is on the meeting\'s chatter')
        self.assertIn(self.wu.partner_id, returned.partner_ids, 'the principal and the clerks are told')
        self.assertIn(self.zhao.partner_id, returned.partner_ids)
        self.meeting.with_user(self.wu).write({'theme': 'Party history study, with cases'})

        plan.action_submit_plan()
        self.meeting.with_user(self.tang).action_approve_plan()
        self.assertEqual(self.meeting.plan_state, 'approved')
        rounds = self.meeting.review_round_ids.sorted('round_number')
        self.assertEqual(rounds.mapped('round_number'), [1, 2])
        self.assertEqual(rounds.mapped('decision'), ['returned', 'approved'])
        self.assertEqual(rounds[0].comment, 'Name the cases behind aspect 3.')
        self.assertEqual(rounds.mapped('reviewer_id'), self.tang)
        self.assertEqual(rounds[1].body_id, self.guide_group)
        self.assertLess(rounds[0].version, rounds[1].version, 'each round names the version it read')
        self.assertEqual(self.meeting.with_user(self.qian).review_round_ids, rounds, 'the team reads the rounds')
        with self.assertRaisesRegex(UserError, 'is part of the plan, which is approved'):
            self.meeting.with_user(self.wu).write({'location': 'Room 2'})
        # Revise Plan opens it again, to be approved again
        plan.action_revise_plan()
        self.assertEqual(self.meeting.plan_state, 'draft')
        self.meeting.with_user(self.wu).write({'location': 'Room 2'})

    def test_plan_without_a_reviewer_above_cannot_be_sent(self):
        self.organization.upper_body_ids = [(3, self.guide_group.id)]
        with self.assertRaisesRegex(UserError, 'no body that supervises Bureau Party Group has a reviewer'):
            self.meeting.with_user(self.zhao).action_submit_plan()
        self.assertEqual(self.meeting.plan_state, 'draft')
        self.assertFalse(self.meeting.plan_sent_date)

    # The materials: the principal first, then the guide group

    def test_outline_goes_up_after_the_principal_and_back_to_its_author(self):
        outline = self.fill(self.outline[self.qian])
        outline.with_user(self.qian).action_submit()
        self.assertEqual(outline.state, 'submitted')
        with self.assertRaises(AccessError):
            outline.with_user(self.tang).read(['body_html'])  # not sent up yet
        outline.with_user(self.zhao).action_approve()
        self.assertEqual(outline.state, 'upper_review', 'the principal\'s approval sends it up')
        self.assertTrue(outline.with_user(self.tang).read(['body_html']), 'the reviewer reads what was sent up')
        self.assertEqual(self.activities(outline, UPPER_REVIEW).user_id, self.tang)
        outline.with_user(self.tang).action_return(comment='Go deeper into the causes.')
        self.assertEqual(outline.state, 'returned')
        self.assertEqual(outline.review_comment, 'Go deeper into the causes.')
        message = outline.message_ids.filtered(lambda m: 'Go deeper into the causes.' in (m.body or ''))
        self.assertIn(self.qian.partner_id, message.partner_ids, 'the author sees the comment')
        outline.with_user(self.qian).action_submit()
        self.assertEqual(outline.state, 'submitted', 'the new text goes to the principal first again')
        outline.with_user(self.zhao).action_approve()
        outline.with_user(self.tang).action_approve()
        self.assertEqual(outline.state, 'approved')
        self.assertEqual(outline.review_round_ids.mapped('decision'), ['approved', 'returned'])
        with self.assertRaises(AccessError):
            self.make_talk(self.meeting, self.qian, self.sun).with_user(self.tang).read(['content'])

    def test_principals_own_outline_is_never_approved_by_the_principal(self):
        own = self.fill(self.outline[self.zhao])
        own.with_user(self.zhao).action_submit()
        self.assertEqual(own.state, 'upper_review', 'no first level: straight to the upper level')
        self.assertFalse(own.can_review)
        for user, error in ((self.zhao, UserError), (self.zheng, UserError), (self.hu, AccessError)):
            with self.subTest(user=user.name), self.assertRaises(error):
                own.with_user(user).action_approve()
        self.assertEqual(own.state, 'upper_review')
        self.assertTrue(own.with_user(self.tang).can_review)
        own.with_user(self.tang).action_approve()
        self.assertEqual(own.state, 'approved')

    # Consent to hold

    def test_meeting_cannot_be_held_without_consent_and_only_the_upper_level_waives_it(self):
        self.make_ready(self.meeting)
        self.meeting.write({'consent_date': False})
        consent = self.meeting.readiness_ids.filtered(lambda r: r.code == 'consent')
        self.assertEqual(consent.state, 'missing')
        with freeze_time('2022-01-21 06:00:00'):
            with self.assertRaisesRegex(UserError, 'Consent to Hold'):
                self.meeting.with_user(self.wu).action_hold()
        for user in (self.zhao, self.wang):
            with self.subTest(user=user.name), self.assertRaisesRegex(UserError, 'only a reviewer of a body'):
                self.meeting.with_user(user).waive_readiness('consent', 'The guide group agreed by phone.')
        self.meeting.with_user(self.tang).waive_readiness('consent', 'The guide group agreed by phone.')
        self.assertEqual(consent.state, 'waived')
        self.assertEqual(consent.waived_by_id, self.tang)
        self.assertIn('agreed by phone', self.meeting.message_ids[0].body)
        with freeze_time('2022-01-21 06:00:00'):
            self.meeting.with_user(self.wu).action_hold()
        self.assertEqual(self.meeting.state, 'held')

    def test_consent_needs_the_plan_and_every_material_approved(self):
        with self.assertRaisesRegex(UserError, 'The plan is not approved by the upper level'):
            self.meeting.with_user(self.tang).action_give_consent()
        self.make_ready(self.meeting)
        self.meeting.write({'consent_date': False})
        with self.assertRaisesRegex(UserError, 'only a reviewer of a body that supervises'):
            self.meeting.with_user(self.zhao).action_give_consent()
        self.meeting.with_user(self.tang).action_give_consent()
        self.assertEqual(self.meeting.consent_user_id, self.tang)
        self.assertEqual(self.meeting.consent_body_id, self.guide_group)
        self.assertEqual(self.meeting.readiness_ids.filtered(lambda r: r.code == 'consent').state, 'ok')
        told = self.meeting.message_ids[0]
        self.assertIn('County Guide Group agreed that the meeting may be held', told.body)
        self.assertEqual(told.partner_ids, self.zhao.partner_id | self.wu.partner_id)
