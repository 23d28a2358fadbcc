from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestCriticism(PartyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting.state = 'held'
        cls.make_statements(cls.meeting)  # the statements of commitment are tested in test_plan_steps
        cls.Criticism = cls.env['party.meeting.criticism']

    def criticise(self, target, critic=None, kind='mutual', **values):
        vals = {
            'meeting_id': self.meeting.id,
            'target_user_id': target.id,
            'kind': kind,
            'content': f'<p>{kind} of {target.name} by {(critic or target).name}</p>',
        }
        if critic:
            vals['critic_user_id'] = critic.id
        vals.update(values)
        return self.Criticism.create(vals)

    def criticise_fully(self, users, minimum=2):
        """A self-criticism for each user and `minimum` criticisms from the next users."""
        users = list(users)
        for index, target in enumerate(users):
            self.criticise(target, kind='self')
            for step in range(1, minimum + 1):
                self.criticise(target, users[(index + step) % len(users)])

    def set_away(self, user, reason='Hospital'):
        self.meeting.attendee_ids.filtered(lambda a: a.user_id == user).write(
            {'attendance': 'leave', 'leave_reason': reason})

    # Matrix and the minimum

    def test_matrix_counts_with_absentee(self):
        self.set_away(self.zhou)
        present = self.zhao | self.qian | self.sun | self.li
        self.criticise_fully(present)
        self.assertEqual(self.meeting.criticism_missing_count, 0)
        self.assertEqual(self.meeting.criticism_count, 12)
        matrix = self.meeting.criticism_matrix
        self.assertIn('Zhou Jianguo (away: criticised afterwards)', matrix)
        self.assertIn('complete', matrix)
        # The absent member is not required; the meeting may move on.
        self.meeting.with_user(self.wu).action_rectify()
        self.assertEqual(self.meeting.state, 'rectifying')

    def test_rectify_refused_names_members_short(self):
        for user in self.members:
            self.criticise(user, kind='self')
        self.criticise(self.sun, self.zhao)
        self.assertEqual(self.meeting.criticism_missing_count, 5)
        self.assertIn('Sun Weihua: 1 of at least 2 criticisms', self.meeting.criticism_missing)
        with self.assertRaisesRegex(UserError, 'Zhao Dongping: 0 of at least 2 criticisms'):
            self.meeting.with_user(self.wu).action_rectify()
        self.assertEqual(self.meeting.state, 'held')

    def test_missing_self_criticism_refused(self):
        users = list(self.members)
        for index, target in enumerate(users):
            if target != self.li:
                self.criticise(target, kind='self')
            for step in (1, 2):
                self.criticise(target, users[(index + step) % len(users)])
        self.assertEqual(self.meeting.criticism_missing, 'Li Mingyuan: no self-criticism')
        with self.assertRaisesRegex(UserError, 'Li Mingyuan: no self-criticism'):
            self.meeting.action_rectify()
        self.criticise(self.li, kind='self')
        self.meeting.action_rectify()
        self.assertEqual(self.meeting.state, 'rectifying')

    def test_minimum_is_configurable(self):
        self.organization.min_criticisms = 3
        self.criticise_fully(self.members, minimum=2)
        self.assertEqual(self.meeting.criticism_missing_count, 5)
        with self.assertRaisesRegex(UserError, '2 of at least 3 criticisms'):
            self.meeting.action_rectify()
        self.organization.min_criticisms = 2
        self.meeting.action_rectify()
        self.assertEqual(self.meeting.state, 'rectifying')

    def test_matrix_shows_pairs(self):
        self.criticise(self.qian, self.sun)
        self.criticise(self.qian, self.sun, content='<p>second point</p>')
        stats = self.meeting._get_criticism_stats()[self.meeting.id]
        self.assertEqual(stats['pairs'][(self.sun.id, self.qian.id)], 2)
        self.assertEqual(stats['mutual'][self.qian.id], 2)

    # Who may criticise whom

    def test_critic_equals_target_refused(self):
        with self.assertRaisesRegex(ValidationError, 'cannot be the criticised member'):
            self.criticise(self.qian, self.qian)

    def test_self_criticism_by_someone_else_refused(self):
        criticism = self.criticise(self.qian, kind='self')
        self.assertEqual(criticism.critic_user_id, self.qian)
        with self.assertRaisesRegex(ValidationError, 'self-criticism is made by the criticised member'):
            self.criticise(self.sun, self.qian, kind='self')

    def test_one_self_criticism_per_member(self):
        self.criticise(self.qian, kind='self')
        with self.assertRaisesRegex(ValidationError, 'already has a self-criticism'):
            self.criticise(self.qian, kind='self')

    def test_mutual_criticism_from_absent_member_refused(self):
        self.set_away(self.zhou)
        with self.assertRaisesRegex(ValidationError, 'must be a team member present'):
            self.criticise(self.qian, self.zhou)
        with self.assertRaisesRegex(ValidationError, 'must be a team member present'):
            self.criticise(self.qian, self.wu)

    def test_target_must_be_member(self):
        with self.assertRaisesRegex(ValidationError, 'Criticised Member'):
            self.criticise(self.wu, self.qian)

    def test_guide_comment_needs_a_guide(self):
        with self.assertRaisesRegex(ValidationError, '"Critic" or "Guide"'):
            self.criticise(self.qian, kind='guide_comment')
        self.meeting.attendee_ids = [(0, 0, {'role': 'guide', 'partner_id': self.supervisor.id})]
        comment = self.criticise(self.qian, kind='guide_comment', critic_partner_id=self.supervisor.id)
        self.assertEqual(comment.kind, 'guide_comment')
        # A guide's comment does not count towards the minimum.
        self.assertNotIn(self.qian.id, self.meeting._get_criticism_stats()[self.meeting.id]['mutual'])

    def test_absent_member_criticised_afterwards(self):
        self.set_away(self.zhou)
        self.criticise_fully(self.zhao | self.qian | self.sun | self.li)
        self.meeting.action_rectify()
        criticism = self.Criticism.with_user(self.wu).create({
            'meeting_id': self.meeting.id, 'target_user_id': self.zhou.id,
            'critic_user_id': self.qian.id, 'content': '<p>Late reports</p>'})
        self.assertTrue(criticism.after_meeting)
        self.assertEqual(self.meeting._get_criticism_stats()[self.meeting.id]['mutual'][self.zhou.id], 1)

    def test_closed_meeting_refuses_criticisms(self):
        self.meeting.state = 'done'
        with self.assertRaisesRegex(UserError, 'cannot be changed'):
            self.Criticism.with_user(self.wu).create({
                'meeting_id': self.meeting.id, 'target_user_id': self.qian.id,
                'critic_user_id': self.sun.id, 'content': '<p>x</p>'})

    def test_criticism_cannot_be_deleted(self):
        criticism = self.criticise(self.qian, self.sun)
        for user in (self.wu, self.wang):
            with self.assertRaisesRegex(UserError, 'cannot be deleted'):
                criticism.with_user(user).unlink()
        # still counted, and still read by the clerk
        self.assertEqual(self.meeting._get_criticism_stats()[self.meeting.id]['mutual'], {self.qian.id: 1})
        self.assertEqual(criticism.with_user(self.wu).content, '<p>mutual of Qian Lixin by Sun Weihua</p>')

    def test_to_rectification(self):
        criticism = self.criticise(self.qian, self.sun, content='<p>Rarely visits the squads</p>')
        action = criticism.with_user(self.wu).action_to_rectification()
        self.assertEqual(action['res_model'], 'party.rectification')
        with Form(self.env['party.rectification'].with_user(self.wu).with_context(**action['context'])) as form:
            form.name = 'Visits to squads are too rare'
            form.deadline = '2022-02-15'
        item = form.record
        self.assertEqual(item.criticism_id, criticism)
        self.assertEqual(item.source, 'criticism')
        self.assertEqual(item.responsible_user_id, self.qian)
        self.assertFalse(item.public)
        self.assertEqual(criticism.rectification_count, 1)
        with self.assertRaisesRegex(UserError, 'Content'):
            self.criticise(self.sun, self.qian, content=False).action_to_rectification()

    # Confidentiality

    def test_access_per_role(self):
        self.meeting.recorder_user_id = self.li
        criticism = self.criticise(self.sun, self.qian, content='<p>Confidential point</p>')
        readers = {
            'critic': self.qian, 'target': self.sun, 'principal': self.zhao, 'clerk': self.wu,
            'recorder': self.li, 'observer': self.zheng, 'manager': self.wang,
        }
        for role, user in readers.items():
            with self.subTest(role=role):
                found = self.Criticism.with_user(user).search([('id', '=', criticism.id)])
                self.assertEqual(found, criticism)
                self.assertIn('Confidential point', found.content)
        for role, user in {'other member': self.zhou, 'outsider': self.outsider}.items():
            with self.subTest(role=role):
                self.assertFalse(self.Criticism.with_user(user).search([('id', '=', criticism.id)]))
                with self.assertRaises(AccessError):
                    criticism.with_user(user).read(['content'])
        with self.assertRaises(AccessError):
            self.Criticism.with_user(self.plain_user).search([])
        # The counts on the meeting are the same for everybody who sees the meeting.
        self.assertEqual(self.meeting.with_user(self.zhou).criticism_count, 1)

    def test_write_per_role(self):
        self.meeting.recorder_user_id = self.li
        criticism = self.criticise(self.sun, self.qian)
        for user in (self.qian, self.zhao, self.wu, self.li, self.wang):
            with self.subTest(user=user.name):
                criticism.with_user(user).write({'response': f'<p>noted by {user.name}</p>'})
        for user in (self.sun, self.zhou, self.zheng, self.outsider):
            with self.subTest(user=user.name), self.assertRaises(AccessError):
                criticism.with_user(user).write({'content': '<p>changed</p>'})
        with self.assertRaises(AccessError):
            self.Criticism.with_user(self.zhou).create({
                'meeting_id': self.meeting.id, 'target_user_id': self.sun.id,
                'critic_user_id': self.qian.id, 'content': '<p>on behalf</p>'})
