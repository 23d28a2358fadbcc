from odoo import models


class ReportPartyMeetingSummary(models.AbstractModel):
    """The rectification figures of the selected meetings, per organisation."""
    _name = 'report.party_democratic_life.meeting_summary'
    _inherit = 'party.document.report'
    _description = 'Rectification Summary'
    _party_model = 'party.meeting'

    def _party_label(self):
        return self.env._('Rectification Summary')

    def _party_xlsx(self, records):
        return records._party_xlsx_summary()
