from odoo import models


class ReportPartyMeetingRectificationList(models.AbstractModel):
    """A meeting's problem list and rectification list (问题清单和整改清单): the team's items, then each member's."""
    _name = 'report.party_democratic_life.meeting_rectification_list'
    _inherit = 'party.document.report'
    _description = 'Problem List and Rectification List'
    _party_model = 'party.meeting'
    _party_landscape = True

    def _party_label(self):
        return self.env._('Problem List and Rectification List')

    def _party_blocks(self, records):
        return records._party_blocks_rectification_list()

    def _party_xlsx(self, records):
        return records._party_xlsx_rectification_list()
