"""Where the citation engine's inputs are, and how a page's lines are counted.

Plain functions for the citation hook: bibliography paths from `extra.citations.bibliography`
globs, the bibliography template a theme provides, and the lines of front matter MkDocs
strips before the engine sees the Markdown.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from .errors import CitationError
from .labels import LABEL_NAMES

#: MkDocs' own front-matter pattern (`mkdocs.utils.meta.YAML_RE`, copied so the library need
#: not import MkDocs; a test compares the two): lines are counted as MkDocs strips them.
MKDOCS_FRONT_MATTER_RE = re.compile(
    r"^-{3}[ \t]*\n"  # opening fence
    r"(.*?\n)"  # the YAML
    r"(?:\.{3}|-{3})[ \t]*\n",  # closing fence
    re.S,
)

#: The bibliography template's name in a theme, and the one the library ships.
TEMPLATE_NAME = "partials/bibliography.html"
#: Labels that name one of several links, told apart by their number.
NUMBERED_LABELS = ("reference_number", "back_to_citation_number")


def label_problem(lang: str, values: object) -> str | None:
    """What is wrong with `extra.citations.labels.<lang>`, or None."""
    if not isinstance(values, Mapping):
        return f"extra.citations.labels.{lang}: expected a mapping of label: text"
    unknown = sorted(set(values) - set(LABEL_NAMES))
    if unknown:
        return (
            f"extra.citations.labels.{lang}: unknown label '{unknown[0]}' "
            f"(known: {', '.join(LABEL_NAMES)})"
        )
    for name in NUMBERED_LABELS:
        if name in values and "{number}" not in str(values[name]):
            return f"extra.citations.labels.{lang}.{name}: put {{number}} where the number goes"
    return None


def bibliography_paths(patterns: Iterable[str], root: Path) -> list[Path]:
    """The `.bib` files named by paths or globs relative to `root` (a glob must match)."""
    paths: list[Path] = []
    for pattern in patterns:
        if not glob.has_magic(pattern):
            paths.append(root / pattern)
            continue
        matches = sorted(glob.glob(str(root / pattern), recursive=True))
        if not matches:
            raise CitationError(f"extra.citations.bibliography: '{pattern}' matches no file")
        paths.extend(Path(match) for match in matches)
    return paths


def template_path(theme_dirs: Iterable[str], fallback: Path) -> Path:
    """The theme's `partials/bibliography.html`, first folder first, else `fallback`."""
    for directory in theme_dirs:
        candidate = Path(directory) / TEMPLATE_NAME
        if candidate.is_file():
            return candidate
    return fallback


def stripped_lines(raw: str, front_matter_end: int) -> int:
    """Lines MkDocs strips from the file `raw` before the Markdown reaches the engine: its
    front matter (ending at `front_matter_end`, 0 without one) and the blank lines after it,
    so messages count lines as the file is written."""
    if not front_matter_end:
        return 0
    rest = raw[front_matter_end:]
    return raw.count("\n", 0, front_matter_end) + (len(rest) - len(rest.lstrip("\n")))
