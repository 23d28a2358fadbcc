"""The content of a printed document as a list of blocks.

Each document is one method that turns records into blocks; the QWeb layout renders them
to PDF and the Word builder to .docx, so both exports say the same thing. A block is a dict
with a ``type``:

- ``title``: the document title (小标宋, centred), ``lines`` split at line breaks;
  ``subtitle``: a centred line below it
- ``heading``: ``level`` 1–4 and ``text``; the number (一、 （一） 1. （1）) is added here
- ``paragraph``: ``text``, optional ``label`` (黑体 lead-in such as 出席：), ``indent``
- ``html``: ``html``, a sanitized HTML field, split into paragraphs for Word
- ``table``: ``columns`` (list of (label, relative width)) and ``rows`` (lists of cells)
- ``fields``: a form table, ``rows`` of (label, value) pairs; an HTML value gets a tall box
- ``signature``: ``name`` (organisation) and ``date`` (already formatted)
- ``addressee``: the line naming who a notice goes to, flush left
- ``page_break``
"""
from markupsafe import Markup

from .cn_format import heading_number


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


def signature(name, date):
    return {'type': 'signature', 'name': name, 'date': date}


def addressee(text):
    return {'type': 'addressee', 'text': text}


def page_break():
    return {'type': 'page_break'}


def number_blocks(blocks):
    """Set ``number`` on headings; a heading restarts the numbering of the levels below it."""
    counters = [0, 0, 0, 0, 0]
    numbered = []
    for block in blocks:
        if block['type'] == 'heading':
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
