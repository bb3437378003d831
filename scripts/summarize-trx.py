#!/usr/bin/env python3
"""Summarize every .trx file under a directory.

Prints one line per file, then the overall line `N passed, N failed, N skipped`
as the very last line. Exit code 1 if any test failed, any test run was
aborted (e.g. the test host crashed), or no test ran at all.

Outcomes are counted from the UnitTestResult elements rather than <Counters>,
because the xunit VSTest adapter reports skipped tests as outcome="NotExecuted"
but leaves Counters/@notExecuted at 0.
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
PASSED = {"Passed", "PassedButRunAborted"}
FAILED = {"Failed", "Error", "Timeout", "Aborted", "Disconnected"}
BAD_RUN = {"Failed", "Error", "Timeout", "Aborted"}


def project_name(root, path):
    method = root.find("t:TestDefinitions/t:UnitTest/t:TestMethod", NS)
    if method is not None and method.get("codeBase"):
        return Path(method.get("codeBase").replace("\\", "/")).stem
    # A crashed run has no test definitions, but xunit logged what it was discovering.
    stdout = root.findtext("t:ResultSummary/t:Output/t:StdOut", "", NS)
    match = re.search(r"Discovering: (\S+)", stdout)
    return match.group(1) if match else path.name


def from_counters(root):
    c = root.find("t:ResultSummary/t:Counters", NS)
    if c is None:
        return 0, 0, 0
    n = lambda attr: int(c.get(attr, "0"))
    failed = n("failed") + n("error") + n("timeout") + n("aborted")
    skipped = max(n("notExecuted"), n("total") - n("executed"))
    return n("passed"), failed, skipped


def summarize(path):
    """Returns (project, passed, failed, skipped, problem or None)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return path.name, 0, 0, 0, f"unreadable trx ({e})"
    outcomes = [r.get("outcome", "") for r in root.findall("t:Results/t:UnitTestResult", NS)]
    if outcomes:
        passed = sum(o in PASSED for o in outcomes)
        failed = sum(o in FAILED for o in outcomes)
        skipped = len(outcomes) - passed - failed
    else:
        passed, failed, skipped = from_counters(root)
    run_outcome = root.find("t:ResultSummary", NS)
    run_outcome = run_outcome.get("outcome", "") if run_outcome is not None else ""
    problem = None
    if run_outcome in BAD_RUN and failed == 0:
        problem = f"test run {run_outcome.lower()} without a failed test (test host crash?)"
    return project_name(root, path), passed, failed, skipped, problem


def main():
    results_dir = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    files = sorted(results_dir.rglob("*.trx"))
    totals = [0, 0, 0]
    problems = []
    for path in files:
        project, passed, failed, skipped, problem = summarize(path)
        for i, n in enumerate((passed, failed, skipped)):
            totals[i] += n
        note = f"  !! {problem}" if problem else ""
        print(f"{project}: {passed} passed, {failed} failed, {skipped} skipped ({path.name}){note}")
        if problem:
            problems.append(f"{project}: {problem}")
    if not files:
        problems.append(f"no .trx files found in {results_dir} (did the build fail?)")
    elif sum(totals) == 0:
        problems.append("zero tests ran")
    for problem in problems:
        print(f"ERROR: {problem}")
    print(f"{totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")
    return 1 if problems or totals[1] else 0


if __name__ == "__main__":
    sys.exit(main())
