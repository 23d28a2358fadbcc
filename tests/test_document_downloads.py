import html
import json
import shutil
import subprocess

from odoo.tests import HttpCase, tagged
from odoo.tools import config

from .common_documents import DocumentCase, HeldMeetingCase, normalize_pdf_text

PLAN = 'party_democratic_life.action_report_party_meeting_plan'
NOTICE = 'party_democratic_life.action_report_party_meeting_notice'
MEETING_LIST = 'party_democratic_life.action_report_party_meeting_rectification_list'
TALK_RECORD = 'party_democratic_life.action_report_party_meeting_talk_record'
MINUTES = 'party_democratic_life.action_report_party_meeting_minutes'
REPORT = 'party_democratic_life.action_report_party_meeting_situation_report'
PUBLIC_NOTICE = 'party_democratic_life.action_report_party_meeting_public_notice'
CRITICISM_SUMMARY = 'party_democratic_life.action_report_party_meeting_criticism_summary'
STATEMENT = 'party_democratic_life.action_report_party_meeting_statement'
PLAN_DOCX = 'party_democratic_life.action_report_party_meeting_plan_docx'
TALK_RECORD_DOCX = 'party_democratic_life.action_report_party_meeting_talk_record_docx'
LEDGER_LIST_XLSX = 'party_democratic_life.action_report_party_rectification_list_xlsx'
CRITICISM_MATRIX_XLSX = 'party_democratic_life.action_report_party_meeting_criticism_matrix_xlsx'


class PdfMixin:

    def pdf_text(self, xmlid, records):
        """The text of the real PDF (one record per PDF: Debian's wkhtmltopdf has no patched Qt)."""
        for tool in ('pdftotext', 'pdffonts'):
            if not shutil.which(tool):
                self.fail(f'{tool} (poppler-utils) is needed to read the PDF back')
        # as a reader in Beijing time, whatever the time zone of the test database's superuser
        pdf, kind = self.env['ir.actions.report'].with_context(
            force_report_rendering=True, tz='Asia/Shanghai')._render_qweb_pdf(xmlid, records.ids)
        self.assertEqual(kind, 'pdf')
        self.assertTrue(pdf.startswith(b'%PDF'))
        fonts = subprocess.run(['pdffonts', '-'], input=pdf, capture_output=True, check=True).stdout.decode()
        text = subprocess.run(['pdftotext', '-', '-'], input=pdf, capture_output=True, check=True)
        return normalize_pdf_text(text.stdout.decode()), fonts

    def login(self, user):
        self.authenticate(user.login, user.login + 'x' * (8 - len(user.login)))


@tagged('post_install', '-at_install')
class TestDocumentDownloads(PdfMixin, HttpCase, DocumentCase):
    """The files as a browser gets them: real PDFs from wkhtmltopdf, .docx and .xlsx downloads."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # wkhtmltopdf fetches the report styles from this test server.
        cls.env['ir.config_parameter'].set_param('report.url', f'http://127.0.0.1:{config["http_port"]}')

    def test_plan_pdf(self):
        text, fonts = self.pdf_text(PLAN, self.meeting)
        for expected in ('BureauPartyGroup', 'SpecialMeeting2022ImplementationPlan', '一、Focusonthetheme',
                         '三、Checkagainstthekeyaspects', '一是Aspect1', '2022年1月21日8时30分',
                         '十、Othermatters', 'WuXiaoyan（Recorder）', '2022年1月14日'):
            self.assertIn(normalize_pdf_text(expected), text)
        # Simplified Chinese forms: the SC faces are named, not the JP ones fontconfig prefers.
        self.assertIn('NotoSerifCJKsc', fonts)
        self.assertNotIn('CJKjp', fonts)

    def test_notice_pdf(self):
        text, _fonts = self.pdf_text(NOTICE, self.meeting)
        for expected in ('NoticeoftheSpecialMeeting2022', 'Attending:ZhaoDongping（Secretary）',
                         "Reportonlastyear'srectification", 'Self-criticismandcriticism'):
            self.assertIn(normalize_pdf_text(expected), text)

    def test_rectification_list_pdf(self):
        text, fonts = self.pdf_text(MEETING_LIST, self.meeting)
        # the problem's cell wraps within the 225 mm text block: pdftotext reads its lines apart
        for expected in ('一、Problemsandrectificationoftheleadershipteam', 'Studyisnottiedto', 'dailywork&cases.',
                         '（一）ZhaoDongping（Secretary）', 'Squadsrarelyinspected', '2022年12月31日',
                         'CompletionDeadline', 'RectificationMeasures'):
            self.assertIn(normalize_pdf_text(expected), text)
        self.assertIn('NotoSansCJKsc', fonts, 'table headers in the Hei face')

    def test_talk_record_pdf(self):
        text, _fonts = self.pdf_text(TALK_RECORD, self.talk_zhao_qian.with_user(self.zhao))
        for expected in ('Heart-to-heartTalkRecord', '2022年1月5日', 'ZhaoDongping（Secretary）',
                         'QianLixin（Member）', 'Talkedthroughthekeyaspects.', 'Dutiescarriedout.'):
            self.assertIn(normalize_pdf_text(expected), text)

    def test_outline_pdf(self):
        self.meeting.action_prepare()
        outline = self.meeting.statement_ids.filtered(lambda s: s.kind == 'personal' and s.author_user_id == self.sun)
        outline.with_user(self.sun).write({'section_ids': [
            (1, section.id, {'content': '<p>Found in my own work.</p>'}) for section in outline.section_ids]})
        text, _fonts = self.pdf_text(STATEMENT, outline)
        for expected in ('PersonalOutline(Analysis)ofComradeSunWeihuaattheSpecialMeeting2022', 'SunWeihua（Member）',
                         "一、Rectificationoftheproblemsoflastyear'smeeting", 'Foundinmyownwork.',
                         '（一）Aspect1', '（六）Ideologywork', '五、Nextrectificationmeasures'):
            self.assertIn(normalize_pdf_text(expected), text)

    def download(self, report_xmlid, records):
        """What the Print menu's Word or Excel entry downloads: Odoo's /report/download, as the
        web client calls it, for the report's own URL."""
        report = self.env.ref(report_xmlid)
        url = f'/report/{report.report_type}/{report.report_name}/{",".join(map(str, records.ids))}'
        return self.url_open('/report/download', params={
            'data': json.dumps([url, report.report_type]), 'context': json.dumps({'lang': 'en_US'})}, timeout=60)

    def test_download_docx_and_xlsx(self):
        self.login(self.wu)
        response = self.download(PLAN_DOCX, self.meeting)
        self.assertEqual(response.status_code, 200)
        self.assertIn('wordprocessingml', response.headers['Content-Type'])
        self.assertIn("filename*=UTF-8''Democratic%20Life%20Meeting%20Plan-Bureau%20Party%20Group-2022.docx",
                      response.headers['Content-Disposition'])
        document = self.read_docx(response.content)
        self.assertEqual(document.paragraphs[0].text, 'Bureau Party Group\nSpecial Meeting 2022 Implementation Plan')

        self.login(self.wang)
        items = self.item_team | self.item_qian | self.item_sun
        response = self.download(LEDGER_LIST_XLSX, items)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Problem%20List%20and%20Rectification%20List-Bureau%20Party%20Group.xlsx",
                      response.headers['Content-Disposition'])
        workbook = self.read_xlsx(response.content)
        self.assertEqual(len(self.sheet_rows(workbook['Team Members'], 3)), 2)

    def test_download_respects_record_rules(self):
        plan_url = f'/report/docx/{self.env.ref(PLAN_DOCX).report_name}/{self.meeting.id}'
        talk_url = f'/report/docx/{self.env.ref(TALK_RECORD_DOCX).report_name}/{self.talk_zhao_qian.id}'
        for user in (self.outsider, self.plain_user):
            self.login(user)
            self.assertEqual(self.url_open(plan_url).status_code, 403)
            # as for a PDF, the web client gets Odoo's error to show in a dialog, and no file
            response = self.download(PLAN_DOCX, self.meeting)
            self.assertNotIn('wordprocessingml', response.headers.get('Content-Type', ''))
            self.assertEqual(json.loads(html.unescape(response.text))['data']['name'], 'odoo.exceptions.AccessError')
        self.login(self.li)  # on the team, but not part of this talk
        self.assertEqual(self.url_open(talk_url).status_code, 403)
        self.assertEqual(self.url_open(plan_url).status_code, 200)
        self.assertEqual(self.url_open(plan_url.replace('_plan_docx', '_nothing_docx')).status_code, 404)
        self.assertEqual(self.url_open(plan_url.replace('/report/docx/', '/report/xlsx/')).status_code, 404)
        # a readable meeting with one of another organisation: refused as a whole
        other = self.create_meeting(name='Another meeting', organization_id=self.other_organization.id)
        self.assertEqual(self.url_open(f'{plan_url},{other.id}').status_code, 403)

    def test_no_id_ranges(self):
        """Ids are plain numbers, as Odoo's own report routes read them: a range names no record,
        so nothing is built, however long the range."""
        self.login(self.wang)
        list_name = self.env.ref(LEDGER_LIST_XLSX).report_name
        response = self.url_open(f'/report/xlsx/{list_name}/1-3000000', timeout=10)
        self.assertEqual(response.status_code, 422)
        self.assertNotIn('spreadsheetml', response.headers.get('Content-Type', ''))


@tagged('post_install', '-at_install')
class TestHeldMeetingPdfs(PdfMixin, HttpCase, HeldMeetingCase):
    """The documents of the meeting and after, as real PDFs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env['ir.config_parameter'].set_param('report.url', f'http://127.0.0.1:{config["http_port"]}')

    def test_minutes_pdf(self):
        text, fonts = self.pdf_text(MINUTES, self.meeting)
        for expected in ('SpecialMeeting2022Minutes', 'Present：ZhaoDongping、QianLixin', 'OnLeave：ZhouJianguo（Inhospital）',
                         'SittingIn：WuXiaoyan（Recorder）', 'QianLixincriticisesZhaoDongping.'):
            self.assertIn(normalize_pdf_text(expected), text)
        self.assertIn('NotoSansCJKsc', fonts, 'the labels in the Hei face')

    def test_report_and_notice_pdf(self):
        text, _fonts = self.pdf_text(REPORT, self.meeting)
        for expected in ('ReportontheSpecialMeeting2022', 'CountyDisciplineCommission：', '2022年1月30日'):
            self.assertIn(normalize_pdf_text(expected), text)
        text, _fonts = self.pdf_text(PUBLIC_NOTICE, self.meeting)
        for expected in ('PublicNoticeontheSpecialMeeting2022', 'Squadsrarelyinspected', '2022年2月8日'):
            self.assertIn(normalize_pdf_text(expected), text)
        self.assertNotIn('criticises', text)

    def test_criticism_summary_pdf_and_matrix_download(self):
        text, _fonts = self.pdf_text(CRITICISM_SUMMARY, self.meeting.with_user(self.wu))
        self.assertIn(normalize_pdf_text('一、ZhaoDongping（Secretary）'), text)
        self.assertIn(normalize_pdf_text('1.QianLixin：QianLixincriticisesZhaoDongping.'), text)
        url = f'/report/xlsx/{self.env.ref(CRITICISM_MATRIX_XLSX).report_name}/{self.meeting.id}'
        self.login(self.qian)
        self.assertEqual(self.url_open(url).status_code, 200)
        self.login(self.plain_user)
        self.assertEqual(self.url_open(url).status_code, 403)
