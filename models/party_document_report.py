from odoo import api, models
from odoo.exceptions import UserError

from ..tools.document_blocks import expand_html, number_blocks, page_break
from ..tools.docx_builder import build_docx


class PartyDocumentReport(models.AbstractModel):
    """A document printed from the records, in every format it has.

    Each document is a report model ``report.party_democratic_life.<report>`` that inherits
    this one; its PDF, Word and Excel reports (``ir.actions.report`` of types qweb-pdf, docx
    and xlsx) all take their content from it. ``_party_blocks`` turns records into blocks
    (tools/document_blocks.py), which the QWeb layout renders to PDF and the Word writer to
    .docx; an Excel document writes its workbook in ``_party_xlsx``.
    """
    _name = 'party.document.report'
    _description = 'Party Document'

    # The model of the records the document is printed from.
    _party_model = None
    # A list: the selected records make one document, not one document each.
    _party_one_document = False
    # Printed across the page (paper format and Word section alike).
    _party_landscape = False

    def _party_label(self):
        """The document's name, as its files are called (translated)."""
        raise NotImplementedError

    def _party_blocks(self, records):
        """The blocks of one record's document (of all the records' for a list)."""
        raise UserError(self.env._('The document "%(document)s" has no PDF or Word layout.',
                                   document=self._party_label()))

    def _party_xlsx(self, records):
        """The .xlsx bytes of the records' workbook."""
        raise UserError(self.env._('The document "%(document)s" has no Excel workbook.',
                                   document=self._party_label()))

    def _party_records(self, docids):
        """The records to print, in their organisation's language and time zone; refused
        before anything is built when the user may not read every one of them."""
        if not docids:
            raise UserError(self.env._('Select at least one record to print "%(document)s".',
                                       document=self._party_label()))
        records = self.env[self._party_model].browse(docids)
        records.check_access('read')
        return records._party_in_document_language()

    @api.model
    def _get_report_values(self, docids, data=None):
        records = self._party_records(docids)
        report = self.with_env(records.env)
        groups = [records] if self._party_one_document else list(records)
        return {
            'doc_ids': records.ids,
            'doc_model': self._party_model,
            'docs': records,
            # (record, numbered blocks): each becomes one document, in the PDF and the .docx alike
            'documents': [(group[:1], number_blocks(expand_html(report._party_blocks(group)))) for group in groups],
            'landscape': self._party_landscape,
        }

    @api.model
    def _party_render_docx(self, docids, data=None):
        """One .docx; several records' documents follow each other, each on a new page."""
        blocks = []
        for index, (_record, document_blocks) in enumerate(self._get_report_values(docids, data)['documents']):
            if index:
                blocks.append(page_break())
            blocks += document_blocks
        return build_docx(blocks, landscape=self._party_landscape)

    @api.model
    def _party_render_xlsx(self, docids, data=None):
        records = self._party_records(docids)
        return self.with_env(records.env)._party_xlsx(records)

    def _party_file_name(self, records):
        """The file name without extension, in the organisation's language."""
        records = records._party_in_document_language()
        label = self.with_env(records.env)._party_label()
        return records._party_document_basename(label).replace('/', '_')
