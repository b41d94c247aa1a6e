"""Find where citations and directives sit in Markdown source (line:column, 1-based)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .errors import CitationError
from .syntax import Citation, CitationItem, Problem, closing_bracket, parse_key, scan

_FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.M | re.S)
#: A code span as Python-Markdown (which renders the pages) reads one: its BACKTICK_RE, so
#: "```x`" is a span opened by one backtick, as on the built page.
_CODE_SPAN_RE = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)", re.S)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
#: Inline HTML tags and autolinks (``<span title="@x">``, ``<a@b.c>``): never citations.
_TAG_RE = re.compile(r"<[A-Za-z/!?][^<>\n]*>")
#: ``\[@key]`` (literal here), ``\@key`` and escaped brackets.
_ESCAPE_RE = re.compile(r"\\\[-?@[^\s\]]*|\\[\[\]@]")
_MARKER_RE = re.compile(r"<!--\s*bibliography\s*-->")
#: An ATX heading line (``## Title``) and a setext underline (under the heading's line).
_ATX_HEADING_RE = re.compile(r"^#{1,6}[^\n]*", re.M)
_SETEXT_UNDERLINE_RE = re.compile(r"^[=-]+[ ]*$", re.M)
_DIRECTIVE_RE = re.compile(r"<!--\s*bibliography\b(?!\s*-->)[^\n]*?(?:-->|$)", re.M)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def mask_code(text: str) -> str:
    """Blank out fenced code, code spans and comments, keeping offsets (what Markdown never
    reads as text or links)."""
    # Each expression can only match text holding its opening characters; looking for those
    # first spares the expressions' slow walk over every position of a page that has none.
    for pattern, opening in (
        (_FENCE_RE, ("```", "~~~")),
        (_CODE_SPAN_RE, ("`",)),
        (_COMMENT_RE, ("<!--",)),
    ):
        if any(mark in text for mark in opening):
            text = pattern.sub(_blank, text)
    return text


def mask_non_citations(text: str) -> str:
    """`mask_code`, and also HTML tags, autolinks and escapes: where an `@` is never a
    citation."""
    text = mask_code(text)
    for pattern in (_TAG_RE, _ESCAPE_RE):
        text = pattern.sub(_blank, text)
    return text


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def citation_positions(text: str) -> list[tuple[str, int, int]]:
    """``(key, line, column of its @)`` for every citation outside code, in text order."""
    masked = mask_non_citations(text)
    if "@" not in masked:
        return []
    positions = []
    for found in scan(masked):
        if not isinstance(found, Citation) or _is_link_definition(masked, found):
            continue
        search_from = found.start
        for item in found.items:
            at = _key_at(masked, item.key, search_from, found.end)
            if at < 0:
                continue
            search_from = at + 1
            positions.append((item.key, *line_col(text, at)))
    return positions


def _key_at(text: str, key: str, start: int, end: int) -> int:
    """Offset of the ``@`` of ``key`` (plain or braced) in ``text[start:end]``, or -1."""
    at = text.find("@", start, end)
    while at >= 0:
        found = parse_key(text, at)
        if found is not None and found[0] == key:
            return at
        at = text.find("@", at + 1, end)
    return -1


def source_groups(text: str) -> list[tuple[list[CitationItem], bool]]:
    """The citation groups of Markdown source in text order, each with whether it stands in
    a heading: what the rendered page holds in reading order, unless something unusual comes
    between (a link, code or HTML inside a group, a footnote, text another hook rewrites).

    Only a guess, for work done ahead (:mod:`prefetch`): a page's rendered citations are
    stored under a digest of its groups as the build reads them, so a wrong guess is simply
    never found."""
    masked = mask_non_citations(text)
    if "@" not in masked:
        return []
    headings = [match.span() for match in _ATX_HEADING_RE.finditer(masked)]
    for underline in _SETEXT_UNDERLINE_RE.finditer(masked, 1):
        end = underline.start() - 1  # the newline ending the line above
        start = masked.rfind("\n", 0, end) + 1
        if masked[start:end].strip():
            headings.append((start, end))
    groups = []
    for found in scan(masked):
        if isinstance(found, Citation) and not _is_link_definition(masked, found):
            heading = any(start <= found.start < end for start, end in headings)
            groups.append((list(found.items), heading))
    return groups


def problem_positions(text: str) -> list[tuple[str, int, int]]:
    """``(message, line, column)`` of every malformed citation outside code, in text order."""
    masked = mask_non_citations(text)
    if "@" not in masked:
        return []
    return [
        (found.message, *line_col(text, found.start))
        for found in scan(masked)
        if isinstance(found, Problem)
    ]


def link_text_citations(text: str) -> list[tuple[str, int, int]]:
    """``(key, line, column of its @)`` of the first citation in the text of each link or
    image (``[see @a](url)``): pandoc cites there, but a citation is itself a link."""
    if "](" not in text or "@" not in text:  # the usual page: nothing to look at
        return []
    masked = mask_non_citations(text)
    found, after = [], 0
    for bracket in re.finditer(r"\[", masked):
        start = bracket.start()
        if start < after or masked.startswith("[^", start):
            continue
        close = closing_bracket(masked, start)
        if close < 0 or not masked.startswith("(", close + 1):
            continue
        after = close + 1
        inner = masked[start + 1 : close]
        cited = next((c for c in scan(inner) if isinstance(c, Citation)), None)
        if cited is not None:
            key = cited.items[0].key
            at = _key_at(inner, key, cited.start, cited.end)
            found.append((key, *line_col(text, start + 1 + max(at, 0))))
    return found


def key_positions(text: str, key: str) -> list[tuple[int, int]]:
    """Line:column of the ``@`` of every citation of ``key`` outside code."""
    return [(line, col) for cited, line, col in citation_positions(text) if cited == key]


def _is_link_definition(text: str, group: Citation) -> bool:
    """``[label]: url`` at the start of a line defines a link; it cites nothing."""
    line_start = text.rfind("\n", 0, group.start) + 1
    return text.startswith(":", group.end) and not text[line_start : group.start].strip()


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


def front_matter_line(raw: str, name: str) -> int:
    """1-based line of ``name:`` in a file's YAML front matter (0 if absent)."""
    match = re.search(rf"^{re.escape(name)}\s*:", raw, re.M)
    return raw.count("\n", 0, match.start()) + 1 if match else 0
