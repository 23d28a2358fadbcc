#!/usr/bin/env python3
"""County-scale benchmark of the party_democratic_life addon.

Builds a throwaway database (a few hundred Party groups, years of meetings, tens of thousands
of rectification items, talks and criticisms), then measures what a user waits for: opening a
meeting form, the ledger's first page, the manager overview, the daily overdue cron and the
document exports, against Odoo's own generic .xlsx export of the same rows. For each step it
reports the SQL query count, the median wall time of several runs (and the SQL share of it)
and the peak memory (Python allocations traced by tracemalloc, and the growth of the
process's resident set), then prints a table and writes JSON under benchmarks/results/.

Run it with Odoo's Python and Odoo importable, e.g. ``make bench`` or::

    PYTHONPATH=/opt/odoo .venv/bin/python benchmarks/bench.py --small

It needs a PostgreSQL role that may create databases (PGUSER/PGHOST as for Odoo).
"""
# A command-line script, not addon code: it prints its table and commits each batch it creates.
# pylint: disable=print-used,invalid-commit
import argparse
import contextlib
import datetime
import gc
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

MODULE = 'party_democratic_life'
ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / 'benchmarks' / 'results'
ODOO_SRC = Path(os.environ.get('ODOO_SRC', '/opt/odoo'))
if str(ODOO_SRC) not in sys.path:
    sys.path.insert(0, str(ODOO_SRC))

# Records created per ORM create() call while populating: large enough to batch the SQL,
# small enough to keep the cache (and the memory) of one batch modest.
BATCH = 2000
# Context of every populating call: no chatter messages, followers or tracking values.
QUIET = {
    'tracking_disable': True,
    'mail_create_nolog': True,
    'mail_create_nosubscribe': True,
    'mail_notrack': True,
    'mail_auto_subscribe_no_notify': True,
    'no_reset_password': True,
}
GROUP = 'party_democratic_life.group_party_%s'
LEDGER_COLUMNS = ['name', 'problem', 'source', 'focus_id', 'measures', 'responsible_user_id',
                  'responsible_unit', 'deadline', 'mode', 'completion_note', 'state']

PRESETS = {
    'default': {'organizations': 300, 'members': 6, 'years': 5, 'rectifications': 30000,
                'talks': 10000, 'criticisms': 20000, 'runs': 5, 'pdf_rows': 500},
    'small': {'organizations': 20, 'members': 6, 'years': 2, 'rectifications': 2000,
              'talks': 600, 'criticisms': 1000, 'runs': 3, 'pdf_rows': 100},
}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--small', action='store_true',
                        help='a quick check: 20 organizations, 2 years, 2,000 items, 3 runs')
    for name, value in PRESETS['default'].items():
        parser.add_argument(f'--{name.replace("_", "-")}', type=int, default=None,
                            help=f'default {value:,}')
    parser.add_argument('--db', help='database name (default pdl_bench_<pid>); it must not exist')
    parser.add_argument('--keep', action='store_true', help='keep the database at the end')
    parser.add_argument('--reuse', action='store_true',
                        help='measure an existing database made by --keep instead of building one')
    parser.add_argument('--port', type=int, default=int(os.environ.get('BENCH_PORT', 0) or 0),
                        help='HTTP port of a short-lived Odoo server that serves the PDF styles '
                             '(default: a free port; 0 picks one)')
    parser.add_argument('--only', help='comma-separated step names to measure (default: all)')
    parser.add_argument('--seed', type=int, default=19)
    parser.add_argument('--output', help='JSON file to write (default benchmarks/results/<time>.json)')
    parser.add_argument('--markdown', metavar='JSON',
                        help='only print the results of an earlier run as a Markdown table (for the README)')
    args = parser.parse_args(argv)
    preset = PRESETS['small' if args.small else 'default']
    for name, value in preset.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    if args.members < 3:
        parser.error('--members must be at least 3 (a principal and two members)')
    args.db = args.db or f'pdl_bench_{os.getpid()}'
    args.only = set(args.only.split(',')) if args.only else None
    return args


def log(message):
    print(f'[{time.strftime("%H:%M:%S")}] {message}', flush=True)


# ----------------------------------------------------------------------------
# Odoo: addons path, database, registry
# ----------------------------------------------------------------------------

class OdooSetup:
    """Where Odoo finds the addon, and the throwaway database it works in."""

    def __init__(self, args):
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix='pdl_bench_'))
        self.data_dir = self.tmp / 'data'
        self.addons_path = os.environ.get('ODOO_ADDONS_PATH') or self._make_addons_path()
        self.odoo_bin = os.environ.get('ODOO_BIN') or str(ODOO_SRC / 'odoo-bin')
        self.server = None

    def _make_addons_path(self):
        # Odoo finds a module by its folder name, whatever the clone is called: link it.
        addons = self.tmp / 'addons'
        addons.mkdir()
        (addons / MODULE).symlink_to(ROOT)
        return f'{ODOO_SRC / "addons"},{addons}'

    def odoo_args(self):
        return [f'--addons-path={self.addons_path}', f'--data-dir={self.data_dir}',
                '--max-cron-threads=0', '--http-interface=127.0.0.1', '--log-level=warn',
                f'--db-filter=^{self.args.db}$']

    def install(self):
        """A fresh database with the addon, through odoo-bin as a developer would."""
        command = [sys.executable, self.odoo_bin, *self.odoo_args(), '-d', self.args.db,
                   '-i', MODULE, '--stop-after-init', '--no-http']
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode:
            sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
            raise SystemExit(f'installing {MODULE} in {self.args.db} failed')
        return time.perf_counter() - started

    def configure(self):
        import odoo.tools
        odoo.tools.config.parse_config([*self.odoo_args(), '-d', self.args.db], setup_logging=True)

    def load(self):
        from odoo.modules.registry import Registry
        return Registry(self.args.db)

    def start_server(self, port):
        """An HTTP server on the database, so that wkhtmltopdf can fetch the report styles."""
        command = [sys.executable, self.odoo_bin, *self.odoo_args(), '-d', self.args.db,
                   f'--http-port={port}']
        self.server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import urllib.request
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f'http://127.0.0.1:{port}/web/health', timeout=2):
                    return True
            except OSError:
                if self.server.poll() is not None:
                    break
                time.sleep(0.5)
        self.stop_server()
        return False

    def stop_server(self):
        if self.server and self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.server.kill()
        self.server = None

    def drop(self):
        from odoo.service import db
        db.exp_drop(self.args.db)  # closes the registry's connections first

    def cleanup(self):
        self.stop_server()
        shutil.rmtree(self.tmp, ignore_errors=True)


def free_port():
    import socket
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


# ----------------------------------------------------------------------------
# Populating the county
# ----------------------------------------------------------------------------

SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜谢邹苏潘范彭鲁马方俞袁柳'
GIVEN = '建国志强丽华明远立新伟东平文杰海涛红梅晓燕春生秀英德胜玉兰振宇思琪嘉怡'
UNITS = ['发展和改革局', '教育局', '科学技术局', '工业和信息化局', '公安局', '民政局', '司法局', '财政局',
         '人力资源和社会保障局', '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局', '水利局',
         '农业农村局', '商务局', '文化和旅游局', '卫生健康局', '退役军人事务局', '应急管理局', '审计局',
         '市场监督管理局', '统计局', '医疗保障局', '林业局', '信访局', '乡村振兴局', '数据资源局']
ASPECTS = ['理论学习和思想武装', '贯彻落实上级决策部署', '担当作为和狠抓落实', '落实全面从严治党责任',
           '作风建设和联系群众', '落实中央八项规定精神']
PROBLEMS = ['理论学习不够系统深入，学用结合有差距', '调查研究不够扎实，掌握基层情况不全面',
            '落实上级部署存在“上热中温下冷”现象', '履行“一岗双责”不够到位，督促检查偏少',
            '服务群众的办法不多，解决急难愁盼问题有差距', '文风会风改进不彻底，材料偏多偏长',
            '对分管领域风险隐患研判不足', '批评和自我批评辣味不足', '基层减负措施落实不到位',
            '项目推进慢，部分任务滞后于计划节点']
MEASURES = ['制定专题学习计划，每月开展一次集中学习研讨', '每季度到基层蹲点调研不少于一次，形成调研报告',
            '建立任务清单和责任清单，按月调度推进', '完善督促检查机制，每半年听取一次分管领域汇报',
            '建立群众诉求台账，限期办结并回访', '压减会议和文件数量，严控篇幅']
UNITS_SHORT = ['办公室', '组织人事科', '规划财务科', '政策法规科', '机关党委']


class Populator:
    """Creates the county through the ORM, a few thousand records per create() call."""

    def __init__(self, env, args):
        self.env = env(context=dict(env.context, **QUIET))
        self.args = args
        self.rng = random.Random(args.seed)
        self.today = datetime.date.today()
        self.info = {}

    def run(self):
        timings = {}
        for label, method in (
            ('users', self._users), ('organizations', self._organizations), ('meetings', self._meetings),
            ('talks', self._talks), ('rectifications', self._rectifications),
            ('criticisms', self._criticisms),
        ):
            started = time.perf_counter()
            count = method()
            self.env.cr.commit()
            self.env.invalidate_all()
            timings[label] = {'count': count, 'seconds': round(time.perf_counter() - started, 1)}
            log(f'  {label:<15} {count:>7,} in {timings[label]["seconds"]:>6.1f} s')
        self.env['ir.config_parameter'].set_param('party_democratic_life.bench_info', json.dumps(self.info))
        self.env.cr.commit()
        return timings

    def _create(self, model, vals_list):
        records = self.env[model].browse()
        for start in range(0, len(vals_list), BATCH):
            records |= self.env[model].create(vals_list[start:start + BATCH])
            self.env.cr.commit()
        return records

    def _name(self, index):
        given = GIVEN[index * 7 % len(GIVEN)] + GIVEN[(index * 13 + 5) % len(GIVEN)]
        return SURNAMES[index % len(SURNAMES)] + given

    def _users(self):
        ref = self.env.ref
        base = ref('base.group_user').id
        secretary, member, manager = (ref(GROUP % g).id for g in ('secretary', 'member', 'manager'))
        export = ref('base.group_allow_export').id
        vals_list = []
        for org in range(self.args.organizations):
            for seat in range(self.args.members):
                index = org * self.args.members + seat
                vals_list.append({
                    'name': self._name(index),
                    'login': f'bench_{org}_{seat}',
                    'tz': 'Asia/Shanghai',
                    'group_ids': [(6, 0, [base, secretary if seat == 0 else member])],
                })
        vals_list.append({'name': '组织部督导员', 'login': 'bench_manager', 'tz': 'Asia/Shanghai',
                          'group_ids': [(6, 0, [base, manager, export])]})
        users = self._create('res.users', vals_list)
        self.user_ids = users.ids[:-1]
        self.info['manager_id'] = users.ids[-1]
        return len(users)

    def _organizations(self):
        vals_list = []
        members = self.args.members
        for org in range(self.args.organizations):
            unit = UNITS[org % len(UNITS)]
            suffix = '' if org < len(UNITS) else f'（{org // len(UNITS) + 1}）'
            vals_list.append({
                'name': f'县{unit}党组{suffix}',
                'kind': 'party_group',
                'member_ids': [
                    (0, 0, {'user_id': self.user_ids[org * members + seat], 'sequence': seat,
                            'is_principal': seat == 0,
                            'position': '党组书记、局长' if seat == 0 else '党组成员、副局长',
                            'duty_area': UNITS_SHORT[seat % len(UNITS_SHORT)]})
                    for seat in range(members)
                ],
            })
        organizations = self._create('party.organization', vals_list)
        self.organization_ids = organizations.ids
        return len(organizations)

    def _meetings(self):
        """An annual meeting per organization and year, a special one every other year; the
        latest of each organization is still rectifying, the older ones are closed."""
        now = datetime.datetime.now()
        first_year = self.today.year - self.args.years
        vals_list = []
        for position, org_id in enumerate(self.organization_ids):
            for year in range(first_year, first_year + self.args.years):
                held = datetime.datetime(year + 1, 1, 8 + position % 20, 1, 0)
                vals_list.append(self._meeting_vals(org_id, year, 'annual', held))
                special = datetime.datetime(year + 1, 6, 3 + position % 20, 6, 0)
                if year % 2 == 0 and special < now - datetime.timedelta(days=30):
                    vals_list.append(self._meeting_vals(org_id, year, 'special', special))
        latest = {}
        for vals in vals_list:
            if vals['date_start'] > latest.get(vals['organization_id'], datetime.datetime.min):
                latest[vals['organization_id']] = vals['date_start']
        for vals in vals_list:
            if vals['date_start'] == latest[vals['organization_id']]:
                vals.update(state='rectifying', report_date=False)
        meetings = self._create('party.meeting', vals_list)
        rows = meetings.read(['organization_id', 'date_start', 'state', 'meeting_type', 'focus_ids'])
        self.meetings = [
            {'id': row['id'], 'organization_id': row['organization_id'][0], 'date': row['date_start'].date(),
             'state': row['state'], 'focus_ids': row['focus_ids']}
            for row in rows
        ]
        # The large meeting: the first organization's latest one; the small: the second's.
        by_org = {}
        for meeting in self.meetings:
            by_org.setdefault(meeting['organization_id'], []).append(meeting)
        pick = [max(by_org[org_id], key=lambda m: m['date']) for org_id in self.organization_ids[:2]]
        self.large, self.small = pick
        self.info.update(large_meeting_id=self.large['id'], small_meeting_id=self.small['id'])
        return len(meetings)

    def _meeting_vals(self, org_id, year, meeting_type, held):
        special = meeting_type == 'special'
        return {
            'name': f'{year}年度{"专题" if special else ""}民主生活会',
            'organization_id': org_id,
            'meeting_type': meeting_type,
            'year': year,
            'theme': '深入学习贯彻党的创新理论，以学铸魂、以学增智' if special else False,
            'date_start': held,
            'duration': 4.0,
            'location': '机关第一会议室',
            'state': 'done',
            'report_date': (held + datetime.timedelta(days=10)).date(),
            'focus_ids': [(0, 0, {'title': title, 'sequence': n}) for n, title in enumerate(ASPECTS[:5])],
        }

    def _members_of(self, org_id):
        start = self.organization_ids.index(org_id) * self.args.members
        return self.user_ids[start:start + self.args.members]

    def _spread(self, total, large, small):
        """How many records each meeting gets: `large` to the large one, `small` to the small
        one, the rest spread at random over the others."""
        others = [m for m in self.meetings if m['id'] not in (self.large['id'], self.small['id'])]
        counts = {self.large['id']: large, self.small['id']: small}
        for _n in range(max(total - large - small, 0)):
            meeting = self.rng.choice(others)
            counts[meeting['id']] = counts.get(meeting['id'], 0) + 1
        return counts

    def _talks(self):
        total = self.args.talks
        large = min(max(total // 100, 40), total)
        counts = self._spread(total, large, min(2, total - large))
        meetings = {m['id']: m for m in self.meetings}
        vals_list = []
        for meeting_id, count in counts.items():
            meeting = meetings[meeting_id]
            users = self._members_of(meeting['organization_id'])
            pairs = [(a, b) for i, a in enumerate(users) for b in users[i + 1:]]
            for n in range(count):
                talk = {
                    'meeting_id': meeting_id,
                    'date': meeting['date'] - datetime.timedelta(days=1 + n % 20),
                    'content': '<p>围绕对照检查的重点，交流思想，互相提醒。</p>',
                    'state': 'done',
                }
                if n < len(pairs):
                    initiator, counterpart = pairs[n]
                    talk.update(initiator_user_id=initiator, counterpart_user_id=counterpart,
                                talk_type='principal_member' if initiator == users[0] else 'member_member',
                                duty_report='<p>履行“一岗双责”情况。</p>')
                else:
                    talk.update(initiator_user_id=users[0], counterpart_name=f'基层支部代表{n}',
                                talk_type='branch_representative')
                vals_list.append(talk)
        return len(self._create('party.meeting.talk', vals_list))

    def _rectifications(self):
        total = self.args.rectifications
        large = min(max(total // 20, 60), total)
        counts = self._spread(total, large, min(10, total - large))
        meetings = {m['id']: m for m in self.meetings}
        rng = self.rng
        vals_list = []
        for meeting_id, count in counts.items():
            meeting = meetings[meeting_id]
            users = self._members_of(meeting['organization_id'])
            for n in range(count):
                vals_list.append(self._rectification_vals(meeting, users, n, rng))
        items = self._create('party.rectification', vals_list)
        return len(items)

    def _rectification_vals(self, meeting, users, n, rng):
        held = meeting['date']
        mode = rng.choices(['immediate', 'deadline', 'long_term'], [2, 6, 2])[0]
        if mode == 'immediate':
            deadline = held + datetime.timedelta(days=rng.randint(7, 30))
        elif mode == 'deadline':
            deadline = held + datetime.timedelta(days=rng.randint(30, 90))
        else:
            deadline = held + datetime.timedelta(days=rng.randint(180, 360))
        if meeting['state'] == 'done':
            state = rng.choices(['verified', 'done', 'carried'], [85, 5, 10])[0]
        else:
            state = rng.choices(['open', 'in_progress', 'done', 'verified'], [30, 30, 25, 15])[0]
        personal = n % 3 != 0
        vals = {
            'name': f'{PROBLEMS[n % len(PROBLEMS)]}（{n + 1}）',
            'meeting_id': meeting['id'],
            'scope': 'personal' if personal else 'team',
            'responsible_user_id': users[n % len(users)] if personal else users[0],
            'responsible_unit': UNITS_SHORT[n % len(UNITS_SHORT)],
            'focus_id': meeting['focus_ids'][n % len(meeting['focus_ids'])] if meeting['focus_ids'] else False,
            'source': rng.choice(['study', 'opinion', 'criticism', 'talk', 'inspection']),
            'problem': f'<p>{PROBLEMS[n % len(PROBLEMS)]}，具体表现为相关工作推进不平衡、成效不够明显。</p>',
            'measures': f'<p>{MEASURES[n % len(MEASURES)]}；明确责任人和完成时限。</p>',
            'mode': mode,
            'deadline': deadline,
            'state': state,
        }
        if state in ('done', 'verified'):
            done_on = min(deadline + datetime.timedelta(days=rng.randint(-20, 10)), self.today)
            vals.update(date_done=done_on, completion_note='<p>已按措施完成整改，形成制度成果。</p>')
        if state == 'verified':
            vals.update(verified_by_id=users[0], date_verified=vals['date_done'])
        return vals

    def _criticisms(self):
        """Criticisms at each meeting, when the addon has them (party.meeting.criticism): each
        member's self-criticism first, then mutual criticisms among the members."""
        if 'party.meeting.criticism' not in self.env:
            return 0
        total = self.args.criticisms
        large = min(max(total // 100, 40), total)
        counts = self._spread(total, large, min(self.args.members, total - large))
        meetings = {m['id']: m for m in self.meetings}
        vals_list = []
        for meeting_id, count in counts.items():
            users = self._members_of(meetings[meeting_id]['organization_id'])
            size = len(users)
            for n in range(count):
                vals = {'meeting_id': meeting_id, 'content': '<p>在调查研究上还要多下功夫，多到基层听取意见。</p>'}
                if n < size:
                    vals.update(kind='self', target_user_id=users[n], critic_user_id=users[n])
                else:
                    critic = users[n % size]
                    target = users[(n + 1 + (n // size) % (size - 1)) % size]
                    vals.update(kind='mutual', target_user_id=target, critic_user_id=critic)
                vals_list.append(vals)
        return len(self._create('party.meeting.criticism', vals_list))


# ----------------------------------------------------------------------------
# Measuring
# ----------------------------------------------------------------------------

class RssSampler:
    """The peak resident set of this process while a step runs, sampled every 2 ms."""

    def __init__(self):
        self.page = os.sysconf('SC_PAGE_SIZE')
        self.peak = self.start = self._rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _rss(self):
        with open('/proc/self/statm', 'rb') as statm:
            return int(statm.read().split()[1]) * self.page

    def _loop(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self._rss())
            self._stop.wait(0.002)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())

    @property
    def growth(self):
        return self.peak - self.start


class Bench:
    def __init__(self, registry, args):
        self.registry = registry
        self.args = args
        self.results = []

    @contextlib.contextmanager
    def env(self, uid, su=False):
        """A fresh transaction and cache, as a new request gets; rolled back afterwards."""
        from odoo import api
        with self.registry.cursor() as cr:
            env = api.Environment(cr, uid, {'lang': 'en_US', 'tz': 'Asia/Shanghai'}, su=su)
            try:
                yield env
            finally:
                cr.rollback()

    def measure(self, name, label, uid, func, runs=None, su=False, reset=None, memory=True, rows=None,
                warmup=True, describe=None):
        """Run ``func(env)`` once to warm the registry caches (like a server that already
        served the view), then ``runs`` times for the timings, then once more under
        tracemalloc for the memory (``memory='rss'``: only the resident set, sampled during the
        timed runs, for steps too long to repeat). Each run has its own transaction and an empty cache;
        ``reset`` puts the database back as it was before each run. ``describe`` turns the
        result of the last run into figures for the report, outside the measured time."""
        import odoo.sql_db
        if self.args.only and name not in self.args.only:
            return None
        runs = runs or self.args.runs
        thread = threading.current_thread()
        times, sql_times, queries = [], [], []
        extra, rss_growth = {}, 0
        log(f'  {name} ({runs} runs)')
        first = 0 if warmup else 1
        for run in range(first, runs + 1):
            if reset:
                reset()
            gc.collect()
            with self.env(uid, su) as env:
                thread.query_time = 0.0
                before = odoo.sql_db.sql_counter
                with RssSampler() if memory == 'rss' else contextlib.nullcontext() as rss:
                    started = time.perf_counter()
                    result = func(env)
                    env.flush_all()
                    elapsed = time.perf_counter() - started
                if rss:
                    rss_growth = max(rss_growth, rss.growth)
                count = odoo.sql_db.sql_counter - before
                if run:  # run 0 is the warm-up
                    times.append(elapsed)
                    sql_times.append(thread.query_time)
                    queries.append(count)
                if describe and run == runs:
                    extra = describe(result)
                del result
        step = {
            'name': name, 'label': label, 'runs': runs,
            'queries': int(statistics.median(queries)), 'queries_min': min(queries), 'queries_max': max(queries),
            'median_ms': round(statistics.median(times) * 1000, 1),
            'min_ms': round(min(times) * 1000, 1), 'max_ms': round(max(times) * 1000, 1),
            'sql_ms': round(statistics.median(sql_times) * 1000, 1),
        }
        if rows is not None:
            step['rows'] = rows
        if memory == 'rss':
            # Too long to run again under tracemalloc: the resident set sampled while timed.
            step['rss_growth_kb'] = round(rss_growth / 1024)
        elif memory:
            if reset:
                reset()
            gc.collect()
            with self.env(uid, su) as env:
                tracemalloc.start()
                with RssSampler() as rss:
                    func(env)
                    env.flush_all()
                _current, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
            step['py_peak_kb'] = round(peak / 1024)
            step['rss_growth_kb'] = round(rss.growth / 1024)
        step.update({k: v for k, v in extra.items() if not k.startswith('_')})
        self.results.append(step)
        return step

    def skip(self, name, label, reason):
        if self.args.only and name not in self.args.only:
            return
        log(f'  {name}: not available ({reason})')
        self.results.append({'name': name, 'label': label, 'skipped': reason})


def view_spec(env, model, view_type):
    """The web_read specification the web client builds from a view (fields, sub-lists,
    display names of relations), computed from get_views like the client does."""
    from lxml import etree
    views = env[model].get_views([(False, view_type)])
    arch = etree.fromstring(views['views'][view_type]['arch'])
    return _node_spec(arch, model, views['models'], top=True)


def _node_spec(node, model, models, top=False):
    level = int(node.xpath('count(ancestor-or-self::field)'))
    infos = models.get(model, {}).get('fields', {})
    spec = {}
    for field_node in node.xpath(f'.//field[count(ancestor::field) = {level}]'):
        name = field_node.get('name')
        info = infos.get(name, {})
        field_spec = spec.setdefault(name, {})
        if info.get('type') == 'many2one':
            field_spec['fields'] = {'display_name': {}}
        elif info.get('type') in ('one2many', 'many2many'):
            sub = next(iter(field_node.xpath('./list|./kanban')), None)
            if sub is None:
                field_spec['fields'] = {'display_name': {}}
            else:
                field_spec['fields'] = _node_spec(sub, info['relation'], models)
                field_spec['limit'] = int(sub.get('limit', 40))
                if sub.xpath('.//field[@widget="handle"]'):
                    handle = sub.xpath('.//field[@widget="handle"]')[0].get('name')
                    field_spec['order'] = f'{handle} ASC, id ASC'
    if top:
        spec.setdefault('display_name', {})
    return spec


class FakeRequest:
    """Just enough of odoo.http.request for the web client's export controller."""

    class HttpRequest:
        environ = {'REMOTE_ADDR': '127.0.0.1'}

    def __init__(self, env):
        self.env = env
        self.httprequest = self.HttpRequest()

    def make_response(self, data, headers=None, cookies=None):
        return data


def generic_xlsx_export(env, model, field_names, domain):
    """What the web client's Export → xlsx does: the controller's own code, in process."""
    import odoo.http
    from odoo.addons.web.controllers.export import ExcelExport
    descriptions = env[model].fields_get(field_names, ['string', 'type'])
    data = json.dumps({
        'model': model, 'ids': False, 'domain': domain, 'import_compat': False, 'context': {},
        'fields': [{'name': f, 'label': descriptions[f]['string'], 'type': descriptions[f]['type']}
                   for f in field_names],
    })
    odoo.http._request_stack.push(FakeRequest(env))
    try:
        return ExcelExport().base(data)
    finally:
        odoo.http._request_stack.pop()


def xlsx_row_count(content):
    """Data rows of every sheet of an .xlsx file, read without loading it all."""
    import io
    import re
    import zipfile
    rows = 0
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith('xl/worksheets/sheet'):
                rows += len(re.findall(rb'<row ', archive.read(name)))
    return rows


def run_steps(bench, registry, setup, args):
    from odoo import SUPERUSER_ID, api
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        info = json.loads(env['ir.config_parameter'].get_param('party_democratic_life.bench_info'))
        large = env['party.meeting'].browse(info['large_meeting_id'])
        small = env['party.meeting'].browse(info['small_meeting_id'])
        secretary_large = large.organization_id.principal_user_id.id
        secretary_small = small.organization_id.principal_user_id.id
        manager = info['manager_id']
        has = {name: name in env for name in ('party.rectification.overview', 'party.meeting.criticism')}
        has['cron'] = hasattr(env['party.rectification'], '_cron_check_deadlines')
        has['documents'] = bool(env.ref(f'{MODULE}.action_report_party_rectification_list_xlsx',
                                        raise_if_not_found=False))
        report = env.ref(f'{MODULE}.action_report_party_rectification_list', raise_if_not_found=False)
        sizes = {
            'large': {'rectifications': len(large.rectification_ids), 'talks': len(large.talk_ids),
                      'members': len(large.attendee_ids)},
            'small': {'rectifications': len(small.rectification_ids), 'talks': len(small.talk_ids),
                      'members': len(small.attendee_ids)},
        }
        all_items = env['party.rectification'].search([], order='id').ids
        overdue_count = env['party.rectification'].search_count([('is_overdue', '=', True)])
        pdf_ids = spread_ids(all_items, args.pdf_rows)
        pdf_organizations = len(env['party.rectification'].browse(pdf_ids).organization_id)
        form_spec = view_spec(env, 'party.meeting', 'form')
        list_spec = view_spec(env, 'party.rectification', 'list')
        overview_spec = view_spec(env, 'party.rectification.overview', 'list') if has[
            'party.rectification.overview'] else None
    meta = {'meetings': sizes, 'overdue_items': overdue_count, 'items': len(all_items)}

    # Meeting form
    def open_form(meeting_id):
        def run(env):
            env['party.meeting'].browse(meeting_id).web_read(form_spec)
        return run
    bench.measure('meeting_form_small', 'Open a meeting form (small meeting: {rectifications:,} items, '
                  '{talks:,} talks)'.format(**sizes['small']), secretary_small, open_form(small.id))
    bench.measure('meeting_form_large', 'Open a meeting form (large meeting: {rectifications:,} items, '
                  '{talks:,} talks)'.format(**sizes['large']), secretary_large, open_form(large.id))

    # Ledger
    overdue = [('is_overdue', '=', True)]

    def ledger_page(env):
        result = env['party.rectification'].web_search_read(
            overdue, list_spec, limit=80, count_limit=10001)
        return {'length': result['length']}

    def ledger_grouped(env):
        result = env['party.rectification'].web_read_group(
            overdue, ['organization_id'], ['__count'], limit=80)
        return {'groups': result['length']}
    bench.measure('ledger_overdue_page', 'Ledger: overdue filter, first page of 80 (manager)',
                  manager, ledger_page, describe=dict)
    bench.measure('ledger_overdue_page_secretary', 'Ledger: overdue filter, first page (secretary)',
                  secretary_large, ledger_page, describe=dict)
    bench.measure('ledger_overdue_by_org', 'Ledger: overdue filter, grouped by organization (manager)',
                  manager, ledger_grouped, describe=dict)

    # Overview
    if overview_spec:
        def overview(env):
            result = env['party.rectification.overview'].web_search_read(
                [], overview_spec, limit=80, count_limit=10001)
            return {'length': result['length']}
        bench.measure('overview', 'Manager overview, all organizations, first page', manager, overview,
                      describe=dict)
    else:
        bench.skip('overview', 'Manager overview', 'party.rectification.overview is not installed')

    # Daily cron
    if has['cron']:
        def reset_cron():
            with registry.cursor() as cr:
                cr.execute("DELETE FROM mail_activity WHERE res_model = 'party.rectification'")
                cr.execute("DELETE FROM mail_message WHERE model = 'party.rectification' "
                           "AND message_type = 'user_notification'")
                cr.execute("DELETE FROM mail_followers WHERE res_model = 'party.rectification'")
                cr.execute('UPDATE party_rectification SET overdue_flagged = FALSE, '
                           'reminded_before_deadline = FALSE WHERE overdue_flagged OR reminded_before_deadline')

        def cron(env):
            env['party.rectification']._cron_check_deadlines()
            env.cr.execute('SELECT count(*) FROM party_rectification WHERE overdue_flagged')
            flagged = env.cr.fetchone()[0]
            env.cr.execute("SELECT count(*) FROM mail_activity WHERE res_model = 'party.rectification'")
            return {'flagged': flagged, 'activities': env.cr.fetchone()[0]}
        runs = min(args.runs, 3)
        # Flagging thousands of items takes minutes: two runs, memory sampled while timed.
        bench.measure('cron_overdue_first', f'Daily cron, first run: flag {overdue_count:,} overdue items of '
                      f'{len(all_items):,} and remind', SUPERUSER_ID, cron, runs=min(runs, 2), su=True, reset=reset_cron,
                      warmup=False, memory='rss', describe=dict)
        # The runs above left every item flagged: the next days only check.
        bench.measure('cron_overdue_daily', f'Daily cron, next day: check all {len(all_items):,} items, '
                      'nothing new', SUPERUSER_ID, cron, runs=runs, su=True, warmup=False, describe=dict)
        reset_cron()
    else:
        bench.skip('cron_overdue_first', 'Daily overdue cron', '_cron_check_deadlines is not defined')

    # Exports: the addon's .xlsx against Odoo's generic one, same rows and columns
    # What the Print menu's Excel report does: the access check, then the file.
    def ours(ids):
        def run(env):
            content, _format = env['ir.actions.report']._render_xlsx(
                f'{MODULE}.action_report_party_rectification_list_xlsx', ids)
            return content
        return run

    # The same sheets written cell by cell through xlsxwriter's own API (constant_memory),
    # to weigh the rows streamed as sheet XML against it.
    def xlsxwriter_api(ids):
        def run(env):
            from odoo.addons.party_democratic_life.tools.xlsx_builder import XlsxTableWriter
            items = env['party.rectification'].browse(ids)
            items.check_access('read')
            writer = XlsxTableWriter()
            team, personal = items._party_list_order()
            for sheet_ids, sheet in ((team, 'Leadership Team'), (personal, 'Team Members')):
                writer.add_table_sheet(sheet, sheet, items._party_list_columns(),
                                       items.browse(sheet_ids)._party_list_rows())
            return writer.close()
        return run

    def generic(ids):
        def run(env):
            return generic_xlsx_export(env, 'party.rectification', LEDGER_COLUMNS, [('id', 'in', ids)])
        return run

    def describe_file(content):
        return {'file_kb': round(len(content) / 1024), 'rows_out': xlsx_row_count(content)}
    n_rows = len(all_items)
    if has['documents']:
        bench.measure('xlsx_ours', f'Rectification list .xlsx, {n_rows:,} rows (this addon)',
                      manager, ours(all_items), rows=n_rows, describe=describe_file)
    else:
        bench.skip('xlsx_ours', 'Rectification list .xlsx (this addon)', 'the documents are not installed')
    bench.measure('xlsx_generic', f'Odoo generic export to .xlsx, same {n_rows:,} rows and columns',
                  manager, generic(all_items), rows=n_rows, describe=describe_file)
    if has['documents']:
        bench.measure('xlsx_ours_api', f'Rectification list .xlsx, {n_rows:,} rows, every cell through xlsxwriter',
                      manager, xlsxwriter_api(all_items), rows=n_rows, runs=min(args.runs, 3), describe=describe_file)
    # Memory against the row count: the same exports of a tenth of the rows.
    tenth = all_items[:max(len(all_items) // 10, 1)]
    if has['documents']:
        bench.measure('xlsx_ours_tenth', f'Rectification list .xlsx, {len(tenth):,} rows (memory check)',
                      manager, ours(tenth), rows=len(tenth), runs=1, describe=describe_file)
    bench.measure('xlsx_generic_tenth', f'Odoo generic .xlsx, {len(tenth):,} rows (memory check)',
                  manager, generic(tenth), rows=len(tenth), runs=1, describe=describe_file)

    # PDF and Word
    if report:
        port = args.port or free_port()
        served = setup.start_server(port) if (not args.only or 'pdf_list' in args.only) else False
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            if served:
                env['ir.config_parameter'].set_param('report.url', f'http://127.0.0.1:{port}')

        def pdf(env):
            content, _kind = env['ir.actions.report'].with_context(force_report_rendering=True)._render_qweb_pdf(
                report.id, res_ids=pdf_ids)
            return content
        try:
            bench.measure('pdf_list', f'Rectification list PDF, {len(pdf_ids)} rows of {pdf_organizations} '
                          'organizations (QWeb and wkhtmltopdf)',
                          manager, pdf, runs=min(args.runs, 3), rows=len(pdf_ids),
                          describe=lambda content: {'file_kb': round(len(content) / 1024), 'styled': served})
        finally:
            setup.stop_server()
    else:
        bench.skip('pdf_list', 'Rectification list PDF', 'the report is not installed')

    if has['documents']:
        def docx(env):
            content, _format = env['ir.actions.report']._render_docx(
                f'{MODULE}.action_report_party_meeting_plan_docx', [large.id])
            return content
        bench.measure('docx_plan', 'Meeting plan .docx (large meeting)', secretary_large, docx,
                      describe=lambda content: {'file_kb': round(len(content) / 1024)})
    else:
        bench.skip('docx_plan', 'Meeting plan .docx', 'the documents are not installed')
    return meta


def spread_ids(ids, count):
    # The PDF list takes items across the county: every organisation gets its own part.
    step = max(len(ids) // count, 1)
    return ids[::step][:count]


# ----------------------------------------------------------------------------
# Reporting
# ----------------------------------------------------------------------------

def summarize(results):
    by_name = {step['name']: step for step in results}
    summary = {}
    ours, generic = by_name.get('xlsx_ours'), by_name.get('xlsx_generic')
    if ours and generic and 'median_ms' in ours and 'median_ms' in generic:
        summary['xlsx_speedup'] = round(generic['median_ms'] / ours['median_ms'], 2)
    api = by_name.get('xlsx_ours_api')
    if ours and api and 'median_ms' in ours and 'median_ms' in api:
        # what the rows streamed as sheet XML save against xlsxwriter's own cell writing
        summary['xlsx_streamed_speedup'] = round(api['median_ms'] / ours['median_ms'], 2)
    small, large = by_name.get('meeting_form_small'), by_name.get('meeting_form_large')
    if small and large and 'queries' in small and 'queries' in large:
        summary['meeting_form_queries_equal'] = small['queries'] == large['queries']
    for key in ('xlsx_ours', 'xlsx_generic'):
        full, tenth = by_name.get(key), by_name.get(f'{key}_tenth')
        if full and tenth and 'py_peak_kb' in full and 'py_peak_kb' in tenth:
            # Peak Python memory beyond the finished file, at 100 % and at 10 % of the rows.
            summary[f'{key}_memory_beyond_file_kb'] = [
                tenth['py_peak_kb'] - tenth['file_kb'], full['py_peak_kb'] - full['file_kb']]
    return summary


def mb(kilobytes):
    return '—' if kilobytes is None else f'{kilobytes / 1024:.1f}'


def print_table(results, summary):
    header = f'{"step":<32} {"queries":>7} {"median ms":>10} {"min–max ms":>17} {"SQL ms":>8} ' \
             f'{"py peak MB":>10} {"RSS +MB":>8}'
    print('\n' + header)
    print('-' * len(header))
    for step in results:
        if 'skipped' in step:
            print(f'{step["name"]:<32} not available: {step["skipped"]}')
            continue
        queries = str(step['queries']) if step['queries_min'] == step['queries_max'] else \
            f'{step["queries_min"]}-{step["queries_max"]}'
        print(f'{step["name"]:<32} {queries:>7} {step["median_ms"]:>10,.1f} '
              f'{step["min_ms"]:>8,.0f}–{step["max_ms"]:<8,.0f} {step["sql_ms"]:>8,.1f} '
              f'{mb(step.get("py_peak_kb")):>10} {mb(step.get("rss_growth_kb")):>8}')
    for key, value in summary.items():
        print(f'{key}: {value}')


def markdown(payload):
    """The results of a run as the README's table."""
    lines = [
        '| Step | Queries | Median | Min – max | SQL | Python peak | RSS growth |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ]
    for step in payload['steps']:
        if 'skipped' in step:
            lines.append(f'| {step["label"]} | not available: {step["skipped"]} | | | | | |')
            continue
        queries = str(step['queries']) if step['queries_min'] == step['queries_max'] else \
            f'{step["queries_min"]:,}–{step["queries_max"]:,}'
        memory = [f'{mb(step.get(key))} MB' if key in step else '—' for key in ('py_peak_kb', 'rss_growth_kb')]
        lines.append(f'| {step["label"]} | {queries} | {step["median_ms"]:,.0f} ms | '
                     f'{step["min_ms"]:,.0f} – {step["max_ms"]:,.0f} ms | {step["sql_ms"]:,.0f} ms | '
                     f'{memory[0]} | {memory[1]} |')
    return '\n'.join(lines)


def machine_info(registry):
    from odoo import release
    with registry.cursor() as cr:
        cr.execute('SHOW server_version')
        postgres = cr.fetchone()[0]
    with open('/proc/meminfo') as meminfo:
        memory_kb = int(meminfo.readline().split()[1])
    return {'cpus': os.cpu_count(), 'memory_gb': round(memory_kb / 1024 / 1024, 1),
            'python': platform.python_version(), 'odoo': release.version, 'postgresql': postgres,
            'platform': platform.platform()}


def write_json(payload, output):
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = Path(output) if output else RESULTS_DIR / f'{time.strftime("%Y%m%d-%H%M%S")}.json'
    text = json.dumps(payload, indent=2, ensure_ascii=False, default=str)
    path.write_text(text + '\n', encoding='utf-8')
    if not output:
        (RESULTS_DIR / 'latest.json').write_text(text + '\n', encoding='utf-8')
    return path


def main(argv=None):
    args = parse_args(argv)
    if args.markdown:
        print(markdown(json.loads(Path(args.markdown).read_text(encoding='utf-8'))))
        return
    setup = OdooSetup(args)
    registry = None
    started = time.perf_counter()
    payload = {'sizes': {k: getattr(args, k) for k in PRESETS['default']}, 'database': args.db}
    setup.configure()
    created = False
    try:
        if not args.reuse:
            log(f'Installing {MODULE} in a new database {args.db}')
            created = True
            payload['install_seconds'] = round(setup.install(), 1)
        registry = setup.load()
        from odoo import SUPERUSER_ID, api
        if not args.reuse:
            log('Populating')
            with registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {'lang': 'en_US', 'tz': 'Asia/Shanghai'})
                payload['populate'] = Populator(env, args).run()
                cr.execute('ANALYZE')
        log('Measuring')
        bench = Bench(registry, args)
        payload['data'] = run_steps(bench, registry, setup, args)
        payload['steps'] = bench.results
        payload['summary'] = summarize(bench.results)
        payload['machine'] = machine_info(registry)
        payload['total_seconds'] = round(time.perf_counter() - started)
        payload['max_rss_mb'] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        payload['date'] = datetime.datetime.now().isoformat(timespec='seconds')
        print_table(bench.results, payload['summary'])
        path = write_json(payload, args.output)
        log(f'Results written to {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}')
    finally:
        setup.stop_server()
        if created and not args.keep:
            log(f'Dropping {args.db}')
            setup.drop()
        elif registry is not None:
            log(f'Kept database {args.db}')
        setup.cleanup()


if __name__ == '__main__':
    main()
