import html
import io
import re
import unicodedata
from datetime import date

from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from .common import PartyCase

# pdftotext reads some CJK glyphs of the Noto faces as Kangxi radicals (⽇ for 日): the
# compatibility form maps them back, the rest are CJK radicals supplement forms.
RADICALS = str.maketrans({
    '⺠': '民', '⻓': '长', '⻛': '风', '⻚': '页', '⻔': '门', '⻅': '见', '⻜': '飞', '⻢': '马', '⻋': '车',
    '⻉': '贝', '⻆': '角', '⻝': '食', '⻘': '青', '⻬': '齐', '⻮': '齿', '⻳': '龟', '⻰': '龙', '⻥': '鱼', '⻦': '鸟',
})


def normalize_pdf_text(text):
    text = unicodedata.normalize('NFKC', text).translate(RADICALS)
    return re.sub(r'\s+', '', text)


# Each document of the README's documents table (model, short name) and its report model:
# the PDF, Word and Excel reports of the Print menu that print it.
DOCUMENTS = {
    ('party.meeting', 'plan'): 'party_democratic_life.meeting_plan',
    ('party.meeting', 'notice'): 'party_democratic_life.meeting_notice',
    ('party.meeting', 'rectification_list'): 'party_democratic_life.meeting_rectification_list',
    ('party.meeting', 'talk_matrix'): 'party_democratic_life.meeting_talk_matrix',
    ('party.meeting', 'minutes'): 'party_democratic_life.meeting_minutes',
    ('party.meeting', 'situation_report'): 'party_democratic_life.meeting_situation_report',
    ('party.meeting', 'public_notice'): 'party_democratic_life.meeting_public_notice',
    ('party.meeting', 'criticism_summary'): 'party_democratic_life.meeting_criticism_summary',
    ('party.meeting', 'previous_rectification'): 'party_democratic_life.meeting_previous_rectification',
    ('party.meeting', 'criticism_matrix'): 'party_democratic_life.meeting_criticism_matrix',
    ('party.meeting', 'summary'): 'party_democratic_life.meeting_summary',
    ('party.meeting.statement', 'statement'): 'party_democratic_life.meeting_statement',
    ('party.meeting.talk', 'talk_record'): 'party_democratic_life.meeting_talk_record',
    ('party.rectification', 'rectification_list'): 'party_democratic_life.rectification_list',
    ('party.organization', 'summary'): 'party_democratic_life.organization_summary',
}
REPORT_TYPES = {'pdf': 'qweb-pdf', 'docx': 'docx', 'xlsx': 'xlsx'}
MIMETYPES = {
    'docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}


class DocumentReaders:
    """Readers of the produced files: report HTML, .docx and .xlsx."""

    def document_report(self, model, kind, file_format):
        """The Print menu's report of a document in one format (pdf, docx, xlsx)."""
        reports = self.env['ir.actions.report'].search([
            ('model', '=', model), ('report_file', '=', DOCUMENTS[model, kind]),
            ('report_type', '=', REPORT_TYPES[file_format])])
        self.assertEqual(len(reports), 1, f'{model}/{kind}: one .{file_format} report in the Print menu')
        return reports

    def render_document(self, records, kind, file_format):
        """(file name, mimetype, content) of a .docx or .xlsx document of `records`, rendered as
        their user by the Print menu's report, named as the download names it."""
        report = self.document_report(records._name, kind, file_format)
        content, rendered_format = self.env['ir.actions.report'].with_env(records.env)._render(report, records.ids)
        self.assertEqual(rendered_format, file_format)
        filename = f'{records._party_document_title(report.report_file)}.{file_format}'
        return filename, MIMETYPES[file_format], content

    def document_blocks(self, records, kind):
        """The numbered blocks of the first document the report makes of `records`."""
        report_model = self.env[f'report.{DOCUMENTS[records._name, kind]}'].with_env(records.env)
        return report_model._get_report_values(records.ids)['documents'][0][1]

    def render_html(self, xmlid, records, user=None):
        Report = self.env['ir.actions.report']
        if user:
            Report = Report.with_user(user)
        html, _kind = Report._render_qweb_html(xmlid, records.ids)
        return html.decode()

    def html_text(self, page):
        """The visible text of a rendered report, without tags and white space."""
        text = re.sub(r'<style.*?</style>|<script.*?</script>', '', page, flags=re.S)
        return re.sub(r'\s+', '', html.unescape(re.sub(r'<[^>]+>', '', text)))

    def read_docx(self, content):
        return Document(io.BytesIO(content))

    def docx_paragraphs(self, document):
        """Every paragraph of the body, table cells included, in order."""
        paragraphs = list(document.paragraphs)
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    paragraphs.extend(cell.paragraphs)
        return paragraphs

    def east_asian_font(self, run):
        rpr = run._element.rPr
        return rpr.rFonts.get(qn('w:eastAsia')) if rpr is not None and rpr.rFonts is not None else None

    def read_xlsx(self, content):
        return load_workbook(io.BytesIO(content))

    def sheet_rows(self, sheet, first_row=1):
        return [list(row) for row in sheet.iter_rows(min_row=first_row, values_only=True)]


class DocumentCase(DocumentReaders, PartyCase):
    """The reference-like meeting with everything its documents are made from."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.guide = cls.env['res.partner'].create({'name': 'Chen Zhiqiang'})
        cls.meeting.write({
            'basis_document': 'Notice 2022-1',
            'location': 'Room 301',
            'recorder_user_id': cls.wu.id,
            'special_reason': 'The county ordered the Party-history study meetings.',
            'agenda_ids': [
                (5, 0, 0),
                (0, 0, {'sequence': 1, 'item': 'Report on last year\'s rectification', 'speaker': 'Zhao Dongping', 'duration_minutes': 15}),
                (0, 0, {'sequence': 2, 'item': 'Self-criticism and criticism', 'speaker': 'All members', 'duration_minutes': 150}),
            ],
            'attendee_ids': [
                (0, 0, {'role': 'guide', 'partner_id': cls.guide.id, 'position': 'Organization Department', 'sequence': 100}),
                (0, 0, {'role': 'sit_in', 'user_id': cls.wu.id, 'position': 'Recorder', 'sequence': 110}),
            ],
        })
        cls.focus_1 = cls.meeting.focus_ids.sorted('sequence')[0]
        cls.talk_zhao_qian = cls.make_talk(cls.meeting, cls.zhao, cls.qian, date='2022-01-05', location='Small room')
        cls.talk_qian_sun = cls.make_talk(cls.meeting, cls.qian, cls.sun, date='2022-01-12', duty_report=False)
        cls.talk_sun_li = cls.make_talk(cls.meeting, cls.sun, cls.li, done=False)
        cls.item_team = cls.make_rectification(
            name='Study not tied to work', scope='team', responsible_user_id=cls.zhao.id,
            responsible_unit='General Office', problem='<p>Study is not tied to daily work &amp; cases.</p>',
            source='study', mode='long_term', deadline='2022-12-31', focus_id=cls.focus_1.id)
        cls.item_qian = cls.make_rectification(
            name='Squads rarely inspected', state='in_progress', source='criticism')
        cls.item_sun = cls.make_rectification(
            name='Slow case handling', responsible_user_id=cls.sun.id, state='done', source='talk',
            deadline='2022-04-30', date_done='2022-05-01', completion_note='<p>Case time limits set.</p>')
        cls.item_zhao = cls.make_rectification(
            name='Too few field visits', responsible_user_id=cls.zhao.id, state='verified',
            deadline='2022-03-31', date_done='2022-03-01', completion_note='<p>Visits every month.</p>')
        cls.env.cr.flush()


TODAY_AFTER_DEADLINES = date(2022, 7, 15)


class HeldMeetingCase(DocumentCase):
    """The meeting held with Zhou away: criticisms recorded, minutes, report and notice composed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting.attendee_ids.filtered(lambda a: a.user_id == cls.zhou).write(
            {'attendance': 'leave', 'leave_reason': 'In hospital'})
        cls.meeting.state = 'held'
        present = [cls.zhao, cls.qian, cls.sun, cls.li]
        Criticism = cls.env['party.meeting.criticism']
        values = []
        for index, target in enumerate(present):
            values.append({'meeting_id': cls.meeting.id, 'target_user_id': target.id, 'kind': 'self',
                           'content': f'<p>Self-criticism of {target.name}.</p>',
                           'response': '<p>I will change.</p>'})
            for step in (1, 2):
                critic = present[(index + step) % len(present)]
                values.append({'meeting_id': cls.meeting.id, 'target_user_id': target.id, 'kind': 'mutual',
                               'critic_user_id': critic.id,
                               'content': f'<p>{critic.name} criticises {target.name}.</p>'})
        values.append({'meeting_id': cls.meeting.id, 'target_user_id': cls.zhao.id, 'kind': 'guide_comment',
                       'critic_partner_id': cls.guide.id, 'content': '<p>The team examined itself in earnest.</p>'})
        cls.criticisms = Criticism.create(values)
        cls.meeting.report_date = '2022-01-30'
        cls.meeting.notice_date = '2022-02-08'
        cls.meeting._compose_minutes()
        cls.meeting._compose_report()
        cls.meeting._compose_notice()
        cls.env.cr.flush()
