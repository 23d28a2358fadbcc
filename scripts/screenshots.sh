#!/usr/bin/env bash
# Take the README's screenshots of the main screens, in Chinese, as their users see them:
# a throwaway database with the demo data and zh_CN runs the test tagged party_screenshots
# (tests/test_screenshots.py), which saves static/description/screenshots/*.png; then it is dropped.
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
cleanup() {
    PGOPTIONS='-c client_min_messages=warning' pg -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || true
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

info "Screenshots: database $db with demo data and zh_CN (log: ${log#"$ROOT"/})"
set +e
PARTY_SCREENSHOT_DIR="$OUT" "${ODOO[@]}" -d "$db" -i "$MODULE" --with-demo --load-language=zh_CN \
    --test-enable --test-tags party_screenshots --stop-after-init \
    --http-interface=127.0.0.1 --http-port="$port" --data-dir="$tmp" --log-level=info > "$log" 2>&1
rc=$?
set -e
read -r passed failed _ <<< "$("$PY" "$ROOT/scripts/count_tests.py" "$log" "$rc" --need-tests)"
if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    grep -E " (ERROR|CRITICAL) |odoo.tests.result" "$log" | tail -n 20 >&2 || true
    die "Taking the screenshots failed; see $log"
fi
grep -o "Screenshot saved: .*" "$log" | sed "s|Screenshot saved: $ROOT/|  |"
