import shutil
import subprocess

from odoo.tests import TransactionCase, tagged
from odoo.tools import config

from .common_documents import DocumentReaders, normalize_pdf_text

MODULE = 'party_democratic_life'


@tagged('-standard', 'party_demo_data', 'post_install', '-at_install')
class TestDemoDocuments(DocumentReaders, TransactionCase):
    """Every document of the reference case, printed and downloaded by its demo users
    (run only on a database installed with demo data, see `make test`)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = cls.env.ref(f'{MODULE}.meeting_2022_special_demo')
        cls.principal = cls.env.ref(f'{MODULE}.user_zhaodongping_demo')
        cls.clerk = cls.env.ref(f'{MODULE}.user_wuxiaoyan_demo')
        cls.manager = cls.env.ref(f'{MODULE}.user_wangsiqi_demo')
        cls.talk = cls.env.ref(f'{MODULE}.talk_2022_01_demo')
        cls.outline = cls.meeting.statement_ids.filtered(
            lambda s: s.kind == 'personal' and s.author_user_id == cls.principal)


    def test_every_report_prints_from_the_demo_data(self):
        reports = self.env['ir.actions.report'].search([('model', 'like', 'party.'), ('report_type', '=', 'qweb-pdf')])
        records = {
            'party.meeting': self.meeting,
            'party.meeting.talk': self.talk,
            'party.rectification': self.meeting.rectification_ids,
            'party.meeting.statement': self.outline,
        }
        self.assertTrue(reports)
        for report in reports:
            if report.model not in records:
                continue
            with self.subTest(report=report.name):
                # outlines are read by their author and reviewer, the rest here by the clerk
                user = self.principal if report.model == 'party.meeting.statement' else self.clerk
                html, _kind = report.with_user(user)._render_qweb_html(report.id, records[report.model].ids)
                text = self.html_text(html.decode())
                # an outline is titled by the meeting, every other document names the organisation
                expected = '党史学习教育专题民主生活会' if report.model == 'party.meeting.statement' else '县综合行政执法局党组'
                self.assertIn(expected, text)

    def test_plan_reads_like_the_reference_plan(self):
        text = self.html_text(self.render_html(f'{MODULE}.action_report_party_meeting_plan', self.meeting, self.principal))
        for expected in ('县综合行政执法局党组', '党史学习教育专题民主生活会', '文组〔2022〕1号', '2022年1月21日8时30分',
                         '局机关三楼会议室', '一是领悟"两个确立"、坚定理想信念', '五是从严管党治党', '赵东平',
                         '陈志强（县委组织部干部）', '吴晓燕（记录人员）', '县纪委县监委', '县委组织部'):
            self.assertIn(expected, text)

    def test_every_download_from_the_demo_data(self):
        downloads = [(self.meeting, kind, file_format) for kind, file_format in (
            ('plan', 'docx'), ('notice', 'docx'), ('rectification_list', 'docx'), ('rectification_list', 'xlsx'),
            ('talk_matrix', 'xlsx'), ('summary', 'xlsx'), ('minutes', 'docx'), ('situation_report', 'docx'),
            ('public_notice', 'docx'), ('criticism_matrix', 'xlsx'))]
        downloads.append((self.talk, 'talk_record', 'docx'))
        downloads.append((self.outline, 'statement', 'docx'))
        downloads.append((self.meeting.rectification_ids, 'rectification_list', 'xlsx'))
        for records, kind, file_format in downloads:
            with self.subTest(kind=kind, format=file_format):
                user = self.principal if kind == 'statement' else self.clerk
                filename, _mimetype, content = records.with_user(user)._party_render_document(kind, file_format)
                self.assertTrue(filename.endswith(f'.{file_format}'))
                self.assertIn('赵东平' if kind in ('talk_record', 'statement') else '县综合行政执法局党组', filename)
                if file_format == 'docx':
                    text = '\n'.join(p.text for p in self.read_docx(content).paragraphs)
                    self.assertIn('党史学习教育专题民主生活会' if kind == 'statement' else '县综合行政执法局党组', text)
                else:
                    workbook = self.read_xlsx(content)
                    self.assertTrue(workbook.worksheets[0].max_row > 2)

    def test_plan_pdf_in_chinese(self):
        """A real PDF (wkhtmltopdf) of the reference plan reads in Chinese, in Simplified forms."""
        for tool in ('pdftotext', 'pdffonts'):
            if not shutil.which(tool):
                self.fail(f'{tool} (poppler-utils) is needed to read the PDF back')
        self.env['ir.config_parameter'].set_param('report.url', f'http://127.0.0.1:{config["http_port"]}')
        with self.allow_pdf_render():
            pdf, _kind = self.env['ir.actions.report'].with_user(self.principal).with_context(
                force_report_rendering=True)._render_qweb_pdf(f'{MODULE}.action_report_party_meeting_plan',
                                                              self.meeting.ids)
        text = normalize_pdf_text(subprocess.run(['pdftotext', '-', '-'], input=pdf, capture_output=True,
                                                 check=True).stdout.decode())
        for expected in ('县综合行政执法局党组', '党史学习教育专题民主生活会', '2022年1月21日', '赵东平'):
            self.assertIn(expected, text)
        fonts = subprocess.run(['pdffonts', '-'], input=pdf, capture_output=True, check=True).stdout.decode()
        self.assertIn('NotoSerifCJKsc', fonts)
