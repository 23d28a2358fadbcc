from odoo import models


class ReportPartyMeetingTalkRecord(models.AbstractModel):
    """The talk record form (谈心谈话记录表), one per talk."""
    _name = 'report.party_democratic_life.meeting_talk_record'
    _inherit = 'party.document.report'
    _description = 'Talk Record'
    _party_model = 'party.meeting.talk'

    def _party_label(self):
        return self.env._('Talk Record')

    def _party_blocks(self, records):
        return records._party_blocks_talk_record()
