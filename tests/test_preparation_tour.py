from odoo.tests import HttpCase, tagged

from .common import PartyCase


@tagged('post_install', '-at_install')
class TestPreparationTour(HttpCase, PartyCase):

    def test_principal_prepares_through_the_ui(self):
        self.meeting.action_prepare()
        self.env['party.meeting.study'].create([{
            'meeting_id': self.meeting.id, 'date': '2022-01-05', 'topic': 'Party history', 'form': form,
            'attendee_user_ids': [(6, 0, self.members.ids)]} for form in ('central_group', 'self_study')])
        self.start_tour(f'/odoo/party-meetings/{self.meeting.id}', 'party_preparation_tour', login='t_zhao')
        guide = self.meeting.readiness_ids.filtered(lambda r: r.code == 'guide')
        self.assertEqual((guide.state, guide.waived_by_id), ('waived', self.zhao))
        self.assertEqual(guide.waive_reason, 'The county names its guides on the day.')
        own = self.meeting.statement_ids.filtered(lambda s: s.kind == 'personal' and s.author_user_id == self.zhao)
        self.assertIn('Every item of last year is done but one.', own.section_ids.sorted('sequence')[0].content)
