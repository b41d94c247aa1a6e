"""Cut BibTeX source into blocks by their ``@type{`` heads, without parsing it.

Each block runs from a head at the start of a line to the next such head. Entry blocks
carry their key and line (pybtex keeps no line numbers); ``@string``, ``@preamble`` and
``@comment`` blocks, text before the first head and heads without a readable key are
"context": text that is always handed to the parser.

This is the one place that knows what an entry head and a field name look like: the build
(:mod:`.bibliography`) and the ``make check`` lint (``healthsite.content.bibliography``)
both read entries, keys and lines from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

#: Any block head at the start of a line: ``@type{`` or ``@type(``.
_HEAD_RE = re.compile(r"^[ \t]*@[ \t]*(?P<type>[A-Za-z]+)[ \t]*[{(]", re.M)
#: An entry's key right after its head (anything BibTeX allows up to the comma); it may
#: stand on the next line (``@article{`` then ``  key,``).
_KEY_RE = re.compile(r"\s*(?P<key>[^,\s{}()\"#%'=]+)")
#: A field name at the start of a line: ``name =``.
FIELD_RE = re.compile(r"^[ \t]*(?P<name>[A-Za-z][\w:-]*)[ \t]*=", re.M)
NOT_ENTRIES = frozenset({"comment", "string", "preamble"})


@dataclass(frozen=True)
class Block:
    """A stretch of BibTeX source: one entry (``key`` set) or context (``key`` empty).

    ``line`` is the line of the ``@type{`` head; ``key_start`` the offset of the key."""

    type: str
    key: str
    line: int
    start: int
    end: int
    key_start: int = -1


def blocks(text: str) -> list[Block]:
    """The blocks of ``text`` in order; together they cover the whole text."""
    found: list[Block] = []
    line, position, start = 1, 0, 0
    kind, key, key_start = "", "", -1
    for match in _HEAD_RE.finditer(text):
        found.append(Block(kind, key, line, start, match.start(), key_start))
        line += text.count("\n", position, match.start())
        position = start = match.start()
        kind = match["type"].lower()
        key_match = _KEY_RE.match(text, match.end())
        is_entry = key_match is not None and kind not in NOT_ENTRIES
        key = key_match["key"] if key_match and is_entry else ""
        key_start = key_match.start("key") if key_match and is_entry else -1
    found.append(Block(kind, key, line, start, len(text), key_start))
    return [block for block in found if block.end > block.start]


def heads(text: str) -> Iterable[tuple[str, str, int]]:
    """``(type, key, line)`` of each entry ``@type{key,`` in BibTeX source."""
    for block in blocks(text):
        if block.key:
            yield block.type, block.key, block.line


def field_lines(text: str, block: Block) -> dict[str, int]:
    """Line of each field name (lower-case, first occurrence) written in ``block``."""
    lines: dict[str, int] = {}
    line, position = block.line, block.start
    for match in FIELD_RE.finditer(text, block.start, block.end):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.setdefault(match["name"].lower(), line)
    return lines


class LazyFieldLines(Mapping[str, int]):
    """:func:`field_lines` of a block, worked out the first time a line is asked for (most
    entries never need one: lines are for messages)."""

    __slots__ = ("_block", "_lines", "_text")

    def __init__(self, text: str, block: Block) -> None:
        self._text, self._block = text, block
        self._lines: dict[str, int] | None = None

    def _found(self) -> dict[str, int]:
        if self._lines is None:
            self._lines = field_lines(self._text, self._block)
        return self._lines

    def __getitem__(self, name: str) -> int:
        return self._found()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())


def key_column(text: str, block: Block) -> int:
    """1-based column of the block's key on its line."""
    return block.key_start - (text.rfind("\n", 0, block.key_start) + 1) + 1


def unclosed_brace(text: str, block: Block) -> int | None:
    """Line of a ``{`` that ``block`` never closes, or ``None`` when its braces balance.

    pybtex would read on into the next entry and blame that one; this names the brace
    itself. A field name at the start of a line, or a line holding only the ``}`` that should
    end the entry, while a field value is still open means that value's brace was not closed;
    otherwise the innermost brace left open at the end is.
    """
    body = text[block.start : block.end]
    if body.count("{") <= body.count("}"):
        return None
    head = _HEAD_RE.match(body)
    # braces of field values sit one level deeper than the entry's own ``{`` (none for ``(``)
    outer = 0 if head is not None and head.group(0).endswith("{") else 1
    opened: list[int] = []  # offsets of the braces still open
    for match in _BRACE_OR_FIELD_RE.finditer(body):
        if match["open"]:
            opened.append(block.start + match.start())
            continue
        if len(opened) + outer >= 2 and not match["close"]:
            # a field, or the entry's end, inside the previous field's value
            return block.line + text.count("\n", block.start, opened[1 - outer])
        if opened and not match["field"]:
            opened.pop()
    if opened:
        return block.line + text.count("\n", block.start, opened[-1])
    return None


#: A field name at the start of a line, a line holding only a closing brace, or a brace.
_BRACE_OR_FIELD_RE = re.compile(
    r"(?P<field>^[ \t]*[A-Za-z][\w:-]*[ \t]*=)|(?P<end>^[ \t]*\}[ \t]*$)"
    r"|(?P<open>\{)|(?P<close>\})",
    re.M,
)
