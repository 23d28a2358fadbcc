"""One Excel writer for every list the addon exports.

Rows are streamed (xlsxwriter's ``constant_memory``): each sheet is written top to bottom
and a row leaves memory once written, so a 30,000-row ledger costs no more memory than a
short one. Callers pass an iterator of rows and read their records in batches.
"""
import datetime
import io

import xlsxwriter

from .cn_format import join_lines

CN_FONT = '仿宋_GB2312'
HEADER_FONT = '黑体'
TITLE_FONT = '方正小标宋简体'

# Column kinds: text (wrapped), short (not wrapped, centred), date, int, percent
KINDS = ('text', 'short', 'date', 'int', 'percent')


class XlsxTableWriter:

    def __init__(self, stream=None):
        self.stream = stream or io.BytesIO()
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

    def add_table_sheet(self, name, title, columns, rows, subtitle=None, landscape=True):
        """A sheet with a title, a header row and one row per item of ``rows``.

        ``columns`` is a list of (label, width in characters, kind). A cell may also be a
        (value, format name) pair to colour it. Returns the number of data rows.
        """
        sheet = self.workbook.add_worksheet(name[:31])
        last_col = len(columns) - 1
        for col, (_label, width, kind) in enumerate(columns):
            sheet.set_column(col, col, width, self.formats[kind])
        sheet.set_row(0, 30)
        sheet.merge_range(0, 0, 0, last_col, join_lines(title), self.formats['title'])
        header_row = 1
        if subtitle:
            sheet.merge_range(1, 0, 1, last_col, subtitle, self.formats['subtitle'])
            header_row = 2
        for col, (label, _width, _kind) in enumerate(columns):
            sheet.write_string(header_row, col, label, self.formats['header'])
        row_index = header_row
        for row in rows:
            row_index += 1
            for col, value in enumerate(row):
                self._write(sheet, row_index, col, value, columns[col][2])
        count = row_index - header_row
        sheet.freeze_panes(header_row + 1, 0)
        sheet.autofilter(header_row, 0, max(row_index, header_row), last_col)
        self._print_setup(sheet, header_row, landscape)
        return count

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

    def close(self):
        self.workbook.close()
        return self.stream.getvalue() if isinstance(self.stream, io.BytesIO) else None
