"""Renamed fields keep their data: the column, its field record (with the label's translations),
the field's external id and its CHECK constraint move to the new name before the registry loads
the new code, so Odoo neither drops the old column nor creates an empty new one."""
from odoo.tools import SQL, sql

# (model, table, old field, new field)
RENAMED_FIELDS = [
    ('party.meeting.agenda', 'party_meeting_agenda', 'minutes', 'duration_minutes'),
    ('party.organization', 'party_organization', 'min_outline_pages', 'min_statement_pages'),
]
# (table, old constraint name, new constraint name): the model attribute is renamed with its field.
RENAMED_CONSTRAINTS = [
    ('party_meeting_agenda', 'party_meeting_agenda_minutes_positive',
     'party_meeting_agenda_duration_minutes_positive'),
    ('party_organization', 'party_organization_min_outline_pages_positive',
     'party_organization_min_statement_pages_positive'),
]


def _rename_field(cr, model, table, old, new):
    if not sql.column_exists(cr, table, old) or sql.column_exists(cr, table, new):
        return
    sql.rename_column(cr, table, old, new)
    cr.execute("UPDATE ir_model_fields SET name = %s WHERE model = %s AND name = %s", (new, model, old))
    prefix = f"field_{model.replace('.', '_')}__"
    cr.execute(
        "UPDATE ir_model_data SET name = %s WHERE module = 'party_democratic_life' AND model = 'ir.model.fields' "
        "AND name = %s", (prefix + new, prefix + old))


def _rename_constraint(cr, table, old, new):
    if not sql.constraint_definition(cr, table, old) or sql.constraint_definition(cr, table, new):
        return
    cr.execute(SQL("ALTER TABLE %s RENAME CONSTRAINT %s TO %s",
                   SQL.identifier(table), SQL.identifier(old), SQL.identifier(new)))
    cr.execute("UPDATE ir_model_constraint SET name = %s WHERE name = %s", (new, old))


def migrate(cr, version):
    if not version:
        return
    for model, table, old, new in RENAMED_FIELDS:
        _rename_field(cr, model, table, old, new)
    for table, old, new in RENAMED_CONSTRAINTS:
        _rename_constraint(cr, table, old, new)
