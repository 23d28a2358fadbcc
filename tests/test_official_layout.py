import re

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from odoo.tests import tagged

from .common_documents import HeldMeetingCase

REPORT = 'party_democratic_life.action_report_party_meeting_situation_report'


@tagged('post_install', '-at_install')
class TestOfficialLayout(HeldMeetingCase):
    """GB/T 9704-2012 as a reader of the printed and the Word files checks it: a title not in
    bold, the signature without seal, Chinese dates, landscape lists, and the head and the
    colophon of the situation report sent upward."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.copy_to = cls.env['res.partner'].create({'name': 'County Party Office'})
        cls.organization.write({
            'issuing_office_name': 'Bureau General Office',
            'report_copy_partner_ids': [(6, 0, cls.copy_to.ids)],
        })
        cls.meeting.report_number = 'X党组〔2022〕3号'
        cls.env.cr.flush()

    def word_document(self, kind):
        """The Word file of a meeting document, as its download serves it."""
        return self.read_docx(self.render_document(self.meeting.with_user(self.zhao), kind, 'docx')[2])

    def paragraph(self, document, text):
        return next(p for p in document.paragraphs if p.text == text)

    def test_word_title_is_22_pt_and_not_bold(self):
        document = self.word_document('situation_report')
        title = next(p for p in document.paragraphs if p.style.name == 'Title')
        self.assertEqual(title.text, 'Bureau Party Group\nReport on the Special Meeting 2022')
        for run in title.runs:
            self.assertEqual(run.font.size, Pt(22))
            self.assertFalse(run.font.bold)
        self.assertFalse(title.style.font.bold)

    def test_word_signature_right_indented_two_characters_below_a_blank_line(self):
        document = self.word_document('public_notice')
        paragraphs = document.paragraphs
        name = self.paragraph(document, 'Bureau Party Group')
        index = [p._p for p in paragraphs].index(name._p)
        self.assertEqual(paragraphs[index - 1].text, '', 'one blank line between the text and the signature')
        date = paragraphs[index + 1]
        self.assertEqual(date.text, '2022年2月8日')
        for paragraph in (name, date):
            self.assertEqual(paragraph.paragraph_format.alignment, WD_ALIGN_PARAGRAPH.RIGHT)
            self.assertEqual(paragraph.paragraph_format.right_indent, Pt(32), 'two characters of 16 pt')

    def test_word_situation_report_head_and_colophon(self):
        document = self.word_document('situation_report')
        texts = [p.text for p in document.paragraphs]
        mark = self.paragraph(document, 'Bureau Party Group文件')
        self.assertEqual(mark.runs[0].font.color.rgb, (0xFF, 0, 0), 'the mark is red')
        self.assertEqual(mark.paragraph_format.alignment, WD_ALIGN_PARAGRAPH.CENTER)
        self.assertIn('\tX党组〔2022〕3号\t签发人：Zhao Dongping', texts)
        number_line = self.paragraph(document, '\tX党组〔2022〕3号\t签发人：Zhao Dongping')
        signer = next(run for run in number_line.runs if run.text == 'Zhao Dongping')
        self.assertEqual(self.east_asian_font(signer), '楷体_GB2312', 'the signer in 楷体')
        rule = number_line._p.pPr.find(qn('w:pBdr')).find(qn('w:bottom'))
        self.assertEqual(rule.get(qn('w:color')), 'FF0000', 'a red rule under the number')
        # mark, number, title, addressee in that order
        title = texts.index('Bureau Party Group\nReport on the Special Meeting 2022')
        self.assertLess(texts.index('Bureau Party Group文件'), texts.index('\tX党组〔2022〕3号\t签发人：Zhao Dongping'))
        self.assertLess(texts.index('\tX党组〔2022〕3号\t签发人：Zhao Dongping'), title)
        self.assertEqual(texts[title + 2], 'County Discipline Commission：', 'the addressee under the title')
        # the colophon ends the document: copy to, then printing office and date
        self.assertEqual(texts[-2:], ['抄送：County Party Office。', '\tBureau General Office\t2022年1月30日印发'])
        copy_to = self.paragraph(document, '抄送：County Party Office。')
        self.assertEqual(copy_to.runs[0].font.size, Pt(14), '4号')

    def test_html_situation_report_head_and_colophon(self):
        html = self.render_html(REPORT, self.meeting, user=self.zhao)
        text = self.html_text(html)
        self.assertIn('BureauPartyGroup文件X党组〔2022〕3号签发人：ZhaoDongpingBureauPartyGroupReportontheSpecialMeeting2022'
                      'CountyDisciplineCommission：', text)
        self.assertRegex(html, r'<span class="o_pdl_kai">Zhao Dongping</span>')
        self.assertTrue(text.rstrip('—').endswith('抄送：CountyPartyOffice。BureauGeneralOffice2022年1月30日印发'), text[-80:])
        # the title's face is not bold, the signature two characters in, as in the Word file
        self.assertRegex(html, r'\.o_pdl_title \{[^}]*font-weight: normal;')
        self.assertRegex(html, r'<p style="padding-right: 2(\.0)?em;">Bureau Party Group</p>\s*'
                               r'<p style="padding-right: 2(\.0)?em;">2022年1月30日</p>')

    def test_head_without_number_and_defaults(self):
        """Before the office gives the number, the head prints the mark and the signer; without
        a printing office the organisation prints it; without copies no 抄送 line."""
        self.organization.write({'issuing_office_name': False, 'report_copy_partner_ids': [(5, 0, 0)],
                                 'document_mark': '中共某县综合行政执法局党组文件'})
        self.meeting.report_number = False
        text = self.html_text(self.render_html(REPORT, self.meeting, user=self.zhao))
        self.assertIn('中共某县综合行政执法局党组文件签发人：ZhaoDongpingBureauPartyGroupReportontheSpecialMeeting2022', text)
        self.assertNotIn('抄送', text)
        self.assertTrue(text.rstrip('—').endswith('BureauPartyGroup2022年1月30日印发'), text[-80:])

    def test_landscape_list_margins_are_the_portrait_ones_turned(self):
        section = self.word_document('rectification_list').sections[0]
        self.assertEqual([round(m.mm) for m in (section.page_width, section.page_height)], [297, 210])
        margins = [round(m.mm) for m in (section.top_margin, section.bottom_margin,
                                         section.left_margin, section.right_margin)]
        self.assertEqual(margins, [28, 26, 35, 37], 'binding side on top, text block 225 × 156 mm')
        paperformat = self.env.ref('party_democratic_life.paperformat_party_official_landscape')
        self.assertEqual([paperformat.margin_top, paperformat.margin_bottom, paperformat.margin_left,
                          paperformat.margin_right], margins, 'the PDF as the Word file')

    def test_reminders_give_the_deadline_as_a_chinese_date(self):
        self.item_qian._remind_before_deadline()
        self.assertEqual(self.item_qian.activity_ids.mapped('summary'), ['Rectification due on 2022年4月15日'])
        self.assertFalse(re.search(r'\d{4}-\d{2}-\d{2}', self.item_qian.activity_ids.summary or ''))
