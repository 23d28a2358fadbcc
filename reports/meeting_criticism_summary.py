from odoo import models


class ReportPartyMeetingCriticismSummary(models.AbstractModel):
    """Every criticism of the meeting, by member: only for whom may read them all."""
    _name = 'report.party_democratic_life.meeting_criticism_summary'
    _inherit = 'party.document.report'
    _description = 'Criticism Summary'
    _party_model = 'party.meeting'

    def _party_label(self):
        return self.env._('Criticism Summary')

    def _party_blocks(self, records):
        return records._party_blocks_criticism_summary()
