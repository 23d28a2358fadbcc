import base64
import json
import os
from pathlib import Path
from unittest.mock import patch

from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

# Where the pictures go: the README shows them from here.
DEFAULT_DIR = Path(__file__).resolve().parent.parent / 'static' / 'description' / 'screenshots'

# Runs in the page: wait for `selector`, click `click` (a tab) if given and wait for `after`,
# scroll `scroll` to the top if given, let the fonts and the layout settle, then tell the test
# it may take the picture.
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
    if (step.click) {
        (await wait(step.click)).click();
        await wait(step.after);
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
    console.log("test successful");
})();
"""


@tagged('-standard', 'party_screenshots', 'post_install', '-at_install')
class TestScreenshots(HttpCase):
    """Not a test: `make screenshots` runs it on a new database with the demo data and zh_CN to
    take the README's pictures of the main screens, as their users see them in Chinese."""

    def setUp(self):
        super().setUp()
        self.meeting = self.env.ref('party_democratic_life.meeting_2022_special_demo', raise_if_not_found=False)
        self.assertTrue(self.meeting, 'The screenshots need the demo data: install with --with-demo.')
        self.assertIn('zh_CN', dict(self.env['res.lang'].get_installed()),
                      'The screenshots are in Chinese: create the database with --load-language=zh_CN.')
        self.directory = Path(os.environ.get('PARTY_SCREENSHOT_DIR') or DEFAULT_DIR)
        self.directory.mkdir(parents=True, exist_ok=True)

    def shoot(self, name, url, login, selector, click=None, after=None, scroll=None, size='1440x900'):
        """Open `url` as `login` (demo password = login) in Chinese and save the page as `name`."""
        self.browser_size = size
        user = self.env['res.users'].search([('login', '=', login)])
        user.lang = 'zh_CN'
        pictures = []
        original_stop = ChromeBrowser.stop

        def stop(browser):
            # The page is still open when the test code has succeeded: take the picture first.
            try:
                if not pictures and browser.ws:
                    pictures.append(browser._websocket_request(
                        'Page.captureScreenshot', params={'format': 'png'}, timeout=30)['data'])
            finally:
                original_stop(browser)

        step = json.dumps({'selector': selector, 'click': click, 'after': after, 'scroll': scroll})
        with patch.object(ChromeBrowser, 'stop', stop):
            self.browser_js(url, WAIT_JS % step, login=login, timeout=90)
        self.assertTrue(pictures, f'no picture of {name}')
        path = self.directory / f'{name}.png'
        path.write_bytes(base64.b64decode(pictures[0]))
        self._logger.info('Screenshot saved: %s', path)

    def test_screenshots(self):
        meeting_url = f'/odoo/party-meetings/{self.meeting.id}'
        self.shoot('meeting-form', meeting_url, 'zhaodongping', '.o_form_view .o_notebook',
                   click='.o_form_view .o_notebook a.nav-link[name=criticism]',
                   after='.o_form_view .o_party_criticism_matrix', size='1440x1080')
        self.shoot('meeting-readiness', meeting_url, 'zhaodongping', '.o_form_view .o_notebook',
                   click='.o_form_view .o_notebook a.nav-link[name=readiness]',
                   after='.o_field_widget[name=readiness_ids] .o_data_row', scroll='.o_form_view .o_notebook',
                   size='1440x820')
        self.shoot('ledger-kanban', '/odoo/party-rectifications?view_type=kanban', 'zhaodongping',
                   '.o_kanban_view .o_kanban_record', size='1760x720')
        self.shoot('overview', '/odoo/party-rectification-overview', 'wangsiqi', '.o_list_view .o_data_row',
                   size='1440x360')
