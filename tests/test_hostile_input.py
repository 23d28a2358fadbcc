import random

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.translate import code_translations

from . import hostile_cases
from .access_common import ROLE_USERS, SPECS, AccessCase


@tagged('post_install', '-at_install')
class TestHostileInput(AccessCase):
    """A seeded sample of the hostile calls that `make trust` makes exhaustively (see
    tests/hostile_cases.py): each ends in a refusal in Chinese that changed nothing, or in a
    success that stored nothing unsafe; never in a server error."""

    SEED = 15
    PER_MODEL = 10

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env['res.lang']._activate_lang('zh_CN')
        cls.env['ir.module.module']._load_module_terms(['base', 'party_democratic_life'], ['zh_CN'], overwrite=True)
        users = cls.env['res.users'].browse([cls.role_user(role).id for role in ROLE_USERS])
        users.write({'lang': 'zh_CN'})
        cls.models = sorted(cls.env['ir.model.data'].search([
            ('module', '=', 'party_democratic_life'), ('model', '=', 'ir.model')]).mapped(
            lambda data: cls.env['ir.model'].browse(data.res_id).model))
        # the addon's own models (it also extends ir.actions.report with its Word and Excel types)
        cls.models = [model for model in cls.models if model.startswith('party.') and not cls.env[model]._abstract]
        cls.tables = sorted({cls.env[model]._table for model in cls.models})

    def digest(self):
        """One checksum per table of the addon and of the files: what a refused call must not change."""
        sums = {}
        for table in [*self.tables, 'ir_attachment', 'mail_activity']:
            self.env.cr.execute(f'SELECT md5(coalesce(string_agg(t::text, \'|\' ORDER BY t.id), \'\')) FROM "{table}" t')
            sums[table] = self.env.cr.fetchone()[0]
        return sums

    def lookup(self, role):
        def find(ref):
            if ref.kind == 'missing':
                self.env.cr.execute(f'SELECT coalesce(max(id), 0) + 1000 FROM "{self.env[ref.model]._table}"')
                return self.env.cr.fetchone()[0]
            spec = SPECS.get(ref.model)
            other = {'res.users': self.outsider, 'res.partner': self.outsider.partner_id}.get(ref.model)
            if other is None and spec and spec.other:
                other = spec.other(self, role)
            return other.id if other else None
        return find

    @staticmethod
    def sql_refusal(error):
        """The message JSON-RPC answers for a violated SQL constraint (odoo/service/model.py):
        Odoo's own sentence, in Chinese, around PostgreSQL's."""
        sentence = 'The operation cannot be completed: %s'
        return code_translations.get_python_translations('base', 'zh_CN').get(sentence, sentence) % error

    def cases(self):
        cases = []
        for model in self.models:
            Model = self.env[model]
            buttons = hostile_cases.addon_buttons(type(Model))
            fields = Model.fields_get(attributes=['type', 'relation', 'readonly', 'store'])
            cases += hostile_cases.model_cases(model, fields, buttons)
        return hostile_cases.sample(cases, self.PER_MODEL, self.SEED)

    def call(self, case, role):
        """Make the call as `role` like JSON-RPC would; the problem with the answer, or None."""
        user = self.role_user(role)
        spec = SPECS.get(case.model)
        Model = self.env[case.model].with_user(user).with_context(lang='zh_CN')
        find = self.lookup(role)
        value = hostile_cases.resolve(case.value, find)
        if case.value is not None and value is None:
            return None  # no such record in this database
        targets = {
            'own': lambda: spec.own(self, role).ids if spec else [],
            'other': lambda: spec.other(self, role).ids if spec and spec.other else [],
            'missing': lambda: [find(hostile_cases.Ref('missing', case.model))],
        }
        if case.method == 'create':
            if not spec:
                return None
            vals = dict(spec.create(self, role), **{case.field: value})
            args = [vals]
        else:
            ids = targets[case.target]()
            if not ids:
                return None
            if case.method == 'write':
                vals = {case.field: value} if case.field else (spec.write if isinstance(spec.write, dict) else {})
                args = [ids, vals or {'display_name': 'x'}]
            else:
                args = [ids]
        before = self.digest()
        ftype = Model._fields[case.field].type if case.field in Model._fields else None
        try:
            # PostgreSQL's refusal of a constraint is logged by Odoo as a bad query: expected here.
            with mute_logger('odoo.sql_db'), self.env.cr.savepoint():
                result = call_kw(Model, case.method, args, {'context': {'lang': 'zh_CN'}})
                self.env.flush_all()
        except (UserError, IntegrityError) as refusal:
            # JSON-RPC rolls the transaction back and answers a ValidationError for an SQL constraint.
            self.env.transaction.reset()
            error = 'ValidationError' if isinstance(refusal, IntegrityError) else type(refusal).__name__
            message = str(refusal) if isinstance(refusal, UserError) else self.sql_refusal(refusal)
            problem = hostile_cases.judge(case, error, message)
            if not problem and self.digest() != before:
                problem = 'a refused call changed the database'
            return problem
        except Exception as error:  # noqa: BLE001 - every other exception is what we look for
            self.env.transaction.reset()
            return hostile_cases.judge(case, type(error).__name__, str(error))
        stored = None
        if ftype == 'html' and case.method in ('create', 'write'):
            record_id = result if case.method == 'create' else args[0][0]
            stored = self.env[case.model].sudo().browse(record_id)[case.field]
        return hostile_cases.judge(case, stored=stored, ftype=ftype)

    def test_hostile_sample(self):
        """Every model: a seeded sample of its hostile creates, writes and buttons, each as one
        role of the matrix in turn."""
        roles = sorted(ROLE_USERS)
        random.Random(self.SEED).shuffle(roles)
        problems = []
        cases = self.cases()
        self.assertGreater(len({case.model for case in cases}), 20)
        for index, case in enumerate(cases):
            role = roles[index % len(roles)]
            problem = self.call(case, role)
            if problem:
                problems.append(f'{case.key} as {role}: {problem}')
        self.assertFalse(problems, '\n' + '\n'.join(problems))

    def test_every_model_checks_its_input(self):
        """A new model of the addon gets the input check too (models/party_input_check.py)."""
        unchecked = [model for model in self.models if not hasattr(self.env[model], '_party_check_input')]
        self.assertFalse(unchecked, 'These models take any value a client sends: inherit party.input.check')

    def test_refusal_names_record_and_field(self):
        """A value of the wrong type is refused in the user's language, naming the record and
        the field, and the record keeps its value."""
        item = self.item_qian.with_user(self.qian).with_context(lang='zh_CN')
        deadline = item.deadline
        with self.assertRaises(ValidationError) as refused:
            item.write({'deadline': '2022-02-30'})
        message = str(refused.exception)
        self.assertIn(self.item_qian.display_name, message)
        self.assertIn(item._fields['deadline']._description_string(item.env), message)
        self.assertRegex(message, hostile_cases.CJK)
        self.assertEqual(self.item_qian.deadline, deadline)
        # The same item takes a real date.
        item.write({'deadline': '2022-04-30'})
        self.assertEqual(str(self.item_qian.deadline), '2022-04-30')

    def test_values_that_crashed_the_server(self):
        """What `make trust` found ending in a server error before the input check: each is
        now refused naming the field, and the record keeps its values."""
        meeting = self.meeting_a.with_context(lang='zh_CN')
        cases = [
            (meeting, 'materials_deadline', '0001-01-01'),   # printed "1-01-01", unparsable
            (meeting, 'date_start', '9999-12-31 23:59:59'),  # no end after it
            (meeting, 'duration', 1e308),                     # overflows in the end time
            (meeting, 'reference', 'x' * (1 << 20)),          # beyond a b-tree index row
            (meeting.attendee_ids[:1], 'attendance', 42),     # not a key of the selection
            (self.opinion_team_a.with_context(lang='zh_CN'), 'channel', 'no_such_key'),
            (self.item_qian.with_context(lang='zh_CN'), 'deadline', '2022-02-30'),
        ]
        for record, field, value in cases:
            before = record.read([field])[0][field]
            with self.subTest(model=record._name, field=field), self.assertRaises(ValidationError) as refused:
                record.write({field: value})
            self.assertIn(record._fields[field]._description_string(record.env), str(refused.exception))
            self.assertEqual(record.read([field])[0][field], before)
        # Creates too, before the model's own code reads the values.
        for model, vals in (('party.meeting.statement', {'meeting_id': 'abc'}),
                            ('party.meeting.statement.problem', {'statement_id': [1, 2]}),
                            ('party.rectification.milestone', {'rectification_id': self.item_qian.id, 'date': {}})):
            with self.subTest(model=model), self.assertRaises(ValidationError):
                self.env[model].with_context(lang='zh_CN').create(vals)

    def test_judge(self):
        """The judge itself: a server error, an English refusal and a stored script are each a
        defect; a Chinese refusal and sanitised HTML are fine."""
        case = hostile_cases.Case('party.meeting', 'write', 'minutes = a <script>', 'minutes', hostile_cases.SCRIPT)
        self.assertIn('server error', hostile_cases.judge(case, 'ValueError', 'invalid literal'))
        self.assertIn('not translated', hostile_cases.judge(case, 'ValidationError', 'Wrong value'))
        self.assertIsNone(hostile_cases.judge(case, 'ValidationError', '“会议记录”的值不正确'))
        self.assertIn('unsafe', hostile_cases.judge(case, stored='<p>x</p><script>1</script>', ftype='html'))
        self.assertIsNone(hostile_cases.judge(case, stored='<p>x</p>', ftype='html'))
