from odoo import models


class ReportPartyMeetingNotice(models.AbstractModel):
    """The notice of the meeting (会议通知) with its agenda."""
    _name = 'report.party_democratic_life.meeting_notice'
    _inherit = 'party.document.report'
    _description = 'Meeting Notice and Agenda'
    _party_model = 'party.meeting'

    def _party_label(self):
        return self.env._('Meeting Notice and Agenda')

    def _party_blocks(self, records):
        return records._party_blocks_notice()
