# shellcheck shell=bash disable=SC2034  # (variables are used by the sourcing scripts)
# Shared settings and helpers for the scripts in this folder. Sourced, never run.
# Every setting can be overridden from the environment (the Makefile passes its own).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE=party_democratic_life
ODOO_SRC="${ODOO_SRC:-/opt/odoo}"
VENV="${VENV:-.venv}"
case "$VENV" in /*) ;; *) VENV="$ROOT/$VENV" ;; esac   # make passes it relative to the repo
PY="$VENV/bin/python"
DATA_DIR="$ROOT/.odoo-data"          # filestore, sessions, logs (gitignored)
# ADDON_DIR is only for testing this tooling against another copy of the addon.
ADDON_DIR="${ADDON_DIR:-$ROOT}"

# Odoo refuses the 'postgres' role, so default to the OS user's role (root here).
# libpq and Odoo both read PGHOST/PGPORT/PGUSER, so exporting them is enough.
export PGUSER="${PGUSER:-$(id -un)}"

die()  { echo "ERROR: $*" >&2; exit 1; }
info() { echo "==> $*"; }

# The clone's folder may have any name, but Odoo finds a module by its folder name:
# expose the addon as <dir>/party_democratic_life through a symlink and print <dir>.
addons_dir() {
    local dir="$ROOT/.addons" target=".."
    if [ "$(cd "$ADDON_DIR" && pwd)" != "$ROOT" ]; then
        dir="$DATA_DIR/addons-override"; target="$(cd "$ADDON_DIR" && pwd)"
    fi
    mkdir -p "$dir"
    ln -sfn "$target" "$dir/$MODULE"
    echo "$dir"
}

# Fills the array ODOO: odoo-bin with the options every call shares
# (addons path, database role, no cron threads racing installs and tests).
init_odoo_cmd() {
    local addons; addons="$(addons_dir)"
    ODOO=("$PY" "$ODOO_SRC/odoo-bin" "--addons-path=$ODOO_SRC/addons,$addons"
          "--db_user=$PGUSER" --max-cron-threads=0)
}

# psql against the maintenance database, quiet, unaligned: for small queries.
pg() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d postgres "$@"; }
