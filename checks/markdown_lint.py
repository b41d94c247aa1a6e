"""Markdown hygiene with pymarkdown (configured in .pymarkdown.json), as findings."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from healthsite.content.findings import Finding

from .project import Project

#: `path:line:col: MD009: description [details] (rule-names)`.
OUTPUT_RE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>(?:MD|PML)\d+): "
    r"(?P<message>.*?)(?: \((?P<names>[\w,-]+)\))?$"
)
DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / ".pymarkdown.json"

#: How to fix what each rule reports (rules without an entry point to the rule's docs).
FIXES = {
    "MD001": "use the next heading level down (## after #, ### after ##); do not skip levels",
    "MD003": "write headings with # marks (ATX style)",
    "MD004": "use '-' for every bullet",
    "MD005": "indent list items at the same level by the same amount",
    "MD007": "indent nested bullets by 4 spaces",
    "MD009": "delete the spaces at the end of the line (end a line with \\ for a line break)",
    "MD010": "replace tabs with spaces",
    "MD011": "write links as [text](url)",
    "MD012": "leave only one blank line",
    "MD018": "put a space after the # marks",
    "MD019": "put exactly one space after the # marks",
    "MD022": "leave a blank line before and after the heading",
    "MD023": "start the heading at the beginning of the line",
    "MD024": "give the heading a different title",
    "MD025": "use one # title per page; make the others ##",
    "MD026": "remove the punctuation at the end of the heading",
    "MD027": "use one space after >",
    "MD029": "number ordered lists 1. 2. 3.",
    "MD030": "put one space after the list marker",
    "MD031": "leave a blank line before and after the code block",
    "MD032": "leave a blank line before and after the list",
    "MD033": "write it in Markdown instead of HTML "
    "(allowed: <sub>, <sup>, <span>, <kbd>, comments)",
    "MD034": "write links as <https://…> or [text](https://…)",
    "MD035": "write horizontal rules as ---",
    "MD036": "use a heading (##) instead of bold or italic text",
    "MD037": "remove the spaces inside the emphasis markers",
    "MD038": "remove the spaces inside the backticks",
    "MD039": "remove the spaces inside the link text brackets",
    "MD040": "name the language after the opening ``` (e.g. ```text)",
    "MD042": "give the link a target",
    "MD045": "describe the image in its alt text: ![what it shows](file.png)",
    "MD047": "end the file with exactly one newline",
    "MD048": "use ``` for code fences",
    "MD049": "use *asterisks* for emphasis",
    "MD050": "use **double asterisks** for bold",
    "MD051": "link to a heading that exists on the page",
    "MD053": "delete the unused link definition",
    "MD055": "start and end table rows with |",
    "MD056": "give every table row the same number of cells",
    "MD058": "leave a blank line before and after the table",
    "MD059": "make the link text say where it goes (not 'here' or 'link')",
}


def check_markdown(project: Project) -> list[Finding]:
    """pymarkdown findings for every page and template."""
    files = project.lintable_markdown()
    if not files:
        return []
    config = project.root / ".pymarkdown.json"
    command = [
        sys.executable,
        "-m",
        "pymarkdown",
        "--config",
        str(config if config.exists() else DEFAULT_CONFIG),
    ]
    result = subprocess.run(
        [*command, "scan", *files],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    findings: list[Finding] = []
    for line in (result.stdout + result.stderr).splitlines():
        match = OUTPUT_RE.match(line)
        if match is None:
            continue
        rule = match["rule"].upper()
        fix = FIXES.get(
            rule, f"see https://pymarkdown.readthedocs.io/en/latest/plugins/rule_{rule.lower()}/"
        )
        findings.append(
            Finding(
                _relative(project, match["path"]),
                int(match["line"]),
                int(match["col"]),
                "error",
                f"{match['message']} ({rule})",
                fix,
            )
        )
    if result.returncode not in (0, 1) or (result.returncode == 1 and not findings):
        detail = (result.stderr or result.stdout).strip().splitlines()
        findings.append(
            Finding(
                ".pymarkdown.json",
                1,
                1,
                "error",
                "pymarkdown failed: " + " ".join(detail[-3:]),
                "fix the configuration",
            )
        )
    return findings


def _relative(project: Project, path: str) -> str:
    """pymarkdown prints absolute paths; findings use repo-relative ones."""
    absolute = Path(path)
    if absolute.is_absolute() and absolute.is_relative_to(project.root):
        return absolute.relative_to(project.root).as_posix()
    return absolute.as_posix()
