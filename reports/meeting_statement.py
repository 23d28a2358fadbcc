from odoo import models


class ReportPartyMeetingStatement(models.AbstractModel):
    """A personal outline (个人发言提纲) or the team's check material (班子对照检查材料)."""
    _name = 'report.party_democratic_life.meeting_statement'
    _inherit = 'party.document.report'
    _description = 'Outline or Check Material'
    _party_model = 'party.meeting.statement'

    def _party_label(self):
        return self.env._('Outline or Check Material')

    def _party_blocks(self, records):
        return records._party_blocks_statement()
