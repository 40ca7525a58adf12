#!/usr/bin/env python3
"""Adds up every Surefire/Failsafe report and the browser tests' JUnit report of the last run into one plain closing line."""
import glob
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1] if len(sys.argv) > 1 else "."
totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
for report in glob.glob(f"{root}/*/target/*-reports/TEST-*.xml"):
    suite = ET.parse(report).getroot()
    for key in totals:
        totals[key] += int(suite.get(key, 0))
# node's test runner (browser tests) and Vitest (web unit tests) write JUnit XML without suite totals: count test cases.
for report in glob.glob(f"{root}/e2e-tests/target/browser-junit.xml") + glob.glob(f"{root}/web/target/vitest-junit.xml"):
    for case in ET.parse(report).getroot().iter("testcase"):
        totals["tests"] += 1
        totals["failures"] += 1 if case.find("failure") is not None else 0
        totals["skipped"] += 1 if case.find("skipped") is not None else 0
failed = totals["failures"] + totals["errors"]
passed = totals["tests"] - failed - totals["skipped"]
print(f"tests: {passed} passed, {failed} failed, {totals['skipped']} skipped")
