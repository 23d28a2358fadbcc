import re
import shutil
import subprocess

from odoo.tests import TransactionCase, tagged
from odoo.tools import config, html2plaintext

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
        printed = {}
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
                printed[report.model] = printed.get(report.model, 0) + 1
        # every PDF of each Print menu: plan, notice, lists, last year's rectification, minutes,
        # report, public notice and criticism summary for the meeting; one for each of the others
        self.assertEqual(printed, {'party.meeting': 8, 'party.meeting.talk': 1, 'party.rectification': 1,
                                   'party.meeting.statement': 1})

    def test_plan_reads_like_the_reference_plan(self):
        text = self.html_text(self.render_html(f'{MODULE}.action_report_party_meeting_plan', self.meeting, self.principal))
        for expected in ('县综合行政执法局党组', '党史学习教育专题民主生活会', '文组〔2022〕1号', '2022年1月21日8时30分',
                         '局机关三楼会议室', '一是领悟“两个确立”、坚定理想信念', '五是从严管党治党', '赵东平',
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
                filename, _mimetype, content = self.render_document(records.with_user(user), kind, file_format)
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

    def test_composed_documents_read_like_the_bureaus_own(self):
        """The demo's minutes, report and notice are composed in Chinese on a fresh install (the
        terms are loaded before the demo data): no Latin word, the time as 8时30分, 、 between
        names, and the report as prose with its addressee only in the printed heading."""
        for field in ('minutes', 'report_body', 'notice_body'):
            with self.subTest(document=field):
                text = html2plaintext(self.meeting[field])
                self.assertEqual(re.findall(r'[A-Za-z]+', text), [], 'no English left in the text')
        self.assertIn('2022年1月21日8时30分', self.meeting.report_body)
        # the minutes' facts are the printed layout's, not the edited text's
        printed = self.html_text(self.render_html(
            f'{MODULE}.action_report_party_meeting_minutes', self.meeting, self.clerk))
        self.assertIn('时间：2022年1月21日8时30分', printed)
        self.assertIn('出席：赵东平、钱立新', printed)
        self.assertNotIn('出席', html2plaintext(self.meeting.minutes))
        self.assertIn('应谈', self.meeting.report_body)
        self.assertNotIn('县纪委县监委、县委组织部：', self.meeting.report_body, "the addressee is the printed heading's")
        self.assertIn('通报上一年度整改措施落实情况', self.meeting.minutes)
        self.assertIn('行政执法文书制作规范', self.meeting.minutes, "last year's rules, in the minutes")
        self.assertEqual(self.env.ref('base.main_company').name, '县综合行政执法局')
        self.assertTrue(self.meeting.reference.startswith('MZSHH-2022-'))

    def test_outline_in_five_parts_with_its_answers(self):
        zhou = self.env.ref(f'{MODULE}.user_zhoujianguo_demo')
        outline = self.meeting.statement_ids.filtered(lambda s: s.kind == 'personal' and s.author_user_id == zhou)
        blocks = self.document_blocks(outline.with_user(zhou), 'statement')
        self.assertEqual(blocks[0]['text'], '周建国同志在党史学习教育专题民主生活会上的个人发言提纲（剖析材料）')
        parts = [b['number'] + b['text'] for b in blocks if b['type'] == 'heading' and b['level'] == 1]
        self.assertEqual(parts, ['一、上年度民主生活会和专题民主生活会问题整改情况', '二、对照5个重点方面查摆的突出问题',
                                 '三、个人重大事项和有关问题说明', '四、问题根源剖析', '五、下步整改措施'])
        sub_sections = [b['number'] + b['text'] for b in blocks if b['type'] == 'heading' and b['level'] == 2]
        self.assertEqual(sub_sections[0], '（一）领悟“两个确立”、坚定理想信念')
        self.assertEqual(sub_sections[5:], ['（六）意识形态工作', '（七）基层减负'])
        labels = [b.get('label') or '' for b in blocks if b['type'] == 'paragraph']
        self.assertIn('1. 受到问责（2021年6月因执法装备采购程序不规范受到诫勉谈话）：', labels)
        self.assertIn('深刻检查：', labels)
        for statement in self.meeting.statement_ids.filtered(lambda s: s.kind == 'personal'):
            with self.subTest(author=statement.author_user_id.name):
                self.assertFalse(statement._get_uncovered_focuses())
                self.assertFalse(statement._get_unanswered_explanations())

    def test_last_years_rectification_report(self):
        text = self.html_text(self.render_html(
            f'{MODULE}.action_report_party_meeting_previous_rectification', self.meeting, self.principal))
        for expected in ('中共县综合行政执法局党组', '关于上一年度民主生活会整改措施落实情况的通报', '执法文书制作不够规范',
                         '已销号', '已结转', '《行政执法文书制作规范》（执法党〔2021〕5号，2021年4月15日印发）'):
            self.assertIn(expected, text)

    def test_situation_report_sent_upward_in_the_official_layout(self):
        """The reference report as the county receives it: the bureau's mark, its number and
        signer, the addressees, and the colophon with the copy and the printing office."""
        content = self.render_document(self.meeting.with_user(self.principal), 'situation_report', 'docx')[2]
        texts = [p.text for p in self.read_docx(content).paragraphs]
        self.assertEqual(texts[0], '中共县综合行政执法局党组文件')
        self.assertIn('\t执法党〔2022〕3号\t签发人：赵东平', texts)
        self.assertIn('县委组织部、县纪委县监委：', texts)
        self.assertEqual(texts[-2:], ['抄送：县党史学习教育巡回指导组。', '\t县综合行政执法局办公室\t2022年1月30日印发'])
        text = self.html_text(self.render_html(
            f'{MODULE}.action_report_party_meeting_situation_report', self.meeting, self.principal))
        self.assertIn('中共县综合行政执法局党组文件执法党〔2022〕3号签发人：赵东平', text)
        self.assertTrue(text.rstrip('—').endswith('抄送：县党史学习教育巡回指导组。县综合行政执法局办公室2022年1月30日印发'), text[-60:])
