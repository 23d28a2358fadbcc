"""One Excel writer for every list the addon exports.

xlsxwriter lays out each workbook: formats, column widths, title, header, frozen header,
autofilter and print setup. Short sheets are written through xlsxwriter itself, streamed
(``constant_memory``). A long list whose row count is known up front (``row_count``) is
streamed straight into the sheet's XML when the workbook is closed: xlsxwriter spends several
microseconds a cell, which for a 30,000-row ledger costs more than reading the records, while
one formatted string per row is fast, and no row is ever held in memory.
"""
import datetime
import io
import re
import zipfile

import xlsxwriter

from .cn_format import join_lines

CN_FONT = '仿宋_GB2312'
HEADER_FONT = '黑体'
TITLE_FONT = '方正小标宋简体'
EXCEL_EPOCH = datetime.datetime(1899, 12, 30)
MAX_CELL_CHARS = 32767

# Column kinds: text (wrapped), short (centred), date, int, percent
_ESCAPES = str.maketrans({
    '&': '&amp;', '<': '&lt;', '>': '&gt;',
    # characters XML 1.0 does not allow
    **{chr(code): None for code in (*range(0, 9), 11, 12, *range(14, 32))},
})


_SPECIAL = re.compile('[&<>\x00-\x08\x0b\x0c\x0e-\x1f]')


def _escape(text):
    # Most cells need no escaping; looking is cheaper than translating.
    return text.translate(_ESCAPES) if _SPECIAL.search(text) else text


def _column_letter(col):
    letters = ''
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class XlsxTableWriter:

    def __init__(self):
        self.stream = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(self.stream, {
            'constant_memory': True,
            'default_date_format': 'yyyy"年"m"月"d"日"',
            'remove_timezone': True,
        })
        base = {'font_name': CN_FONT, 'font_size': 11, 'valign': 'top', 'border': 1}
        add = self.workbook.add_format
        self.formats = {
            'title': add({'font_name': TITLE_FONT, 'font_size': 16, 'align': 'center', 'valign': 'vcenter'}),
            'subtitle': add({'font_name': CN_FONT, 'font_size': 11, 'align': 'left', 'valign': 'vcenter'}),
            'header': add({'font_name': HEADER_FONT, 'font_size': 11, 'bold': True, 'align': 'center',
                           'valign': 'vcenter', 'text_wrap': True, 'border': 1, 'bg_color': '#D9D9D9'}),
            'text': add(dict(base, text_wrap=True)),
            'short': add(dict(base, align='center', text_wrap=True)),
            'date': add(dict(base, align='center', num_format='yyyy"年"m"月"d"日"')),
            'int': add(dict(base, align='center', num_format='0')),
            'percent': add(dict(base, align='center', num_format='0.0%')),
            'highlight': add(dict(base, align='center', text_wrap=True, bg_color='#FCE4D6')),
            'good': add(dict(base, align='center', text_wrap=True, bg_color='#E2EFDA')),
            'muted': add(dict(base, align='center', bg_color='#EDEDED')),
        }
        # Fix each format's style number now, so that streamed rows can name it.
        self.style_ids = {name: fmt._get_xf_index() for name, fmt in self.formats.items()}
        self._streamed = {}  # sheet file name → (rows, columns, first data row, row count)

    def add_table_sheet(self, name, title, columns, rows, subtitle=None, landscape=True, row_count=None):
        """A sheet with a title, a header row and one row per item of ``rows``.

        ``columns`` is a list of (label, width in characters, kind). A cell may also be a
        (value, format name) pair to colour it. With ``row_count`` the rows are streamed into
        the file at ``close``; the iterator must then yield exactly that many rows.
        Returns the number of data rows.
        """
        sheet = self.workbook.add_worksheet(name[:31])
        last_col = len(columns) - 1
        for col, (_label, width, kind) in enumerate(columns):
            sheet.set_column(col, col, width, self.formats[kind])
        sheet.set_row(0, 30)
        self._banner(sheet, 0, last_col, join_lines(title), 'title')
        header_row = 1
        if subtitle:
            self._banner(sheet, 1, last_col, subtitle, 'subtitle')
            header_row = 2
        for col, (label, _width, _kind) in enumerate(columns):
            sheet.write_string(header_row, col, label, self.formats['header'])
        if row_count is None:
            row_index = header_row
            for row in rows:
                row_index += 1
                for col, value in enumerate(row):
                    self._write(sheet, row_index, col, value, columns[col][2])
            count = row_index - header_row
        else:
            count = row_count
            self._streamed[f'xl/worksheets/sheet{sheet.index + 1}.xml'] = (rows, columns, header_row + 1, count)
        sheet.freeze_panes(header_row + 1, 0)
        sheet.autofilter(header_row, 0, header_row + count, last_col)
        self._print_setup(sheet, header_row, landscape)
        return count

    def _banner(self, sheet, row, last_col, text, fmt_name):
        # a line across the table; a one-column table has nothing to merge
        if last_col:
            sheet.merge_range(row, 0, row, last_col, text, self.formats[fmt_name])
        else:
            sheet.write_string(row, 0, text, self.formats[fmt_name])

    def _write(self, sheet, row, col, value, kind):
        fmt = self.formats[kind]
        if isinstance(value, tuple):
            value, fmt_name = value
            fmt = self.formats[fmt_name]
        if value is None or value is False or value == '':
            sheet.write_blank(row, col, None, fmt)
        elif isinstance(value, (datetime.date, datetime.datetime)):
            sheet.write_datetime(row, col, value, fmt)
        elif isinstance(value, (int, float)):
            sheet.write_number(row, col, value, fmt)
        else:
            sheet.write_string(row, col, str(value), fmt)

    def _print_setup(self, sheet, header_row, landscape):
        sheet.set_paper(9)  # A4
        if landscape:
            sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(header_row)
        sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        sheet.set_footer('&C— &P —')

    # Streamed rows

    def _row_xml(self, row_number, row, letters, styles):
        cells = []
        for col, value in enumerate(row):
            style = styles[col]
            if isinstance(value, tuple):
                value, fmt_name = value
                style = self.style_ids[fmt_name]
            ref = f'{letters[col]}{row_number}'
            if value is None or value is False or value == '':
                cells.append(f'<c r="{ref}" s="{style}"/>')
            elif isinstance(value, str):
                text = _escape(value[:MAX_CELL_CHARS])
                cells.append(f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')
            elif isinstance(value, datetime.datetime):
                serial = (value - EXCEL_EPOCH).total_seconds() / 86400
                cells.append(f'<c r="{ref}" s="{style}"><v>{serial!r}</v></c>')
            elif isinstance(value, datetime.date):
                cells.append(f'<c r="{ref}" s="{style}"><v>{(value - EXCEL_EPOCH.date()).days}</v></c>')
            elif isinstance(value, (int, float)):
                cells.append(f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>')
            else:
                text = _escape(str(value)[:MAX_CELL_CHARS])
                cells.append(f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')
        return f'<row r="{row_number}">{"".join(cells)}</row>'

    def _stream_sheet(self, target, info, data, rows, columns, first_row, count):
        head, separator, tail = data.partition(b'</sheetData>')
        if not separator:
            raise ValueError(f'{info.filename} has no sheet data to extend')
        last = f'{_column_letter(len(columns) - 1)}{first_row + count}'.encode()
        head = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:' + last + b'"', head, count=1)
        letters = [_column_letter(col) for col in range(len(columns))]
        styles = [self.style_ids[kind] for _label, _width, kind in columns]
        written = 0
        with target.open(info.filename, 'w', force_zip64=True) as out:
            out.write(head)
            chunk = []
            for written, row in enumerate(rows, start=1):
                chunk.append(self._row_xml(first_row + written, row, letters, styles))
                if len(chunk) == 500:
                    out.write(''.join(chunk).encode())
                    chunk = []
            out.write(''.join(chunk).encode())
            out.write(separator + tail)
        if written != count:
            raise ValueError(f'{info.filename}: {written} rows streamed, {count} announced')

    def close(self):
        self.workbook.close()
        if not self._streamed:
            return self.stream.getvalue()
        source = zipfile.ZipFile(self.stream)
        result = io.BytesIO()
        with zipfile.ZipFile(result, 'w', zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = source.read(info.filename)
                if info.filename in self._streamed:
                    self._stream_sheet(target, info, data, *self._streamed[info.filename])
                else:
                    target.writestr(info, data)
        return result.getvalue()
