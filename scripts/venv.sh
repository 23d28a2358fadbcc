#!/usr/bin/env bash
# Create or refresh the virtualenv with Odoo's requirements plus ours.
# Idempotent: pip only runs when a requirements file changed since the last
# successful install (their checksums are kept in $VENV/.requirements.stamp).
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

# A Python >= 3.10 (Odoo 19's minimum), 3.12 preferred: $PYTHON if set, else
# python3.12 on PATH, else pyenv's 3.12, else python3.
py_ok() { [ -x "$1" ] && "$1" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; }
find_python() {
    if [ -n "${PYTHON:-}" ]; then
        py_ok "$(command -v "$PYTHON" || echo "$PYTHON")" \
            || die "PYTHON=$PYTHON is not a Python >= 3.10 (Odoo 19 needs it; 3.12 recommended)."
        command -v "$PYTHON" || echo "$PYTHON"; return
    fi
    local c pyenv_root
    pyenv_root="$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")"
    for c in "$(command -v python3.12 || true)" \
             "$(pyenv prefix 3.12 2>/dev/null | head -n1 || true)/bin/python" \
             "$pyenv_root"/versions/3.12.*/bin/python \
             "$(command -v python3 || true)"; do
        if py_ok "$c"; then echo "$c"; return; fi
    done
    die "No Python >= 3.10 found. Install Python 3.12 (e.g. 'pyenv install 3.12') or set PYTHON=/path/to/python3.12."
}

bash "$ROOT/scripts/odoo_src.sh"    # Odoo's requirements.txt comes with its tree

if [ ! -x "$PY" ]; then
    base_py="$(find_python)"
    info "Creating virtualenv $VENV with $base_py"
    "$base_py" -m venv "$VENV"
fi

# python-ldap is dropped from Odoo's list: it has no wheel (needs libldap/libsasl
# headers to build) and only the auth_ldap module uses it.
odoo_req="$VENV/odoo-requirements.txt"
grep -v '^python-ldap' "$ODOO_SRC/requirements.txt" > "$odoo_req"

stamp="$VENV/.requirements.stamp"
want="$(cat "$odoo_req" "$ROOT/requirements.txt" "$ROOT/requirements-dev.txt" | sha256sum)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    exit 0
fi

# psycopg2 (Odoo pins the source package, not -binary) compiles against libpq.
command -v pg_config >/dev/null || die "pg_config not found: psycopg2 needs it to build. Install it: apt-get install libpq-dev"

info "Installing Python requirements into $VENV (first time takes a few minutes)"
# The grep only hides pip's noise about missing local index folders on this machine.
"$PY" -m pip install -q -r "$odoo_req" -r "$ROOT/requirements.txt" -r "$ROOT/requirements-dev.txt" 2>&1 \
    | { grep -v "is ignored: it is neither a file nor a directory" || true; }
echo "$want" > "$stamp"
