from odoo import models


class ReportPartyMeetingCriticismMatrix(models.AbstractModel):
    """Who criticised whom, and the criticisms the reader may read."""
    _name = 'report.party_democratic_life.meeting_criticism_matrix'
    _inherit = 'party.document.report'
    _description = 'Criticism Matrix'
    _party_model = 'party.meeting'

    def _party_label(self):
        return self.env._('Criticism Matrix')

    def _party_xlsx(self, records):
        return records._party_xlsx_criticism_matrix()
