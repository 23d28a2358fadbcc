"""The access matrix of README.md through the web client's JSON-RPC layer, for the most
confidential models: what the ORM refuses, the web layer refuses too."""
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .access_common import ROLE_USERS, SPECS, AccessCase, read_matrix

ACCESS_ERROR = 'odoo.exceptions.AccessError'
WEB_MODELS = ('party.meeting', 'party.meeting.talk', 'party.meeting.statement', 'party.meeting.criticism')


@tagged('post_install', '-at_install')
class TestAccessHttp(HttpCase, AccessCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.matrix = read_matrix()

    def call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(f'/web/dataset/call_kw/{model}/{method}', {
            'model': model, 'method': method, 'args': list(args), 'kwargs': kwargs})

    def login_as(self, role):
        user = self.role_user(role)
        self.authenticate(user.login, user.login.ljust(8, 'x'))

    def web_read(self, record, field_name):
        """True if the record is served, False if the answer is an AccessError."""
        try:
            result = self.call(record._name, 'web_read', record.ids, specification={field_name: {}})
        except JsonRpcException as error:
            self.assertEqual(str(error), ACCESS_ERROR)
            return False
        self.assertEqual([row['id'] for row in result], record.ids)
        return True

    def web_search(self, record):
        """True if the record is found, False if it is not (or the model is refused)."""
        try:
            result = self.call(record._name, 'web_search_read', [('id', '=', record.id)],
                               specification={'display_name': {}})
        except JsonRpcException as error:
            self.assertEqual(str(error), ACCESS_ERROR)
            return False
        return [row['id'] for row in result['records']] == record.ids

    def web_write(self, record, vals):
        try:
            self.call(record._name, 'web_save', record.ids, vals, specification={'display_name': {}})
        except JsonRpcException as error:
            # A rule's own refusal (only the author edits an outline) is a UserError, not an access error.
            self.assertIn(str(error), (ACCESS_ERROR, 'odoo.exceptions.UserError'))
            return False
        return True

    @mute_logger('odoo.http')  # each refusal is logged as a warning
    def test_json_rpc_follows_the_matrix(self):
        mismatches = []
        for role in ROLE_USERS:
            self.login_as(role)
            for model in WEB_MODELS:
                spec, cells = SPECS[model], self.matrix[model, role]
                for kind, factory in (('own', spec.own), ('team', spec.team), ('other', spec.other)):
                    record = factory and factory(self, role)
                    if not record:
                        continue
                    served, found = self.web_read(record, spec.read_field), self.web_search(record)
                    if (served, found) != (cells[f'read {kind}'],) * 2:
                        mismatches.append(f'{model} | {role} | read {kind}: README says {cells[f"read {kind}"]}, '
                                          f'web_read gives {served}, web_search_read {found}')
                    vals = spec.write(record) if callable(spec.write) else spec.write
                    written = self.web_write(record, vals)
                    if written != cells[f'write {kind}']:
                        mismatches.append(f'{model} | {role} | write {kind}: README says '
                                          f'{cells[f"write {kind}"]}, web_save gives {written}')
        self.assertFalse(mismatches, 'The web layer and the access matrix differ:\n' + '\n'.join(mismatches))

    def test_confidential_text_never_reaches_a_forbidden_user(self):
        """A member reading the meeting's talks gets their own talk's content and nothing of a talk
        between two others, whichever way the web client asks."""
        self.talk_qian_sun.content = '<p>OWN-TALK-qian-sun</p>'
        self.talk_li_zhou.content = '<p>SECRET-TALK-li-zhou</p>'
        self.login_as('member')
        answers = [
            self.call('party.meeting', 'web_read', self.meeting_a.ids,
                      specification={'talk_ids': {'fields': {'content': {}}}, 'talk_coverage_html': {},
                                     'missing_talk_pairs': {}}),
            self.call('party.meeting.talk', 'web_search_read', [('meeting_id', '=', self.meeting_a.id)],
                      specification={'content': {}}),
            self.call('party.meeting.talk', 'web_read_group', [('meeting_id', '=', self.meeting_a.id)],
                      groupby=['state'], aggregates=['__count']),
        ]
        self.assertIn('OWN-TALK-qian-sun', str(answers[0]))
        self.assertIn('OWN-TALK-qian-sun', str(answers[1]))
        for answer in answers:
            self.assertNotIn('SECRET-TALK-li-zhou', str(answer))
        # Grouped counts only count what the member may read: their own talk.
        self.assertEqual(sum(group['__count'] for group in answers[2]['groups']), 1)

    def test_anonymous_visitor_gets_nothing(self):
        self.authenticate(None, None)
        response = self.url_open('/web/dataset/call_kw/party.meeting/web_read', json={
            'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
                'model': 'party.meeting', 'method': 'web_read', 'args': [self.meeting_a.ids],
                'kwargs': {'specification': {'name': {}}}}})
        self.assertIn('SessionExpiredException', response.text)
        self.assertNotIn('Special Meeting 2022', response.text)
