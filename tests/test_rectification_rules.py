import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PartyCase

PDF = b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'


@tagged('post_install', '-at_install')
class TestRectificationRules(PartyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting.state = 'rectifying'

    def attach(self, item, name='evidence.pdf', data=PDF, user=None):
        attachment = self.env['ir.attachment'].with_user(user or self.qian).create({
            'name': name, 'datas': base64.b64encode(data),
            'res_model': 'party.rectification', 'res_id': item.id})
        item.with_user(user or self.qian).evidence_attachment_ids = [(4, attachment.id)]
        return attachment

    def short_item(self, **values):
        return self.make_rectification(deadline='2022-03-31', **values)

    # Starting

    def test_start_needs_owner_measures_deadline(self):
        item = self.make_rectification(scope='team', responsible_user_id=False, measures=False, deadline=False)
        with self.assertRaisesRegex(UserError, 'cannot start: fill in Owner, Measures, Deadline'):
            item.with_user(self.zhao).action_start()
        item.write({'responsible_user_id': self.qian.id, 'measures': '<p>Act</p>', 'deadline': '2022-03-01'})
        item.with_user(self.qian).action_start()
        self.assertEqual(item.state, 'in_progress')

    def test_fix_at_once_deadline(self):
        # The meeting was on 2022-01-21: 30 days later is 2022-02-20.
        item = self.make_rectification(mode='immediate', deadline='2022-02-20')
        self.assertEqual(item.mode, 'immediate')
        with self.assertRaisesRegex(ValidationError, 'within 30 days of the meeting, i.e. by 2022-02-20'):
            self.make_rectification(mode='immediate', deadline='2022-02-21')
        with self.assertRaisesRegex(ValidationError, 'fix-at-once'):
            item.deadline = '2022-03-01'
        self.organization.fix_at_once_days = 45
        item.deadline = '2022-03-01'
        self.assertEqual(str(item.deadline), '2022-03-01')

    def test_long_item_needs_milestone(self):
        item = self.make_rectification(mode='long_term', deadline='2022-12-31')
        self.assertTrue(item.is_long)
        with self.assertRaisesRegex(UserError, 'add at least one entry in the field "Milestones"'):
            item.with_user(self.qian).action_start()
        self.env['party.rectification.milestone'].with_user(self.qian).create(
            {'rectification_id': item.id, 'date': '2022-06-30', 'goal': 'Rules drafted'})
        item.with_user(self.qian).action_start()
        self.assertEqual(item.state, 'in_progress')
        # 90 days exactly is not long.
        self.assertFalse(self.make_rectification(deadline='2022-04-21').is_long)
        self.assertTrue(self.make_rectification(deadline='2022-04-22').is_long)

    # Finishing

    def test_done_needs_note_and_evidence(self):
        item = self.short_item()
        item.with_user(self.qian).action_start()
        with self.assertRaisesRegex(UserError, '"Completion Note" is empty'):
            item.with_user(self.qian).action_done()
        item.with_user(self.qian).completion_note = '<p>Training held monthly since March.</p>'
        with self.assertRaisesRegex(UserError, 'attach at least one file in the field "Evidence"'):
            item.with_user(self.qian).action_done()
        self.attach(item)
        item.with_user(self.qian).action_done()
        self.assertEqual(item.state, 'done')
        self.assertTrue(item.date_done)

    def test_evidence_type_refused(self):
        item = self.short_item()
        with self.assertRaisesRegex(ValidationError, 'Rectification "Training is not regular": the file "run.sh" '
                                                     'in the field "Evidence" is of type'):
            self.attach(item, name='run.sh', data=b'#!/bin/sh\necho hi\n')
        item = self.short_item()
        for name, data in (('photo.png', base64.b64decode(
                'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')),
                           ('report.pdf', PDF)):
            self.attach(item, name=name, data=data)
        self.assertEqual(len(item.evidence_attachment_ids), 2)

    def test_evidence_size_refused(self):
        self.env['ir.config_parameter'].set_param('party_democratic_life.evidence_max_mb', '0.001')
        item = self.short_item()
        with self.assertRaisesRegex(ValidationError, 'larger than 0.001 MB'):
            self.attach(item, data=PDF + b'0' * 2048)
        item = self.short_item()
        self.attach(item, data=PDF)
        self.assertEqual(len(item.evidence_attachment_ids), 1)

    # Verification

    def finished_item(self):
        item = self.short_item()
        item.with_user(self.qian).action_start()
        item.with_user(self.qian).completion_note = '<p>Done</p>'
        self.attach(item)
        item.with_user(self.qian).action_done()
        return item

    def test_verify_by_principal_or_manager_only(self):
        item = self.finished_item()
        for user in (self.qian, self.wu, self.zheng):
            with self.subTest(user=user.name), self.assertRaises(UserError):
                item.with_user(user).action_verify()
        self.assertEqual(item.state, 'done')
        item.with_user(self.zhao).action_verify()
        self.assertEqual((item.state, item.verified_by_id), ('verified', self.zhao))
        other = self.finished_item()
        other.with_user(self.wang).action_verify()
        self.assertEqual(other.verified_by_id, self.wang)

    def test_verified_is_read_only(self):
        item = self.finished_item()
        item.with_user(self.zhao).action_verify()
        for user in (self.qian, self.zhao, self.wang):
            with self.subTest(user=user.name), self.assertRaisesRegex(UserError, 'verified and read-only'):
                item.with_user(user).write({'name': 'Changed'})
        milestone = self.env['party.rectification.milestone'].create(
            {'rectification_id': item.id, 'date': '2022-02-01', 'goal': 'Step'})
        with self.assertRaisesRegex(UserError, '"Milestones" is read-only'):
            milestone.with_user(self.zhao).write({'done': True})
        with self.assertRaisesRegex(UserError, '"Milestones" is read-only'):
            self.env['party.rectification.milestone'].with_user(self.zhao).create(
                {'rectification_id': item.id, 'date': '2022-02-02', 'goal': 'Another'})
        with self.assertRaisesRegex(UserError, 'cannot be deleted: it is verified'):
            item.with_user(self.wang).unlink()

    def test_reopen_is_logged(self):
        item = self.finished_item()
        item.with_user(self.zhao).action_verify()
        with self.assertRaisesRegex(UserError, 'only the principal'):
            item.with_user(self.qian).action_reopen()
        item.with_user(self.zhao).action_reopen()
        self.assertEqual(item.state, 'in_progress')
        self.assertFalse(item.verified_by_id)
        self.assertTrue(item.message_ids.filtered(lambda m: 'Reopened by Zhao Dongping' in (m.body or '')))
        # Reopened, it can be changed and deleted again by those allowed to.
        item.with_user(self.qian).write({'name': 'Training is still not regular'})
        item.with_user(self.wu).unlink()
        self.assertFalse(item.exists())

    def test_talk_to_rectification(self):
        talk = self.make_talk(self.meeting, self.qian, self.sun, state='planned', date='2022-01-11')
        action = talk.with_user(self.wu).action_to_rectification()
        item = self.env['party.rectification'].with_user(self.wu).with_context(**action['context']).create(
            {'name': 'Cases take too long', 'deadline': '2022-03-01'})
        self.assertEqual((item.talk_id, item.source, item.responsible_user_id), (talk, 'talk', self.sun))
        self.assertFalse(item.public)
        self.assertEqual(talk.rectification_ids, item)

    def test_milestone_access(self):
        item = self.make_rectification(mode='long_term', deadline='2022-12-31')
        Milestone = self.env['party.rectification.milestone']
        for user in (self.qian, self.zhao, self.wu):
            with self.subTest(user=user.name):
                Milestone.with_user(user).create({'rectification_id': item.id, 'date': '2022-06-30',
                                                  'goal': f'Step by {user.name}'})
        milestones = Milestone.with_user(self.zheng).search([('rectification_id', '=', item.id)])
        self.assertEqual(len(milestones), 3)
        self.assertEqual(len(Milestone.with_user(self.sun).search([('rectification_id', '=', item.id)])), 3)
        for user in (self.sun, self.zheng, self.outsider):
            with self.subTest(user=user.name), self.assertRaises(AccessError):
                Milestone.with_user(user).create({'rectification_id': item.id, 'date': '2022-07-31', 'goal': 'No'})
        with self.assertRaises(AccessError):
            milestones[0].with_user(self.sun).write({'done': True})
        self.assertFalse(Milestone.with_user(self.outsider).search([('rectification_id', '=', item.id)]))
