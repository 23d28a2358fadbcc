#!/usr/bin/env bash
# Take the README's screenshots of the main screens, in Chinese, as their users see them:
# a throwaway database with the demo data and zh_CN is served on a free port, and
# scripts/screenshots.py drives headless Chromium through it to save
# static/description/screenshots/*.png; then the server stops and the database is dropped.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
OUT="$ADDON_DIR/static/description/screenshots"

bash "$ROOT/scripts/check_prereqs.sh" test
bash "$ROOT/scripts/venv.sh"
init_odoo_cmd

mkdir -p "$DATA_DIR"
db="pdl_shots_$$"
tmp="$(mktemp -d "$DATA_DIR/shots-$$-XXXX")"     # filestore + sessions of that database
log="$DATA_DIR/screenshots.log"
port="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    PGOPTIONS='-c client_min_messages=warning' pg -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || true
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

info "Screenshots: database $db with demo data and zh_CN (log: ${log#"$ROOT"/})"
"${ODOO[@]}" -d "$db" -i "$MODULE" --with-demo --load-language=zh_CN --stop-after-init --no-http \
    --data-dir="$tmp" --log-level=warn > "$log" 2>&1 \
    || { tail -n 20 "$log" >&2; die "Installing the demo database failed; see $log"; }

"${ODOO[@]}" -d "$db" --db-filter="^$db\$" --data-dir="$tmp" --http-interface=127.0.0.1 --http-port="$port" \
    --log-level=warn >> "$log" 2>&1 &
server_pid=$!
url="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
    curl -sf "$url/web/health" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || die "The Odoo server stopped; see $log"
    sleep 1
done
curl -sf "$url/web/health" >/dev/null 2>&1 || die "The Odoo server did not answer on $url; see $log"

"$PY" "$ROOT/scripts/screenshots.py" --url "$url" --db "$db" --out "$OUT" \
    || die "Taking the screenshots failed; the server's log is $log"
