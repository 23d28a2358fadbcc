"""Chinese official-document formatting shared by the PDF, Word and Excel exports.

Dates and heading numbers follow GB/T 9704-2012: they are part of the layout, not of the
language, so they are written the Chinese way whatever the user's language is.
"""
import datetime
import html
import re

CN_DIGITS = '〇一二三四五六七八九'


def cn_numeral(number):
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (1 to 99)."""
    if not 0 < number < 100:
        return str(number)
    tens, units = divmod(number, 10)
    text = ''
    if tens:
        text = ('' if tens == 1 else CN_DIGITS[tens]) + '十'
    if units:
        text += CN_DIGITS[units]
    return text


def heading_number(level, number):
    """GB/T 9704 heading numbers: 一、 （一） 1. （1）."""
    if level == 1:
        return f'{cn_numeral(number)}、'
    if level == 2:
        return f'（{cn_numeral(number)}）'
    if level == 3:
        return f'{number}.'
    return f'（{number}）'


def format_cn_date(value):
    """A date as 2022年1月21日: Arabic numerals, full year, no leading zeros.

    Datetimes must already be in the reader's time zone (see the mixin's helper).
    """
    if not value:
        return ''
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value[:10])
    return f'{value.year}年{value.month}月{value.day}日'


def format_cn_month_day(value):
    """A short date for dense tables, e.g. 1月5日."""
    return f'{value.month}月{value.day}日' if value else ''


def format_cn_datetime(value):
    """2022年1月21日8时30分 (a naive datetime already in the reader's time zone).

    No spaces: justified CJK text would stretch them.
    """
    if not value:
        return ''
    minutes = f'{value.minute:02d}分' if value.minute else ''
    return f'{format_cn_date(value)}{value.hour}时{minutes}'


def join_lines(text):
    """A title written on several lines as one line: CJK lines join directly, others with a space."""
    joined = ''
    for line in (part.strip() for part in (text or '').split('\n')):
        if not line:
            continue
        if joined and joined[-1].isascii() and line[0].isascii():
            joined += ' '
        joined += line
    return joined


_BLOCK_END = re.compile(r'<br\s*/?>|</(?:p|div|li|h[1-6]|tr|blockquote)\s*>', re.IGNORECASE)
_TAG = re.compile(r'<[^>]+>')


def html_to_paragraphs(value):
    """The paragraphs of a sanitized HTML field as plain strings, without empty ones.

    A regex pass rather than an HTML parser: it is called for every row of large exports.
    """
    if not value:
        return []
    text = _TAG.sub('', _BLOCK_END.sub('\n', str(value)))
    if '&' in text:
        text = html.unescape(text)
    # str.split() also folds no-break and ideographic spaces
    return [line for line in (' '.join(part.split()) for part in text.split('\n')) if line]


def html_to_text(value, separator='\n'):
    return separator.join(html_to_paragraphs(value))


_HEADING_PATTERNS = (
    (1, re.compile(r'^[一二三四五六七八九十]+、')),
    (2, re.compile(r'^[（(][一二三四五六七八九十]+[）)]')),
    (3, re.compile(r'^\d+[.．、]')),
    (4, re.compile(r'^[（(]\d+[）)]')),
)
# A numbered line longer than this is a paragraph that starts with a number, not a heading.
HEADING_MAX_CHARS = 40


def detect_heading_level(text):
    """The GB/T 9704 level of a line typed as "一、…", "（一）…", "1." or "（1）", else 0."""
    if len(text) > HEADING_MAX_CHARS:
        return 0
    for level, pattern in _HEADING_PATTERNS:
        if pattern.match(text):
            return level
    return 0
