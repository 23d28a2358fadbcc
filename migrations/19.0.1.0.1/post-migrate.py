"""The access rules are data the update does not touch (noupdate): those still as shipped read the
organization's new helper field for "the team and its clerks", as a new database does. A rule an
administrator has edited no longer matches the shipped text and is left as it is."""
import re

# '|', (<path>member_user_ids in user), (<path>clerk_user_ids in user)  →  (<path>team_and_clerk_user_ids in user)
TEAM_OR_CLERK = re.compile(
    r"'\|', \('((?:[a-z_]+\.)*)member_user_ids', 'in', user\.id\), \('\1clerk_user_ids', 'in', user\.id\)")


def _team_and_clerk_domain(domain):
    return TEAM_OR_CLERK.sub(r"('\1team_and_clerk_user_ids', 'in', user.id)", domain)


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        SELECT r.id, r.domain_force FROM ir_rule r
          JOIN ir_model_data d ON d.model = 'ir.rule' AND d.res_id = r.id AND d.module = 'party_democratic_life'
         WHERE r.domain_force LIKE '%%clerk_user_ids%%'
    """)
    for rule_id, domain in cr.fetchall():
        new_domain = _team_and_clerk_domain(domain)
        if new_domain != domain:
            cr.execute("UPDATE ir_rule SET domain_force = %s WHERE id = %s", (new_domain, rule_id))
