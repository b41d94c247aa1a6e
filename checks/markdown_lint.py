"""Markdown hygiene with pymarkdown (configured in .pymarkdown.json), as findings."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from healthsite.content.documents import FRONT_MATTER_RE
from healthsite.content.findings import Finding
from healthsite.content.sources import read_source

from .project import Project

#: `path:line:col: MD009: description [details] (rule-names)`.
OUTPUT_RE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>(?:MD|PML)\d+): "
    r"(?P<message>.*?)(?: \((?P<names>[\w,-]+)\))?$"
)
#: A file pymarkdown can always lint, to tell a broken configuration from a broken file.
PROBE = "pymarkdown-probe.md"
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
    """pymarkdown findings for every page and template.

    pymarkdown reads copies of the files, as the build reads them: decoded (bad bytes as
    U+FFFD), without a byte-order mark, and with front matter it cannot load (a date that
    does not exist) swapped for blank fields. Those problems are the content checks' own
    located findings; here they would crash pymarkdown and hide every other file's findings.
    A file that still makes pymarkdown fail is reported on its own, and the others are linted.
    """
    files = project.lintable_markdown()
    if not files:
        return []
    config = project.root / ".pymarkdown.json"
    config = config if config.exists() else DEFAULT_CONFIG
    with tempfile.TemporaryDirectory(prefix="checks-markdown-") as folder:
        copies = Path(folder)
        for relative in files:
            copy = copies / relative
            copy.parent.mkdir(parents=True, exist_ok=True)
            source = read_source(relative, (project.root / relative).read_bytes())
            copy.write_text(lint_view(source.text), encoding="utf-8")
        findings, failed = _scan(config, copies, files)
        if not failed:
            return findings
        # pymarkdown failing on a trivial file means the configuration is at fault.
        (copies / PROBE).write_text("# Probe\n", encoding="utf-8")
        _, config_error = _scan(config, copies, [PROBE])
        if config_error:
            shown = project.relative(config) if config.is_relative_to(project.root) else config
            return [
                Finding.error(
                    str(shown),
                    1,
                    1,
                    f"pymarkdown failed: {config_error}",
                    "fix the configuration",
                )
            ]
        # One file breaks pymarkdown: lint each file on its own.
        findings, failures = [], {}
        for relative in files:
            found, error = _scan(config, copies, [relative])
            findings += found
            if error:
                failures[relative] = error
    return findings + [
        Finding.error(
            relative,
            1,
            1,
            f"Markdown lint could not read this file (pymarkdown: {error})",
            f"look for unusual Markdown in it; `.venv/bin/python -m pymarkdown scan {relative}` "
            "shows pymarkdown's own message",
        )
        for relative, error in failures.items()
    ]


def lint_view(text: str) -> str:
    """`text` as pymarkdown should see it: front matter that YAML cannot load with dates
    resolved (pymarkdown's loader) becomes blank fields, keeping every line number."""
    match = FRONT_MATTER_RE.match(text)
    if match is None or not match["yaml"]:
        return text
    try:
        yaml.safe_load(match["yaml"])
    except (yaml.YAMLError, ValueError, OverflowError):
        blank = "".join(f"x{number}: 0\n" for number in range(match["yaml"].count("\n")))
        return text[: match.start("yaml")] + blank + text[match.end("yaml") :]
    return text


def _scan(config: Path, folder: Path, files: list[str]) -> tuple[list[Finding], str]:
    """pymarkdown over `files` (relative to `folder`): findings, and its error if it failed."""
    result = subprocess.run(
        [sys.executable, "-m", "pymarkdown", "--config", str(config), "scan", *files],
        cwd=folder,
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
            Finding.error(
                _relative(Path(match["path"]), folder),
                int(match["line"]),
                int(match["col"]),
                f"{match['message']} ({rule})",
                fix,
            )
        )
    failed = result.returncode not in (0, 1) or (result.returncode == 1 and not findings)
    detail = (result.stderr or result.stdout).strip().splitlines()
    return findings, " ".join(detail[-3:]) if failed else ""


def _relative(path: Path, folder: Path) -> str:
    """pymarkdown prints some paths absolute: the copy's path relative to its folder, which
    is the file's repo-relative path."""
    if path.is_absolute() and path.is_relative_to(folder):
        return path.relative_to(folder).as_posix()
    return path.as_posix()
