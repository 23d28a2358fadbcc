from odoo import models


class ReportPartyRectificationList(models.AbstractModel):
    """The selected items of the ledger as one list, as the organisation department collects it."""
    _name = 'report.party_democratic_life.rectification_list'
    _inherit = 'party.document.report'
    _description = 'Problem List and Rectification List'
    _party_model = 'party.rectification'
    _party_one_document = True
    _party_landscape = True

    def _party_label(self):
        return self.env._('Problem List and Rectification List')

    def _party_blocks(self, records):
        return records._party_blocks_rectification_list()

    def _party_xlsx(self, records):
        return records._party_xlsx_rectification_list()
