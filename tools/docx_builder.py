"""One Word builder for every editable document, in GB/T 9704-2012 layout.

It takes the blocks of ``document_blocks`` and writes an A4 document with the official
margins, faces and grid. The official faces are named first; a reader without them gets
Word's own substitute. Every run names its East Asian face (``w:eastAsia``), otherwise
Chinese text falls back to the default face.
"""
import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .cn_format import html_to_paragraphs
from .document_blocks import expand_html, is_html, number_blocks

# Faces: the official face first; Word substitutes where it is not installed.
TITLE_FONT = '方正小标宋简体'
BODY_FONT = '仿宋_GB2312'
HEI_FONT = '黑体'
KAI_FONT = '楷体_GB2312'
SONG_FONT = '宋体'
LATIN_FONT = 'Times New Roman'

TITLE_SIZE = Pt(22)   # 2号
BODY_SIZE = Pt(16)    # 3号
PAGE_NUMBER_SIZE = Pt(14)  # 4号
COLOPHON_SIZE = Pt(14)  # 4号
RED = RGBColor(0xFF, 0, 0)
TABLE_SIZE = Pt(12)   # 小4号, so that list tables stay readable
LINE_PITCH = Pt(28.9)  # 22 lines in the 225 mm text block
INDENT = Pt(32)       # two characters of 3号
TALL_ROW = Mm(45)     # a box of a form to write in

# (top, bottom, left/binding, right) in mm
MARGINS = (37, 35, 28, 26)
# A list printed across the page is the portrait page turned a quarter clockwise: GB/T 9704-2012
# 10.1 puts a landscape table's head on the binding side of an odd page, so the binding margin
# is at the top, the portrait top margin on the right and the portrait bottom one on the left;
# the text block stays 156 × 225 mm. (top, bottom, left, right) in mm.
LANDSCAPE_MARGINS = (28, 26, 35, 37)
# Rules in eighths of a point (w:sz): the head's red rule, the colophon's thick (0.35 mm) and
# thin (0.25 mm) rules (GB/T 9704-2012 7.2.5, 7.4.1).
RED_RULE = 8
THICK_RULE = 8
THIN_RULE = 6
# The elements that follow w:pBdr in a paragraph's properties (ECMA-376 CT_PPrBase).
PBDR_SUCCESSORS = (
    'w:shd', 'w:tabs', 'w:suppressAutoHyphens', 'w:kinsoku', 'w:wordWrap', 'w:overflowPunct',
    'w:topLinePunct', 'w:autoSpaceDE', 'w:autoSpaceDN', 'w:bidi', 'w:adjustRightInd', 'w:snapToGrid',
    'w:spacing', 'w:ind', 'w:contextualSpacing', 'w:mirrorIndents', 'w:suppressOverlap', 'w:jc',
    'w:textDirection', 'w:textAlignment', 'w:textboxTightWrap', 'w:outlineLvl', 'w:divId',
    'w:cnfStyle', 'w:rPr', 'w:sectPr', 'w:pPrChange')
HEADING_FONTS = {1: HEI_FONT, 2: KAI_FONT, 3: BODY_FONT, 4: BODY_FONT}


def set_run_font(run, east_asia, size, latin=LATIN_FONT, bold=False):
    """Name the Latin and the East Asian face of a run (both are needed for Chinese)."""
    run.font.size = size
    run.font.bold = bold
    run.font.name = latin
    rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn('w:eastAsia'), east_asia)
    rfonts.set(qn('w:cs'), latin)


def _strip_theme_fonts(rfonts):
    # Theme fonts win over named ones in Word, so the template's must go.
    for attribute in ('w:asciiTheme', 'w:hAnsiTheme', 'w:eastAsiaTheme', 'w:cstheme'):
        rfonts.attrib.pop(qn(attribute), None)


class OfficialDocxBuilder:

    def __init__(self, landscape=False):
        self.document = Document()
        self.landscape = landscape
        self._setup_styles()
        self._setup_section()

    # Page, styles and footers

    def _setup_styles(self):
        styles = self.document.styles
        defaults = self.document.styles.element.find(qn('w:docDefaults'))
        if defaults is not None:
            for rfonts in defaults.iter(qn('w:rFonts')):
                _strip_theme_fonts(rfonts)
        normal = styles['Normal']
        self._style_font(normal, BODY_FONT, BODY_SIZE)
        fmt = normal.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_PITCH
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.widow_control = False
        for level, face in HEADING_FONTS.items():
            style = styles[f'Heading {level}']
            self._style_font(style, face, BODY_SIZE)
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.font.italic = False
            fmt = style.paragraph_format
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = LINE_PITCH
            fmt.space_before = fmt.space_after = Pt(0)
            fmt.first_line_indent = INDENT
            fmt.keep_with_next = True
        title = styles['Title']
        self._style_font(title, TITLE_FONT, TITLE_SIZE)
        title.font.color.rgb = RGBColor(0, 0, 0)
        fmt = title.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(36)
        fmt.space_before = fmt.space_after = Pt(0)
        # The template draws a rule under the title style; an official title has none.
        ppr = title.element.find(qn('w:pPr'))
        if ppr is not None:
            for border in ppr.findall(qn('w:pBdr')):
                ppr.remove(border)

    def _style_font(self, style, face, size):
        style.font.size = size
        style.font.bold = False
        style.font.name = LATIN_FONT
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        _strip_theme_fonts(rfonts)
        rfonts.set(qn('w:eastAsia'), face)

    def _setup_section(self):
        section = self.document.sections[0]
        if self.landscape:
            top, bottom, left, right = LANDSCAPE_MARGINS
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        else:
            top, bottom, left, right = MARGINS
            section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
        section.left_margin, section.right_margin = Mm(left), Mm(right)
        section.header_distance = Mm(15)
        section.footer_distance = Mm(22)
        grid = section._sectPr.find(qn('w:docGrid'))
        if grid is None:
            grid = OxmlElement('w:docGrid')
            section._sectPr.append(grid)
        grid.set(qn('w:type'), 'lines')
        grid.set(qn('w:linePitch'), str(int(LINE_PITCH.pt * 20)))
        # Odd pages number on the right, even pages on the left (GB/T 9704 7.5).
        self.document.settings.odd_and_even_pages_header_footer = True
        self._page_number(section.footer.paragraphs[0], odd=True)
        self._page_number(section.even_page_footer.paragraphs[0], odd=False)

    def _page_number(self, paragraph, odd):
        fmt = paragraph.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
        fmt.first_line_indent = Pt(0)
        if odd:
            fmt.right_indent = PAGE_NUMBER_SIZE
        else:
            fmt.left_indent = PAGE_NUMBER_SIZE
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        self._footer_run(paragraph, '— ')
        self._field(paragraph, 'PAGE')
        self._footer_run(paragraph, ' —')

    def _footer_run(self, paragraph, text):
        run = paragraph.add_run(text)
        set_run_font(run, SONG_FONT, PAGE_NUMBER_SIZE, latin=SONG_FONT)
        return run

    def _field(self, paragraph, instruction):
        for kind, text in (('begin', None), ('instr', f' {instruction} '), ('separate', None),
                           ('text', '1'), ('end', None)):
            run = self._footer_run(paragraph, text if kind == 'text' else '')
            if kind == 'instr':
                element = OxmlElement('w:instrText')
                element.set(qn('xml:space'), 'preserve')
                element.text = text
                run._r.append(element)
            elif kind != 'text':
                element = OxmlElement('w:fldChar')
                element.set(qn('w:fldCharType'), kind)
                run._r.append(element)

    # Blocks

    def add_blocks(self, blocks):
        for block in number_blocks(expand_html(blocks)):
            getattr(self, f'_add_{block["type"]}')(block)
        return self

    def _paragraph(self, text='', face=BODY_FONT, size=BODY_SIZE, style=None, indent=True,
                   alignment=WD_ALIGN_PARAGRAPH.JUSTIFY):
        paragraph = self.document.add_paragraph(style=style)
        paragraph.paragraph_format.alignment = alignment
        paragraph.paragraph_format.first_line_indent = INDENT if indent else Pt(0)
        if text:
            set_run_font(paragraph.add_run(text), face, size)
        return paragraph

    def _add_title(self, block):
        paragraph = self.document.add_paragraph(style='Title')
        for index, line in enumerate(block['lines']):
            run = paragraph.add_run()
            if index:
                run.add_break()
            run.add_text(line)
            set_run_font(run, TITLE_FONT, TITLE_SIZE)
        # One blank line between the title and the text.
        self._paragraph(indent=False)

    def _add_subtitle(self, block):
        self._paragraph(block['text'], face=KAI_FONT, indent=False, alignment=WD_ALIGN_PARAGRAPH.CENTER)

    def _add_addressee(self, block):
        self._paragraph(block['text'], indent=False, alignment=WD_ALIGN_PARAGRAPH.LEFT)

    def _add_heading(self, block):
        level = block['level']
        paragraph = self.document.add_paragraph(style=f'Heading {level}')
        set_run_font(paragraph.add_run(block['number'] + block['text']), HEADING_FONTS[level], BODY_SIZE)

    def _add_paragraph(self, block):
        paragraph = self._paragraph(indent=block.get('indent', True))
        if block.get('label'):
            set_run_font(paragraph.add_run(block['label']), HEI_FONT, BODY_SIZE)
        if block.get('text'):
            set_run_font(paragraph.add_run(block['text']), BODY_FONT, BODY_SIZE)

    def _text_width(self):
        section = self.document.sections[0]
        return section.page_width - section.left_margin - section.right_margin

    def _new_table(self, rows, cols):
        table = self.document.add_table(rows=rows, cols=cols)
        table.style = 'Table Grid'
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        return table

    def _fill_cell(self, cell, value, face=BODY_FONT, alignment=WD_ALIGN_PARAGRAPH.LEFT):
        if is_html(value):
            lines = html_to_paragraphs(value)
        else:
            lines = str(value if value not in (None, False) else '').split('\n')
        paragraph = cell.paragraphs[0]
        for index, line in enumerate(lines or ['']):
            if index:
                paragraph = cell.add_paragraph()
            fmt = paragraph.paragraph_format
            fmt.first_line_indent = Pt(0)
            fmt.alignment = alignment
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
            if line:
                set_run_font(paragraph.add_run(line), face, TABLE_SIZE)

    def _add_table(self, block):
        columns = block['columns']
        total = sum(width for _label, width in columns) or 1
        text_width = self._text_width()
        table = self._new_table(1 + len(block['rows']), len(columns))
        header = table.rows[0]
        # Repeat the header row on every page.
        header._tr.get_or_add_trPr().append(OxmlElement('w:tblHeader'))
        for col, (label, _width) in enumerate(columns):
            self._fill_cell(header.cells[col], label, face=HEI_FONT, alignment=WD_ALIGN_PARAGRAPH.CENTER)
        for row_index, row in enumerate(block['rows'], start=1):
            for col, value in enumerate(row):
                self._fill_cell(table.rows[row_index].cells[col], value)
        for col, (_label, width) in enumerate(columns):
            for cell in table.columns[col].cells:
                cell.width = int(text_width * width / total)

    def _add_fields(self, block):
        pairs_per_row = max((len(row) for row in block['rows']), default=1)
        table = self._new_table(len(block['rows']), pairs_per_row * 2)
        for row_index, row in enumerate(block['rows']):
            table_row = table.rows[row_index]
            cells = table_row.cells
            if any(pair['tall'] for pair in row):
                table_row.height = TALL_ROW
                table_row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            for pair_index, pair in enumerate(row):
                self._fill_cell(cells[pair_index * 2], pair['label'], face=HEI_FONT,
                                alignment=WD_ALIGN_PARAGRAPH.CENTER)
                value_cell = cells[pair_index * 2 + 1]
                if pair_index == len(row) - 1 and len(row) < pairs_per_row:
                    value_cell = value_cell.merge(cells[-1])
                self._fill_cell(value_cell, pair['value'])
        label_width = Mm(28)
        value_width = int((self._text_width() - label_width * pairs_per_row) / pairs_per_row)
        for col, column in enumerate(table.columns):
            for cell in column.cells:
                cell.width = label_width if col % 2 == 0 else value_width

    def _add_signature(self, block):
        # one blank line below the text, then the name and the date right-indented
        self._paragraph(indent=False)
        for text, indent in ((block['name'], block['name_indent']), (block['date'], block['date_indent'])):
            if text:
                paragraph = self._paragraph(text, indent=False, alignment=WD_ALIGN_PARAGRAPH.RIGHT)
                paragraph.paragraph_format.right_indent = Pt(BODY_SIZE.pt * indent)

    def _rule(self, paragraph, edge, size, color='000000', space=0):
        """A rule across the text block along one edge of a paragraph without indents."""
        ppr = paragraph._p.get_or_add_pPr()
        borders = ppr.find(qn('w:pBdr'))
        if borders is None:
            # Word refuses a file whose paragraph properties are out of the schema's order.
            borders = ppr.insert_element_before(OxmlElement('w:pBdr'), *PBDR_SUCCESSORS)
        rule = OxmlElement(f'w:{edge}')
        rule.set(qn('w:val'), 'single')
        rule.set(qn('w:sz'), str(size))
        rule.set(qn('w:space'), str(space))
        rule.set(qn('w:color'), color)
        borders.append(rule)

    def _two_sided_line(self, left, right, size, margin):
        """One line with `left` runs at `margin` from the left edge and `right` runs ending at
        `margin` from the right edge (tab stops, so that a rule still spans the text block)."""
        paragraph = self._paragraph(indent=False, alignment=WD_ALIGN_PARAGRAPH.LEFT)
        tabs = paragraph.paragraph_format.tab_stops
        tabs.add_tab_stop(margin)
        tabs.add_tab_stop(self._text_width() - margin, WD_TAB_ALIGNMENT.RIGHT)
        for runs in (left, right):
            set_run_font(paragraph.add_run('\t'), BODY_FONT, size)
            for text, face in runs:
                if text:
                    set_run_font(paragraph.add_run(text), face, size)
        return paragraph

    def _add_upward_head(self, block):
        # GB/T 9704-2012 7.2: the mark red and centred; number and signer two lines below it,
        # each one character in; the red rule 4 mm below them; the title two lines below the rule.
        mark = self._paragraph(indent=False, alignment=WD_ALIGN_PARAGRAPH.CENTER)
        mark.paragraph_format.line_spacing = Pt(block['mark_size'] * 1.3)
        run = mark.add_run(block['mark'])
        set_run_font(run, TITLE_FONT, Pt(block['mark_size']))
        run.font.color.rgb = RED
        self._paragraph(indent=False)
        self._paragraph(indent=False)
        line = self._two_sided_line(
            [(block['number'], BODY_FONT)],
            [(block['signer_label'] if block['signer'] else '', BODY_FONT), (block['signer'], KAI_FONT)],
            BODY_SIZE, BODY_SIZE)
        self._rule(line, 'bottom', RED_RULE, color='FF0000', space=11)  # 4 mm
        self._paragraph(indent=False)
        self._paragraph(indent=False)

    def _add_colophon(self, block):
        # GB/T 9704-2012 7.4: 4号 仿宋; 抄送 one character in on both sides, wrapped lines aligned
        # after the colon; the printing organ and date on the last line; a thick rule above the
        # first element and below the last, a thin one between them. The blank line above carries
        # the first rule: a rule on the 抄送 line itself would stop at its indents.
        spacer = self._paragraph(indent=False)
        self._rule(spacer, 'bottom', THICK_RULE)
        copy_to = None
        if block['copy_to']:
            copy_to = self._paragraph(indent=False, alignment=WD_ALIGN_PARAGRAPH.LEFT)
            fmt = copy_to.paragraph_format
            label_width = Pt(COLOPHON_SIZE.pt * len(block['copy_to_label']))
            fmt.left_indent = COLOPHON_SIZE + label_width
            fmt.first_line_indent = -label_width
            fmt.right_indent = COLOPHON_SIZE
            set_run_font(copy_to.add_run(block['copy_to_label'] + block['copy_to']), BODY_FONT, COLOPHON_SIZE)
        last = self._two_sided_line([(block['printer'], BODY_FONT)], [(block['printed_on'], BODY_FONT)],
                                    COLOPHON_SIZE, COLOPHON_SIZE)
        if copy_to is not None:
            self._rule(last, 'top', THIN_RULE)
        self._rule(last, 'bottom', THICK_RULE)

    def _add_page_break(self, block):
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def to_bytes(self):
        stream = io.BytesIO()
        self.document.save(stream)
        return stream.getvalue()


def build_docx(blocks, landscape=False):
    """The .docx bytes of a document made of blocks."""
    return OfficialDocxBuilder(landscape=landscape).add_blocks(blocks).to_bytes()
