#!/usr/bin/env bash
# Install the addon in throwaway databases and run its tests with Odoo's runner.
#   pass nodemo : fresh DB without demo data, every test of the addon ($TEST_TAGS)
#   pass demo   : fresh DB with demo data, tests tagged party_demo_data
#   pass upgrade: `-u` of the demo DB, tests tagged party_upgrade (against a snapshot of its
#                 rows taken just before: scripts/upgrade_snapshot.sql)
#   pass uninstall: uninstall the addon from that DB and check Odoo still works
#                 (scripts/uninstall_check.py through `odoo-bin shell`; counts as 1 test)
#   pass coexist: a bureau's Odoo that already runs other apps ($COEXIST_APPS, with their
#                 demo data) gets the addon with its demo data, then every test of the addon
# zh_CN is loaded only in the demo pass, whose database is created as `make run` creates its
# own; elsewhere it would switch users to Chinese and break English assertions, and tests
# that need it activate it themselves.
# The last line printed is "N passed, N failed"; exit code 0 only if N failed = 0.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
PASSES="${PASSES:-nodemo demo upgrade uninstall coexist}"
# Pass nodemo runs every test of the addon except those written for the other passes.
TEST_TAGS="${TEST_TAGS:-/$MODULE,-party_demo_data,-party_upgrade}"
# Pass coexist: the apps a bureau's Odoo typically runs already, and the addon's tests there.
COEXIST_APPS="${COEXIST_APPS:-hr,hr_holidays,calendar,project,survey,contacts}"
COEXIST_TAGS="${COEXIST_TAGS:-/$MODULE,party_demo_data/$MODULE}"
PASS_TIMEOUT="${PASS_TIMEOUT:-1800}"   # seconds; a hung browser test must not eat CI's 90 minutes

if [[ " $PASSES " == *" upgrade "* && " $PASSES " != *" demo "*upgrade* ]]; then
    die "PASSES: 'upgrade' updates the database of the 'demo' pass, so 'demo' must come before it."
fi
if [[ " $PASSES " == *" uninstall "* && " $PASSES " != *" demo "*uninstall* ]]; then
    die "PASSES: 'uninstall' works on the database of the 'demo' pass, so 'demo' must come before it."
fi

bash "$ROOT/scripts/check_prereqs.sh" test
bash "$ROOT/scripts/venv.sh"
init_odoo_cmd

mkdir -p "$DATA_DIR"
db_nodemo="pdl_test_$$_nodemo"
db_demo="pdl_test_$$_demo"
db_coexist="pdl_test_$$_coexist"
tmp="$(mktemp -d "$DATA_DIR/test-$$-XXXX")"     # filestore + sessions of these DBs
# A free port, so tests can run while `make run` serves on 8069.
port="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

cleanup() {
    for db in "$db_nodemo" "$db_demo" "$db_coexist"; do
        PGOPTIONS='-c client_min_messages=warning' pg -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # so that Ctrl-C still drops the databases

total_passed=0 total_failed=0 total_skipped=0 summary=()
run_pass() {   # name db extra-count-args -- odoo args...
    local name="$1" db="$2" count_args="$3"; shift 4
    local log="$DATA_DIR/test-$name.log" start rc
    info "Test pass '$name' on database $db (log: ${log#"$ROOT"/})"
    start=$(date +%s)
    set +e
    timeout --kill-after=60 "$PASS_TIMEOUT" "${ODOO[@]}" -d "$db" --test-enable --stop-after-init \
        --http-interface=127.0.0.1 --http-port="$port" --data-dir="$tmp" \
        --screenshots="$DATA_DIR/screenshots" --log-level=info "$@" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    set -e
    count_pass "$name" "$log" "$rc" "$start" "$count_args"
}

uninstall_pass() {   # db: runs scripts/uninstall_check.py in `odoo-bin shell`
    local db="$1" log="$DATA_DIR/test-uninstall.log" start rc
    info "Test pass 'uninstall' on database $db (log: ${log#"$ROOT"/})"
    start=$(date +%s)
    set +e
    # odoo-bin [--addons-path=...] shell [options]: the command goes right after the addons path.
    timeout --kill-after=60 "$PASS_TIMEOUT" "${ODOO[@]:0:3}" shell "${ODOO[@]:2}" -d "$db" --no-http \
        --data-dir="$tmp" --log-level=info < "$ROOT/scripts/uninstall_check.py" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    set -e
    count_pass uninstall "$log" "$rc" "$start" --need-tests
}

coexist_pass() {   # the other apps first, as in a bureau's Odoo; then the addon and its tests
    local log="$DATA_DIR/test-coexist-apps.log" rc
    info "Test pass 'coexist': installing $COEXIST_APPS in $db_coexist (log: ${log#"$ROOT"/})"
    set +e
    timeout --kill-after=60 "$PASS_TIMEOUT" "${ODOO[@]}" -d "$db_coexist" --with-demo --stop-after-init \
        --no-http --data-dir="$tmp" --log-level=warn -i "$COEXIST_APPS" > "$log" 2>&1
    rc=$?
    set -e
    if [ "$rc" -ne 0 ]; then
        tail -n 20 "$log"
        total_failed=$((total_failed + 1))
        summary+=("pass coexist: installing $COEXIST_APPS failed (exit code $rc), see ${log#"$ROOT"/}")
        return
    fi
    run_pass coexist "$db_coexist" --need-tests -- -i "$MODULE" --with-demo --test-tags "$COEXIST_TAGS"
}

count_pass() {   # name log exit-code start-time extra-count-args
    local name="$1" log="$2" rc="$3" start="$4" count_args="$5" counts
    # shellcheck disable=SC2086  # count_args is zero or one word
    counts="$("$PY" "$ROOT/scripts/count_tests.py" "$log" "$rc" $count_args 2> "$log.reasons")"
    read -r p f s <<< "$counts"
    total_passed=$((total_passed + p)); total_failed=$((total_failed + f)); total_skipped=$((total_skipped + s))
    summary+=("pass $name: $p passed, $f failed, $s skipped in $(( $(date +%s) - start ))s")
    while IFS= read -r reason; do summary+=("  pass $name: $reason"); done < "$log.reasons"
    rm -f "$log.reasons"
}

for pass in $PASSES; do
    case "$pass" in
        nodemo)  run_pass nodemo "$db_nodemo" --need-tests -- -i "$MODULE" --test-tags "$TEST_TAGS" ;;  # no demo: Odoo 19 default
        # Created as `make run` creates its database: with 简体中文 loaded before the addon.
        demo)    run_pass demo "$db_demo" "" -- -i "$MODULE" --with-demo --load-language=zh_CN --test-tags party_demo_data ;;
        upgrade)
            # Without the snapshot the upgrade test fails and says so.
            psql -X -q -v ON_ERROR_STOP=1 -d "$db_demo" -f "$ROOT/scripts/upgrade_snapshot.sql" \
                || info "No snapshot of $db_demo before the upgrade"
            run_pass upgrade "$db_demo" "" -- -u "$MODULE" --test-tags party_upgrade ;;
        uninstall) uninstall_pass "$db_demo" ;;
        coexist)   coexist_pass ;;
        *) die "Unknown test pass '$pass' in PASSES (known: nodemo demo upgrade uninstall coexist)" ;;
    esac
done

# Drop the databases now, so that nothing is printed after the count line.
cleanup; trap - EXIT
echo
printf '%s\n' "${summary[@]}"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
