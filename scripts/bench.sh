#!/usr/bin/env bash
# Run benchmarks/bench.py with the venv's Python, arguments passed through.
# It gets Odoo importable (PYTHONPATH) and these variables: ODOO_SRC, ODOO_BIN,
# ODOO_ADDONS_PATH (the value for --addons-path), PGUSER, DB, PORT.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
[ -f "$ROOT/benchmarks/bench.py" ] || die "benchmarks/bench.py does not exist yet."
bash "$ROOT/scripts/check_prereqs.sh" run
bash "$ROOT/scripts/venv.sh"
addons="$(addons_dir)"
export ODOO_SRC ODOO_BIN="$ODOO_SRC/odoo-bin" ODOO_ADDONS_PATH="$ODOO_SRC/addons,$addons"
export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}" DB="${DB:-party_demo}" PORT="${PORT:-8069}"
cd "$ROOT"
exec "$PY" benchmarks/bench.py "$@"
