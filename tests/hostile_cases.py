"""Hostile input for every create, write and button of the addon: the case generator.

One definition of "values no form would send" and of what the server must answer, shared by
the seeded sample in ``make test`` (tests/test_hostile_input.py, through the ORM) and the
exhaustive run of ``make trust`` (benchmarks/trust.py, over JSON-RPC). It imports nothing from
Odoo: the caller passes each model's fields as ``fields_get()`` describes them and resolves
the record placeholders (:class:`Ref`) to ids of its own database.

An answer is acceptable when the call is refused with one of :data:`REFUSALS` and a message
in the user's language, or when it succeeds and what was stored is harmless (no script, no
``javascript:`` link in an HTML field). Anything else (a server error, a refusal in
English for a Chinese user) is a defect.
"""
import base64
import dataclasses
import random
import re
from dataclasses import dataclass

# The exceptions a refused call may end in (their class names, as JSON-RPC reports them
# and as the ORM raises them); Odoo turns a violated SQL constraint into a ValidationError.
REFUSALS = frozenset({'UserError', 'ValidationError', 'AccessError', 'MissingError', 'RedirectWarning'})

HUGE = 'x' * (1 << 20)        # 1 MB
SCRIPT = '<script>alert("pdl")</script>'
JS_LINK = '<a href="javascript:alert(1)">link</a>'
ONERROR = '<img src="x" onerror="alert(1)">'
# What no stored HTML may contain after sanitising.
UNSAFE_HTML = re.compile(r'<script|javascript:|\sonerror\s*=', re.IGNORECASE)
CJK = re.compile(r'[\u4e00-\u9fff]')
# Refusals Odoo itself words and its own zh_CN catalogue leaves in English (Odoo 19 keeps
# them only as obsolete entries): the addon cannot translate Odoo's sentences.
ODOO_UNTRANSLATED = ('Record does not exist or has been deleted.',)
# Fields every model has, that no client writes.
MAGIC = frozenset({'id', 'display_name', 'create_uid', 'create_date', 'write_uid', 'write_date'})


@dataclass(frozen=True)
class Ref:
    """A record the runner supplies: 'missing' (an id that does not, or no longer, exists),
    'other' (a record of another organisation) or 'own' (one the role may work on)."""
    kind: str
    model: str


@dataclass(frozen=True)
class Case:
    model: str
    method: str           # 'create', 'write' or a button (action_*)
    label: str            # what is hostile, for the report
    field: str = None     # the field fed a bad value (create/write)
    value: object = None  # the bad value; may contain Ref
    target: str = 'own'   # write/button: which record ('own', 'other', 'missing')
    key: str = dataclasses.field(default='', compare=False)

    def __post_init__(self):
        object.__setattr__(self, 'key', f'{self.model}.{self.method}[{self.target}] {self.label}')


def _b64(text):
    return base64.b64encode(text.encode()).decode()


def scalar_values(ftype, fdesc):
    """(label, value) pairs a form would never send for a field of this type."""
    wrong = [('a dict', {'x': 1}), ('a list', [1, 2])]
    if ftype in ('char', 'text'):
        return [('an empty string', ''), ('1 MB of text', HUGE), ('a number', 12345), *wrong,
                ('a <script>', SCRIPT)]
    if ftype == 'html':
        return [('a <script>', f'<p>Text</p>{SCRIPT}'), ('a javascript: link', f'<p>{JS_LINK}</p>'),
                ('an onerror handler', ONERROR), ('1 MB of HTML', f'<p>{HUGE}</p>'),
                ('an empty string', ''), ('a number', 12345), *wrong]
    if ftype == 'integer':
        return [('text', 'abc'), ('2**63', 2 ** 63), ('-2**63', -(2 ** 63)), ('2**31', 2 ** 31),
                ('a negative number', -1), *wrong]
    if ftype in ('float', 'monetary'):
        return [('text', 'abc'), ('1e308', 1e308), ('-1e308', -1e308), ('a negative number', -1.5), *wrong]
    if ftype == 'boolean':
        return [('text', 'abc'), *wrong]
    if ftype == 'date':
        return [('text', 'abc'), ('year 0', '0000-01-01'), ('year 10000', '10000-01-01'),
                ('30 February', '2022-02-30'), ('year 1', '0001-01-01'), ('year 9999', '9999-12-31'),
                ('a number', 12345), *wrong]
    if ftype == 'datetime':
        return [('text', 'abc'), ('year 0', '0000-01-01 00:00:00'), ('month 13', '2022-13-01 08:00:00'),
                ('year 1', '0001-01-01 00:00:00'), ('year 9999', '9999-12-31 23:59:59'),
                ('a number', 12345), *wrong]
    if ftype == 'selection':
        return [('an unknown key', 'no_such_key'), ('a number', 42), ('an empty string', ''), *wrong]
    if ftype == 'binary':
        return [('not base64', 'not base64 at all!'), ('1 MB of base64', _b64(HUGE)), *wrong]
    if ftype == 'many2one':
        comodel = fdesc['relation']
        return [('text', 'abc'), ('-1', -1), ('2**31', 2 ** 31), ('a list', [1, 2]),
                ('a missing record', Ref('missing', comodel)), ('another organisation\'s record', Ref('other', comodel))]
    if ftype in ('one2many', 'many2many'):
        comodel = fdesc['relation']
        values = [('text', 'abc'), ('an unknown command', [[99, 0, 0]]), ('text ids', [[6, 0, ['abc']]]),
                  ('a missing record', [[6, 0, [Ref('missing', comodel)]]]),
                  ('another organisation\'s record', [[4, Ref('other', comodel)]]),
                  ('an unknown field in a new line', [[0, 0, {'no_such_field': 1}]])]
        if comodel == 'ir.attachment':
            values += attachment_values()
        return values
    return []


def attachment_values():
    """Evidence files with crafted names and types (Command.create of ir.attachment)."""
    def new(name, mimetype, content):
        return [[0, 0, {'name': name, 'mimetype': mimetype, 'datas': _b64(content)}]]
    return [
        ('a path in the file name', new('../../etc/passwd', 'application/pdf', '%PDF-1.4 x')),
        ('a NUL in the file name', new('report.pdf\x00.exe', 'application/pdf', '%PDF-1.4 x')),
        ('an executable', new('setup.exe', 'application/x-msdownload', 'MZ\x90\x00')),
        ('an HTML page', new('evidence.html', 'text/html', f'<html>{SCRIPT}</html>')),
        ('an SVG with a script', new('evidence.svg', 'image/svg+xml', f'<svg xmlns="http://www.w3.org/2000/svg">{SCRIPT}</svg>')),
        ('a PDF named .pdf with an HTML type', new('evidence.pdf', 'text/html', '%PDF-1.4 x')),
        ('a 1 MB file name', new('a' * (1 << 20) + '.pdf', 'application/pdf', '%PDF-1.4 x')),
    ]


def writable_fields(fields):
    """The fields a client may send: stored or inverse-able, not Odoo's own bookkeeping."""
    return {
        name: desc for name, desc in sorted(fields.items())
        if name not in MAGIC and not name.startswith(('message_', 'activity_', 'website_message'))
        and (desc.get('store') or not desc.get('readonly'))
        and desc['type'] not in ('properties', 'properties_definition', 'json', 'reference', 'many2one_reference')
    }


def model_cases(model, fields, buttons=()):
    """Every case of one model: each field fed each bad value on create and on write, an
    unknown field, another organisation's and a missing record written, and each button
    pressed on its own, another organisation's and a missing record."""
    cases = []
    for fname, desc in writable_fields(fields).items():
        for label, value in scalar_values(desc['type'], desc):
            for method in ('create', 'write'):
                cases.append(Case(model, method, f'{fname} = {label}', fname, value))
    cases += [
        Case(model, 'create', 'an unknown field', 'no_such_field', 1),
        Case(model, 'write', 'an unknown field', 'no_such_field', 1),
        Case(model, 'write', 'another organisation\'s record', target='other'),
        Case(model, 'write', 'a missing record', target='missing'),
    ]
    for button in sorted(buttons):
        for target in ('own', 'other', 'missing'):
            cases.append(Case(model, button, 'pressed', target=target))
    return cases


def addon_buttons(model_class, module='party_democratic_life'):
    """The buttons (action_* methods) the addon itself defines on a model class; Odoo's own
    (action_archive on a model without 'active', ...) are Odoo's business."""
    return sorted({
        name for klass in model_class.mro() if getattr(klass, '_module', None) == module
        for name, member in vars(klass).items() if name.startswith('action_') and callable(member)
    })


def sample(cases, per_model, seed):
    """A bounded, reproducible choice of cases: per_model of each model, drawn with `seed`,
    always including one button, one HTML field and one evidence file when the model has them."""
    rng = random.Random(seed)
    by_model = {}
    for case in cases:
        by_model.setdefault(case.model, []).append(case)
    chosen = []
    for model in sorted(by_model):
        pool = by_model[model]
        must = []
        for wanted in (lambda c: c.method.startswith('action_'),
                       lambda c: c.label.endswith('a javascript: link'),
                       lambda c: 'file name' in c.label):
            matching = [c for c in pool if wanted(c)]
            if matching:
                must.append(rng.choice(matching))
        rest = [c for c in pool if c not in must]
        chosen += must + rng.sample(rest, min(max(per_model - len(must), 0), len(rest)))
    return chosen


def resolve(value, lookup):
    """The value with every Ref replaced by lookup(ref) (an id); None when a Ref cannot be
    resolved (the case does not apply to this database)."""
    if isinstance(value, Ref):
        return lookup(value)
    if isinstance(value, list):
        items = [resolve(item, lookup) for item in value]
        return None if any(item is None for item in items) else items
    if isinstance(value, dict):
        items = {key: resolve(item, lookup) for key, item in value.items()}
        return None if any(item is None for item in items.values()) else items
    return value


def judge(case, error=None, message='', stored=None, ftype=None):
    """What is wrong with an answer, or None when it is acceptable.

    error: the exception's class name when the call was refused (None when it succeeded);
    message: its message (the user reads Chinese: it must contain Chinese);
    stored: what an HTML field holds after a successful call."""
    if error:
        if error not in REFUSALS:
            return f'server error {error}: {message[:200]}'
        if not CJK.search(message or '') and not (message or '').startswith(ODOO_UNTRANSLATED):
            return f'{error} not translated: {message[:200]}'
        return None
    if ftype == 'html' and isinstance(stored, str) and UNSAFE_HTML.search(stored):
        return f'unsafe HTML stored: {UNSAFE_HTML.search(stored).group(0)}'
    return None
