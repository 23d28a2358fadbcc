import base64
from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, freeze_time, tagged

from .common import PartyCase

PDF = base64.b64encode(b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')


@tagged('post_install', '-at_install')
class TestReferenceFlow(PartyCase):
    """The reference case from "held" to "done", each step by the role that does it."""

    def evidence(self, item, user):
        attachment = self.env['ir.attachment'].with_user(user).create({
            'name': 'proof.pdf', 'datas': PDF, 'res_model': item._name, 'res_id': item.id})
        item.with_user(user).write({
            'completion_note': '<p>Finished, see the attached proof.</p>',
            'evidence_attachment_ids': [(4, attachment.id)],
        })

    @freeze_time('2022-01-25 02:00:00')
    def test_held_to_done(self):
        earlier = self.create_meeting(name='Annual Meeting 2020', meeting_type='annual', year=2020,
                                      date_start=datetime(2021, 1, 26, 1, 0), state='done')
        old_item = self.make_rectification(name='Ideology reviews are rare', meeting_id=earlier.id,
                                           deadline='2021-12-31', responsible_user_id=self.sun.id)
        meeting = self.create_meeting(name='Annual Meeting 2021', meeting_type='annual', year=2021,
                                      date_start=datetime(2022, 1, 21, 0, 30))
        carried = meeting.carried_item_ids
        self.assertEqual(carried.carried_from_id, old_item)

        meeting.with_user(self.wu).action_prepare()
        carried.with_user(self.wu).write({
            'carry_status': 'not_done', 'carry_reason': 'The review rules are still a draft',
            'carry_next_step': 'Adopt the rules in February'})
        self.make_ready(meeting)
        meeting.with_user(self.wu).action_hold()
        self.assertEqual(meeting.activity_ids.user_id, self.zhao)

        Criticism = self.env['party.meeting.criticism'].with_user(self.wu)
        users = list(self.members)
        for index, target in enumerate(users):
            Criticism.create({'meeting_id': meeting.id, 'target_user_id': target.id, 'kind': 'self',
                              'content': f'<p>Self-criticism of {target.name}</p>'})
            for step in (1, 2):
                Criticism.create({'meeting_id': meeting.id, 'target_user_id': target.id,
                                  'critic_user_id': users[(index + step) % 5].id,
                                  'content': f'<p>Criticism {step} of {target.name}</p>'})
        self.assertEqual(meeting.criticism_missing_count, 0)
        with self.assertRaisesRegex(UserError, 'statements of commitment are incomplete'):
            meeting.with_user(self.wu).action_rectify()
        # The recorder enters each member's two statements (表态) as they were made.
        for attendee in meeting.with_user(self.wu).member_attendee_ids:
            attendee.write({'responsibility_statement': f'{attendee.user_id.name} claims his share.',
                            'criticism_statement': f'{attendee.user_id.name} accepts the criticisms.'})
        meeting.with_user(self.wu).action_rectify()
        self.assertTrue(meeting.minutes_locked)
        self.assertIn('Criticism 2 of Zhou Jianguo', meeting.minutes)

        criticism = meeting.criticism_ids.filtered(lambda c: c.target_user_id == self.li and c.kind == 'mutual')[:1]
        action = criticism.with_user(self.wu).action_to_rectification()
        with Form(self.env['party.rectification'].with_user(self.wu).with_context(**action['context'])) as form:
            form.name = 'Risk points are reviewed too coarsely'
            form.mode = 'immediate'
            form.deadline = date(2022, 2, 15)
            form.public = True
            form.measures = '<p>Review every risk point by the end of February.</p>'
        new_item = form.record
        new_item.with_user(self.li).action_start()

        meeting.with_user(self.wu).action_compose_report()
        meeting.with_user(self.zhao).action_send_report()
        self.assertEqual(meeting.report_date, date(2022, 1, 25))
        meeting.with_user(self.zhao).action_issue_notice()
        self.assertIn('Risk points are reviewed too coarsely', meeting.notice_body)
        self.assertNotIn('Criticism 1 of', meeting.notice_body)

        for item, owner in ((new_item, self.li), (carried, self.sun)):
            self.evidence(item, owner)
            item.with_user(owner).action_done()
            item.with_user(self.zhao).action_verify()
        meeting.with_user(self.zhao).action_done()
        self.assertEqual(meeting.state, 'done')
        self.assertEqual(meeting.report_status, 'sent')


@tagged('post_install', '-at_install')
class TestAfterTour(PartyCase, HttpCase):

    def test_meeting_pages_tour(self):
        self.meeting.state = 'held'
        earlier = self.create_meeting(name='Earlier', date_start=datetime(2021, 1, 26, 1, 0), state='done')
        old_item = self.make_rectification(name='TOUR-CARRIED', meeting_id=earlier.id, deadline='2021-12-31')
        self.make_rectification(name='TOUR-CARRIED', carried_from_id=old_item.id, source='previous',
                                carry_status='in_progress')
        self.env['party.meeting.criticism'].create({
            'meeting_id': self.meeting.id, 'target_user_id': self.qian.id, 'critic_user_id': self.sun.id,
            'content': '<p>TOUR-CRITICISM</p>'})
        self.start_tour(f'/odoo/party-meetings/{self.meeting.id}', 'party_meeting_after_tour', login='t_wu')

    def test_overview_tour(self):
        self.make_rectification(name='Overview item')
        self.start_tour('/odoo/party-rectification-overview', 'party_rectification_overview_tour', login='t_wang')
