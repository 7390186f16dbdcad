"""Prints pass/fail/skip counts and the non-passing tests from pytest junit XML files."""

import sys
import xml.etree.ElementTree as ET

counts = {"passed": 0, "failed": 0, "error": 0, "skipped": 0, "xfailed": 0}
lines = []
for path in sys.argv[1:]:
    for case in ET.parse(path).iter("testcase"):
        name = "{}::{}".format(
            case.get("classname", "").replace("irctest.server_tests.", ""),
            case.get("name"),
        )
        outcome, reason = "passed", ""
        for tag in ("failure", "error", "skipped"):
            node = case.find(tag)
            if node is not None:
                outcome = {"failure": "failed", "error": "error"}.get(tag, tag)
                if tag == "skipped" and node.get("type") == "pytest.xfail":
                    outcome = "xfailed"
                reason = " ".join((node.get("message") or "").split())[:220]
                break
        counts[outcome] += 1
        if outcome != "passed":
            lines.append("  {:8} {}  | {}".format(outcome.upper(), name, reason))
total = sum(counts.values())
print(
    "total {}: passed {}, failed {}, errors {}, skipped {}, xfailed {}".format(
        total, counts["passed"], counts["failed"], counts["error"],
        counts["skipped"], counts["xfailed"],
    )
)
print("\n".join(sorted(lines)))
