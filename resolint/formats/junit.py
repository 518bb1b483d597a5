"""``junit``: JUnit XML, one test suite per file and one failed test case per finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO


def write(results, out: TextIO, options) -> None:
    root = ET.Element("testsuites", name="resolint")
    total = failures = 0
    for r in results:
        suite = ET.SubElement(
            root,
            "testsuite",
            name=r.path,
            tests=str(max(1, len(r.findings))),
            failures=str(len(r.findings)),
            errors="0",
        )
        total += max(1, len(r.findings))
        failures += len(r.findings)
        if not r.findings:
            ET.SubElement(suite, "testcase", name="resolint", classname=r.path)
        for f in r.findings:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{f.code} at {f.line}:{f.column}",
                classname=r.path,
                file=r.path,
                line=str(f.line),
            )
            failure = ET.SubElement(case, "failure", message=f.message, type=f.code)
            failure.text = f"{r.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}"
    if options.errors:
        suite = ET.SubElement(
            root,
            "testsuite",
            name="inputs",
            tests=str(len(options.errors)),
            failures="0",
            errors=str(len(options.errors)),
        )
        for message in options.errors:
            case = ET.SubElement(suite, "testcase", name=message.split(":", 1)[0], classname="inputs")
            ET.SubElement(case, "error", message=message, type="input").text = message
        total += len(options.errors)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(len(options.errors)))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
