#!/usr/bin/env bash
# Export the addon's terms to i18n/party_democratic_life.pot and merge them into i18n/zh_CN.po.
# Odoo's exporter walks every *.py below the module folder, .venv included, so it is given a
# copy of the addon without the tooling folders.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/check_prereqs.sh" run
bash "$ROOT/scripts/venv.sh"

tmp="$(mktemp -d)"
db="pdl_i18n_$$"
cleanup() { pg -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT

mkdir -p "$tmp/addons/$MODULE"
tar -C "$ROOT" --exclude=./.venv --exclude=./.git --exclude=./.addons --exclude=./.odoo-data -cf - . \
    | tar -C "$tmp/addons/$MODULE" -xf -
# Only --addons-path may stand before a sub-command; the database role comes from PGUSER.
odoo=("$PY" "$ODOO_SRC/odoo-bin" "--addons-path=$ODOO_SRC/addons,$tmp/addons")
info "Installing the addon into $db"
"${odoo[@]}" --db_user="$PGUSER" -d "$db" -i "$MODULE" --stop-after-init --data-dir="$tmp/data" --log-level=warn \
    --http-interface=127.0.0.1 --http-port=0
info "Exporting i18n/$MODULE.pot"
"${odoo[@]}" i18n export -d "$db" "$MODULE" -l pot -o "$ROOT/i18n/$MODULE.pot"
"$PY" "$ROOT/scripts/i18n_merge.py" "$ROOT/i18n/$MODULE.pot" "$ROOT/i18n/zh_CN.po"
