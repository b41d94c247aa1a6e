"""Run the Pagefind indexer (the bundled extended binary) over a built site folder.

Plain Python, no MkDocs: `index_site(site_dir, exclude_selectors=...)` writes `pagefind/` into
the site and returns what Pagefind reported; it raises `PagefindError` with Pagefind's own output
when indexing fails.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: Pagefind's summary lines, e.g. "Indexed 2 languages" / "Indexed 13 pages".
SUMMARY_RE = re.compile(
    r"Indexed (?P<count>\d+) (?P<what>languages?|pages?|words?)"  # count and noun
)

BUNDLE_DIR = "pagefind"


class PagefindError(RuntimeError):
    """Pagefind could not be found or did not index the site."""


@dataclass(frozen=True)
class IndexReport:
    """What Pagefind said it indexed."""

    languages: int
    pages: int
    words: int
    output: str


def executable() -> Path:
    """The Pagefind binary shipped by the `pagefind[extended]` Python package."""
    try:
        from pagefind.service import get_executable
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise PagefindError("the Python package `pagefind[extended]` is not installed") from error
    found = get_executable()
    if found is None or not Path(found).is_file():
        raise PagefindError("no Pagefind binary found: install `pagefind[extended]`")
    return Path(found)


def index_site(site_dir: Path, *, exclude_selectors: Sequence[str] = ()) -> IndexReport:
    """Index every HTML page of `site_dir` into `site_dir/pagefind/` (replacing an old bundle)."""
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise PagefindError(f"{site_dir}: site folder does not exist")
    shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)
    command = [str(executable()), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR]
    for selector in exclude_selectors:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise PagefindError(f"Pagefind exited with status {result.returncode}:\n{output}")
    counts = {m["what"].rstrip("s"): int(m["count"]) for m in SUMMARY_RE.finditer(output)}
    if not (site_dir / BUNDLE_DIR / "pagefind-entry.json").is_file() or not counts.get("page"):
        raise PagefindError(f"Pagefind indexed no pages in {site_dir}:\n{output}")
    return IndexReport(
        languages=counts.get("language", 0),
        pages=counts["page"],
        words=counts.get("word", 0),
        output=output,
    )
