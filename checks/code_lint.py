"""Python code: `ruff check` and `ruff format --check`, as findings."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from healthsite.content.findings import Finding

from .project import Project

CODE_DIRS = ("hooks", "tests", "benchmarks", "checks")
#: `path:line:col: CODE message` (ruff's concise output).
LINT_RE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<message>.*)$"
)
#: `path:line:col: unformatted: …` (ruff format's concise output) or older `Would reformat: path`.
FORMAT_RE = re.compile(
    r"^(?:(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): unformatted|Would reformat: (?P<old>.+))"
)


def ruff() -> str:
    beside = Path(sys.executable).with_name("ruff")
    return str(beside) if beside.exists() else shutil.which("ruff") or "ruff"


def check_code(project: Project) -> list[Finding]:
    """Lint and formatting findings for the project's Python folders."""
    targets = [name for name in CODE_DIRS if (project.root / name).is_dir()]
    if not targets:
        return []
    findings: list[Finding] = []
    lint = _ruff(project, "check", *targets)
    for match in filter(None, map(LINT_RE.match, lint.stdout.splitlines())):
        message = match["message"].replace("[*] ", "")
        findings.append(
            Finding.error(
                Path(match["path"]).as_posix(),
                int(match["line"]),
                int(match["col"]),
                f"{message} ({match['code']})",
                "fix it by hand or run `.venv/bin/ruff check --fix`",
            )
        )
    formatting = _ruff(project, "format", "--check", *targets)
    for match in filter(None, map(FORMAT_RE.match, formatting.stdout.splitlines())):
        path = Path(match["path"] or match["old"]).as_posix()
        line, col = int(match["line"] or 1), int(match["col"] or 1)
        findings.append(
            Finding.error(
                path, line, col, "file is not formatted", f"run `.venv/bin/ruff format {path}`"
            )
        )
    for result in (lint, formatting):
        if result.returncode not in (0, 1):
            problem = f"ruff failed: {result.stderr.strip()}"
            findings.append(
                Finding.error("pyproject.toml", 1, 1, problem, "fix the ruff configuration")
            )
    return findings


def _ruff(project: Project, command: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`ruff <command>` over the project, one finding per line, no cache."""
    return subprocess.run(
        [ruff(), command, "--output-format", "concise", "--no-cache", *arguments],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
