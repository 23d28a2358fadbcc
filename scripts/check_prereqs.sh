#!/usr/bin/env bash
# Check what `make run` / `make test` need, with one clear message per problem.
# Usage: check_prereqs.sh run|test   (wkhtmltopdf is a warning for run, an error for test)
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
mode="${1:-test}"

# Odoo 19.0 source tree, unpacked from $ODOO_ARCHIVE when there is none yet.
bash "$ROOT/scripts/odoo_src.sh"

# The addon itself must look like an Odoo module, or Odoo silently ignores the folder.
{ [ -f "$ADDON_DIR/__manifest__.py" ] && [ -f "$ADDON_DIR/__init__.py" ]; } \
    || die "No __manifest__.py/__init__.py in $ADDON_DIR: it is not an Odoo addon yet."

# PostgreSQL: when it does not answer and is local, try to start the local cluster once.
pg_up() { pg_isready -q -t 5 >/dev/null 2>&1; }
command -v pg_isready >/dev/null || die "PostgreSQL client tools not found (pg_isready, psql). Install them: apt-get install postgresql-client"
case "${PGHOST:-}" in ""|/*|localhost|127.0.0.1) local_pg=1 ;; *) local_pg="" ;; esac
if ! pg_up && [ -n "$local_pg" ] && command -v pg_ctlcluster >/dev/null; then
    for conf in /etc/postgresql/*/main; do
        [ -d "$conf" ] || continue
        ver="$(basename "$(dirname "$conf")")"
        info "PostgreSQL is not answering; starting local cluster $ver/main"
        pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
    done
    for _ in 1 2 3 4 5 6 7 8 9 10; do pg_up && break; sleep 1; done
fi
pg_up || die "PostgreSQL is not reachable (PGHOST=${PGHOST:-<socket>} PGPORT=${PGPORT:-5432}). Start it, e.g. 'pg_ctlcluster --skip-systemctl-redirect 15 main start', or set PGHOST/PGPORT."

[ "$PGUSER" != postgres ] \
    || die "Odoo refuses to run as the PostgreSQL role 'postgres'. Set PGUSER to another role (default: your OS user, $(id -un))."
# The role must exist and be allowed to create databases.
can_create="$(pg -c "SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user" 2>/dev/null || true)"
[ "$can_create" = t ] \
    || die "PostgreSQL role '$PGUSER' cannot log in or cannot create databases. Create it: sudo -u postgres createuser --createdb '$PGUSER' (or set PGUSER)."

# As root (CI, a fresh machine) the Debian packages are installed here, so that the
# README's two commands are the whole set-up; otherwise a missing one is reported below.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    bash "$ROOT/scripts/apt_deps.sh" "$mode" || true
fi

# System tools: wkhtmltopdf renders the PDF reports; the tests also need Chromium
# (browser tests), poppler (pdftotext/pdftoppm read PDFs back) and CJK fonts (Chinese in PDFs).
missing() {   # $1 = what, $2 = Debian package
    local msg="$1 not found. Install it as root: apt-get install $2 (or: bash scripts/apt_deps.sh)."
    if [ "$mode" = run ]; then echo "WARNING: $msg" >&2; else die "$msg"; fi
}
command -v wkhtmltopdf >/dev/null || missing "wkhtmltopdf (PDF reports)" wkhtmltopdf
if [ "$mode" = test ]; then
    command -v chromium >/dev/null || command -v google-chrome >/dev/null || missing "Chromium (browser tests)" chromium
    { command -v pdftotext && command -v pdftoppm; } >/dev/null || missing "pdftotext/pdftoppm" poppler-utils
    ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 || missing "Noto CJK fonts" fonts-noto-cjk
fi
exit 0
