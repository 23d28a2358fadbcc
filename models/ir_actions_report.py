from odoo import api, fields, models
from odoo.exceptions import UserError

# Report types of our own: Word and Excel files of a document, beside its PDF in the Print menu.
OFFICE_FORMATS = {
    'docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}


class IrActionsReport(models.Model):
    _inherit = 'ir.actions.report'

    report_type = fields.Selection(
        selection_add=[('docx', 'Word'), ('xlsx', 'Excel')],
        ondelete={'docx': 'cascade', 'xlsx': 'cascade'})

    def _get_rendering_context_model(self, report):
        # A Word or Excel report names its document in report_file: the report model that the
        # document's PDF uses too, so that every format shows the same content.
        if report.report_type in OFFICE_FORMATS and report.report_file:
            return self.env.get(f'report.{report.report_file}')
        return super()._get_rendering_context_model(report)

    def _party_office_report_model(self, report_ref, file_format):
        report = self._get_report(report_ref)
        if report.report_type != file_format:
            raise UserError(self.env._('The report "%(report)s" is not a .%(format)s file.',
                                       report=report.name, format=file_format))
        report_model = self._get_rendering_context_model(report)
        if report_model is None:
            raise UserError(self.env._('The report "%(report)s" names no document to render.', report=report.name))
        return report_model

    @api.model
    def _render_docx(self, report_ref, res_ids, data=None):
        report_model = self._party_office_report_model(report_ref, 'docx')
        return report_model._party_render_docx(res_ids, data=data), 'docx'

    @api.model
    def _render_xlsx(self, report_ref, res_ids, data=None):
        report_model = self._party_office_report_model(report_ref, 'xlsx')
        return report_model._party_render_xlsx(res_ids, data=data), 'xlsx'
