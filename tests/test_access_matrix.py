"""The access matrix of README.md, checked cell by cell through the ORM as each role."""
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .access_common import COLUMNS, ROLE_USERS, SPECS, AccessCase, read_matrix


@tagged('post_install', '-at_install')
class TestAccessMatrix(AccessCase):
    """Every cell of the README's access matrix, as the role's user through the ORM."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.matrix = read_matrix()

    # How a cell is probed: inside a savepoint that is always rolled back, with an empty cache.

    def attempt(self, action, prepare=None):
        """True if `action(prepared)` succeeds, False if it is refused (an access error or a rule's
        refusal). `prepare` runs first as superuser and must not fail."""
        savepoint = self.env.cr.savepoint()
        try:
            prepared = prepare() if prepare else None
            self.env.flush_all()
            self.env.invalidate_all()
            try:
                action(prepared)
                self.env.flush_all()
            except (AccessError, UserError):
                return False
            return True
        finally:
            savepoint.close(rollback=True)
            self.env.invalidate_all()

    def can_read(self, record, user, read_field):
        self.env.invalidate_all()
        try:
            found = bool(record.with_user(user).search([('id', '=', record.id)]))
        except AccessError:
            found = False
        readable = self.attempt(lambda _prepared: record.with_user(user).read([read_field]))
        self.assertEqual(found, readable, f'{record}: searching and reading disagree for {user.login}')
        return readable

    def probe(self, model, role, column):
        """The behaviour behind one cell: True, False, or None when there is no such record."""
        spec, user = SPECS[model], self.role_user(role)
        Model = self.env[model]
        kind = column.split()[-1]
        if column.startswith(('read', 'write')):
            factory = {'own': spec.own, 'team': spec.team, 'other': spec.other}[kind]
            record = factory and factory(self, role)
            if not record:
                return None
            if column.startswith('read'):
                return self.can_read(record, user, spec.read_field)
            vals = spec.write(record) if callable(spec.write) else spec.write
            allowed = self.attempt(lambda _prepared: record.with_user(user).write(vals))
            if not allowed and spec.can_sudo:
                self.assertTrue(self.attempt(lambda _prepared: record.sudo().write(vals)),
                                f'{model}: {vals} cannot be written at all')
            return allowed
        if column.startswith('create'):
            make_vals = spec.create if column == 'create' else spec.create_other
            if not make_vals:
                return None
            vals = make_vals(self, role)
            allowed = self.attempt(lambda _prepared: Model.with_user(user).create(vals))
            if not allowed and spec.can_sudo:
                self.assertTrue(self.attempt(lambda _prepared: Model.sudo().create(vals)),
                                f'{model}: {vals} cannot be created at all')
            return allowed
        fresh = (lambda: spec.delete(self, role)) if spec.delete else (lambda: Model.create(spec.create(self, role)))
        return self.attempt(lambda record: record.with_user(user).unlink(), prepare=fresh)


    # The tests

    def test_matrix_covers_every_model_and_role(self):
        models = {name for name in self.env if name.startswith('party.') and not self.env[name]._abstract}
        self.assertEqual(set(SPECS), models, 'every model of the addon has a fixture here')
        expected = {(model, role) for model in models for role in ROLE_USERS}
        self.assertEqual(set(self.matrix), expected, 'README.md has one row per model and role')

    def test_matrix_cells(self):
        mismatches = []
        for (model, role), cells in sorted(self.matrix.items()):
            for column in COLUMNS:
                actual = self.probe(model, role, column)
                if actual != cells[column]:
                    mismatches.append(f'{model} | {role} | {column}: README says {cells[column]}, the code does {actual}')
        self.assertFalse(mismatches, 'The access matrix of README.md and the code differ:\n' + '\n'.join(mismatches))

    def test_who_reads_a_record_opens_its_form(self):
        """A role that may read a record can open it: every field of its form and of the lists in
        the form reads without an access error, computed ones included."""
        problems = []
        for (model, role), cells in sorted(self.matrix.items()):
            spec, user = SPECS[model], self.role_user(role)
            if not any(cells[f'read {kind}'] for kind in ('own', 'team', 'other')):
                continue
            views = self.env[model].with_user(user).get_views([(False, 'form')])
            fields_of = {name: list(info['fields']) for name, info in views['models'].items()}
            for kind, factory in (('own', spec.own), ('team', spec.team), ('other', spec.other)):
                if not cells[f'read {kind}']:
                    continue
                record = factory(self, role).with_user(user)
                # Field by field with an empty cache: a value another field read as superuser must
                # not hide a field that fails on its own.
                for name in fields_of[model]:
                    self.env.invalidate_all()
                    try:
                        value = record.read([name])[0][name]
                        field = record._fields[name]
                        if field.type in ('one2many', 'many2many') and value and field.comodel_name in fields_of:
                            self.env.invalidate_all()
                            record.env[field.comodel_name].browse(value).read(fields_of[field.comodel_name])
                    except AccessError as error:
                        problems.append(f'{model} | {role} | {kind} | {name}: {str(error).splitlines()[0]}')
        self.assertFalse(problems, 'Forms that a reader cannot open:\n' + '\n'.join(problems))

    def test_talk_coverage_is_the_same_for_every_reader(self):
        """The coverage counts are facts of the meeting: a member who reads only their own talks
        and an observer who reads none see what the principal sees."""
        expected = (self.meeting_a.talk_count, self.meeting_a.missing_talk_count, self.meeting_a.missing_talk_pairs)
        for user in (self.zheng, self.qian, self.wu, self.zhao):
            self.env.invalidate_all()
            meeting = self.meeting_a.with_user(user)
            with self.subTest(user=user.login):
                self.assertEqual((meeting.talk_count, meeting.missing_talk_count, meeting.missing_talk_pairs), expected)
