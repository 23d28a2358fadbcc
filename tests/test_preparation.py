from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestStudyAndOpinion(PartyCase):
    """Study sessions and collected opinions: who records, who reads, and what they become."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Opinion = cls.env['party.meeting.opinion']
        cls.about_team = Opinion.create({
            'meeting_id': cls.meeting.id, 'source': 'public', 'channel': 'suggestion_box',
            'content': 'Enforcement officers should explain the rules before fining.'})
        cls.about_qian = Opinion.create({
            'meeting_id': cls.meeting.id, 'source': 'cadre', 'channel': 'symposium', 'concerns_team': False,
            'concerned_user_ids': [(6, 0, cls.qian.ids)],
            'content': 'Rarely visits the squads on the ground.\nMostly reads reports.'})
        cls.env.cr.flush()

    def test_clerk_records_a_study_members_read_it(self):
        study = self.env['party.meeting.study'].with_user(self.wu).create({
            'meeting_id': self.meeting.id, 'date': '2022-01-05', 'form': 'central_group',
            'topic': 'The resolution on the Party\'s history',
            'attendee_user_ids': [(6, 0, self.members.ids)]})
        self.assertEqual(study.attendee_count, 5)
        self.assertEqual(study.organization_id, self.organization)
        self.assertEqual(self.env['party.meeting.study'].with_user(self.qian).search([]), study)
        self.assertEqual(self.meeting.study_count, 1)
        with self.assertRaises(AccessError):
            self.env['party.meeting.study'].with_user(self.qian).create({
                'meeting_id': self.meeting.id, 'date': '2022-01-06', 'topic': 'Mine'})
        with self.assertRaises(AccessError):
            study.with_user(self.outsider).read(['topic'])
        self.assertEqual(study.with_user(self.zheng).topic, "The resolution on the Party's history",
                         'observers named on the organization read')

    def test_study_after_the_meeting_refused(self):
        with self.assertRaisesRegex(ValidationError, 'Date.*2022-01-25.*after the meeting'):
            self.env['party.meeting.study'].create({
                'meeting_id': self.meeting.id, 'date': '2022-01-25', 'topic': 'Too late'})

    def test_opinion_names_whom_it_concerns(self):
        self.assertEqual(self.about_qian.name, 'Rarely visits the squads on the ground.')
        with self.assertRaisesRegex(ValidationError, 'Concerns the Team'):
            self.env['party.meeting.opinion'].create({
                'meeting_id': self.meeting.id, 'concerns_team': False, 'content': 'About nobody'})
        with self.assertRaisesRegex(ValidationError, 'Feng Outsider.*not on the team'):
            self.env['party.meeting.opinion'].create({
                'meeting_id': self.meeting.id, 'concerned_user_ids': [(6, 0, self.outsider.ids)],
                'content': 'About an outsider'})

    def test_opinion_about_a_member_is_read_by_that_member_only(self):
        Opinion = self.env['party.meeting.opinion']
        this_meeting = [('meeting_id', '=', self.meeting.id)]
        self.assertEqual(Opinion.with_user(self.qian).search(this_meeting), self.about_team | self.about_qian)
        self.assertEqual(Opinion.with_user(self.sun).search(this_meeting), self.about_team)
        with self.assertRaises(AccessError):
            self.about_qian.with_user(self.sun).read(['content'])
        for user in (self.zhao, self.wu, self.wang):
            self.assertEqual(Opinion.with_user(user).search(this_meeting), self.about_team | self.about_qian, user.name)
        self.assertEqual(Opinion.with_user(self.zheng).search(this_meeting), self.about_team,
                         'observers: the team only')
        self.assertFalse(Opinion.with_user(self.outsider).search(this_meeting))

    def test_members_read_opinions_clerks_record_them(self):
        with self.assertRaises(AccessError):
            self.env['party.meeting.opinion'].with_user(self.qian).create({
                'meeting_id': self.meeting.id, 'content': 'Self-made'})
        with self.assertRaises(AccessError):
            self.about_qian.with_user(self.qian).write({'content': 'Softened'})
        self.about_qian.with_user(self.wu).write({'channel': 'talk'})
        self.assertEqual(self.meeting.opinion_count, 2)

    def test_opinion_becomes_linked_rectification(self):
        action = self.about_qian.with_user(self.wu).action_to_rectification()
        item = self.env['party.rectification'].browse(action['res_id'])
        self.assertEqual(item.name, 'Rarely visits the squads on the ground.')
        self.assertEqual((item.scope, item.responsible_user_id, item.source), ('personal', self.qian, 'opinion'))
        self.assertEqual(item.opinion_id, self.about_qian)
        self.assertEqual(self.about_qian.rectification_ids, item)
        self.assertIn('Mostly reads reports.', item.problem)
        self.assertEqual(self.about_qian.action_to_rectification()['res_id'], item.id, 'made once')
        team_item = self.env['party.rectification'].browse(
            self.about_team.with_user(self.zhao).action_to_rectification()['res_id'])
        self.assertEqual((team_item.scope, team_item.responsible_user_id), ('team', self.zhao))


@tagged('post_install', '-at_install')
class TestTalkCoverage(PartyCase):
    """Complete coverage: the team's pairs, each member with the heads of their units, and each
    member with at least one branch representative."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env['party.organization.unit'].create({
            'organization_id': cls.organization.id, 'name': 'City Squad', 'member_user_id': cls.qian.id,
            'head_name': 'Ma Chao'})
        cls.representative = cls.env['party.organization.representative'].create({
            'organization_id': cls.organization.id, 'name': 'Lin Hong', 'branch': 'Office Branch'})
        cls.env.cr.flush()

    def missing_labels(self):
        return [label for _key, label in self.meeting._get_missing_talk_pairs()]

    def test_required_pairs_include_units_and_representatives(self):
        labels = [label for _key, label in self.meeting._get_required_talk_pairs()]
        self.assertEqual(len(labels), 10 + 1 + 5)
        self.assertIn('Qian Lixin ↔ Ma Chao (City Squad)', labels)
        self.assertIn('Zhao Dongping ↔ a representative of Office Branch', labels)
        html = self.meeting.talk_coverage_html
        self.assertEqual(html.count('Missing'), 16)
        self.assertIn('Qian Lixin ↔ Ma Chao (City Squad)', html)

    def test_unit_head_talk_counts_by_name_or_by_unit(self):
        self.make_talk(self.meeting, self.qian, self.env['res.users'], talk_type='member_unit_head',
                       counterpart_name=' Ma Chao ')
        self.assertNotIn('Qian Lixin ↔ Ma Chao (City Squad)', self.missing_labels())
        self.assertEqual(self.meeting.talk_coverage_html.count('Done'), 1)
        # renamed head: a talk linked to the unit still counts
        self.meeting.talk_ids.unlink()
        self.unit.head_name = 'Ma Chaoqun'
        self.make_talk(self.meeting, self.qian, self.env['res.users'], talk_type='member_unit_head',
                       counterpart_name='The squad leader', unit_id=self.unit.id)
        self.assertNotIn('Qian Lixin ↔ Ma Chaoqun (City Squad)', self.missing_labels())

    def test_each_member_talks_with_a_representative_of_his_branch(self):
        second = self.env['party.organization.representative'].create({
            'organization_id': self.organization.id, 'user_id': self.wu.id, 'branch': 'Office Branch'})
        self.assertEqual(second.name, 'Wu Xiaoyan')
        self.make_talk(self.meeting, self.zhao, self.env['res.users'], counterpart_name='Lin Hong', duty_report=False)
        self.make_talk(self.meeting, self.wu, self.sun)
        missing = self.missing_labels()
        self.assertNotIn('Zhao Dongping ↔ a representative of Office Branch', missing)
        self.assertNotIn('Sun Weihua ↔ a representative of Office Branch', missing, 'either side may start the talk')
        self.assertIn('Qian Lixin ↔ a representative of Office Branch', missing)
        self.assertEqual(len(self.meeting._get_required_talk_pairs()), 16, 'a second representative adds no pair')

    def test_unit_head_on_the_team_counts_once(self):
        self.env['party.organization.unit'].create({
            'organization_id': self.organization.id, 'name': 'Legal Section', 'member_user_id': self.qian.id,
            'head_user_id': self.sun.id})
        self.assertEqual(len(self.meeting._get_required_talk_pairs()), 16)

    def test_unit_member_must_be_on_the_team(self):
        with self.assertRaisesRegex(ValidationError, 'Member in Charge'):
            self.env['party.organization.unit'].create({
                'organization_id': self.organization.id, 'name': 'Elsewhere',
                'member_user_id': self.outsider.id, 'head_name': 'Somebody'})

    def test_plan_missing_talks_plans_units_and_representatives(self):
        self.meeting.action_plan_missing_talks()
        talks = self.meeting.talk_ids
        self.assertEqual(len(talks), 16)
        unit_talk = talks.filtered(lambda t: t.talk_type == 'member_unit_head')
        self.assertEqual((unit_talk.initiator_user_id, unit_talk.counterpart_name, unit_talk.unit_id),
                         (self.qian, 'Ma Chao', self.unit))
        representative_talks = talks.filtered(lambda t: t.talk_type == 'branch_representative')
        self.assertEqual(representative_talks.initiator_user_id, self.members)
        self.assertEqual(representative_talks.representative_id, self.representative)
        self.meeting.action_plan_missing_talks()
        self.assertEqual(len(self.meeting.talk_ids), 16, 'planned talks are not planned twice')

    def test_talk_form_fills_counterpart_from_unit(self):
        with Form(self.env['party.meeting.talk'].with_user(self.wu)) as form:
            form.meeting_id = self.meeting
            form.unit_id = self.unit
            self.assertEqual(form.initiator_user_id, self.qian)
            self.assertEqual(form.counterpart_name, 'Ma Chao')
            self.assertEqual(form.talk_type, 'member_unit_head')
        with Form(self.env['party.meeting.talk'].with_user(self.wu)) as form:
            form.meeting_id = self.meeting
            form.representative_id = self.representative
            self.assertEqual(form.counterpart_name, 'Lin Hong')
            self.assertEqual(form.talk_type, 'branch_representative')

    def test_members_read_units_only_secretary_edits(self):
        self.assertEqual(self.env['party.organization.unit'].with_user(self.qian).search([]), self.unit)
        with self.assertRaises(AccessError):
            self.unit.with_user(self.qian).write({'head_name': 'Someone else'})
        self.unit.with_user(self.zhao).write({'head_name': 'Ma Chao'})
        self.assertFalse(self.env['party.organization.representative'].with_user(self.outsider).search([]))
