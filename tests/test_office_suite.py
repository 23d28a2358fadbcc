"""Every Word and Excel file of the Print menu as LibreOffice opens it, and the PDF and the
Word file of each document with the same headings in the same order."""
from odoo.tests import HttpCase, tagged
from odoo.tools import config

from .common_documents import DOCUMENTS, HeldMeetingCase, normalize_pdf_text
from .office_suite import OfficeSuiteReader
from .test_document_downloads import PdfMixin

KINDS = {report_file: key for key, report_file in DOCUMENTS.items()}


@tagged('post_install', '-at_install')
class TestOfficeSuite(OfficeSuiteReader, PdfMixin, HttpCase, HeldMeetingCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # wkhtmltopdf fetches the report styles from this test server.
        cls.env['ir.config_parameter'].set_param('report.url', f'http://127.0.0.1:{config["http_port"]}')
        cls.meeting._prepare_statements()
        cls.outline = cls.meeting.statement_ids.filtered(lambda s: s.kind == 'personal' and s.author_user_id == cls.qian)
        cls.outline.write({'section_ids': [(1, section.id, {'content': f'<p>{section.name}: what I found.</p>'})
                                           for section in cls.outline.section_ids]})
        cls.env.cr.flush()

    def reader_records(self, model):
        """A record of each model, read by someone who may print it."""
        return {
            'party.meeting': self.meeting.with_user(self.wu),
            'party.meeting.statement': self.outline.with_user(self.qian),
            'party.meeting.talk': self.talk_zhao_qian.with_user(self.zhao),
            'party.rectification': self.meeting.rectification_ids.with_user(self.wang),
            'party.organization': self.organization.with_user(self.wang),
        }[model]

    def office_reports(self, report_type):
        reports = self.env['ir.actions.report'].search([('model', '=like', 'party.%'), ('report_type', '=', report_type)])
        self.assertTrue(reports)
        return [(report, *KINDS[report.report_file]) for report in reports]

    def heading_positions(self, text, headings):
        """Where each heading is found in `text`, each after the one before (-1: not found)."""
        positions, start = [], 0
        for heading in headings:
            found = text.find(heading, start)
            positions.append(found)
            if found >= 0:
                start = found + len(heading)
        return positions

    def test_word_files_open_with_the_pdfs_headings(self):
        documents, headings = {}, {}
        for _report, model, kind in self.office_reports('docx'):
            records = self.reader_records(model)
            stem = f'{model}-{kind}'
            documents[stem] = self.render_document(records, kind, 'docx')[2]
            blocks = self.document_blocks(records, kind)
            title = next(block for block in blocks if block['type'] == 'title')
            headings[stem] = [normalize_pdf_text(title['text'])] + [
                normalize_pdf_text(block['number'] + block['text']) for block in blocks if block['type'] == 'heading']
        texts = self.office_docx_texts(documents)
        for _report, model, kind in self.office_reports('docx'):
            stem = f'{model}-{kind}'
            with self.subTest(document=stem):
                in_word = self.heading_positions(texts[stem], headings[stem])
                self.assertNotIn(-1, in_word, f'{stem}: LibreOffice shows every heading of the Word file, in order')
                pdf_report = self.document_report(model, kind, 'pdf')
                pdf_text, _fonts = self.pdf_text(pdf_report.id, self.reader_records(model))
                in_pdf = self.heading_positions(pdf_text, headings[stem])
                self.assertNotIn(-1, in_pdf, f'{stem}: the PDF shows the same headings in the same order')

    def test_excel_files_open_with_every_cell(self):
        workbooks = {}
        for _report, model, kind in self.office_reports('xlsx'):
            workbooks[f'{model}-{kind}'] = self.render_document(self.reader_records(model), kind, 'xlsx')[2]
        sheets = self.office_xlsx_sheets(workbooks)
        for stem, content in workbooks.items():
            workbook = self.read_xlsx(content)
            with self.subTest(workbook=stem):
                self.assertEqual(sorted(sheets[stem]), sorted(workbook.sheetnames))
                for sheet in workbook.worksheets:
                    office_rows = sheets[stem][sheet.title]
                    for row_index, row in enumerate(self.sheet_rows(sheet)):
                        for col_index, value in enumerate(row):
                            if isinstance(value, (str, int)) and not isinstance(value, bool):
                                office = office_rows[row_index][col_index] if row_index < len(office_rows) and \
                                    col_index < len(office_rows[row_index]) else None
                                self.assertEqual(office, str(value), f'{stem} / {sheet.title} / row {row_index + 1}, '
                                                                     f'column {col_index + 1}')
        # the streamed list (its sheets are written row by row) reads like the others
        ledger = sheets['party.rectification-rectification_list']['Team Members']
        self.assertIn('Squads rarely inspected', [cell for row in ledger for cell in row])
