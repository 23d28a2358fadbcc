from odoo import models


class ReportPartyMeetingSituationReport(models.AbstractModel):
    """The situation report (情况报告) to the supervising bodies."""
    _name = 'report.party_democratic_life.meeting_situation_report'
    _inherit = 'party.document.report'
    _description = 'Situation Report'
    _party_model = 'party.meeting'

    def _party_label(self):
        return self.env._('Situation Report')

    def _party_blocks(self, records):
        return records._party_blocks_situation_report()
