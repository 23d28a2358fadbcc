from odoo import fields, models


class PartyOrganization(models.Model):
    _name = 'party.organization'
    _inherit = ['party.organization', 'party.document.mixin']

    # Documents sent upward (上行文): the head and the colophon of GB/T 9704-2012
    document_mark = fields.Char(
        string='Issuing Organ Mark',
        help='The red mark at the head of the documents this organization sends upward, such as the '
             'situation report (发文机关标志): its full name or standard short name followed by 文件 '
             '(GB/T 9704-2012 7.2.2), e.g. 中共某县综合行政执法局党组文件. The name of a Party group '
             'often lacks the 中共 that its mark carries, so it is set here once. Empty: the '
             'organization\'s name followed by 文件.')
    issuing_office_name = fields.Char(
        string='Printing Office',
        help='The office that prints and issues the documents sent upward, named in their colophon '
             '(印发机关), e.g. 县综合行政执法局办公室. Empty: the organization\'s name.')
    report_copy_partner_ids = fields.Many2many(
        'res.partner', 'party_organization_report_copy_rel', 'organization_id', 'partner_id',
        string='Reports Copied To',
        help='Bodies that receive a copy of the situation report (抄送), listed in its colophon; '
             'the supervising bodies are its addressees.')

    def _party_document_mark(self):
        """发文机关标志: the mark set on the organization, else its name + 文件 (GB/T 9704-2012 7.2.2)."""
        self.ensure_one()
        return self.document_mark or f'{self.name}文件'

    def _party_issuing_office(self):
        """印发机关: the printing office set on the organization, else the organization itself."""
        self.ensure_one()
        return self.issuing_office_name or self.name

    def _party_xlsx_summary(self):
        meetings = self.env['party.meeting'].search([
            ('organization_id', 'in', self.ids), ('state', '!=', 'cancelled')])
        return meetings._party_xlsx_summary()
