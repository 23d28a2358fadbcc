"""The documents table of README.md through HTTP: every PDF, Word and Excel report of the
Print menu is served through Odoo's report routes to whom may read the record, and refused,
before anything is rendered, to whom may not."""
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .access_common import ROLE_USERS, SPECS, AccessCase, read_documents
from .common_documents import DOCUMENTS

FORMATS = {'qweb-pdf': 'pdf', 'docx': 'docx', 'xlsx': 'xlsx'}


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
        """{(model, kind): formats} of every report the addon puts in a Print menu."""
        kinds = {report_file: key for key, report_file in DOCUMENTS.items()}
        found = {}
        for report in self.env['ir.actions.report'].search([('model', '=like', 'party.%')]):
            self.assertIn(report.report_file, kinds, f'{report.report_name}: not in the documents table')
            self.assertEqual(report.binding_model_id.model, report.model, f'{report.report_name}: not in the Print menu')
            self.assertEqual(report.binding_type, 'report')
            found.setdefault(kinds[report.report_file], set()).add(FORMATS[report.report_type])
        return found

    def fetch(self, model, kind, file_format, record):
        """True if the document of `record` is served, False if it is refused."""
        report = self.env['ir.actions.report'].search([
            ('model', '=', model), ('report_file', '=', DOCUMENTS[model, kind]),
            ('report_type', '=', {v: k for k, v in FORMATS.items()}[file_format])])
        url = f'/report/{file_format}/{report.report_name}/{record.id}'
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
