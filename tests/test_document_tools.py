import io
from datetime import date, datetime

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from markupsafe import Markup
from openpyxl import load_workbook

from odoo.tests import BaseCase, tagged

from ..tools import cn_format
from ..tools import document_blocks as blk
from ..tools.docx_builder import build_docx
from ..tools.xlsx_builder import XlsxTableWriter


@tagged('post_install', '-at_install')
class TestDocumentTools(BaseCase):
    """The formatting rules of GB/T 9704 and the shared Word and Excel builders, without records."""

    def test_chinese_dates(self):
        self.assertEqual(cn_format.format_cn_date(date(2022, 1, 21)), '2022年1月21日')
        self.assertEqual(cn_format.format_cn_date('2022-10-05'), '2022年10月5日', 'no leading zeros')
        self.assertEqual(cn_format.format_cn_date(False), '')
        self.assertEqual(cn_format.format_cn_datetime(datetime(2022, 1, 21, 8, 30)), '2022年1月21日8时30分')
        self.assertEqual(cn_format.format_cn_datetime(datetime(2022, 1, 21, 14, 0)), '2022年1月21日14时')
        self.assertEqual(cn_format.format_cn_month_day(date(2022, 1, 5)), '1月5日')

    def test_heading_numbers(self):
        self.assertEqual([cn_format.cn_numeral(n) for n in (1, 9, 10, 11, 20, 35)],
                         ['一', '九', '十', '十一', '二十', '三十五'])
        self.assertEqual([cn_format.heading_number(level, 2) for level in (1, 2, 3, 4)],
                         ['二、', '（二）', '2.', '（2）'])
        blocks = blk.number_blocks([
            blk.heading(1, 'A'), blk.heading(2, 'a'), blk.heading(2, 'b'), blk.heading(1, 'B'),
            blk.heading(2, 'c'), blk.heading(3, 'x'), blk.heading(2, 'd', numbered=False)])
        self.assertEqual([b['number'] for b in blocks], ['一、', '（一）', '（二）', '二、', '（一）', '1.', ''])

    def test_html_to_paragraphs(self):
        html = Markup('<p>First&nbsp;line &amp; more</p><ul><li>item</li></ul><p><br></p><p>a<br/>b</p>')
        self.assertEqual(cn_format.html_to_paragraphs(html), ['First line & more', 'item', 'a', 'b'])
        self.assertEqual(cn_format.html_to_text(False), '')
        self.assertEqual(cn_format.detect_heading_level('一、聚焦会议主题'), 1)
        self.assertEqual(cn_format.detect_heading_level('（二）严肃会议纪律'), 2)
        self.assertEqual(cn_format.detect_heading_level('3.按时报送'), 3)
        self.assertEqual(cn_format.detect_heading_level('（4）其他'), 4)
        self.assertEqual(cn_format.detect_heading_level('一、' + '很长的段落' * 10), 0, 'a long line is body text')
        self.assertEqual(cn_format.join_lines('县执法局党组\n专题民主生活会'), '县执法局党组专题民主生活会')
        self.assertEqual(cn_format.join_lines('Bureau\nMeeting'), 'Bureau Meeting')

    def test_edited_html_prints_in_official_blocks(self):
        html = Markup(
            '<p>会议由赵东平主持。</p><h3>一、会议情况</h3><div><p>（一）自我批评</p><ul><li>逐一发言</li></ul></div>'
            '<table><tr><th>姓名</th><th>意见</th></tr><tr><td>钱立新</td><td>深入基层<br/>不够</td></tr></table>'
            '<p><br></p>尾注')
        blocks = blk.html_blocks(html)
        self.assertEqual([(b['type'], b.get('text') or b.get('rows')) for b in blocks], [
            ('paragraph', '会议由赵东平主持。'), ('heading', '一、会议情况'), ('heading', '（一）自我批评'),
            ('paragraph', '逐一发言'), ('table', [['钱立新', '深入基层不够']]), ('paragraph', '尾注')])
        self.assertEqual([b['level'] for b in blocks if b['type'] == 'heading'], [1, 2])
        self.assertEqual(blocks[4]['columns'], [('姓名', 1), ('意见', 1)])
        numbered = blk.number_blocks(blk.expand_html([blk.heading(1, 'Facts'), blk.html(html)]))
        self.assertEqual([b['number'] for b in numbered if b['type'] == 'heading'], ['一、', '', ''],
                         'a number typed in the text is kept as typed')
        # composed texts: heading tags become numbered headings, list items keep their number,
        # th/td pairs become "label：value" lines
        composed = blk.number_blocks(blk.html_blocks(Markup(
            '<h4>会议议程</h4><ol><li>通报整改情况 <span>(赵东平)</span></li><li><b>批评</b><div>逐一开展</div></li></ol>'
            '<h5>赵东平</h5><table><tr><th>时间</th><td>2022年1月21日</td></tr></table>')))
        self.assertEqual([(b['type'], b.get('number', ''), b.get('label'), b['text']) for b in composed], [
            ('heading', '一、', None, '会议议程'), ('paragraph', '', None, '1.通报整改情况 (赵东平)'),
            ('paragraph', '', None, '2.批评'), ('paragraph', '', None, '逐一开展'),
            ('heading', '（一）', None, '赵东平'), ('paragraph', '', '时间：', '2022年1月21日')])

    def test_numbered_documents_keep_their_numbers(self):
        """Two documents printed into one file: the second starts again at 一、."""
        first = blk.number_blocks([blk.heading(1, '甲'), blk.heading(1, '乙')])
        second = blk.number_blocks([blk.heading(1, '丙')])
        joined = blk.number_blocks(first + [blk.page_break()] + second)
        self.assertEqual([b['number'] for b in joined if b['type'] == 'heading'], ['一、', '二、', '一、'])

    def test_docx_official_layout(self):
        content = build_docx([
            blk.title('某某党组\n民主生活会实施方案'),
            blk.paragraph('正文第一段。'),
            blk.heading(1, '会议主题'), blk.heading(2, '学习研讨'), blk.heading(3, '集中学习'),
            blk.heading(4, '个人自学'),
            blk.paragraph('王某、李某', label='出席：', indent=False),
            blk.html(Markup('<p>二、纪律要求</p><p>会议期间不得请假。</p>')),
            blk.table([('序号', 1), ('问题', 5)], [['1', '学习不深入']]),
            blk.signature('某某党组', '2022年1月12日'),
        ])
        document = Document(io.BytesIO(content))
        section = document.sections[0]
        self.assertEqual([round(length.mm) for length in (section.page_width, section.page_height)], [210, 297])
        self.assertEqual([round(m.mm) for m in (section.top_margin, section.bottom_margin,
                                                section.left_margin, section.right_margin)], [37, 35, 28, 26])
        # Title: 22 pt 小标宋 on two lines, centred
        title = document.paragraphs[0]
        self.assertEqual(title.style.name, 'Title')
        self.assertEqual(title.text, '某某党组\n民主生活会实施方案')
        self.assertEqual(title.runs[0].font.size, Pt(22))
        self.assertEqual(title.runs[0]._element.rPr.rFonts.get(qn('w:eastAsia')), '方正小标宋简体')
        self.assertEqual(title.paragraph_format.alignment or title.style.paragraph_format.alignment,
                         WD_ALIGN_PARAGRAPH.CENTER)
        # Body: 16 pt FangSong, fixed 28.9 pt lines, first line indented two characters
        normal = document.styles['Normal']
        self.assertEqual(normal.font.size, Pt(16))
        self.assertEqual(normal.paragraph_format.line_spacing_rule, WD_LINE_SPACING.EXACTLY)
        self.assertAlmostEqual(normal.paragraph_format.line_spacing.pt, 28.9, places=1)
        body = document.paragraphs[2]
        self.assertEqual(body.text, '正文第一段。')
        self.assertEqual(body.paragraph_format.first_line_indent, Pt(32))
        # Headings in order, each level with its face
        headings = [(p.style.name, p.text, p.runs[0]._element.rPr.rFonts.get(qn('w:eastAsia')))
                    for p in document.paragraphs if p.style.name.startswith('Heading')]
        self.assertEqual(headings, [
            ('Heading 1', '一、会议主题', '黑体'), ('Heading 2', '（一）学习研讨', '楷体_GB2312'),
            ('Heading 3', '1.集中学习', '仿宋_GB2312'), ('Heading 4', '（1）个人自学', '仿宋_GB2312'),
            ('Heading 1', '二、纪律要求', '黑体'),
        ])
        # Every run names its East Asian face, table cells included
        runs = [run for p in document.paragraphs for run in p.runs if run.text]
        runs += [run for cell in document.tables[0]._cells for p in cell.paragraphs for run in p.runs if run.text]
        self.assertTrue(runs)
        self.assertFalse([run.text for run in runs if not run._element.rPr.rFonts.get(qn('w:eastAsia'))])
        label = next(p for p in document.paragraphs if p.text.startswith('出席'))
        self.assertEqual([(r.text, r._element.rPr.rFonts.get(qn('w:eastAsia'))) for r in label.runs],
                         [('出席：', '黑体'), ('王某、李某', '仿宋_GB2312')])
        self.assertEqual(document.tables[0].cell(1, 1).text, '学习不深入')
        self.assertEqual(document.paragraphs[-1].text, '2022年1月12日')
        self.assertEqual(document.paragraphs[-1].paragraph_format.alignment, WD_ALIGN_PARAGRAPH.RIGHT)
        # Page numbers "— N —": odd pages right, even pages left
        self.assertTrue(document.settings.odd_and_even_pages_header_footer)
        odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
        self.assertEqual((odd.text, even.text), ('— 1 —', '— 1 —'))
        self.assertIn('PAGE', odd._p.xml)
        self.assertEqual((odd.alignment, even.alignment), (WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT))
        self.assertEqual(odd.runs[0]._element.rPr.rFonts.get(qn('w:eastAsia')), '宋体')
        self.assertEqual(odd.runs[0].font.size, Pt(14))

    def test_xlsx_table_sheet(self):
        writer = XlsxTableWriter()
        count = writer.add_table_sheet(
            'List', 'Title\nof the list',
            [('No.', 5, 'int'), ('Text', 30, 'text'), ('Due', 14, 'date'), ('Rate', 8, 'percent')],
            iter([[1, 'first', date(2022, 1, 21), 0.5], [2, ('second', 'highlight'), None, None]]))
        self.assertEqual(count, 2)
        sheet = load_workbook(io.BytesIO(writer.close()))['List']
        self.assertEqual(sheet['A1'].value, 'Title of the list')
        self.assertEqual([c.value for c in sheet[2]], ['No.', 'Text', 'Due', 'Rate'])
        self.assertTrue(sheet['A2'].font.b)
        self.assertEqual(sheet['A3'].value, 1)
        self.assertTrue(sheet['C3'].is_date)
        self.assertEqual(sheet['C3'].value.date(), date(2022, 1, 21))
        self.assertIn('年', sheet['C3'].number_format)
        self.assertEqual(sheet['D3'].number_format, '0.0%')
        self.assertTrue(sheet['B3'].alignment.wrap_text)
        self.assertEqual(sheet['B4'].fill.fgColor.rgb[-6:], 'FCE4D6')
        self.assertEqual(sheet.freeze_panes, 'A3')
        self.assertEqual(sheet.auto_filter.ref, 'A2:D4')
        self.assertEqual(sheet.page_setup.orientation, 'landscape')
        # one page wide (1 is the file format's default, so it may be left out), as tall as needed
        self.assertIn(sheet.page_setup.fitToWidth, (None, 1))
        self.assertEqual(sheet.page_setup.fitToHeight, 0)
        self.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage)
        self.assertEqual(sheet.print_title_rows, '$2:$2', 'the header row repeats on every page')

    def test_xlsx_streamed_rows(self):
        """A long list is streamed into the sheet: same formats, escaping, dimension and filter."""
        writer = XlsxTableWriter()
        rows = ([n, f'Item {n} & <more>\x01', date(2022, 1, n % 28 + 1), ('late', 'highlight') if n % 2 else None]
                for n in range(1, 1201))
        writer.add_table_sheet('Long', 'Long list', [('No.', 5, 'int'), ('Text', 30, 'text'), ('Due', 14, 'date'),
                                                     ('Flag', 8, 'short')], rows, row_count=1200)
        writer.add_table_sheet('Short', 'Short list', [('No.', 5, 'int')], iter([[1]]))
        sheet = load_workbook(io.BytesIO(writer.close()))['Long']
        self.assertEqual(sheet.max_row, 1202)
        self.assertEqual(sheet.dimensions, 'A1:D1202')
        self.assertEqual([c.value for c in sheet[2]], ['No.', 'Text', 'Due', 'Flag'])
        self.assertEqual(sheet['A3'].value, 1)
        self.assertEqual(sheet['B3'].value, 'Item 1 & <more>', 'escaped, and the control character dropped')
        self.assertTrue(sheet['B3'].alignment.wrap_text)
        self.assertTrue(sheet['C1202'].is_date)
        self.assertEqual(sheet['C1202'].value.date(), date(2022, 1, 1200 % 28 + 1))
        self.assertEqual(sheet['D3'].value, 'late')
        self.assertEqual(sheet['D3'].fill.fgColor.rgb[-6:], 'FCE4D6')
        self.assertIsNone(sheet['D4'].value)
        self.assertEqual(sheet.auto_filter.ref, 'A2:D1202')
        self.assertEqual(sheet.freeze_panes, 'A3')

        writer = XlsxTableWriter()
        writer.add_table_sheet('Long', 'Long list', [('No.', 5, 'int')], iter([[1]]), row_count=2)
        with self.assertRaises(ValueError):
            writer.close()
