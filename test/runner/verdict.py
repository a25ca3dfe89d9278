"""How a suite's output is judged, for the QEMU suites (runner.py) and the
IA-64 simulator's (ia64sim.py) alike: the last "N passed, M failed" line, a
kernel panic, and the problems the caller found itself (a hang, the exit
status, expected messages that never appeared)."""
import re

SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed\s*$", re.M)


def judge(text, expect_summary, problems):
    """(passed, failed, problems).  A suite without a summary line counts as
    one case; one with problems but no failing case gets one failed case."""
    problems = list(problems)
    passed = failed = 0
    last = None
    for last in SUMMARY.finditer(text):
        pass
    if expect_summary:
        if last is None:
            problems.append("no summary line")
        else:
            passed, failed = int(last.group(1)), int(last.group(2))
    if "PANIC:" in text:
        problems.append("kernel panic")
    if not expect_summary:
        passed, failed = (0, 1) if problems else (1, 0)
    elif problems and failed == 0:
        failed += 1
    return passed, failed, problems


def line(head, passed, failed, note, problems, text, log, markers):
    """The suite's report line: `head` names it, `note` (in parentheses)
    says what it took; a failure adds the output lines containing one of
    `markers` (at most 20) and the log's path."""
    verdict = "ok" if not problems and failed == 0 else "FAILED: " + "; ".join(problems or ["failing cases"])
    out = f"{head}: {passed} passed, {failed} failed ({note}) {verdict}"
    if problems or failed:
        tail = [l for l in text.splitlines() if l.startswith("FAIL") or any(m in l for m in markers)]
        out += "".join(f"\n    {l}" for l in tail[:20]) + f"\n    log: {log}"
    return out
