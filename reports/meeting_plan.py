from odoo import models


class ReportPartyMeetingPlan(models.AbstractModel):
    """The implementation plan (实施方案): the ten parts of the reference plan, filled from the meeting."""
    _name = 'report.party_democratic_life.meeting_plan'
    _inherit = 'party.document.report'
    _description = 'Democratic Life Meeting Plan'
    _party_model = 'party.meeting'

    def _party_label(self):
        return self.env._('Democratic Life Meeting Plan')

    def _party_blocks(self, records):
        return records._party_blocks_plan()
