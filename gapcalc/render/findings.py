"""Renderers for ``gapcalc check`` findings: text, json, github (workflow commands), sarif, junit."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from enum import Enum

from gapcalc._version import __version__
from gapcalc.errors import CODES, Finding, Severity


class CheckFormat(str, Enum):
    """Output formats of ``gapcalc check``."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"
    JUNIT = "junit"


def render_findings(findings: Sequence[Finding], files: Sequence[str], fmt: CheckFormat, lang: str = "en") -> str:
    """Findings in the chosen format, their messages and hints in ``lang`` (codes, names and locations never
    change)."""
    from gapcalc.render import render_function

    text: str = render_function("findings", fmt.value)([f.in_lang(lang) for f in findings], files)
    return text


def findings_text(findings: Sequence[Finding], files: Sequence[str]) -> str:
    return "".join(f.as_text() + "\n" for f in findings)


def findings_json(findings: Sequence[Finding], files: Sequence[str]) -> str:
    data = {"files": list(files), "findings": [f.as_dict() for f in findings]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def escape_data(text: str) -> str:
    """GitHub workflow-command data escaping."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """GitHub workflow-command property escaping (also ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def findings_github(findings: Sequence[Finding], files: Sequence[str]) -> str:
    lines = []
    for f in findings:
        level = {"error": "error", "warning": "warning"}.get(f.severity.value, "notice")
        props = [f"file={escape_property(f.file)}"]
        if f.line:
            props.append(f"line={f.line}")
        if f.col:
            props.append(f"col={f.col}")
        props.append(f"title={escape_property(f'{f.code} {f.name}')}")
        message = f.message + (f" — {f.hint}" if f.hint else "")
        lines.append(f"::{level} {','.join(props)}::{escape_data(message)}\n")
    return "".join(lines)


def findings_sarif(findings: Sequence[Finding], files: Sequence[str]) -> str:
    used = sorted({f.code for f in findings})
    rules = [{"id": code, "name": CODES[code][0], "shortDescription": {"text": CODES[code][0].replace("-", " ")}}
             for code in used]
    results = []
    for f in findings:
        region = {"startLine": max(f.line, 1)}
        if f.col:
            region["startColumn"] = f.col
        results.append({
            "ruleId": f.code,
            "level": {"error": "error", "warning": "warning"}.get(f.severity.value, "note"),
            "message": {"text": f.message + (f" — {f.hint}" if f.hint else "")},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.file.replace("\\", "/")},
                                                "region": region}}],
        })
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "gapcalc", "version": __version__, "rules": rules}},
                  "results": results}],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold at all, even escaped (control characters, lone surrogates, U+FFFE/U+FFFF)."""


def xml_safe(text: str) -> str:
    """``text`` with every character XML cannot hold written as a visible ``\\xNN`` / ``\\uNNNN`` escape."""
    return _NOT_XML.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def findings_junit(findings: Sequence[Finding], files: Sequence[str]) -> str:
    from xml.sax.saxutils import escape as escape_xml  # imports urllib and http: only for JUnit output
    from xml.sax.saxutils import quoteattr as quote_xml

    def escape(text: str) -> str:
        return escape_xml(xml_safe(text))

    def quoteattr(text: str) -> str:
        return quote_xml(xml_safe(text))

    failing = [f for f in findings if f.severity is not Severity.INFO]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<testsuite name="gapcalc check" tests="{len(files)}" failures="{len(failing)}">']
    for file in files:
        mine = [f for f in failing if f.file == file]
        lines.append(f"  <testcase classname=\"gapcalc.check\" name={quoteattr(file)}>")
        for f in mine:
            tag = "failure"
            lines.append(f"    <{tag} type={quoteattr(f.code)} message={quoteattr(f.message)}>"
                         f"{escape(f.as_text())}</{tag}>")
        lines.append("  </testcase>")
    lines.append("</testsuite>")
    return "\n".join(lines) + "\n"
