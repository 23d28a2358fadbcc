#!/usr/bin/env python3
"""Reliability suite of the party_democratic_life addon: `make trust`.

Starts its own Odoo (the project's settings, a multi-worker server on 127.0.0.1) on a copy
of a county database built by benchmarks/bench.py, and measures:

  load     simulated users of every role of the README's access matrix doing the day's mix
           for a fixed time, for each --workers and --users count: requests/s, p50/p95/p99
           per kind, errors (5xx, tracebacks in the log), and afterwards that every write
           the clients were told succeeded is stored exactly once;
  faults   a worker killed in the middle of a PDF and of a download, PostgreSQL stopped and
           started under load, the daily cron killed in its first county-size run and run
           again: what the clients saw, seconds until service was back, no activity twice
           and no item skipped;
  hostile  every create, write and button of every model of the addon, as every role, fed
           the values of tests/hostile_cases.py over JSON-RPC: a translated refusal that
           changed nothing, or a success that stored nothing unsafe; never a server error;
  backup   Odoo's database manager dumps the database with its filestore and restores it
           under a new name: every row of the addon's tables and every file compared.

It prints one table and writes JSON under benchmarks/results/ (trust-<time>.json).
Run it with Odoo's Python and Odoo importable: ``make trust ARGS=...``.
"""
# A command-line script, not addon code: it prints its table and commits its preparation.
# pylint: disable=print-used,invalid-commit
import argparse
import contextlib
import datetime
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / 'benchmarks'), str(ROOT / 'tests')]
import bench  # noqa: E402  (its Odoo path set-up, view specs and result files)
import hostile_cases  # noqa: E402
import psutil  # noqa: E402
import psycopg2  # noqa: E402
import requests  # noqa: E402

MODULE = bench.MODULE
PASSWORD = 'trust-Pw-2026'     # every simulated user's
MASTER_PASSWORD = 'trust-master-2026'   # the trust server's database manager
ROLES = ('observer', 'member', 'clerk', 'secretary', 'manager', 'internal user')

# Where the documents are served. The ONE place to change when they move routes.
REPORTS = {
    ('party.meeting', 'plan'): 'party_democratic_life.meeting_plan',
    ('party.meeting', 'rectification_list'): 'party_democratic_life.meeting_rectification_list',
    ('party.rectification', 'rectification_list'): 'party_democratic_life.rectification_list',
}


def document_url(file_format, model, kind, ids):
    """The URL that prints (pdf) or downloads (docx, xlsx) document `kind` of records `ids`:
    Odoo's report route of the Print menu's report in that format."""
    name = REPORTS[model, kind] if file_format == 'pdf' else f'{REPORTS[model, kind]}_{file_format}'
    return f'/report/{file_format}/{name}/{",".join(map(str, ids))}'


# What each role does in a day, with weights: reads far more often than writes and prints.
MIX = {
    'secretary': {'meeting': 4, 'outlines': 3, 'ledger': 3, 'progress': 2, 'talk': 1, 'pdf': 1, 'docx': 1, 'xlsx': 1},
    'member': {'meeting': 4, 'outlines': 3, 'ledger': 2, 'progress': 3, 'talk': 1, 'docx': 1},
    'clerk': {'meeting': 4, 'outlines': 3, 'ledger': 2, 'pdf': 1, 'docx': 1, 'xlsx': 1},
    'observer': {'meeting': 4, 'outlines': 3, 'pdf': 1},
    'manager': {'ledger': 5, 'meeting': 2, 'xlsx': 1, 'pdf': 1},
}
# Which role each simulated user plays, in turn: a county is mostly members.
ROLE_CYCLE = ['member', 'member', 'secretary', 'member', 'clerk', 'member', 'observer', 'member', 'secretary', 'manager']


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--size', choices=('small', 'default'), default='small',
                        help='county to build with bench.py --keep (default small: 20 groups, 2,000 items; '
                             'default: 300 groups, 30,000 items)')
    parser.add_argument('--db', help='reuse this database made by `bench.py --keep` (it is copied, not changed)')
    parser.add_argument('--workers', default='2,4', help='comma-separated --workers counts (default 2,4)')
    parser.add_argument('--users', default='10,50', help='comma-separated simulated user counts (default 10,50)')
    parser.add_argument('--duration', type=float, default=20, help='seconds of load per run (default 20)')
    parser.add_argument('--only', default='load,faults,hostile,backup',
                        help='comma-separated parts to run (default: load,faults,hostile,backup)')
    parser.add_argument('--hostile-limit', type=int, default=0,
                        help='at most this many hostile cases per model and role (default 0: all of them)')
    parser.add_argument('--pg-cluster', default=os.environ.get('TRUST_PG_CLUSTER', ''),
                        help='VERSION/NAME of the PostgreSQL cluster the fault test stops and starts '
                             '(default: the one listening on $PGPORT)')
    parser.add_argument('--styles-from-workers', action='store_true',
                        help='let wkhtmltopdf fetch the report styles from the busy workers themselves, as a '
                             'default Odoo does (prints deadlock when every worker prints; see README)')
    parser.add_argument('--keep', action='store_true', help='keep the trust databases at the end')
    parser.add_argument('--seed', type=int, default=15)
    parser.add_argument('--output', help='JSON file to write (default benchmarks/results/trust-<time>.json)')
    args = parser.parse_args(argv)
    args.workers = [int(n) for n in args.workers.split(',')]
    args.users = [int(n) for n in args.users.split(',')]
    args.only = set(args.only.split(','))
    return args


log = bench.log


def percentile(values, share):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(int(round(share * (len(ordered) - 1))), len(ordered) - 1)]


# ----------------------------------------------------------------------------
# Database and server
# ----------------------------------------------------------------------------

def sql(db, query, params=None, fetch=True):
    with contextlib.closing(psycopg2.connect(dbname=db)) as conn:
        conn.autocommit = True
        with conn.cursor() as cr:
            cr.execute(query, params)
            return cr.fetchall() if fetch else None


def pg_cluster(args):
    """(version, name) of the cluster to stop and start: --pg-cluster or the one on $PGPORT."""
    if args.pg_cluster:
        return tuple(args.pg_cluster.split('/'))
    port = os.environ.get('PGPORT', '5432')
    for line in subprocess.run(['pg_lsclusters', '-h'], capture_output=True, text=True, check=True).stdout.splitlines():
        version, name, cluster_port = line.split()[:3]
        if cluster_port == port:
            return version, name
    raise SystemExit(f'no PostgreSQL cluster listens on port {port}')


def pg_ctl(cluster, action):
    subprocess.run(['pg_ctlcluster', '--skip-systemctl-redirect', *cluster, action], check=True,
                   capture_output=True, timeout=120)


class Server:
    """An Odoo server of its own: the project's addons path, --workers, a log file we read,
    and a database manager with a master password (for the backup)."""

    def __init__(self, setup, db, workers, tmp, styles_from_workers=False):
        self.setup, self.db, self.workers, self.tmp = setup, db, workers, tmp
        self.styles_from_workers = styles_from_workers
        self.port, self.gevent_port = bench.free_port(), bench.free_port()
        self.base = f'http://127.0.0.1:{self.port}'
        self.log_path = tmp / f'odoo-w{workers}-{self.port}.log'
        self.config = tmp / f'odoo-w{workers}-{self.port}.conf'
        self.styles_server = None
        self.config.write_text(f'[options]\nadmin_passwd = {MASTER_PASSWORD}\nlist_db = True\n', encoding='utf-8')
        self.process = None
        self.log_offset = 0

    def command(self):
        return [sys.executable, self.setup.odoo_bin, '-c', str(self.config), f'--addons-path={self.setup.addons_path}',
                f'--data-dir={self.setup.data_dir}', '-d', self.db, f'--db-filter=^{self.db}$',
                '--http-interface=127.0.0.1', f'--http-port={self.port}', f'--gevent-port={self.gevent_port}',
                f'--workers={self.workers}', '--max-cron-threads=0', f'--logfile={self.log_path}',
                '--limit-time-real=600', '--limit-time-cpu=300', '--limit-request=100000']

    def start(self):
        self.process = subprocess.Popen(self.command(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)
        if not self.wait_healthy(120):
            raise SystemExit(f'the trust server did not start: see {self.log_path}')
        # wkhtmltopdf fetches the report styles over HTTP while its worker waits for it: when
        # every worker prints at once, none is left to answer and they all wait until
        # limit_time_real. A threaded Odoo of its own serves the styles (report.url).
        url = self.base
        if self.workers and not self.styles_from_workers:
            self.styles_server = Server(self.setup, self.db, 0, self.tmp)
            self.styles_server.start()
            url = self.styles_server.base
        sql(self.db, "UPDATE ir_config_parameter SET value = %s WHERE key = 'report.url'", [url], fetch=False)
        sql(self.db, "INSERT INTO ir_config_parameter (key, value) SELECT 'report.url', %s WHERE NOT EXISTS "
                     "(SELECT 1 FROM ir_config_parameter WHERE key = 'report.url')", [url], fetch=False)

    def wait_healthy(self, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            with contextlib.suppress(requests.RequestException):
                if requests.get(f'{self.base}/web/health', timeout=2).status_code == 200:
                    return True
            if self.process.poll() is not None:
                return False
            time.sleep(0.3)
        return False

    def http_workers(self):
        """The worker processes serving HTTP (not the gevent one, not wkhtmltopdf)."""
        try:
            children = psutil.Process(self.process.pid).children()
        except psutil.NoSuchProcess:
            return []
        return [child for child in children if 'gevent' not in child.cmdline()]

    def stop(self):
        if self.styles_server:
            self.styles_server.stop()
            self.styles_server = None
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def log_problems(self):
        """Tracebacks and ERROR lines written to the log since the last call."""
        with open(self.log_path, encoding='utf-8', errors='replace') as logfile:
            logfile.seek(self.log_offset)
            text = logfile.read()
            self.log_offset = logfile.tell()
        errors = [line for line in text.splitlines() if re.search(r' (ERROR|CRITICAL) ', line)]
        tracebacks = text.split('Traceback (most recent call last)')[1:]
        # The last line of each traceback (before the next log line): the exception.
        endings = set()
        for block in tracebacks:
            body = []
            for line in block.splitlines()[1:]:
                if re.match(r'\d{4}-\d\d-\d\d \d\d:', line):
                    break
                body.append(line)
            if body:
                endings.add(body[-1].strip()[:200])
        endings = sorted(endings)
        return {'tracebacks': len(tracebacks), 'error_lines': len(errors),
                'first_error': errors[0][:300] if errors else None, 'exceptions': endings[:20]}


class Client:
    """One simulated user: a session of its own, JSON-RPC calls and downloads, timed."""

    def __init__(self, server, login, role, stats=None):
        self.server, self.login_name, self.role, self.stats = server, login, role, stats
        self.session = requests.Session()
        self.uid = None

    def try_login(self):
        """Log in; a refusal (the database is down) is recorded as what the client saw."""
        started = time.perf_counter()
        try:
            return self.login()
        except (RuntimeError, requests.RequestException) as error:
            self._record('login', started, 'down', str(error)[:200])
            return None

    def login(self):
        response = self.session.post(f'{self.server.base}/web/session/authenticate', json={
            'jsonrpc': '2.0', 'method': 'call',
            'params': {'db': self.server.db, 'login': self.login_name, 'password': PASSWORD}}, timeout=60)
        result = response.json()
        if 'error' in result:
            raise RuntimeError(f'{self.login_name} cannot log in: {result["error"]["data"]["message"]}')
        self.uid = result['result']['uid']
        return self

    def call(self, model, method, args, kwargs=None, kind=None, timeout=300):
        """(outcome, result or error): outcome is ok, refused (a UserError family answer),
        error (any other server answer: 5xx or a server error) or down (no answer)."""
        kwargs = dict(kwargs or {}, context={'lang': 'zh_CN', 'tz': 'Asia/Shanghai'})
        started = time.perf_counter()
        try:
            response = self.session.post(f'{self.server.base}/web/dataset/call_kw/{model}/{method}', json={
                'jsonrpc': '2.0', 'method': 'call', 'id': 1,
                'params': {'model': model, 'method': method, 'args': args, 'kwargs': kwargs}}, timeout=timeout)
        except requests.RequestException as error:
            return self._record(kind, started, 'down', type(error).__name__)
        if response.status_code >= 500 or not response.headers.get('Content-Type', '').startswith('application/json'):
            return self._record(kind, started, 'error', f'HTTP {response.status_code}')
        answer = response.json()
        if 'error' not in answer:
            return self._record(kind, started, 'ok', answer['result'])
        data = answer['error'].get('data', {})
        name = data.get('name', '').rsplit('.', 1)[-1]
        outcome = 'refused' if name in hostile_cases.REFUSALS else 'error'
        return self._record(kind, started, outcome, {'name': name, 'message': data.get('message', '')})

    def get(self, url, kind=None, timeout=600):
        started = time.perf_counter()
        try:
            response = self.session.get(f'{self.server.base}{url}', timeout=timeout)
        except requests.RequestException as error:
            return self._record(kind, started, 'down', type(error).__name__)
        if response.status_code >= 500:
            return self._record(kind, started, 'error', f'HTTP {response.status_code}')
        if response.status_code != 200:
            return self._record(kind, started, 'refused', f'HTTP {response.status_code}')
        return self._record(kind, started, 'ok', len(response.content))

    def _record(self, kind, started, outcome, value):
        if self.stats is not None and kind:
            self.stats.add(kind, (time.perf_counter() - started) * 1000, outcome, value)
        return outcome, value


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.by_kind = {}
        self.samples = []
        self.events = []   # (when the answer came, outcome)

    def add(self, kind, ms, outcome, value):
        with self.lock:
            self.events.append((time.perf_counter(), outcome))
            entry = self.by_kind.setdefault(kind, {'ms': [], 'ok': 0, 'refused': 0, 'error': 0, 'down': 0})
            entry[outcome] += 1
            if outcome == 'ok':
                entry['ms'].append(ms)
            elif len(self.samples) < 20:
                self.samples.append(f'{kind}: {outcome} {str(value)[:200]}')

    def summary(self, seconds):
        kinds = {}
        for kind, entry in sorted(self.by_kind.items()):
            kinds[kind] = {
                'requests': entry['ok'] + entry['refused'] + entry['error'] + entry['down'],
                'ok': entry['ok'], 'refused': entry['refused'], 'errors': entry['error'], 'down': entry['down'],
                'p50_ms': round(percentile(entry['ms'], 0.50) or 0), 'p95_ms': round(percentile(entry['ms'], 0.95) or 0),
                'p99_ms': round(percentile(entry['ms'], 0.99) or 0),
            }
        total = sum(kind['requests'] for kind in kinds.values())
        return {'requests': total, 'requests_per_s': round(total / seconds, 1), 'kinds': kinds,
                'errors': sum(kind['errors'] for kind in kinds.values()),
                'down': sum(kind['down'] for kind in kinds.values()), 'samples': self.samples[:10]}


# ----------------------------------------------------------------------------
# Preparation: users of every role, passwords, Chinese, what each user works on
# ----------------------------------------------------------------------------

def prepare(setup, db):
    """Give the county the users the suite logs in as (the bench's secretaries, members and
    manager; a clerk, an observer and a plain internal user per organisation made here),
    load zh_CN, add evidence files, and return what each user works on."""
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {'lang': 'en_US', 'tz': 'Asia/Shanghai', **bench.QUIET})
        env['res.lang']._activate_lang('zh_CN')
        env['ir.module.module']._load_module_terms(['base', 'web', 'mail', MODULE], ['zh_CN'], overwrite=True)
        organizations = env['party.organization'].search([], order='id')
        ref = env.ref
        base_group = ref('base.group_user').id
        new_users = []
        for index in range(len(organizations)):
            for role in ('clerk', 'observer'):
                new_users.append({'name': f'{role} {index}', 'login': f'trust_{role}_{index}', 'tz': 'Asia/Shanghai',
                                  'group_ids': [(6, 0, [base_group, ref(bench.GROUP % role).id])]})
        new_users.append({'name': 'plain user', 'login': 'trust_plain', 'tz': 'Asia/Shanghai',
                          'group_ids': [(6, 0, [base_group])]})
        created = env['res.users'].with_context(no_reset_password=True).create(new_users)
        for index, organization in enumerate(organizations):
            clerk, observer = created[2 * index], created[2 * index + 1]
            organization.write({'clerk_user_ids': [(4, clerk.id)], 'upper_body_ids': [(0, 0, {
                'name': f'Guide group {index}', 'kind': 'guide_group', 'user_ids': [(6, 0, observer.ids)]})]})
        users = env['res.users'].search([('login', '=like', 'bench\\_%')]) | created
        # One password hash for all: hashing it per user would take minutes of CPU.
        users[:1].write({'password': PASSWORD})
        cr.execute('SELECT password FROM res_users WHERE id = %s', [users[:1].id])
        cr.execute('UPDATE res_users SET password = %s WHERE id = ANY(%s)', [cr.fetchone()[0], users.ids])
        cr.execute("UPDATE res_partner SET lang = 'zh_CN' WHERE id IN (SELECT partner_id FROM res_users WHERE id = ANY(%s))",
                   [users.ids])

        # Evidence files, so that the backup has a filestore to carry.
        items = env['party.rectification'].search([], limit=20, order='id')
        for item in items:
            content = f'%PDF-1.4 evidence of item {item.id} {uuid.uuid4()}'.encode()
            attachment = env['ir.attachment'].create({'name': f'evidence-{item.id}.pdf', 'raw': content,
                                                      'mimetype': 'application/pdf'})
            cr.execute('INSERT INTO party_rectification_evidence_rel (rectification_id, attachment_id) VALUES (%s, %s)',
                       [item.id, attachment.id])

        plan = {'organizations': [], 'meeting_form': bench.view_spec(env, 'party.meeting', 'form'),
                'outline_list': bench.view_spec(env, 'party.meeting.statement', 'list'),
                'ledger_list': bench.view_spec(env, 'party.rectification', 'list'),
                'all_items': env['party.rectification'].search([], order='id').ids}
        for index, organization in enumerate(organizations):
            meeting = env['party.meeting'].search([('organization_id', '=', organization.id)], order='date_start desc', limit=1)
            members = organization.member_ids.sorted('sequence')
            plan['organizations'].append({
                'id': organization.id,
                'meeting_id': meeting.id,
                'secretary': members[:1].user_id.login,
                'members': members[1:].user_id.mapped('login'),
                'member_ids': dict(zip(members.user_id.mapped('login'), members.user_id.ids)),
                'clerk': f'trust_clerk_{index}', 'observer': f'trust_observer_{index}',
                'items': {
                    user.login: env['party.rectification'].search([
                        ('meeting_id', '=', meeting.id), ('responsible_user_id', '=', user.id),
                        ('state', 'in', ('open', 'in_progress'))]).ids
                    for user in members.user_id
                },
            })
        plan['manager'] = 'bench_manager'
        cr.commit()
    registry.delete(db)
    return plan


def simulated_users(plan, count):
    """(login, role, organization) for `count` users, each login once."""
    users, used = [], set()
    organizations = plan['organizations']
    for index in range(count * 20):
        if len(users) == count:
            break
        role = ROLE_CYCLE[index % len(ROLE_CYCLE)]
        organization = organizations[index % len(organizations)]
        candidates = {'member': organization['members'], 'manager': [plan['manager']]}.get(role, [organization.get(role)])
        login = next((login for login in candidates if login not in used), None)
        if login is None:
            if role != 'manager':
                continue
            login = plan['manager']  # the county has one manager: several sessions of it
        used.add(login)
        users.append((login, role, organization))
    return users


# ----------------------------------------------------------------------------
# Load
# ----------------------------------------------------------------------------

class Workload:
    """The day's mix of one simulated user, with the writes it was told succeeded."""

    def __init__(self, client, organization, plan, rng, writes):
        self.client, self.organization, self.plan, self.rng, self.writes = client, organization, plan, rng, writes
        self.items = organization['items'].get(client.login_name, [])
        self.meeting_id = organization['meeting_id']

    def step(self):
        mix = MIX[self.client.role]
        kind = self.rng.choices(list(mix), list(mix.values()))[0]
        getattr(self, f'do_{kind}')(kind)

    def do_meeting(self, kind):
        self.client.call('party.meeting', 'web_read', [[self.meeting_id]], {'specification': self.plan['meeting_form']},
                         kind=kind)

    def do_outlines(self, kind):
        self.client.call('party.meeting.statement', 'web_search_read', [[('meeting_id', '=', self.meeting_id)]],
                         {'specification': self.plan['outline_list'], 'limit': 80}, kind=kind)

    def do_ledger(self, kind):
        self.client.call('party.rectification', 'web_search_read', [[('is_overdue', '=', True)]],
                         {'specification': self.plan['ledger_list'], 'limit': 80, 'offset': 80 * self.rng.randint(0, 3),
                          'count_limit': 10001}, kind=kind)

    def do_progress(self, kind):
        if not self.items:
            return self.do_meeting('meeting')
        item = self.rng.choice(self.items)
        token = uuid.uuid4().hex
        outcome, _value = self.client.call('party.rectification', 'write',
                                           [[item], {'completion_note': f'<p>progress {token}</p>'}], kind=kind)
        self.writes.append(('progress', item, token, outcome, self.client.login_name))
        return None

    def do_talk(self, kind):
        me = self.client.uid
        others = [uid for uid in self.organization['member_ids'].values() if uid != me]
        token = uuid.uuid4().hex
        outcome, _value = self.client.call('party.meeting.talk', 'create', [{
            'meeting_id': self.meeting_id, 'initiator_user_id': me, 'counterpart_user_id': self.rng.choice(others),
            'content': f'<p>talk {token}</p>'}], kind=kind)
        self.writes.append(('talk', None, token, outcome, self.client.login_name))

    def do_pdf(self, kind):
        self.client.get(document_url('pdf', 'party.meeting', 'plan', [self.meeting_id]), kind=kind)

    def do_docx(self, kind):
        self.client.get(document_url('docx', 'party.meeting', 'plan', [self.meeting_id]), kind=kind)

    def do_xlsx(self, kind):
        self.client.get(document_url('xlsx', 'party.meeting', 'rectification_list', [self.meeting_id]), kind=kind)


def run_load(server, plan, users, duration, seed, stop_event=None, ready=None, stats=None):
    """`users` simulated users working for `duration` seconds (or until stop_event); `ready`
    is set once they are logged in."""
    stats, writes = stats or Stats(), []
    clients = [Client(server, login, role, stats) for login, role, _organization in users]
    logins = [threading.Thread(target=client.try_login) for client in clients]
    for thread in logins:
        thread.start()
    for thread in logins:
        thread.join()
    workloads = [Workload(client, organization, plan, random.Random(seed + n), writes)
                 for n, (client, (_login, _role, organization)) in enumerate(zip(clients, users))]
    stop = stop_event or threading.Event()
    if ready:
        ready.set()
    started = time.perf_counter()

    def work(workload):
        while not stop.is_set() and time.perf_counter() - started < duration:
            workload.step()
    threads = [threading.Thread(target=work, args=(workload,)) for workload in workloads if workload.client.uid]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return stats.summary(time.perf_counter() - started), writes


def check_writes(db, writes):
    """Every write a client was told succeeded is stored, none twice; unanswered ones at most once."""
    talks = {token: outcome for kind, _item, token, outcome, _login in writes if kind == 'talk'}
    rows = sql(db, "SELECT substring(content from 'talk ([0-9a-f]{32})'), count(*) FROM party_meeting_talk "
                   "WHERE content LIKE '%%talk %%' GROUP BY 1")
    stored = dict(rows)
    lost = [token for token, outcome in talks.items() if outcome == 'ok' and token not in stored]
    twice = [token for token, count in stored.items() if count > 1]
    phantom = [token for token, outcome in talks.items() if outcome == 'refused' and token in stored]
    # Progress: each item's note is its last acknowledged write or one sent after it.
    by_item = {}
    for kind, item, token, outcome, _login in writes:
        if kind == 'progress':
            by_item.setdefault(item, []).append((token, outcome))
    notes = dict(sql(db, "SELECT id, substring(completion_note from 'progress ([0-9a-f]{32})') FROM party_rectification "
                         'WHERE id = ANY(%s)', [list(by_item)])) if by_item else {}
    for item, attempts in by_item.items():
        acked = [n for n, (_token, outcome) in enumerate(attempts) if outcome == 'ok']
        if not acked:
            continue
        allowed = {token for token, outcome in attempts[acked[-1]:] if outcome != 'refused'}
        if notes.get(item) not in allowed:
            lost.append(attempts[acked[-1]][0])
    acked_count = sum(1 for write in writes if write[3] == 'ok')
    return {'acknowledged_writes': acked_count, 'lost': len(lost), 'stored_twice': len(twice),
            'refused_but_stored': len(phantom)}


def part_load(args, setup, db, plan, tmp, results):
    for workers in args.workers:
        server = Server(setup, db, workers, tmp, args.styles_from_workers)
        server.start()
        try:
            for count in args.users:
                users = simulated_users(plan, count)
                log(f'Load: {count} users on {workers} workers for {args.duration:.0f} s')
                server.log_problems()
                summary, writes = run_load(server, plan, users, args.duration, args.seed)
                summary['log'] = server.log_problems()
                summary['writes'] = check_writes(db, writes)
                summary['roles'] = sorted({role for _login, role, _org in users})
                results['load'][f'w{workers}_u{count}'] = summary
        finally:
            server.stop()


# ----------------------------------------------------------------------------
# Faults
# ----------------------------------------------------------------------------

def wait_until(predicate, timeout, step=0.05):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


def recovery_seconds(probe, since, timeout=120):
    """Seconds from `since` until probe() answers ok again."""
    ok = wait_until(lambda: probe()[0] == 'ok', timeout, step=0.2)
    return round(time.perf_counter() - since, 2) if ok else None


def kill_worker_during(server, client, url, find_worker):
    """Start the download `url`, SIGKILL the worker serving it, and report what the client
    saw and how long until the same download works again."""
    answer = {}
    thread = threading.Thread(target=lambda: answer.update(result=client.get(url, timeout=600)))
    thread.start()
    worker = wait_until(lambda: find_worker(server), 60)
    if worker is None or not thread.is_alive():
        thread.join()
        return {'killed': False, 'client_saw': str(answer.get('result'))[:200]}
    worker.send_signal(signal.SIGKILL)
    killed_at = time.perf_counter()
    thread.join()
    outcome, value = answer['result']
    return {'killed': True, 'client_saw': f'{outcome} {value}'[:200],
            'back_after_s': recovery_seconds(lambda: client.get(url, timeout=600), killed_at)}


def worker_printing(server):
    """The worker whose child is wkhtmltopdf: it is in the middle of a PDF."""
    for worker in server.http_workers():
        with contextlib.suppress(psutil.NoSuchProcess):
            if any('wkhtmltopdf' in child.name() for child in worker.children(recursive=True)):
                return worker
    return None


def worker_busy(server):
    """The worker burning CPU: it is building the download."""
    workers = server.http_workers()
    for worker in workers:
        with contextlib.suppress(psutil.NoSuchProcess):
            worker.cpu_percent(None)
    time.sleep(0.1)
    usage = []
    for worker in workers:
        with contextlib.suppress(psutil.NoSuchProcess):
            usage.append((worker.cpu_percent(None), worker))
    busiest = max(usage, key=lambda pair: pair[0], default=(0, None))
    return busiest[1] if busiest[0] > 10 else None


def part_faults(args, setup, db, plan, tmp, results):
    faults = results['faults']
    server = Server(setup, db, min(args.workers), tmp, args.styles_from_workers)
    server.start()
    try:
        manager = Client(server, plan['manager'], 'manager').login()
        big_meeting = max(plan['organizations'], key=lambda org: sum(map(len, org['items'].values())))['meeting_id']
        log('Faults: a worker killed in the middle of a PDF')
        faults['worker_killed_pdf'] = kill_worker_during(
            server, manager, document_url('pdf', 'party.rectification', 'rectification_list', plan['all_items'][:300]),
            worker_printing)
        log('Faults: a worker killed in the middle of a download')
        faults['worker_killed_xlsx'] = kill_worker_during(
            server, manager, document_url('xlsx', 'party.rectification', 'rectification_list', plan['all_items'][:8000]),
            worker_busy)
        faults['worker_killed_docx'] = kill_worker_during(
            server, manager, document_url('docx', 'party.meeting', 'rectification_list', [big_meeting]), worker_busy)
        faults['worker_log'] = server.log_problems()

        log('Faults: PostgreSQL stopped and started under load')
        cluster = pg_cluster(args)
        users = simulated_users(plan, min(args.users))
        stop, ready, stats = threading.Event(), threading.Event(), Stats()
        load = {}
        loader = threading.Thread(target=lambda: load.update(zip(('summary', 'writes'), run_load(
            server, plan, users, 600, args.seed, stop, ready, stats))))
        loader.start()
        ready.wait(300)
        time.sleep(min(args.duration / 2, 8))
        stopped_at = time.perf_counter()
        try:
            pg_ctl(cluster, 'stop')
            time.sleep(3)
        finally:
            pg_ctl(cluster, 'start')
        started_at = time.perf_counter()
        back = recovery_seconds(lambda: manager.call('party.meeting', 'search_count', [[]]), started_at)
        time.sleep(min(args.duration / 2, 8))
        stop.set()
        loader.join()
        back_at = started_at + (back or 0)
        phases = {'before': {}, 'outage': {}, 'after': {}}
        for when, outcome in stats.events:
            phase = 'before' if when < stopped_at else 'outage' if when <= back_at else 'after'
            phases[phase][outcome] = phases[phase].get(outcome, 0) + 1
        faults['postgresql_restart'] = {
            'cluster': '/'.join(cluster), 'down_s': round(started_at - stopped_at, 2), 'back_after_start_s': back,
            'phases': phases,
            'clients_saw': {kind: {k: v for k, v in entry.items() if k in ('ok', 'refused', 'errors', 'down')}
                            for kind, entry in load['summary']['kinds'].items()},
            'writes': check_writes(db, load['writes']), 'log': server.log_problems(),
        }
    finally:
        server.stop()

    log('Faults: the daily cron killed in its first county-size run, then run again')
    faults['cron'] = cron_fault(setup, db, tmp)


CRON_SCRIPT = """
cron = env.ref('party_democratic_life.ir_cron_party_rectification_deadlines')
cron.method_direct_trigger()
env.cr.commit()
"""


def cron_fault(setup, db, tmp):
    sql(db, "DELETE FROM mail_activity WHERE res_model = 'party.rectification'", fetch=False)
    sql(db, 'UPDATE party_rectification SET overdue_flagged = FALSE, reminded_before_deadline = FALSE', fetch=False)
    command = [sys.executable, setup.odoo_bin, 'shell', f'--addons-path={setup.addons_path}', f'--data-dir={setup.data_dir}',
               '-d', db, '--no-http', '--log-level=warn']

    def run(kill_when=None):
        with open(tmp / 'cron.log', 'a', encoding='utf-8') as out:
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=out, stderr=out, text=True,
                                       start_new_session=True)
            process.stdin.write(CRON_SCRIPT)
            process.stdin.close()
            started = time.perf_counter()
            killed = False
            if kill_when:
                if wait_until(kill_when, 600, step=0.1) and process.poll() is None:
                    os.killpg(process.pid, signal.SIGKILL)
                    killed = True
            process.wait(timeout=1800)
            return killed, round(time.perf_counter() - started, 1)

    flagged = lambda: sql(db, 'SELECT count(*) FROM party_rectification WHERE overdue_flagged')[0][0]  # noqa: E731
    killed, first_s = run(kill_when=lambda: flagged() > 0)
    after_kill = flagged()
    _killed, second_s = run()
    duplicates = sql(db, "SELECT count(*) FROM (SELECT res_id, user_id, summary FROM mail_activity "
                         "WHERE res_model = 'party.rectification' GROUP BY 1, 2, 3 HAVING count(*) > 1) d")[0][0]
    # Overdue by the organisation's today, as the cron counts it (party.organization._party_today).
    skipped = sql(db, "SELECT count(*) FROM party_rectification r JOIN party_organization org ON org.id = r.organization_id "
                      "WHERE r.state IN ('open', 'in_progress') AND NOT r.overdue_flagged "
                      "AND r.deadline < (now() AT TIME ZONE COALESCE(org.tz, 'Asia/Shanghai'))::date")[0][0]
    unreminded = sql(db, "SELECT count(*) FROM party_rectification r WHERE overdue_flagged AND responsible_user_id IS NOT NULL "
                         "AND NOT EXISTS (SELECT 1 FROM mail_activity a WHERE a.res_model = 'party.rectification' "
                         "AND a.res_id = r.id AND a.user_id = r.responsible_user_id)")[0][0]
    return {'killed_mid_run': killed, 'first_run_s': first_s, 'flagged_when_killed': after_kill,
            'flagged_total': flagged(), 'second_run_s': second_s, 'duplicate_activities': duplicates,
            'skipped_items': skipped, 'flagged_without_reminder': unreminded}


# ----------------------------------------------------------------------------
# Hostile input
# ----------------------------------------------------------------------------

def addon_models(setup, db):
    """{model: (fields_get, buttons, has organization_id, table)} of the addon's concrete models."""
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        names = env['ir.model.data'].search([('module', '=', MODULE), ('model', '=', 'ir.model')]).mapped(
            lambda data: env['ir.model'].browse(data.res_id).model)
        models = {}
        for name in sorted(names):
            Model = env[name]
            # the addon's own models: it also extends ir.actions.report with its Word and Excel types
            if Model._abstract or not name.startswith('party.'):
                continue
            models[name] = {
                'fields': Model.fields_get(attributes=['type', 'relation', 'readonly', 'store']),
                'buttons': hostile_cases.addon_buttons(type(Model)),
                'by_organization': 'organization_id' in Model._fields and Model._fields['organization_id'].store,
                'table': Model._table if Model._auto else None, 'transient': Model._transient,
            }
        tables = {name: env[name]._table for name in env.registry if not env[name]._abstract and env[name]._auto}
    registry.delete(db)
    return models, tables


def digest_query(tables):
    """One query: rows, last change and an id checksum of each table the addon writes to."""
    parts = [f"SELECT '{table}', count(*), max(write_date)::text, coalesce(sum(id), 0) FROM \"{table}\""
             for table in tables]
    return ' UNION ALL '.join(parts)


class Digest:
    """The digest of the watched tables, on one connection: the calls are made one after
    the other, so the state after a call is the state before the next."""

    def __init__(self, db, query):
        self.conn = psycopg2.connect(dbname=db)
        self.conn.autocommit = True
        self.query = query
        self.value = None

    def take(self):
        with self.conn.cursor() as cr:
            cr.execute(self.query)
            self.value = cr.fetchall()
        return self.value

    def close(self):
        self.conn.close()


def part_hostile(args, setup, db, plan, tmp, results):
    models, tables = addon_models(setup, db)
    watched = sorted({info['table'] for info in models.values() if info['table'] and not info['transient']}
                     | {'ir_attachment', 'mail_activity', 'mail_message'})
    query = digest_query(watched)
    server = Server(setup, db, min(args.workers), tmp, args.styles_from_workers)
    server.start()
    org_a, org_b = plan['organizations'][0], plan['organizations'][1]
    logins = {'observer': org_a['observer'], 'member': org_a['members'][0], 'clerk': org_a['clerk'],
              'secretary': org_a['secretary'], 'manager': plan['manager'], 'internal user': 'trust_plain'}
    admin = Client(server, 'admin', 'admin')
    admin.session.post(f'{server.base}/web/session/authenticate', json={'jsonrpc': '2.0', 'params': {
        'db': db, 'login': 'admin', 'password': 'admin'}}, timeout=60)
    sql(db, "UPDATE res_partner SET lang = 'zh_CN' WHERE id = (SELECT partner_id FROM res_users WHERE login = 'admin')",
        fetch=False)
    counts = {'calls': 0, 'refused': 0, 'succeeded': 0, 'skipped_after_access_refusal': 0, 'not_applicable': 0}
    problems = []
    missing_cache = {}

    def missing(model):
        if model not in missing_cache:
            table = tables.get(model)
            missing_cache[model] = sql(db, f'SELECT coalesce(max(id), 0) + 1000 FROM "{table}"')[0][0] if table else None
        return missing_cache[model]

    def first(model, organization, client=admin):
        domain = [('organization_id', '=', organization['id'])] if models.get(model, {}).get('by_organization') else []
        outcome, ids = client.call(model, 'search', [domain], {'limit': 1, 'order': 'id desc'})
        return ids[0] if outcome == 'ok' and ids else None

    digest = Digest(db, query)
    try:
        for role in ROLES:
            client = Client(server, logins[role], role).login()
            digest.take()
            for model, info in models.items():
                own = first(model, org_a, client) if not info['transient'] else None
                other = first(model, org_b) if info['by_organization'] else None
                base_vals = {}
                if own:
                    outcome, copied = admin.call(model, 'copy_data', [[own]])
                    base_vals = copied[0] if outcome == 'ok' and copied else {}

                def lookup(ref, role=role):
                    if ref.kind == 'missing':
                        return missing(ref.model)
                    if ref.model == 'res.users':
                        return plan['organizations'][1]['member_ids'][org_b['secretary']]
                    return first(ref.model, org_b) if models.get(ref.model, {}).get('by_organization') else None

                targets = {'own': own, 'other': other, 'missing': missing(model)}
                cases = hostile_cases.model_cases(model, info['fields'], info['buttons'])
                if args.hostile_limit:
                    cases = hostile_cases.sample(cases, args.hostile_limit, args.seed)
                refused_access = set()
                for case in cases:
                    if case.method in refused_access:
                        counts['skipped_after_access_refusal'] += 1
                        continue
                    value = hostile_cases.resolve(case.value, lookup)
                    target = targets.get(case.target)
                    if (case.value is not None and value is None) or (case.method != 'create' and not target):
                        counts['not_applicable'] += 1
                        continue
                    if case.method == 'create':
                        call_args = [dict(base_vals, **{case.field: value})]
                    elif case.method == 'write':
                        call_args = [[target], {case.field: value} if case.field else {'display_name': 'x'}]
                    else:
                        call_args = [[target]]
                    before = digest.value
                    outcome, answer = client.call(model, case.method, call_args)
                    after = digest.take()
                    counts['calls'] += 1
                    problem = None
                    if outcome == 'ok':
                        counts['succeeded'] += 1
                        ftype = info['fields'].get(case.field, {}).get('type')
                        if ftype == 'html':
                            record_id = answer if case.method == 'create' else target
                            _o, rows = admin.call(model, 'read', [[record_id], [case.field]])
                            stored = rows[0][case.field] if isinstance(rows, list) and rows else None
                            problem = hostile_cases.judge(case, stored=stored, ftype=ftype)
                    elif outcome == 'refused':
                        counts['refused'] += 1
                        problem = hostile_cases.judge(case, answer['name'], answer['message'])
                        if not problem and after != before:
                            problem = 'a refused call changed the database'
                        if answer['name'] == 'AccessError' and case.target == 'own' and case.method in ('create', 'write'):
                            refused_access.add(case.method)
                    else:
                        problem = hostile_cases.judge(case, str(answer.get('name') if isinstance(answer, dict) else answer),
                                                      str(answer.get('message') if isinstance(answer, dict) else ''))
                    if problem:
                        problems.append(f'{case.key} as {role}: {problem}')
            log(f'Hostile input: {role} done, {counts["calls"]} calls so far, {len(problems)} problems')
        report_routes = hostile_report_routes(server, logins['member'], plan, missing('party.meeting'), problems)
        log_problems = server.log_problems()
    finally:
        digest.close()
        server.stop()
    results['hostile'] = dict(counts, problems=len(problems), problem_list=problems[:200], log=log_problems,
                              models=len(models), roles=len(ROLES), report_routes=report_routes)


def hostile_report_routes(server, member_login, plan, missing_meeting, problems):
    """The report routes asked for what a member of the first organisation may not have: an id
    range, another organisation's records, a deleted record. Each must be refused at once,
    before anything is built."""
    client = Client(server, member_login, 'member').login()
    other = plan['organizations'][1]
    attacks = {
        'id range 1-3000000': document_url('xlsx', 'party.rectification', 'rectification_list', ['1-3000000']),
        "another organisation's meeting": document_url('docx', 'party.meeting', 'plan', [other['meeting_id']]),
        "another organisation's items": document_url(
            'xlsx', 'party.rectification', 'rectification_list', [i for items in other['items'].values() for i in items][:500]),
        'a deleted meeting': document_url('pdf', 'party.meeting', 'plan', [missing_meeting]),
    }
    answers = {}
    for name, url in attacks.items():
        started = time.perf_counter()
        outcome, value = client.get(url, timeout=60)
        seconds = round(time.perf_counter() - started, 3)
        answers[name] = {'outcome': outcome, 'answer': value, 'seconds': seconds}
        if outcome != 'refused' or seconds > 2:
            problems.append(f'report route, {name}: {outcome} {value} after {seconds} s')
    return answers


# ----------------------------------------------------------------------------
# Backup and restore
# ----------------------------------------------------------------------------

def table_digests(db):
    tables = [row[0] for row in sql(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                                        "AND table_type = 'BASE TABLE' AND table_name LIKE 'party\\_%%' ORDER BY 1")]
    return {table: sql(db, f'SELECT count(*), md5(coalesce(string_agg(t::text, \'|\' ORDER BY t::text), \'\')) '
                           f'FROM "{table}" t')[0] for table in tables}


def attachment_checksums(db, data_dir):
    rows = sql(db, 'SELECT id, checksum, store_fname FROM ir_attachment WHERE store_fname IS NOT NULL ORDER BY id')
    files_ok = 0
    for _id, checksum, store_fname in rows:
        path = Path(data_dir) / 'filestore' / db / store_fname
        if path.exists() and hashlib.sha1(path.read_bytes()).hexdigest() == checksum:
            files_ok += 1
    return {row[0]: row[1] for row in rows}, files_ok


def part_backup(args, setup, db, tmp, results):
    server = Server(setup, db, min(args.workers), tmp, args.styles_from_workers)
    server.start()
    restored = f'{db}_restored'
    try:
        started = time.perf_counter()
        response = requests.post(f'{server.base}/web/database/backup', data={
            'master_pwd': MASTER_PASSWORD, 'name': db, 'backup_format': 'zip'}, stream=True, timeout=1800)
        dump = tmp / 'backup.zip'
        with open(dump, 'wb') as out:
            for chunk in response.iter_content(1 << 20):
                out.write(chunk)
        backup_s = time.perf_counter() - started
        started = time.perf_counter()
        with open(dump, 'rb') as backup_file:
            response = requests.post(f'{server.base}/web/database/restore', data={
                'master_pwd': MASTER_PASSWORD, 'name': restored, 'copy': 'true'},
                files={'backup_file': ('backup.zip', backup_file, 'application/zip')}, allow_redirects=False, timeout=1800)
        restore_s = time.perf_counter() - started
        restored_ok = response.status_code in (302, 303)
        results_log = server.log_problems()
    finally:
        server.stop()
    summary = {'backup_mb': round(dump.stat().st_size / 1024 / 1024, 1), 'backup_s': round(backup_s, 1),
               'restore_s': round(restore_s, 1), 'restored': restored_ok, 'log': results_log}
    if restored_ok:
        before, after = table_digests(db), table_digests(restored)
        summary['tables'] = len(before)
        summary['rows'] = sum(count for count, _md5 in before.values())
        summary['tables_differing'] = sorted(table for table in before if before[table] != after.get(table))
        sums_before, files_before = attachment_checksums(db, setup.data_dir)
        sums_after, files_after = attachment_checksums(restored, setup.data_dir)
        summary['attachments'] = len(sums_before)
        summary['attachments_differing'] = sum(1 for key, value in sums_before.items() if sums_after.get(key) != value)
        summary['files_intact'] = f'{files_after} of {files_before}'
        if not args.keep:
            sql('postgres', f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)', fetch=False)
    else:
        summary['answer'] = response.text[-500:]
    results['backup'] = summary


# ----------------------------------------------------------------------------
# The table
# ----------------------------------------------------------------------------

def rows(results):
    """(part, what, result) rows of the one table."""
    out = []
    for run, summary in results.get('load', {}).items():
        workers, users = run[1:].split('_u')
        writes = summary['writes']
        out.append(('load', f'{users} users, {workers} workers', (
            f'{summary["requests_per_s"]} req/s, {summary["requests"]} requests, 5xx/server errors {summary["errors"]}, '
            f'no answer {summary["down"]}, tracebacks {summary["log"]["tracebacks"]}; writes acknowledged '
            f'{writes["acknowledged_writes"]}, lost {writes["lost"]}, twice {writes["stored_twice"]}')))
        for kind, entry in summary['kinds'].items():
            out.append(('load', f'  {kind}', f'n={entry["requests"]} p50 {entry["p50_ms"]} ms, p95 {entry["p95_ms"]} ms, '
                                             f'p99 {entry["p99_ms"]} ms, refused {entry["refused"]}, errors {entry["errors"]}'))
    faults = results.get('faults', {})
    for key in ('worker_killed_pdf', 'worker_killed_xlsx', 'worker_killed_docx'):
        if key in faults:
            fault = faults[key]
            out.append(('faults', key.replace('_', ' '), f'killed {fault["killed"]}: client saw {fault["client_saw"]}; '
                                                          f'back after {fault.get("back_after_s")} s'))
    if 'postgresql_restart' in faults:
        fault = faults['postgresql_restart']
        seen = '; '.join(f'{phase}: ' + (', '.join(f'{k} {v}' for k, v in sorted(counts.items())) or 'none')
                         for phase, counts in fault['phases'].items())
        out.append(('faults', 'PostgreSQL stopped and started', (
            f'down {fault["down_s"]} s, back {fault["back_after_start_s"]} s after start; answers {seen}; '
            f'writes lost {fault["writes"]["lost"]}, twice {fault["writes"]["stored_twice"]}')))
    if 'cron' in faults:
        cron = faults['cron']
        out.append(('faults', 'cron killed, run again', (
            f'killed {cron["killed_mid_run"]} with {cron["flagged_when_killed"]} flagged; second run {cron["second_run_s"]} s '
            f'flagged {cron["flagged_total"]}; duplicate activities {cron["duplicate_activities"]}, skipped items '
            f'{cron["skipped_items"]}, flagged without reminder {cron["flagged_without_reminder"]}')))
    if 'hostile' in results:
        hostile = results['hostile']
        out.append(('hostile', f'{hostile["models"]} models × {hostile["roles"]} roles', (
            f'{hostile["calls"]} calls: refused {hostile["refused"]}, succeeded {hostile["succeeded"]}, '
            f'problems {hostile["problems"]}, tracebacks {hostile["log"]["tracebacks"]} '
            f'(skipped after an access refusal {hostile["skipped_after_access_refusal"]})')))
        for name, answer in hostile.get('report_routes', {}).items():
            out.append(('hostile', f'report route: {name}', f'{answer["outcome"]} ({answer["answer"]}) in {answer["seconds"]} s'))
    if 'backup' in results:
        backup = results['backup']
        if backup['restored']:
            text = (f'{backup["backup_mb"]} MB in {backup["backup_s"]} s, restored in {backup["restore_s"]} s; '
                    f'{backup["tables"]} tables / {backup["rows"]} rows, differing {len(backup["tables_differing"])}; '
                    f'{backup["attachments"]} attachments, differing {backup["attachments_differing"]}, '
                    f'files intact {backup["files_intact"]}')
        else:
            text = f'restore failed: {backup.get("answer", "")[:200]}'
        out.append(('backup', 'dump with filestore, restore', text))
    return out


def print_table(results):
    table = rows(results)
    width = max(len(what) for _part, what, _result in table) if table else 10
    print(f'\n{"part":<8} {"what":<{width}} result')
    print('-' * (width + 60))
    for part, what, result in table:
        print(f'{part:<8} {what:<{width}} {result}')


def markdown(results):
    lines = ['| Part | What | Result |', '| --- | --- | --- |']
    # A kind of request is indented under its run in the printed table; here it gets an arrow.
    lines += [f'| {part} | {"↳ " if what.startswith(" ") else ""}{what.strip()} | {result} |'
              for part, what, result in rows(results)]
    return '\n'.join(lines)


# ----------------------------------------------------------------------------

def build_or_copy(args, setup):
    """The trust database: a copy of --db, or a county bench.py builds and keeps."""
    source = args.db
    if not source:
        source = f'pdl_trust_county_{os.getpid()}'
        log(f'Building a {args.size} county with bench.py in {source}')
        size = ['--small'] if args.size == 'small' else []
        subprocess.run([sys.executable, str(ROOT / 'benchmarks' / 'bench.py'), *size, '--keep', '--db', source,
                        '--only', 'none', '--output', str(setup.tmp / 'bench.json')], check=True,
                       stdout=subprocess.DEVNULL)
    db = f'{source}_trust'
    sql('postgres', f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)', fetch=False)
    sql('postgres', f'CREATE DATABASE "{db}" TEMPLATE "{source}"', fetch=False)
    return source, db


def main(argv=None):
    args = parse_args(argv)
    started = time.perf_counter()
    setup = bench.OdooSetup(argparse.Namespace(db='pdl_trust_unused'))
    tmp = setup.tmp
    setup.data_dir.mkdir(parents=True, exist_ok=True)
    import odoo.tools
    odoo.tools.config.parse_config([f'--addons-path={setup.addons_path}', f'--data-dir={setup.data_dir}', '--http-interface=127.0.0.1',
                                    '--log-level=warn'], setup_logging=True)
    results = {'load': {}, 'faults': {}, 'args': {k: (sorted(v) if isinstance(v, set) else v) for k, v in vars(args).items()}}
    source = db = None
    try:
        source, db = build_or_copy(args, setup)
        results['database'] = {'source': source, 'trust': db}
        log(f'Preparing {db}: users of every role, zh_CN, evidence files')
        plan = prepare(setup, db)
        results['database']['items'] = len(plan['all_items'])
        results['database']['organizations'] = len(plan['organizations'])
        for part, function in (('load', part_load), ('faults', part_faults), ('hostile', part_hostile)):
            if part in args.only:
                function(args, setup, db, plan, tmp, results)
        if 'backup' in args.only:
            log('Backup and restore through the database manager')
            part_backup(args, setup, db, tmp, results)
    finally:
        results['total_seconds'] = round(time.perf_counter() - started)
        results['date'] = datetime.datetime.now().isoformat(timespec='seconds')
        print_table(results)
        print(f'\ntotal: {results["total_seconds"]} s')
        path = Path(args.output) if args.output else bench.RESULTS_DIR / f'trust-{time.strftime("%Y%m%d-%H%M%S")}.json'
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + '\n', encoding='utf-8')
        log(f'Results written to {path}')
        if not args.keep:
            for name in {db, None if args.db else source} - {None}:
                sql('postgres', f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', fetch=False)
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    if len(sys.argv) > 2 and sys.argv[1] == '--markdown':
        print(markdown(json.loads(Path(sys.argv[2]).read_text(encoding='utf-8'))))
    else:
        main()
