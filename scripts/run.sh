#!/usr/bin/env bash
# Install (new database) or update (existing one) the addon in $DB, then serve it
# on http://127.0.0.1:$PORT. Safe to run again and again.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
DB="${DB:-party_demo}"
PORT="${PORT:-8069}"

bash "$ROOT/scripts/check_prereqs.sh" run
bash "$ROOT/scripts/venv.sh"
init_odoo_cmd
ODOO+=(-d "$DB" --data-dir="$DATA_DIR" --http-interface=127.0.0.1 --http-port="$PORT")

# Odoo only loads demo data and languages when it creates the database, so a new
# database gets --with-demo and zh_CN; an existing one where the addon is
# installed gets an update; any other state (e.g. an interrupted install) an install.
module_state() {   # psql only interpolates :'var' in scripts read from stdin
    psql -X -q -A -t -d "$DB" -v mod="$MODULE" <<< "SELECT state FROM ir_module_module WHERE name = :'mod'" 2>/dev/null || true
}
db_exists="$(pg -v db="$DB" <<< "SELECT 1 FROM pg_database WHERE datname = :'db'")"
state=""
[ -n "$db_exists" ] && state="$(module_state)"
if [ -z "$db_exists" ]; then
    info "Creating database $DB with demo data and zh_CN, installing $MODULE"
    "${ODOO[@]}" --stop-after-init --with-demo --load-language=zh_CN -i "$MODULE"
elif [ "$state" = installed ]; then
    info "Updating $MODULE in database $DB"
    "${ODOO[@]}" --stop-after-init -u "$MODULE"
else
    info "Installing $MODULE in existing database $DB"
    "${ODOO[@]}" --stop-after-init -i "$MODULE"
fi
state="$(module_state)"
[ "$state" = installed ] || die "$MODULE is not installed in $DB (state: '${state:-absent}'); see the log above."

# wkhtmltopdf fetches the report CSS from report.url (else web.base.url).
url="http://127.0.0.1:$PORT"
for key in report.url web.base.url; do
    psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -v key="$key" -v url="$url" >/dev/null <<'SQL'
INSERT INTO ir_config_parameter (key, value, create_date, write_date)
VALUES (:'key', :'url', now(), now())
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, write_date = now();
SQL
done

echo
echo "Odoo is starting on $url  (database $DB; stop with Ctrl-C)"
if [ -f "$ADDON_DIR/demo/LOGINS.txt" ]; then
    echo "Demo logins (user / password — role):"
    sed 's/^/  /' "$ADDON_DIR/demo/LOGINS.txt"
else
    echo "Log in as admin / admin; the demo users are listed under Settings > Users."
fi
echo
exec "${ODOO[@]}"
