#!/usr/bin/env bash
# Run benchmarks/trust.py (the reliability suite) with the venv's Python, arguments passed
# through; the same environment as scripts/bench.sh (Odoo importable, ODOO_BIN,
# ODOO_ADDONS_PATH, PGUSER). The PostgreSQL fault stops and starts the cluster serving
# $PGPORT: give the suite a cluster of its own when others share the machine.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/check_prereqs.sh" run
bash "$ROOT/scripts/venv.sh"
addons="$(addons_dir)"
export ODOO_SRC ODOO_BIN="$ODOO_SRC/odoo-bin" ODOO_ADDONS_PATH="$ODOO_SRC/addons,$addons"
export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}"
cd "$ROOT"
exec "$PY" benchmarks/trust.py "$@"
