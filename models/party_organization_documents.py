from odoo import models


class PartyOrganization(models.Model):
    _name = 'party.organization'
    _inherit = ['party.organization', 'party.document.mixin']

    def _party_documents(self):
        documents = super()._party_documents()
        documents['summary'] = {'label': self.env._('Rectification Summary'), 'xlsx': '_party_xlsx_summary'}
        return documents

    def _party_xlsx_summary(self):
        meetings = self.env['party.meeting'].search([
            ('organization_id', 'in', self.ids), ('state', '!=', 'cancelled')])
        return meetings._party_xlsx_summary()
