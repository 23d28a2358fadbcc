"""Count one test pass's results from Odoo's own log.

Usage: count_tests.py LOG EXIT_CODE [--need-tests]
Prints "PASSED FAILED SKIPPED" on stdout and, on stderr, one line per reason
a pass counts as failed beyond Odoo's own failure count (and "note:" lines
that change nothing). Rules:
- Odoo ends each run with "odoo.tests.result: F failed, E error(s) of N tests
  when loading database 'db'": these are summed (failed = F + E).
- A browser test skipped for lack of Chrome or websocket-client, or because Chrome does
  not start, counts as failed: a skipped browser test must never look like a passed one.
- Other skipped tests are neither passed nor failed.
- An ERROR/CRITICAL log line while Odoo reports no failure, no result line at
  all, or a non-zero exit code each add one failure.
"""
import re
import sys

TS = r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ "
RESULT = re.compile(TS + r"\w+ \S+ odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests")
ERROR = re.compile(TS + r"(ERROR|CRITICAL) ")
WARNING = re.compile(TS + r"WARNING ")
SKIP = re.compile(TS + r"INFO \S+ \S+: skipped (.*)")
# Odoo's reasons for skipping a browser test (odoo/tests/common.py): no Chrome on PATH, no
# websocket-client, a Chrome that does not start (devtools port never shows, or spawning it fails).
BROWSER_SKIP = re.compile(
    r"Chrome executable not found|websocket-client module is not installed"
    r"|Failed to detect chrome devtools port|chrom\S* not found", re.IGNORECASE)


def main():
    log, exit_code = sys.argv[1], int(sys.argv[2])
    need_tests = "--need-tests" in sys.argv
    tests = odoo_failed = skipped = browser_skipped = 0
    results, warnings, errors, reasons = 0, 0, [], []
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if m := RESULT.match(line):
                results += 1
                odoo_failed += int(m[1]) + int(m[2])
                tests += int(m[3])
            elif m := SKIP.match(line):
                skipped += 1
                if BROWSER_SKIP.search(m[1]):
                    browser_skipped += 1
                    reasons.append(f"browser test skipped, counted as failed: {m[1]}")
            elif ERROR.match(line):
                errors.append(line)
            elif WARNING.match(line):
                warnings += 1
    failed = odoo_failed + browser_skipped
    if not results:
        failed += 1
        killed = " (killed by PASS_TIMEOUT)" if exit_code == 124 else ""
        reasons.append(f"Odoo printed no test result line, exit code {exit_code}{killed}: see the log")
    elif tests == 0:
        if need_tests:
            failed += 1
            reasons.append("no test ran")
        else:
            reasons.append("note: no test with this pass's tag")
    if errors and odoo_failed == 0:
        failed += 1
        reasons.append(f"{len(errors)} ERROR/CRITICAL log line(s) outside failing tests, first: {errors[0]}")
    if exit_code != 0 and failed == 0:
        failed += 1
        reasons.append(f"odoo-bin exited with code {exit_code}")
    if warnings:
        reasons.append(f"note: {warnings} WARNING line(s) in the log")
    for r in reasons:
        print(r, file=sys.stderr)
    print(max(tests - odoo_failed - skipped, 0), failed, skipped)


if __name__ == "__main__":
    main()
