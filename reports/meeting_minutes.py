from odoo import models


class ReportPartyMeetingMinutes(models.AbstractModel):
    """The minutes (会议纪要): the facts under their labels, then the minutes as the recorder edited them."""
    _name = 'report.party_democratic_life.meeting_minutes'
    _inherit = 'party.document.report'
    _description = 'Meeting Minutes'
    _party_model = 'party.meeting'

    def _party_label(self):
        return self.env._('Meeting Minutes')

    def _party_blocks(self, records):
        return records._party_blocks_minutes()
