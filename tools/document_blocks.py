"""The content of a printed document as a list of blocks.

Each document is one method that turns records into blocks; the QWeb layout renders them
to PDF and the Word builder to .docx, so both exports say the same thing. A block is a dict
with a ``type``:

- ``title``: the document title (小标宋, centred), ``lines`` split at line breaks;
  ``subtitle``: a centred line below it
- ``heading``: ``level`` 1–4 and ``text``; the number (一、 （一） 1. （1）) is added here
- ``paragraph``: ``text``, optional ``label`` (黑体 lead-in such as 出席：), ``indent``
- ``html``: ``html``, a sanitized HTML field; ``expand_html`` turns it into the blocks above,
  so an edited text (minutes, report) prints in the official layout too
- ``table``: ``columns`` (list of (label, relative width)) and ``rows`` (lists of cells)
- ``fields``: a form table, ``rows`` of (label, value) pairs; an HTML value gets a tall box
- ``signature``: ``name`` (organisation) and ``date`` (already formatted), ``name_indent``
  the characters left blank right of the name
- ``addressee``: the line naming who a notice goes to, flush left
- ``upward_head``: the head of a document sent upward (上行文): ``mark`` (发文机关标志, red,
  ``mark_size`` pt), then ``number`` (发文字号) and ``signer`` (签发人) on one line, a red rule
- ``colophon``: the 版记 of the last page: ``copy_to`` (抄送, may be empty), ``printer``
  (印发机关) and ``printed_on`` (印发日期, already formatted, "印发" included)
- ``page_break``
"""
import lxml.html
from markupsafe import Markup

from .cn_format import detect_heading_level, heading_number


def title(text):
    """A title; a line break in it (e.g. after the organisation) starts a new title line."""
    return {'type': 'title', 'text': text, 'lines': [line for line in text.split('\n') if line]}


def subtitle(text):
    return {'type': 'subtitle', 'text': text}


def heading(level, text, numbered=True):
    return {'type': 'heading', 'level': level, 'text': text, 'numbered': numbered}


def paragraph(text, label=None, indent=True):
    return {'type': 'paragraph', 'text': text, 'label': label, 'indent': indent}


def html(value):
    return {'type': 'html', 'html': Markup(value or '')}


def table(columns, rows):
    total = sum(width for _label, width in columns) or 1
    return {'type': 'table', 'columns': columns, 'rows': rows,
            'widths': [round(width * 100.0 / total, 2) for _label, width in columns]}


def fields_table(rows):
    """Rows of (label, value) pairs; a row whose value is HTML is a tall box to write in."""
    return {
        'type': 'fields',
        'rows': [[{'label': label, 'value': value, 'tall': is_html(value)} for label, value in row] for row in rows],
        'pairs': max((len(row) for row in rows), default=1),
    }


def text_width(text):
    """The width of a line in characters of the body face: ASCII is half a character."""
    return sum(0.5 if char.isascii() else 1 for char in text or '')


# GB/T 9704-2012 7.3.5.2 (signature without seal): name and date are right-indented by two
# characters; when the date is the longer one the name moves left, centred over the date.
SIGNATURE_INDENT = 2


def signature(name, date):
    name_indent = SIGNATURE_INDENT + max(0.0, (text_width(date) - text_width(name)) / 2)
    return {'type': 'signature', 'name': name, 'date': date, 'name_indent': name_indent,
            'date_indent': SIGNATURE_INDENT}


def addressee(text):
    return {'type': 'addressee', 'text': text}


# The labels of GB/T 9704-2012's head and colophon belong to the layout, like its dates:
# they are printed as the standard writes them, whatever the language of the document.
SIGNER_LABEL = '签发人：'
COPY_TO_LABEL = '抄送：'
PRINTED_SUFFIX = '印发'
# The mark's characters stay within 22 × 15 mm (GB/T 9704-2012 7.2.2) and its line within the
# 156 mm text block (442 pt): a long organ name gets a smaller size.
MARK_MAX_SIZE = 42
TEXT_BLOCK_WIDTH_PT = 442


def upward_head(mark, number, signer):
    """The head of a document sent upward (上行文, GB/T 9704-2012 7.2): the issuing organ's
    mark, the document number (left) and the signer (right) on one line, a red rule."""
    mark_size = min(MARK_MAX_SIZE, int(TEXT_BLOCK_WIDTH_PT / max(text_width(mark), 1)))
    return {'type': 'upward_head', 'mark': mark, 'mark_size': mark_size, 'number': number or '',
            'signer_label': SIGNER_LABEL, 'signer': signer or ''}


def colophon(copy_to, printer, printed_on):
    """The 版记 (GB/T 9704-2012 7.4): 抄送 listing ``copy_to`` names, then the printing
    organ and the printing date (already formatted) on one line, between rules."""
    names = '，'.join(name for name in copy_to if name)
    return {'type': 'colophon', 'copy_to_label': COPY_TO_LABEL if names else '',
            'copy_to': f'{names}。' if names else '', 'printer': printer or '',
            'printed_on': f'{printed_on}{PRINTED_SUFFIX}' if printed_on else ''}


def page_break():
    return {'type': 'page_break'}


def number_blocks(blocks):
    """Set ``number`` on headings; a heading restarts the numbering of the levels below it.
    Headings numbered before keep their numbers."""
    counters = [0, 0, 0, 0, 0]
    numbered = []
    for block in blocks:
        # numbered already: one document of several printed into one file keeps its own numbers
        if block['type'] == 'heading' and 'number' not in block:
            block = dict(block)
            level = block['level']
            if block.get('numbered', True):
                counters[level] += 1
                block['number'] = heading_number(level, counters[level])
            else:
                block['number'] = ''
            for lower in range(level + 1, 5):
                counters[lower] = 0
        numbered.append(block)
    return numbered


def is_html(value):
    return isinstance(value, Markup)


_BLOCK_TAGS = {'p', 'div', 'section', 'article', 'header', 'footer', 'ul', 'ol', 'li', 'blockquote',
               'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd'}


def _clean(text):
    return ' '.join((text or '').split())


def _table_block(element):
    rows = [row.xpath('./th|./td') for row in element.iter('tr')]
    rows = [cells for cells in rows if any(_clean(cell.text_content()) for cell in cells)]
    if not rows:
        return []
    # A two-column table of th/td pairs is a list of facts: "label：value", as minutes print them.
    if all(len(cells) == 2 and cells[0].tag == 'th' for cells in rows):
        return [paragraph(_clean(cells[1].text_content()), label=f'{_clean(cells[0].text_content())}：')
                for cells in rows]
    texts = [[_clean(cell.text_content()) for cell in cells] for cells in rows]
    width = max(len(row) for row in texts)
    texts = [row + [''] * (width - len(row)) for row in texts]
    return [table([(label, 1) for label in texts[0]], texts[1:])]


# Heading tags of an edited text: h1–h4 are its parts (一、), h5 and h6 the levels below.
_HEADING_TAG_LEVELS = {'h1': 1, 'h2': 1, 'h3': 1, 'h4': 1, 'h5': 2, 'h6': 3}


def html_blocks(value):
    """The blocks of an edited HTML text: paragraphs, tables, facts, headings. A line typed
    as "一、…" or "（一）…" is a heading of its level with its number kept as typed; a heading
    tag without a typed number is numbered like the document's own headings."""
    if not value or not str(value).strip():
        return []
    root = lxml.html.fragment_fromstring(str(value), create_parent='div')
    blocks = []
    pending = []
    state = {'prefix': '', 'tag_level': 0}

    def flush():
        text = _clean(''.join(pending))
        pending.clear()
        prefix, tag_level = state['prefix'], state['tag_level']
        state['prefix'] = ''
        if not text:
            return
        # no space after a list number: justified CJK lines would stretch it
        text = prefix + text
        # a numbered list item is body text, whatever its number looks like
        level = 0 if prefix else detect_heading_level(text)
        if level:
            blocks.append(heading(level, text, numbered=False))
        elif tag_level:
            blocks.append(heading(tag_level, text))
        else:
            blocks.append(paragraph(text))

    def walk(element):
        pending.append(element.text or '')
        for index, child in enumerate(element):
            tag = child.tag if isinstance(child.tag, str) else ''
            if tag == 'table':
                flush()
                blocks.extend(_table_block(child))
            elif tag == 'br':
                flush()
            elif tag in _HEADING_TAG_LEVELS:
                flush()
                state['tag_level'] = _HEADING_TAG_LEVELS[tag]
                pending.append(child.text_content())
                flush()
                state['tag_level'] = 0
            elif tag == 'li' and element.tag == 'ol':
                flush()
                # numbered list items keep their number; a nested block ends the numbered line
                state['prefix'] = f'{index + 1}.'
                walk(child)
                flush()
            elif tag in _BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            elif tag:
                pending.append(child.text_content())
            pending.append(child.tail or '')

    walk(root)
    flush()
    return blocks


def expand_html(blocks):
    """Replace each ``html`` block by the blocks of its text."""
    expanded = []
    for block in blocks:
        if block['type'] == 'html':
            expanded.extend(html_blocks(block['html']))
        else:
            expanded.append(block)
    return expanded
