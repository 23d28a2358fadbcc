from odoo import models

from ..tools import document_blocks as blk


class ReportPartyMeetingPackageContents(models.AbstractModel):
    """The contents page in front of the merged PDF: each document and the page it starts on."""
    _name = 'report.party_democratic_life.meeting_package_contents'
    _inherit = 'party.document.report'
    _description = 'Submission Package Contents'
    _party_model = 'party.meeting.package'

    def _party_label(self):
        return self.env._('Submission Package Contents')

    def _party_blocks(self, records):
        package = records
        package.ensure_one()
        meeting = package.meeting_id
        blocks = [blk.title(self.env._('%(organization)s\n%(meeting)s: Submission Package',
                                       organization=meeting.organization_id.name, meeting=meeting.name))]
        blocks.append(blk.subtitle(self.env._('Contents (version %(version)s)', version=package.version)))
        blocks.append(blk.table(
            [(self.env._('No.'), 1), (self.env._('Document'), 10), (self.env._('Page'), 2)],
            [[str(index), title, str(page)] for index, (title, page) in enumerate(package.contents or [], start=1)]))
        return blocks
