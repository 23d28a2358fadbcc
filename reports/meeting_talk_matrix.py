from odoo import models


class ReportPartyMeetingTalkMatrix(models.AbstractModel):
    """Who has talked with whom, and the talks still missing."""
    _name = 'report.party_democratic_life.meeting_talk_matrix'
    _inherit = 'party.document.report'
    _description = 'Talk Coverage'
    _party_model = 'party.meeting'

    def _party_label(self):
        return self.env._('Talk Coverage')

    def _party_xlsx(self, records):
        return records._party_xlsx_talk_matrix()
