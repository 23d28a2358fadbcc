"""The documents table of README.md through HTTP: every report and every Word or Excel
download is served to whom may read the record and refused to whom may not."""
import re

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .access_common import ROLE_USERS, SPECS, AccessCase, read_documents

KIND_IN_REPORT = re.compile(r"_party_document_title\('(\w+)'\)")


@tagged('post_install', '-at_install')
class TestAccessDocuments(HttpCase, AccessCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.documents = read_documents()
        # A's meeting has its minutes, report and notice composed, so that every document says something.
        cls.meeting_a._compose_minutes()
        cls.meeting_a._compose_report()
        cls.meeting_a._compose_notice()
        cls.env.cr.flush()

    def discover(self):
        """{(model, kind): formats} of every report and download the addon offers."""
        found = {}
        for report in self.env['ir.actions.report'].search([('model', '=like', 'party.%')]):
            kind = KIND_IN_REPORT.search(report.print_report_name or '')
            self.assertTrue(kind, f'{report.report_name}: its file name does not say which document it is')
            found.setdefault((report.model, kind[1]), set()).add('pdf')
        for model in (name for name in self.env if name.startswith('party.')):
            Model = self.env[model]
            if not hasattr(Model, '_party_documents') or Model._abstract:
                continue
            for kind, spec in Model._party_documents().items():
                formats = found.setdefault((model, kind), set())
                if spec.get('docx') and spec.get('blocks'):
                    formats.add('docx')
                if spec.get('xlsx'):
                    formats.add('xlsx')
        return found

    def fetch(self, model, kind, file_format, record):
        """True if the document of `record` is served, False if it is refused."""
        if file_format == 'pdf':
            report = self.env['ir.actions.report'].search([
                ('model', '=', model), ('print_report_name', 'like', f"'{kind}'")])
            url = f'/report/pdf/{report.report_name}/{record.id}'
        else:
            url = f'/party_democratic_life/download/{model}/{kind}/{file_format}?ids={record.id}'
        response = self.url_open(url, timeout=60)
        self.assertIn(response.status_code, (200, 403), f'{url}: unexpected answer {response.status_code}')
        if response.status_code == 200:
            self.assertGreater(len(response.content), 100, f'{url}: an empty document')
        return response.status_code == 200

    def test_documents_table_lists_every_document(self):
        listed = {(model, kind): formats for (model, kind, _role), (formats, _cells) in self.documents.items()}
        self.assertEqual({key: frozenset(value) for key, value in self.discover().items()}, listed)
        self.assertEqual({role for (_model, _kind, role) in self.documents}, set(ROLE_USERS))

    @mute_logger('odoo.http', 'odoo.addons.base.models.ir_rule', 'odoo.addons.base.models.ir_model')
    def test_documents_follow_the_table(self):
        mismatches = []
        for role in ROLE_USERS:
            user = self.role_user(role)
            self.authenticate(user.login, user.login.ljust(8, 'x'))
            for (model, kind, row_role), (formats, cells) in sorted(self.documents.items()):
                if row_role != role:
                    continue
                spec = SPECS[model]
                for which, factory in (('own', spec.own), ('team', spec.team), ('other', spec.other)):
                    record = factory and factory(self, role)
                    expected = cells[which]
                    if not record:
                        if expected is not None:
                            mismatches.append(f'{model}/{kind} | {role} | {which}: no such record, README says {expected}')
                        continue
                    for file_format in sorted(formats):
                        served = self.fetch(model, kind, file_format, record)
                        if served != expected:
                            mismatches.append(f'{model}/{kind} .{file_format} | {role} | {which}: README says '
                                              f'{expected}, the server {"serves" if served else "refuses"} it')
        self.assertFalse(mismatches, 'The documents table of README.md and the server differ:\n' + '\n'.join(mismatches))
