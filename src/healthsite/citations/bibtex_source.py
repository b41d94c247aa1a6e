"""Cut BibTeX source into blocks by their ``@type{`` heads, without parsing it.

Each block runs from a head at the start of a line to the next such head. Entry blocks
carry their key and line (pybtex keeps no line numbers); ``@string``, ``@preamble`` and
``@comment`` blocks, text before the first head and heads without a readable key are
"context": text that is always handed to the parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Any block head at the start of a line: ``@type{`` or ``@type(``.
_HEAD_RE = re.compile(r"^[ \t]*@[ \t]*(?P<type>[A-Za-z]+)[ \t]*[{(]", re.M)
#: An entry's key right after its head (anything BibTeX allows up to the comma).
_KEY_RE = re.compile(r"[ \t]*(?P<key>[^,\s{}()\"#%'=]+)")
NOT_ENTRIES = frozenset({"comment", "string", "preamble"})


@dataclass(frozen=True)
class Block:
    """A stretch of BibTeX source: one entry (``key`` set) or context (``key`` empty)."""

    type: str
    key: str
    line: int
    start: int
    end: int


def blocks(text: str) -> list[Block]:
    """The blocks of ``text`` in order; together they cover the whole text."""
    found: list[Block] = []
    line, position, start = 1, 0, 0
    kind, key = "", ""
    for match in _HEAD_RE.finditer(text):
        found.append(Block(kind, key, line, start, match.start()))
        line += text.count("\n", position, match.start())
        position = start = match.start()
        kind = match["type"].lower()
        key_match = _KEY_RE.match(text, match.end())
        key = key_match["key"] if key_match and kind not in NOT_ENTRIES else ""
    found.append(Block(kind, key, line, start, len(text)))
    return [block for block in found if block.end > block.start]


def heads(text: str) -> Iterable[tuple[str, str, int]]:
    """``(type, key, line)`` of each entry ``@type{key,`` in BibTeX source."""
    for block in blocks(text):
        if block.key:
            yield block.type, block.key, block.line
