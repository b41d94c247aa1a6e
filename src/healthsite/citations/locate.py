"""Find where citations and directives sit in Markdown source (line:column, 1-based)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .errors import CitationError
from .syntax import GROUP_RE, parse_group

_FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.M | re.S)
_CODE_SPAN_RE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_ESCAPE_RE = re.compile(r"\\[\[\]@]")
_MARKER_RE = re.compile(r"<!--\s*bibliography\s*-->")
_DIRECTIVE_RE = re.compile(r"<!--\s*bibliography\b(?!\s*-->)[^\n]*?(?:-->|$)", re.M)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def mask_code(text: str) -> str:
    """Blank out fenced code, code spans, comments and escapes, keeping offsets."""
    for pattern in (_FENCE_RE, _CODE_SPAN_RE, _COMMENT_RE, _ESCAPE_RE):
        text = pattern.sub(_blank, text)
    return text


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def citation_positions(text: str) -> list[tuple[str, int, int]]:
    """``(key, line, column of its @)`` for every citation outside code, in text order."""
    masked = mask_code(text)
    positions = []
    for match in GROUP_RE.finditer(masked):
        if _is_link_definition(masked, match):
            continue
        items = parse_group(match["body"])
        if not items:
            continue
        search_from = match.start()
        for item in items:
            at = masked.find("@" + item.key, search_from, match.end())
            if at < 0:
                continue
            search_from = at + 1
            positions.append((item.key, *line_col(text, at)))
    return positions


def key_positions(text: str, key: str) -> list[tuple[int, int]]:
    """Line:column of the ``@`` of every citation of ``key`` outside code."""
    return [(line, col) for cited, line, col in citation_positions(text) if cited == key]


def _is_link_definition(text: str, group: re.Match[str]) -> bool:
    """``[label]: url`` at the start of a line defines a link; it cites nothing."""
    line_start = text.rfind("\n", 0, group.start()) + 1
    return text.startswith(":", group.end()) and not text[line_start : group.start()].strip()


def check_directives(text: str, path: str, line_offset: int | Callable[[], int] = 0) -> None:
    """Raise for an unknown ``<!-- bibliography:xyz -->``-style directive.

    ``line_offset`` (lines before ``text`` in its file) may be a function, called only when
    there is something to report.
    """
    if _DIRECTIVE_RE.search(text) is None:  # cheap test first: the usual page has none
        return
    masked = _CODE_SPAN_RE.sub(_blank, _FENCE_RE.sub(_blank, text))
    for match in _DIRECTIVE_RE.finditer(masked):
        line, col = line_col(text, match.start())
        line += line_offset() if callable(line_offset) else line_offset
        raise CitationError(
            f"{path}:{line}:{col}: unknown bibliography directive "
            f"'{match.group(0).strip()}' (only '<!-- bibliography -->' is supported)"
        )


def has_marker(html: str) -> bool:
    """True if rendered HTML holds the ``<!-- bibliography -->`` placement marker."""
    return _MARKER_RE.search(html) is not None


def replace_marker(html: str, replacement: str) -> str:
    """Put the bibliography at the first marker and drop any further markers."""
    first = True

    def swap(_: re.Match[str]) -> str:
        nonlocal first
        value, first = (replacement if first else ""), False
        return value

    return _MARKER_RE.sub(swap, html)
