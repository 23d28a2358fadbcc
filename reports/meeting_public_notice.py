from odoo import models


class ReportPartyMeetingPublicNotice(models.AbstractModel):
    """The public notice (通报): facts, problems and their rectification only."""
    _name = 'report.party_democratic_life.meeting_public_notice'
    _inherit = 'party.document.report'
    _description = 'Public Notice'
    _party_model = 'party.meeting'

    def _party_label(self):
        return self.env._('Public Notice')

    def _party_blocks(self, records):
        return records._party_blocks_public_notice()
