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

import functools
import re
from collections.abc import Iterator, Mapping

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


#: A value :func:`read_entry` reads: braces balanced up to four levels deep, quotes holding no
#: brace, or digits (possessive: a value that does not match fails at once, never backtracks).
_PLAIN_VALUE = (
    r"\{(?:[^{}]++|\{(?:[^{}]++|\{(?:[^{}]++|\{[^{}]*+\})*+\})*+\})*+\}"
    r'|"[^"{}]*+"'
    r"|[0-9]++"
)
_PLAIN_FIELD = rf"\s*+[A-Za-z][A-Za-z0-9_:.-]*+\s*+=\s*+(?:{_PLAIN_VALUE})\s*+"
#: A whole entry block in a subset of the plain form: ``@type{key,``, fields separated by
#: commas, ``}``, and no ``@`` after it.
_PLAIN_ENTRY_RE = re.compile(
    rf"[ \t]*@[ \t]*[A-Za-z]+[ \t]*\{{\s*(?P<key>[^,\s{{}}()\"#%'=]+)\s*,"
    rf"(?:{_PLAIN_FIELD},)*+(?:{_PLAIN_FIELD})?+\s*+\}}[^@]*+"
)
#: Candidates for field names: a name right after a comma (every field's name is; a value
#: may hold more, which only makes :func:`is_plain` say no more often).
_NAME_AFTER_COMMA_RE = re.compile(r",\s*([A-Za-z][A-Za-z0-9_:.-]*)\s*=")


def is_plain(text: str, block: Block) -> bool:
    """True if :func:`read_entry` is sure to read ``block`` (a fast test: one regular
    expression, no Python loop), so reading it can wait until its fields are needed.

    It accepts a subset of what :func:`read_entry` reads (values nested at most four braces
    deep, no brace inside quotes, no name written twice): ``False`` only means "read it now".
    A property test checks that ``read_entry`` reads whatever this accepts."""
    found = _PLAIN_ENTRY_RE.fullmatch(text, block.start, block.end)
    if found is None or found["key"] != block.key:
        return False
    names = [name.lower() for name in _NAME_AFTER_COMMA_RE.findall(text, block.start, block.end)]
    return len(names) == len(set(names))


class LazyFields(Mapping[str, str]):
    """The fields of a block :func:`is_plain` accepted, read by :func:`read_entry` the first
    time they are needed (a build needs the fields of the entries its pages cite; the rest
    are read for the rule checks, off the build's core when it can).

    Asking whether a field is there answers without reading when its name is nowhere in the
    entry's text (``crossref`` is asked of every entry). The fields are not kept between
    builds: an entry's checks are (the store's ``problems``), and a cited entry's parse."""

    __slots__ = ("_block", "_fields", "_known_absent", "_text")

    def __init__(self, text: str, block: Block, known_absent: frozenset[str] = frozenset()) -> None:
        self._text, self._block = text, block
        #: Names the caller found nowhere in the entry (one search of the whole file).
        self._known_absent = known_absent
        self._fields: dict[str, str] | None = None

    def _read(self) -> dict[str, str]:
        if self._fields is None:
            record = read_entry(self._text, self._block)
            if record is None:  # is_plain accepted it: a bug (see the property test)
                raise ValueError(f"the field reader could not read entry '{self._block.key}'")
            self._fields = dict(record[1])
        return self._fields

    def fill(self, fields: list[list[str]]) -> bool:
        """Take the fields as pybtex parsed them (what :func:`read_entry` would read: the
        differential test checks it) instead of reading them; False if already read."""
        if self._fields is not None:
            return False
        self._fields = dict(fields)
        return True

    def _absent(self, name: object) -> bool:
        """True when ``name`` is surely not a field (without reading the entry)."""
        if self._fields is not None or not isinstance(name, str):
            return False
        return (
            name in self._known_absent
            or _mention_re(name).search(self._text, self._block.start, self._block.end) is None
        )

    def __contains__(self, name: object) -> bool:
        return not self._absent(name) and name in self._read()

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        """The field's value, or ``default``."""
        return default if self._absent(name) else self._read().get(name, default)

    def __getitem__(self, name: str) -> str:
        return self._read()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())


@functools.lru_cache(maxsize=64)
def _mention_re(name: str) -> re.Pattern[str]:
    return re.compile(re.escape(name), re.IGNORECASE)
