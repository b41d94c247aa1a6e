"""Cited keys with their file positions, found by the citation engine's own parser.

The checks and the build must agree on what counts as a citation, so this module only adapts
`healthsite.citations.locate` (which skips fenced code, code spans, comments, escapes, e-mail
addresses and links) to positions in the file as written, front matter included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from healthsite.citations.locate import citation_positions

from .documents import FRONT_MATTER_RE, normalise


@dataclass(frozen=True)
class Citation:
    """A cited key at a 1-based file line and column."""

    key: str
    line: int
    col: int


def citations(text: str) -> list[Citation]:
    """Every cited key in the Markdown file `text`, in order of appearance."""
    text = FRONT_MATTER_RE.sub(_blank, normalise(text), count=1)
    return [Citation(key, line, col) for key, line, col in citation_positions(text)]


def _blank(match: re.Match[str]) -> str:
    """The matched text with everything but line breaks turned into spaces (offsets kept)."""
    return re.sub(r"[^\n]", " ", match[0])
