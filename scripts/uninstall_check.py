# Run by scripts/test.sh through `odoo-bin shell` on the database of the demo and upgrade
# passes: uninstall the addon, then check that Odoo still works and nothing of the addon is
# left behind. Prints Odoo's test result line (1 test) so that count_tests.py counts it.
# `env` is given by the shell.
import logging

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

MODULE = 'party_democratic_life'
_logger = logging.getLogger('odoo.tests.uninstall')
_result = logging.getLogger('odoo.tests.result')
dbname = env.cr.dbname  # noqa: F821 (given by the shell)
problems = []


def check(ok, what):
    if not ok:
        problems.append(what)
        _logger.error('Uninstall check failed: %s', what)


try:
    env['ir.module.module'].search([('name', '=', MODULE)]).button_immediate_uninstall()  # noqa: F821
    env.cr.commit()  # noqa: F821
    with Registry.new(dbname).cursor() as cr:  # Odoo starts again without the addon
        env = api.Environment(cr, SUPERUSER_ID, {})
        check(env['ir.module.module'].search([('name', '=', MODULE)]).state == 'uninstalled', 'module state')
        check(not [name for name in env.registry if name.startswith('party.')], 'party.* models in the registry')
        cr.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                   "AND table_name LIKE 'party\\_%'")
        check(not cr.fetchall(), 'tables left')
        check(not env['ir.model.data'].search_count([('module', '=', MODULE)]), 'records of the addon left')
        leftovers = {
            'ir.model': [('model', '=like', 'party.%')],
            'ir.ui.view': [('model', '=like', 'party.%')],
            'ir.actions.act_window': [('res_model', '=like', 'party.%')],
            'ir.actions.report': [('model', '=like', 'party.%')],
            'ir.cron': [('model_id.model', '=like', 'party.%')],
            'mail.message': [('model', '=like', 'party.%')],
            'mail.followers': [('res_model', '=like', 'party.%')],
            'mail.activity': [('res_model', '=like', 'party.%')],
            'res.groups.privilege': [('name', '=', 'Democratic Life Meetings')],
        }
        for model, domain in leftovers.items():
            check(not env[model].with_context(active_test=False).search_count(domain), f'{model} left')
        # What a user does first still works: log in, load the menus, open the users form.
        admin = env.ref('base.user_admin')
        check(admin.active and env['res.users'].search_count([]) > 0, 'users')
        check(env['ir.ui.menu'].with_user(admin).load_web_menus(False), 'menus')
        check(env['res.users'].with_user(admin).get_views([(False, 'form'), (False, 'list')]), 'users form')
        check(all(cron.model_id.model in env for cron in env['ir.cron'].search([])), 'crons of missing models')
        for activity_type in env['mail.activity.type'].search([('res_model', '!=', False)]):
            check(activity_type.res_model in env, f'activity type {activity_type.name}')
except Exception:
    _logger.exception('Uninstalling %s failed', MODULE)
    problems.append('exception')

_result.info('%s failed, 0 error(s) of 1 tests when loading database %r', 1 if problems else 0, dbname)
