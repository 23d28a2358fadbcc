"""Take the README's screenshots of the main screens and the first pages of the printed
documents from a running Odoo with the demo data.

Not a test: scripts/screenshots.sh serves a throwaway database (demo data, zh_CN) and runs
this program, which logs in as the demo users, opens each screen in headless Chromium over
the DevTools protocol (websocket-client) and saves static/description/screenshots/*.png; each
document is printed as the Print menu prints it (Odoo's /report/pdf route) and its first
page turned into <name>-1.png by pdftoppm.

Usage: python scripts/screenshots.py --url http://127.0.0.1:8069 --db DB [--out DIR]
"""
import argparse
import base64
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import websocket

DEFAULT_DIR = Path(__file__).resolve().parent.parent / 'static' / 'description' / 'screenshots'
MODULE = 'party_democratic_life'
TIMEOUT = 90  # seconds for a screen to be ready

# Runs in the page: wait for `selector`, then for each (click, after) of `clicks` (a tab, a menu)
# click and wait, scroll `scroll` to the top if given, then let the fonts and the layout settle.
WAIT_JS = """
(async () => {
    const wait = async (selector) => {
        for (let i = 0; i < 300; i++) {
            const element = document.querySelector(selector);
            if (element) { return element; }
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error(`not found: ${selector}`);
    };
    const step = %s;
    await wait(step.selector);
    for (const [click, after] of step.clicks) {
        (await wait(click)).click();
        await wait(after);
    }
    if (step.scroll) {
        const element = await wait(step.scroll);
        element.scrollIntoView({ block: "start" });
        // Keep what is just above in sight: the sticky status bar covers the top of the view.
        let parent = element.parentElement;
        while (parent && parent.scrollHeight <= parent.clientHeight) {
            parent = parent.parentElement;
        }
        if (parent) {
            parent.scrollTop -= 80;
        }
    }
    await document.fonts.ready;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return true;
})()
"""


class OdooClient:
    """A demo user's session on the Odoo server, through its JSON-RPC routes."""

    def __init__(self, url, db, login):
        self.url = url
        self.session = requests.Session()
        # demo users' password is their login
        result = self.call('/web/session/authenticate', {'db': db, 'login': login, 'password': login})
        self.uid = result['uid']
        self.session_id = self.session.cookies['session_id']

    def call(self, path, params):
        response = self.session.post(f'{self.url}{path}', json={'jsonrpc': '2.0', 'method': 'call', 'params': params},
                                     timeout=60)
        response.raise_for_status()
        body = response.json()
        if body.get('error'):
            raise RuntimeError(f'{path}: {body["error"]["data"]["message"]}')
        return body['result']

    def call_kw(self, model, method, args, **kwargs):
        return self.call(f'/web/dataset/call_kw/{model}/{method}',
                         {'model': model, 'method': method, 'args': args, 'kwargs': kwargs})


class Chromium:
    """Headless Chromium driven over the DevTools protocol, one page."""

    def __init__(self):
        executable = shutil.which('chromium') or shutil.which('google-chrome') or shutil.which('chromium-browser')
        if not executable:
            sys.exit('Chromium not found: apt-get install chromium')
        self.profile = tempfile.mkdtemp(prefix='pdl-shots-chromium-')
        self.process = subprocess.Popen(
            [executable, '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
             '--disable-extensions', '--no-first-run', '--no-default-browser-check',
             '--force-device-scale-factor=1', '--remote-debugging-address=127.0.0.1',
             '--remote-debugging-port=0', f'--user-data-dir={self.profile}', 'about:blank'],
            # The web client shows times in the browser's zone: that of the demo users.
            env=dict(os.environ, TZ='Asia/Shanghai'),
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port = None
        for line in self.process.stderr:
            match = re.search(r'DevTools listening on ws://[^:]+:(\d+)/', line)
            if match:
                port = match.group(1)
                break
        if not port:
            self.close()
            sys.exit('Chromium did not start its DevTools server')
        target = requests.put(f'http://127.0.0.1:{port}/json/new?about:blank', timeout=30).json()
        self.ws = websocket.create_connection(target['webSocketDebuggerUrl'], suppress_origin=True, timeout=TIMEOUT)
        self.ids = itertools.count(1)
        self.events = []
        self.send('Page.enable')

    def send(self, method, **params):
        """Call a DevTools method and return its result; events in between are kept."""
        request_id = next(self.ids)
        self.ws.send(json.dumps({'id': request_id, 'method': method, 'params': params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get('id') == request_id:
                if 'error' in message:
                    raise RuntimeError(f'{method}: {message["error"]}')
                return message['result']
            if 'method' in message:
                self.events.append(message['method'])

    def wait_event(self, method):
        while method not in self.events:
            message = json.loads(self.ws.recv())
            if 'method' in message:
                self.events.append(message['method'])
        self.events.clear()

    def open(self, url):
        """Load `url` and return once its load event fired (the web client then starts)."""
        self.events.clear()
        self.send('Page.navigate', url=url)
        self.wait_event('Page.loadEventFired')

    def close(self):
        if getattr(self, 'ws', None):
            self.ws.close()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def shoot(browser, args, name, path, login, selector, clicks=(), scroll=None, size='1440x900'):
    """Open `path` as the demo user `login` in Chinese and save the page as `name`.png."""
    client = OdooClient(args.url, args.db, login)
    client.call_kw('res.users', 'write', [[client.uid], {'lang': 'zh_CN'}])
    width, height = (int(value) for value in size.split('x'))
    browser.send('Emulation.setDeviceMetricsOverride', width=width, height=height, deviceScaleFactor=1, mobile=False)
    browser.send('Network.clearBrowserCookies')
    browser.send('Network.setCookie', name='session_id', value=client.session_id, url=args.url)
    browser.open(f'{args.url}{path}')
    step = json.dumps({'selector': selector, 'clicks': list(clicks), 'scroll': scroll})
    started = time.monotonic()
    result = browser.send('Runtime.evaluate', expression=WAIT_JS % step, awaitPromise=True, returnByValue=True)
    if result.get('exceptionDetails'):
        raise RuntimeError(f'{name}: {result["exceptionDetails"].get("exception", {}).get("description")}')
    picture = browser.send('Page.captureScreenshot', format='png')['data']
    target = args.out / f'{name}.png'
    target.write_bytes(base64.b64decode(picture))
    print(f'Screenshot saved: {target} ({time.monotonic() - started:.1f} s)', flush=True)


def print_first_page(args, name, login, report_xmlid, model, external_id=None, domain=None):
    """Print the document as `login` through the Print menu's route and save its first page."""
    admin = OdooClient(args.url, args.db, 'admin')
    if external_id:
        rows = admin.call_kw('ir.model.data', 'search_read', [[('module', '=', MODULE), ('name', '=', external_id)]],
                             fields=['res_id'])
        record_id = rows[0]['res_id']
    else:
        record_id = admin.call_kw(model, 'search', [domain], limit=1)[0]
    report = admin.call_kw('ir.actions.report', 'search_read', [[('id', '=', admin.call_kw(
        'ir.model.data', 'search_read', [[('module', '=', MODULE), ('name', '=', report_xmlid)]],
        fields=['res_id'])[0]['res_id'])]], fields=['report_name'])[0]
    client = OdooClient(args.url, args.db, login)
    client.call_kw('res.users', 'write', [[client.uid], {'lang': 'zh_CN'}])
    response = client.session.get(f'{args.url}/report/pdf/{report["report_name"]}/{record_id}', timeout=300)
    response.raise_for_status()
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / f'{name}.pdf'
        pdf.write_bytes(response.content)
        subprocess.run(['pdftoppm', '-png', '-r', '80', '-f', '1', '-l', '1', str(pdf), str(args.out / name)], check=True)
    print(f'Document page saved: {args.out / name}-1.png', flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--url', required=True, help='the Odoo server, e.g. http://127.0.0.1:8069')
    parser.add_argument('--db', required=True, help='a database with the demo data and zh_CN')
    parser.add_argument('--out', type=Path, default=DEFAULT_DIR, help='where the pictures go')
    args = parser.parse_args()
    args.url = args.url.rstrip('/')
    args.out.mkdir(parents=True, exist_ok=True)

    # the administrator reads external ids (its demo password is its login too)
    admin = OdooClient(args.url, args.db, 'admin')
    rows = admin.call_kw('ir.model.data', 'search_read',
                           [[('module', '=', MODULE), ('name', '=', 'meeting_2022_special_demo')]], fields=['res_id'])
    if not rows:
        sys.exit('The screenshots need the demo data: install the addon with --with-demo.')
    meeting_path = f'/odoo/party-meetings/{rows[0]["res_id"]}'

    browser = Chromium()
    try:
        shoot(browser, args, 'meeting-form', meeting_path, 'zhaodongping', '.o_form_view .o_notebook',
              clicks=[('.o_form_view .o_notebook a.nav-link[name=criticism]', '.o_form_view .o_party_criticism_matrix')],
              size='1440x1080')
        shoot(browser, args, 'meeting-readiness', meeting_path, 'zhaodongping', '.o_form_view .o_notebook',
              clicks=[('.o_form_view .o_notebook a.nav-link[name=readiness]',
                       '.o_field_widget[name=readiness_ids] .o_data_row')], scroll='.o_form_view .o_notebook',
              size='1440x820')
        # the same checklist as a reviewer of the county's guide group reads it: the plan's review,
        # the consent to hold, the rounds behind the smart button
        shoot(browser, args, 'upper-review', meeting_path, 'chenzhiqiang', '.o_form_view .o_notebook',
              clicks=[('.o_form_view .o_notebook a.nav-link[name=readiness]',
                       '.o_field_widget[name=readiness_ids] .o_data_row')], size='1440x1000')
        # every document in every format, from the one Print menu
        shoot(browser, args, 'print-menu', meeting_path, 'zhaodongping', '.o_form_view .o_cp_action_menus i.fa-cog',
              clicks=[('.o_form_view .o_cp_action_menus i.fa-cog', '.dropdown-menu button:has(i.fa-print)'),
                      ('.dropdown-menu button:has(i.fa-print)', '.dropdown-menu .o_menu_item')],
              size='1440x900')
        shoot(browser, args, 'ledger-kanban', '/odoo/party-rectifications?view_type=kanban', 'zhaodongping',
              '.o_kanban_view .o_kanban_record', size='1760x720')
        shoot(browser, args, 'overview', '/odoo/party-rectification-overview', 'wangsiqi', '.o_list_view .o_data_row',
              size='1440x360')
    finally:
        browser.close()

    # wkhtmltopdf takes the report styles from the server itself
    OdooClient(args.url, args.db, 'admin').call_kw('ir.config_parameter', 'set_param', ['report.url', args.url])
    meeting = 'meeting_2022_special_demo'
    for name, report, model, external_id, domain in (
        ('plan', 'action_report_party_meeting_plan', 'party.meeting', meeting, None),
        ('minutes', 'action_report_party_meeting_minutes', 'party.meeting', meeting, None),
        ('situation-report', 'action_report_party_meeting_situation_report', 'party.meeting', meeting, None),
        ('rectification-list', 'action_report_party_meeting_rectification_list', 'party.meeting', meeting, None),
        ('notice', 'action_report_party_meeting_public_notice', 'party.meeting', meeting, None),
        ('talk-record', 'action_report_party_meeting_talk_record', 'party.meeting.talk', 'talk_2022_01_demo', None),
        ('outline', 'action_report_party_meeting_statement', 'party.meeting.statement', None,
         [('kind', '=', 'personal'), ('author_user_id.login', '=', 'zhaodongping')]),
    ):
        print_first_page(args, name, 'zhaodongping', report, model, external_id, domain)


if __name__ == '__main__':
    main()
