"""Before 19.0.1.0.2 an organisation named its upper level three ways: observers (users), supervising
bodies (contacts) and an upper reviewer (a user). Now the upper-level bodies say it once; this
turns the old names into bodies, so that nobody who could read or review before loses it."""
from odoo import SUPERUSER_ID, api

# The access rules are noupdate data: those still as shipped get the new reading of the
# outlines by the upper level (once sent up), as a new database has them.
OLD_OUTLINE_DOMAIN = "[('%sreviewer_user_id', '=', user.id)]"
NEW_OUTLINE_DOMAIN = ("['|', ('%(path)sreviewer_user_id', '=', user.id),\n"
                      "                '&', ('%(path)ssent_up', '=', True), "
                      "('%(path)sorganization_id.observer_user_ids', 'in', user.id)]")
OUTLINE_RULES = {
    'party_meeting_statement_rule_observer': '',
    'party_meeting_statement_section_rule_observer': 'statement_id.',
    'party_meeting_statement_problem_rule_observer': 'statement_id.',
    'party_meeting_statement_explanation_rule_observer': 'statement_id.',
}


def _migrate_rules(env):
    for xmlid, path in OUTLINE_RULES.items():
        rule = env.ref(f'party_democratic_life.{xmlid}', raise_if_not_found=False)
        if rule and rule.domain_force.strip() == OLD_OUTLINE_DOMAIN % path:
            rule.domain_force = NEW_OUTLINE_DOMAIN % {'path': path}


def _migrate_upper_level(env):
    cr = env.cr
    cr.execute("SELECT organization_id, array_agg(user_id) FROM party_organization_observer_rel GROUP BY 1")
    observers = dict(cr.fetchall())
    cr.execute("SELECT organization_id, array_agg(partner_id ORDER BY partner_id) FROM party_organization_supervisor_rel GROUP BY 1")
    supervisors = dict(cr.fetchall())
    reviewers = {}
    cr.execute("SELECT 1 FROM information_schema.columns WHERE table_name = 'party_organization' "
               "AND column_name = 'upper_reviewer_user_id'")
    if cr.fetchone():
        cr.execute("SELECT id, upper_reviewer_user_id FROM party_organization WHERE upper_reviewer_user_id IS NOT NULL")
        reviewers = dict(cr.fetchall())
    Body = env['party.upper.body'].with_context(active_test=False)
    reviewer_group = env.ref('party_democratic_life.group_party_reviewer')
    bodies_by_partner = {}
    Organization = env['party.organization'].with_context(active_test=False)
    for organization in Organization.browse(sorted(set(observers) | set(supervisors) | set(reviewers))):
        bodies = Body
        for partner in env['res.partner'].browse(supervisors.get(organization.id, [])):
            key = (partner.id, organization.company_id.id)
            if key not in bodies_by_partner:
                bodies_by_partner[key] = Body.search(
                    [('partner_id', '=', partner.id), ('company_id', '=', organization.company_id.id)], limit=1
                ) or Body.create({'name': partner.name, 'kind': 'other', 'partner_id': partner.id,
                                  'email': partner.email, 'company_id': organization.company_id.id})
            bodies |= bodies_by_partner[key]
        people = env['res.users'].browse(observers.get(organization.id, []))
        reviewer = env['res.users'].browse(reviewers.get(organization.id) or [])
        if (people | reviewer) and not bodies:
            bodies = Body.create({'name': f'{organization.name} · upper level', 'kind': 'other',
                                  'company_id': organization.company_id.id})
        if people | reviewer:
            bodies[:1].user_ids |= people | reviewer
        if reviewer:
            # The upper reviewer reviewed the principal's outline and the team material: they
            # keep doing it, for a body that reviews.
            if bodies[:1].kind == 'other':
                bodies[:1].kind = 'guide_group'
            if not reviewer.has_group('party_democratic_life.group_party_member'):
                reviewer.group_ids |= reviewer_group
        organization.upper_body_ids |= bodies


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    _migrate_upper_level(env)
    _migrate_rules(env)
