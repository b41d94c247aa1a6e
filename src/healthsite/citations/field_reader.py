"""Read an entry's fields without pybtex, for the rule checks of entries no page cites.

The build checks every entry of the bibliography (:mod:`entry_rules`), but only the cited ones
are rendered. The rules need field values as pybtex gives them (outer delimiters removed,
whitespace runs made one space), so reading them must not cost a pybtex parse of every entry.
This reader handles the plain form almost every entry is written in::

    @type{key,
      name = {braced value},
      name = "quoted value",
      name = 2024,
    }

and returns ``None`` for anything else (``@type(``, macros, ``#`` concatenation, a repeated
field, stray text, ``@`` after the entry): such an entry is handed to pybtex, which reads it or
reports the error at its line. A differential test checks that whatever this reader accepts,
pybtex reads the same way (``tests/citations/test_field_reader.py``).
"""

from __future__ import annotations

import re

from .bibtex_source import Block

#: ``@type{key,`` with the key the scanner found.
_HEAD_RE = re.compile(r"[ \t]*@[ \t]*(?P<type>[A-Za-z]+)[ \t]*\{\s*(?P<key>[^,\s{}()\"#%'=]+)\s*,")
#: ``name =`` (a subset of pybtex's field names) and the first character of the value.
_FIELD_RE = re.compile(r"\s*(?P<name>[A-Za-z][A-Za-z0-9_:.-]*)\s*=\s*(?P<open>[{\"0-9])")
_DIGITS_RE = re.compile(r"[0-9]+")
_AFTER_VALUE_RE = re.compile(r"\s*(?P<next>[,}])")
_CLOSE_RE = re.compile(r"\s*\}")
_BRACES_RE = re.compile(r"[{}\"]")
_SPACE_RE = re.compile(r"\s+")
#: pybtex refuses deeper nesting ("too many nested braces"); leave such values to it.
_MAX_DEPTH = 90

Record = tuple[str, list[list[str]]]


def read_entry(text: str, block: Block) -> Record | None:
    """``(type, [[field name lower-case, value], ...])`` of the entry ``block``, or ``None``
    when it is not in the plain form this reader models."""
    head = _HEAD_RE.match(text, block.start, block.end)
    if head is None or head["key"] != block.key:
        return None
    position, fields, seen = head.end(), [], set()
    while True:
        close = _CLOSE_RE.match(text, position, block.end)
        if close is not None:
            position = close.end()
            break
        field = _FIELD_RE.match(text, position, block.end)
        if field is None:
            return None
        name = field["name"].lower()
        if name in seen:
            return None  # pybtex reports the repeated field
        seen.add(name)
        value_end = _value_end(text, field.start("open"), block.end)
        if value_end is None:
            return None
        opened = field["open"]
        start = field.start("open") + (0 if opened.isdigit() else 1)
        value = text[start : value_end - (0 if opened.isdigit() else 1)]
        fields.append([name, _SPACE_RE.sub(" ", value.strip())])  # pybtex's normalize_whitespace
        after = _AFTER_VALUE_RE.match(text, value_end, block.end)
        if after is None:
            return None
        position = after.end()
        if after["next"] == "}":
            break
    if "@" in text[position : block.end]:
        return None  # pybtex would read an entry there
    return head["type"].lower(), fields


def _value_end(text: str, start: int, end: int) -> int | None:
    """Offset just after the value starting at ``start`` (``{…}``, ``"…"`` or digits)."""
    opened = text[start]
    if opened.isdigit():
        digits = _DIGITS_RE.match(text, start, end)
        return digits.end() if digits else None
    depth = 1 if opened == "{" else 0
    for match in _BRACES_RE.finditer(text, start + 1, end):
        char = match[0]
        if char == "{":
            depth += 1
            if depth > _MAX_DEPTH:
                return None
        elif char == "}":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0 and opened == "{":
                return match.end()
        elif depth == 0 and opened == '"':
            return match.end()
    return None
