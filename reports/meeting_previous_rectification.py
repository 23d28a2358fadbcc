from odoo import models


class ReportPartyMeetingPreviousRectification(models.AbstractModel):
    """How the problems of the previous meeting were rectified (上一年度整改措施落实情况)."""
    _name = 'report.party_democratic_life.meeting_previous_rectification'
    _inherit = 'party.document.report'
    _description = "Report on Last Year's Rectification"
    _party_model = 'party.meeting'

    def _party_label(self):
        return self.env._("Report on Last Year's Rectification")

    def _party_blocks(self, records):
        return records._party_blocks_previous_rectification()
