from odoo import models


class PartyOrganization(models.Model):
    _name = 'party.organization'
    _inherit = ['party.organization', 'party.document.mixin']

    def _party_xlsx_summary(self):
        meetings = self.env['party.meeting'].search([
            ('organization_id', 'in', self.ids), ('state', '!=', 'cancelled')])
        return meetings._party_xlsx_summary()
