from unittest.mock import patch

from lxml import etree

from odoo.tests import freeze_time, tagged, users, warmup

from .common import PartyCase
from .common_documents import DocumentReaders


def web_client_spec(env, model, view_type):
    """The web_read specification the web client builds from the default view: the view's
    fields, display names of relations, and the inline lists of one2many fields."""
    views = env[model].get_views([(False, view_type)])
    arch = etree.fromstring(views['views'][view_type]['arch'])
    spec = _node_spec(arch, model, views['models'])
    spec.setdefault('display_name', {})
    return spec


def _node_spec(node, model, models):
    level = int(node.xpath('count(ancestor-or-self::field)'))
    infos = models.get(model, {}).get('fields', {})
    spec = {}
    for field_node in node.xpath(f'.//field[count(ancestor::field) = {level}]'):
        info = infos.get(field_node.get('name'), {})
        field_spec = spec.setdefault(field_node.get('name'), {})
        if info.get('type') == 'many2one':
            field_spec['fields'] = {'display_name': {}}
        elif info.get('type') in ('one2many', 'many2many'):
            sub = next(iter(field_node.xpath('./list|./kanban')), None)
            if sub is None:
                field_spec['fields'] = {'display_name': {}}
            else:
                field_spec['fields'] = _node_spec(sub, info['relation'], models)
                field_spec['limit'] = 40
    return spec


@tagged('post_install', '-at_install')
class TestPerformance(DocumentReaders, PartyCase):
    """What a user waits for costs the same number of queries whatever the number of records
    behind it: each pinned count below is asserted at two sizes. The benchmark
    (benchmarks/bench.py) measures the same calls on a county-sized database."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Small: the reference team of five, ten items (four overdue), four talks.
        for n in range(10):
            cls.make_rectification(name=f'Small item {n}', deadline='2022-03-01' if n < 4 else '2099-01-01',
                                   responsible_user_id=cls.members[n % 5].id)
        for user_a, user_b in ((cls.zhao, cls.qian), (cls.zhao, cls.sun), (cls.qian, cls.sun)):
            cls.make_talk(cls.meeting, user_a, user_b)
        cls.make_talk(cls.meeting, cls.li, cls.zhou, done=False)

        # Large: a team of six under the same principal, sixty items and forty talks.
        cls.feng = cls.env['res.users'].create({
            'name': 'Feng Zhiqiang', 'login': 't_feng', 'tz': 'Asia/Shanghai',
            'group_ids': [(6, 0, (cls.env.ref('base.group_user')
                                  | cls.env.ref('party_democratic_life.group_party_member')).ids)],
        })
        team = cls.members | cls.feng
        cls.large_organization = cls.env['party.organization'].create({
            'name': 'Large Bureau Party Group',
            'clerk_user_ids': [(6, 0, cls.wu.ids)],
            'upper_body_ids': [(6, 0, cls.commission.ids)],
            'member_ids': [(0, 0, {'user_id': user.id, 'sequence': index, 'is_principal': user == cls.zhao,
                                   'position': 'Member'})
                           for index, user in enumerate(team)],
        })
        cls.large_meeting = cls.create_meeting(
            name='Annual Meeting 2021', organization_id=cls.large_organization.id, meeting_type='annual')
        cls.env['party.rectification'].create([{
            'name': f'Large item {n}',
            'meeting_id': cls.large_meeting.id,
            'scope': 'personal' if n % 3 else 'team',
            'responsible_user_id': team[n % 6].id,
            'measures': '<p>Fix it.</p>',
            'deadline': '2022-03-01' if n % 2 else '2099-01-01',
        } for n in range(60)])
        pairs = [(a, b) for i, a in enumerate(team) for b in team[i + 1:]]
        for n in range(40):
            if n < len(pairs):
                cls.make_talk(cls.large_meeting, *pairs[n])
            else:
                cls.make_talk(cls.large_meeting, cls.zhao, cls.env['res.users'], counterpart_user_id=False,
                              counterpart_name=f'Branch representative {n}', talk_type='branch_representative')
        cls.form_spec = web_client_spec(cls.env, 'party.meeting', 'form')
        cls.list_spec = web_client_spec(cls.env, 'party.rectification', 'list')
        cls.env.flush_all()
        cls.env.cr.flush()

    def _new_request(self):
        """The cache a request starts with: empty, but for the user and company that the
        session check already read."""
        self.env.invalidate_all()
        self.env.user.partner_id.name  # noqa: B018
        self.env.company.name  # noqa: B018

    def _add_overdue_items(self, count):
        """More overdue items for the organization, to show the ledger's count stays put."""
        self.env['party.rectification'].sudo().create([{
            'name': f'Extra overdue item {n}', 'meeting_id': self.meeting.id, 'scope': 'team',
            'deadline': '2022-04-01',
        } for n in range(count)])
        self.env.flush_all()

    def test_sizes(self):
        """The two meetings do differ in size, so the equal counts below mean something."""
        self.assertEqual((len(self.meeting.attendee_ids), len(self.meeting.rectification_ids),
                          len(self.meeting.talk_ids)), (5, 10, 4))
        self.assertEqual((len(self.large_meeting.attendee_ids), len(self.large_meeting.rectification_ids),
                          len(self.large_meeting.talk_ids)), (6, 60, 40))
        self.assertIn('rectification_count', self.form_spec)
        self.assertIn('attendee_ids', self.form_spec)

    @users('t_zhao', 't_wang')
    @warmup
    def test_meeting_form_query_count(self):
        """Opening the form (every computed field, smart button and inline list of the view)
        costs the same for a team of five with ten items as for six with sixty and forty talks."""
        with freeze_time('2023-01-10 04:00:00'):
            for meeting in (self.meeting, self.large_meeting):
                record = self.env['party.meeting'].browse(meeting.id)
                self._new_request()
                # Two of them read the inline lists of the upper level's remarks and of the members'
                # statements of commitment: one query each, whatever the size. The secretary's check
                # of the organisation reads its observers too (rules on team_and_clerk_user_ids). The
                # review rounds are counted in one query, the supervising bodies' reviewers in two, the
                # meetings held again in one, the submission packages in one.
                with self.assertQueryCount(t_zhao=38, t_wang=35):
                    [values] = record.web_read(self.form_spec)
                self.assertEqual(values['rectification_count'], len(meeting.rectification_ids))
                self.assertEqual(values['talk_count'], len(meeting.talk_ids))

    @users('t_zhao', 't_wang')
    @warmup
    def test_ledger_first_page_query_count(self):
        """The overdue ledger's first page (more than one page of items, so the client also
        gets their count): the same queries with 50 more overdue items."""
        Rectification = self.env['party.rectification']
        overdue = [('is_overdue', '=', True)]
        with freeze_time('2023-01-10 04:00:00'):
            lengths = []
            for extra in (90, 50):
                self._add_overdue_items(extra)
                self._new_request()
                with self.assertQueryCount(t_zhao=10, t_wang=7):
                    result = Rectification.web_search_read(overdue, self.list_spec, limit=80, count_limit=10001)
                lengths.append(result['length'])
                self._new_request()
                with self.assertQueryCount(t_zhao=2, t_wang=2):
                    groups = Rectification.web_read_group(overdue, ['organization_id'], ['__count'], limit=80)
                self.assertTrue(groups['groups'])
        self.assertEqual(lengths[1] - lengths[0], 50)

    @users('t_wang')
    @warmup
    def test_overview_query_count(self):
        """The manager overview (one grouped SQL view): the same queries with two or five
        organizations and 50 more items."""
        Overview = self.env['party.rectification.overview']
        spec = web_client_spec(self.env, 'party.rectification.overview', 'list')
        with freeze_time('2023-01-10 04:00:00'):
            lengths = []
            for extra in (0, 3):
                if extra:
                    self._add_overdue_items(50)
                    self.env['party.organization'].sudo().create([
                        {'name': f'Extra Party Group {n}', 'member_ids': [
                            (0, 0, {'user_id': self.outsider.id, 'is_principal': True})]}
                        for n in range(extra)])
                self._new_request()
                with self.assertQueryCount(t_wang=3):
                    result = Overview.web_search_read([], spec, limit=80, count_limit=10001)
                lengths.append(result['length'])
        self.assertEqual(lengths[1] - lengths[0], 3)
        row = next(r for r in result['records'] if r['organization_id']['id'] == self.organization.id)
        self.assertGreaterEqual(row['overdue_count'], 54)

    @warmup
    def test_daily_cron_query_count(self):
        """The daily check once the backlog is flagged: the same few queries whether 60 or
        110 more items are overdue, since it reads only what is new."""
        Rectification = self.env['party.rectification']
        with freeze_time('2023-01-10 04:00:00'), \
                patch.object(type(self.env['ir.cron']), '_commit_progress', return_value=60.0):
            for extra in (60, 50):
                self._add_overdue_items(extra)
                Rectification._cron_check_deadlines()
                self.assertFalse(Rectification.search_count([
                    ('is_overdue', '=', True), ('overdue_flagged', '=', False)]))
                self.env.invalidate_all()
                # One of them reads the organisations' time zones: each counts its own today.
                with self.assertQueryCount(__system__=3):
                    Rectification._cron_check_deadlines()

    @users('t_wang')
    @warmup
    def test_rectification_list_query_count(self):
        """The printed problem and rectification list (its PDF and Word files share these
        blocks): the same queries for one organisation's 10 items as for 70 items of two."""
        Rectification = self.env['party.rectification']
        small = Rectification.search([('meeting_id', '=', self.meeting.id)])
        large = Rectification.search([('meeting_id', 'in', (self.meeting | self.large_meeting).ids)])
        self.assertEqual((len(small), len(large.organization_id)), (10, 2))
        for items in (small, large):
            self._new_request()
            # 9: one more than before for the organisation's language and time zone, which every
            # document now reads (once, whatever the number of items)
            with self.assertQueryCount(t_wang=9):
                blocks = self.document_blocks(items, 'rectification_list')
            self.assertEqual(sum(len(b['rows']) for b in blocks if b['type'] == 'table'), len(items))

    @users('t_qian')
    def test_ledger_rules_still_apply(self):
        """The cheap overdue filter does not widen what a member sees."""
        with freeze_time('2023-01-10 04:00:00'):
            items = self.env['party.rectification'].search([('is_overdue', '=', True)])
        self.assertTrue(items)
        self.assertEqual(items.organization_id, self.organization | self.large_organization)
        self.assertNotIn('Other Party Group', items.organization_id.mapped('name'))
