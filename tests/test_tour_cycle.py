from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import PartyCase

MEETING_NAME = 'Special Meeting on Party History Study'


@tagged('post_install', '-at_install')
class TestTourCycle(HttpCase, PartyCase):
    """The reference case in a real browser, as the principal (Zhao Dongping) walks it.

    What the principal does is clicked in the tours; what the other members do in between
    (their talks and outlines, most criticisms) is set up here between the tours, and the
    records are checked after each one.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The principal creates the meeting himself, in the browser.
        cls.meeting.unlink()

    def _find_meeting(self):
        meeting = self.env['party.meeting'].search([('name', '=', MEETING_NAME)])
        self.assertEqual(len(meeting), 1, 'the first tour creates exactly one meeting')
        return meeting

    def _others_prepare(self, meeting):
        """The other members hold their planned talks and write their outlines; Qian Lixin's
        outline waits for the principal's review."""
        held_on = meeting.date_start.date()
        meeting.talk_ids.filtered(lambda t: t.state == 'planned').write({
            'date': held_on - timedelta(days=2),
            'content': '<p>Talked through the key aspects.</p>',
            'duty_report': '<p>Duties of the past year carried out.</p>',
            'state': 'done',
        })
        self.make_ready(meeting)
        outline = meeting.statement_ids.filtered(lambda s: s.kind == 'personal' and s.author_user_id == self.qian)
        outline.write({'state': 'submitted', 'approved_date': False, 'submitted_date': held_on - timedelta(days=3)})
        self.assertEqual(outline.reviewer_user_id, self.zhao)
        self.assertEqual(meeting.readiness_missing_count, 1, meeting.readiness_ids.mapped('missing'))

    def _others_criticise(self, meeting):
        """The rest of the criticisms said at the meeting: each member's self-criticism and two
        criticisms from the next members, as the recorder enters them."""
        present = meeting._get_present_member_users()
        done = {(c.kind, c.critic_user_id, c.target_user_id) for c in meeting.criticism_ids}
        vals_list = []
        for index, target in enumerate(present):
            if ('self', target, target) not in done:
                vals_list.append({'meeting_id': meeting.id, 'kind': 'self', 'target_user_id': target.id,
                                  'content': f'<p>Self-criticism of {target.name}</p>'})
            for step in (1, 2):
                critic = present[(index + step) % len(present)]
                if ('mutual', critic, target) not in done:
                    vals_list.append({'meeting_id': meeting.id, 'kind': 'mutual', 'target_user_id': target.id,
                                      'critic_user_id': critic.id,
                                      'content': f'<p>{critic.name} on {target.name}</p>'})
        self.env['party.meeting.criticism'].with_user(self.wu).create(vals_list)
        self.assertEqual(meeting.criticism_missing_count, 0, meeting.criticism_missing)
        self.make_statements(meeting.with_user(self.wu))

    def test_reference_cycle(self):
        # 1. The principal creates the meeting, starts preparing, plans the talks and holds his
        #    talk with Qian Lixin.
        self.start_tour('/odoo', 'party_democratic_life_cycle_tour', login=self.zhao.login)
        meeting = self._find_meeting()
        now = fields.Datetime.now()
        self.assertEqual(meeting.state, 'preparing')
        self.assertEqual((meeting.organization_id, meeting.meeting_type), (self.organization, 'special'))
        self.assertEqual(meeting.theme, 'Carry forward the great founding spirit of the Party')
        self.assertEqual(meeting.focus_ids.sorted('sequence').mapped('title'), [
            'Uphold the Two Establishments', 'Keep the founding mission',
            'Serve the people', 'Learn from history', 'Govern the Party strictly'])
        self.assertTrue(now - timedelta(days=2) < meeting.date_start < now - timedelta(hours=12))
        self.assertEqual(meeting.attendee_ids.filtered(lambda a: a.role == 'member').user_id, self.members)
        self.assertEqual(len(meeting.statement_ids), 6, 'an outline per member and the team material')
        self.assertEqual(len(meeting.talk_ids), 10, 'a planned talk for every pair of the five members')
        talk = meeting.talk_ids.filtered(lambda t: t.state == 'done')
        self.assertEqual((talk.initiator_user_id, talk.counterpart_user_id), (self.zhao, self.qian))
        self.assertIn('Discussed the duty areas and the criticisms to expect.', talk.content)
        self.assertIn('Law enforcement squads checked every quarter.', talk.duty_report)
        self.assertEqual(talk.date, meeting.date_start.date() - timedelta(days=1))

        # 2. The others talk and write; the principal approves Qian Lixin's outline, finds the
        #    checklist complete, holds the meeting and records two criticisms.
        self._others_prepare(meeting)
        self.start_tour(f'/odoo/party-meetings/{meeting.id}', 'party_democratic_life_cycle_hold_tour',
                        login=self.zhao.login)
        self.assertEqual(meeting.state, 'held')
        self.assertTrue(meeting.readiness_ok)
        outline = meeting.statement_ids.filtered(lambda s: s.kind == 'personal' and s.author_user_id == self.qian)
        self.assertEqual(outline.state, 'approved')
        self.assertEqual(len(meeting.criticism_ids), 2)
        own = meeting.criticism_ids.filtered(lambda c: c.kind == 'self')
        self.assertEqual((own.target_user_id, own.critic_user_id), (self.zhao, self.zhao))
        self.assertIn('I visited the grassroots too seldom.', own.content)
        mutual = meeting.criticism_ids - own
        self.assertEqual((mutual.kind, mutual.critic_user_id, mutual.target_user_id), ('mutual', self.qian, self.zhao))

        # 3. The recorder enters the rest; the principal starts the rectification, turns Qian
        #    Lixin's criticism into an item, completes it with evidence, verifies it, finds it in
        #    the ledger and prints the implementation plan, as PDF and as Word, from the Print menu
        #    (rendered by the server as himself).
        self._others_criticise(meeting)
        printed = []
        Report = self.registry['ir.actions.report']
        render_pdf = Report._render_qweb_pdf

        def spy_render_pdf(report, report_ref, res_ids=None, data=None):
            result = render_pdf(report, report_ref, res_ids=res_ids, data=data)
            printed.append((report._get_report(report_ref).report_name, list(res_ids or []), report.env.user))
            return result

        render_docx = Report._render_docx

        def spy_render_docx(report, report_ref, res_ids=None, data=None):
            result = render_docx(report, report_ref, res_ids=res_ids, data=data)
            printed.append((report._get_report(report_ref).report_name, list(res_ids or []), report.env.user))
            return result

        with patch.object(Report, '_render_qweb_pdf', spy_render_pdf), \
                patch.object(Report, '_render_docx', spy_render_docx):
            self.start_tour(f'/odoo/party-meetings/{meeting.id}', 'party_democratic_life_cycle_rectify_tour',
                            login=self.zhao.login)
        self.assertEqual(printed, [('party_democratic_life.meeting_plan', [meeting.id], self.zhao),
                                   ('party_democratic_life.meeting_plan_docx', [meeting.id], self.zhao)])
        self.assertEqual(meeting.state, 'rectifying')
        self.assertEqual(meeting.criticism_count, 15)
        self.assertIn('I visited the grassroots too seldom.', meeting.minutes)
        item = meeting.rectification_ids
        self.assertEqual(len(item), 1)
        self.assertEqual((item.name, item.criticism_id, item.source, item.scope, item.responsible_user_id),
                         ('Visit each law enforcement squad every quarter', mutual, 'criticism', 'personal', self.zhao))
        self.assertEqual((item.state, item.verified_by_id), ('verified', self.zhao))
        self.assertEqual(item.deadline, fields.Date.today() + timedelta(days=30))
        self.assertIn('All six squads visited.', item.completion_note)
        self.assertEqual(item.evidence_attachment_ids.mapped('name'), ['visit-record.pdf'])
        self.assertEqual(item.evidence_attachment_ids.mimetype, 'application/pdf')
