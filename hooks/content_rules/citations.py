"""Find pandoc citations (`[@key]`, `[@a; @b, p. 5]`, `[see @key, fig. 2]`) with file positions.

A minimal scanner for the checks, kept in step with the citation engine's syntax
(`hooks/pandoc_citations/syntax.py`): fenced code, code spans and HTML comments are skipped, an
`@` inside a word (an e-mail address) is not a citation, and `[...](...)` is a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .documents import FRONT_MATTER_RE, normalise

#: A citation key: starts and ends with a word character; `_ - : . /` only inside.
KEY_PATTERN = r"\w(?:[\w:./-]*\w)?"
#: A bracketed group holding at least one `@key` (not preceded by a word char), not a link.
#: (`[@x]: url` at the start of a line is a link definition; see `_is_definition`.)
GROUP_RE = re.compile(r"\[(?P<body>[^\[\]]*?(?<![\w@.])-?@" + KEY_PATTERN + r"[^\[\]]*)\](?![(\[])")
#: One key inside a group: at the start of an item or after a space/bracket.
KEY_RE = re.compile(r"(?:^|(?<=[\s(;\u3000-]))@(?P<key>" + KEY_PATTERN + ")")
#: Fenced code blocks, from the opening fence to the matching closing fence (or the end).
FENCED_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.M | re.S)
#: Code spans: a run of backticks up to the same run.
CODE_SPAN_RE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
#: HTML comments and escaped `\@`, `\[`, `\]`.
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
ESCAPE_RE = re.compile(r"\\[\[\]@]")


@dataclass(frozen=True)
class Citation:
    """A cited key at a 1-based file line and column."""

    key: str
    line: int
    col: int


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match[0])


def citations(text: str) -> list[Citation]:
    """Every cited key in the Markdown `text`, in order of appearance."""
    text = normalise(text)
    text = FRONT_MATTER_RE.sub(_blank, text, count=1)
    for pattern in (FENCED_RE, CODE_SPAN_RE, COMMENT_RE, ESCAPE_RE):
        text = pattern.sub(_blank, text)
    found: list[Citation] = []
    for group in GROUP_RE.finditer(text):
        if _is_definition(text, group):
            continue
        start = group.start("body")
        for key in KEY_RE.finditer(group["body"]):
            offset = start + key.start()
            line = text.count("\n", 0, offset) + 1
            col = offset - (text.rfind("\n", 0, offset) + 1) + 1
            found.append(Citation(key["key"], line, col))
    return found


def _is_definition(text: str, group: re.Match[str]) -> bool:
    """`[label]: url` at the start of a line defines a link; it cites nothing."""
    line_start = text.rfind("\n", 0, group.start()) + 1
    return text.startswith(":", group.end()) and not text[line_start : group.start()].strip()
