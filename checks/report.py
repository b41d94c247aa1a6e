"""Print findings as compiler-style lines and, on GitHub Actions, as annotations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from healthsite.content.findings import SEVERITIES, Finding


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """A GitHub Actions workflow command: `::error file=…,line=…,col=…::message`."""
    properties = ",".join(
        [
            f"file={_escape_property(finding.path)}",
            f"line={finding.line}",
            f"col={finding.col}",
        ]
    )
    return f"::{finding.severity} {properties}::{_escape_data(finding.text)}"


def unique(findings: Iterable[Finding]) -> list[Finding]:
    """Sorted, without repeats (the build repeats what the content checks already said)."""
    seen: set[tuple[str, int, str]] = set()
    kept = []
    for finding in sorted(findings, key=lambda f: (f.path, f.line, f.col, f.message)):
        identity = (finding.path, finding.line, finding.text)
        if identity not in seen:
            seen.add(identity)
            kept.append(finding)
    return kept


def emit(findings: list[Finding], out: TextIO, *, github: bool) -> None:
    """One line per finding; in GitHub Actions each is followed by its annotation."""
    for finding in findings:
        print(finding.compiler_style(), file=out)
        if github:
            print(annotation(finding), file=out)


def summary(findings: list[Finding]) -> str:
    counts = Counter(finding.severity for finding in findings)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in SEVERITIES]
    verdict = "FAILED" if counts["error"] else "passed"
    return f"checks {verdict}: " + ", ".join(parts)
