from odoo import models


class ReportPartyOrganizationSummary(models.AbstractModel):
    """The rectification figures of the selected organisations."""
    _name = 'report.party_democratic_life.organization_summary'
    _inherit = 'party.document.report'
    _description = 'Rectification Summary'
    _party_model = 'party.organization'

    def _party_label(self):
        return self.env._('Rectification Summary')

    def _party_xlsx(self, records):
        return records._party_xlsx_summary()
