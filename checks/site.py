"""The strict build into a temporary folder, then lychee's offline link check of the result."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote

from healthsite.content.findings import Finding
from healthsite.content.links import links, locate_mkdocs_message

from .project import Project

#: A MkDocs log line: `WARNING -  text` (or ERROR).
LOG_RE = re.compile(r"^(?P<level>WARNING|ERROR)\s+-\s+(?P<text>.*)$")
#: Our hooks' messages: `hook_name: path:line: text` (MkDocs prefixes the logger name).
LOCATED_RE = re.compile(
    r"^(?:[\w/.-]+: )?(?P<path>[^\s:]+\.\w+):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<text>.*)$"
)
#: MkDocs' own messages name the page as `Doc file 'x.md'`.
DOC_FILE_RE = re.compile(r"Doc file '(?P<path>[^']+)'")
#: lychee: `[/abs/page.html]:` then `[ERROR] url (at L:C) | reason`.
LYCHEE_PAGE_RE = re.compile(r"^\[(?P<page>/.+\.html)\]:$")
LYCHEE_ERROR_RE = re.compile(
    r"^\[(?:ERROR|\d{3})\]\s+(?P<url>\S+)(?: \(at [\d:]+\))? \| (?P<reason>.*)$"
)


def check_site(project: Project) -> list[Finding]:
    """Build strictly into a temporary folder; if that works, check its links offline."""
    with tempfile.TemporaryDirectory(prefix="checks-site-") as folder:
        site = Path(folder) / "site"
        findings = _build(project, site)
        if site.exists() and not any(f.severity == "error" for f in findings):
            findings += _links(project, site)
        return findings


def _build(project: Project, site: Path) -> list[Finding]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    findings: list[Finding] = []
    for line in result.stderr.splitlines():
        log = LOG_RE.match(line.strip())
        if log is None:
            continue
        text = log["text"].strip()
        located = LOCATED_RE.match(text)
        if located:
            path, number, message = located["path"], int(located["line"]), located["text"]
            message, _, fix = message.partition("; ")
            col = int(located["col"] or 1)
            findings.append(Finding.error(path, number, col, message, fix))
            continue
        # a site without hooks/source_files.py: its link messages are located here
        doc = DOC_FILE_RE.search(text)
        path = f"{project.docs_dir}/{doc['path']}" if doc else "mkdocs.yml"
        found = locate_mkdocs_message(text, lambda page: project.read(f"{project.docs_dir}/{page}"))
        line, col = found[1:] if found else (1, 1)
        findings.append(
            Finding.error(
                path,
                line,
                col,
                f"strict build: {text}",
                "fix it so that `make build` passes",
            )
        )
    if result.returncode != 0 and not findings:
        tail = " ".join(result.stderr.strip().splitlines()[-3:])
        findings.append(
            Finding.error(
                "mkdocs.yml",
                1,
                1,
                f"strict build failed: {tail}",
                "run `make build` to see why",
            )
        )
    return findings


def _lychee() -> str:
    beside = Path(sys.executable).with_name("lychee")
    return str(beside) if beside.exists() else shutil.which("lychee") or "lychee"


def _links(project: Project, site: Path) -> list[Finding]:
    result = subprocess.run(
        [
            _lychee(),
            "--offline",
            "--include-fragments",
            "--no-progress",
            "--root-dir",
            str(site),
            str(site),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    findings: list[Finding] = []
    page = ""
    for line in result.stdout.splitlines():
        header = LYCHEE_PAGE_RE.match(line.strip())
        if header:
            page = Path(header["page"]).relative_to(site).as_posix()
            continue
        error = LYCHEE_ERROR_RE.match(line.strip())
        if error:
            url = error["url"].replace(site.as_uri(), "")
            source = _source_of(project, page)
            line, col = _fragment_position(project, source, url)
            findings.append(
                Finding.error(
                    source,
                    line,
                    col,
                    f"broken link in the built page {page}: {url} ({error['reason']})",
                    "fix the link target or the heading it points to",
                )
            )
    if result.returncode != 0 and not findings:
        findings.append(
            Finding.error(
                "mkdocs.yml",
                1,
                1,
                "lychee failed: " + result.stdout[-300:],
                "run lychee by hand",
            )
        )
    return findings


def _source_of(project: Project, page: str) -> str:
    """`en/about/privacy/index.html` -> `docs/about/privacy.en.md` when that file exists."""
    parts = page.split("/")
    language = project.source_language
    if parts and parts[0] in project.languages and parts[0] != project.source_language:
        language = parts.pop(0)
    stem = "/".join(parts[:-1]) or "index"
    for candidate in (f"{stem}.{language}.md", f"{stem}/index.{language}.md"):
        if (project.root / project.docs_dir / candidate).exists():
            return f"{project.docs_dir}/{candidate}"
    return f"site/{page}"


def _fragment_position(project: Project, path: str, url: str) -> tuple[int, int]:
    """Where the source links to the broken `#fragment` of `url` (built pages change the
    rest of the address), else 1:1."""
    _, hash_sign, fragment = url.partition("#")
    if not hash_sign or not fragment or path.startswith("site/"):
        return 1, 1
    try:
        text = project.read(path)
    except OSError:
        return 1, 1
    wanted = unquote(fragment)  # lychee prints `#%E8%82%9D`, the source has `#肝`
    for link in links(text):
        if unquote(link.url).endswith("#" + wanted):
            return link.line, link.col
    return 1, 1
