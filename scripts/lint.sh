#!/usr/bin/env bash
# Lint the addon: ruff (general Python) then pylint with only pylint-odoo's
# Odoo-specific checks. Both read their settings from pyproject.toml.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/venv.sh"
cd "$ADDON_DIR"
info "ruff check"
"$VENV/bin/ruff" check --config "$ROOT/pyproject.toml" .
info "pylint-odoo"
"$VENV/bin/pylint" --rcfile="$ROOT/pyproject.toml" .
echo "lint: OK"
