"""Load BibTeX files with pybtex, with a cache keyed on (path, mtime, size)."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pybtex.errors
from pybtex.database import Entry as PybtexEntry
from pybtex.database.input import bibtex
from pybtex.exceptions import PybtexError

from .errors import CitationError

_HEAD_RE = re.compile(
    r"^[ \t]*@[ \t]*(?P<type>[A-Za-z]+)[ \t]*[{(][ \t]*(?P<key>[^,\s{}()\"#%'=]+)", re.M
)
_NOT_ENTRIES = {"comment", "string", "preamble"}


class BibliographyError(CitationError):
    """Malformed or contradictory BibTeX."""


@dataclass(frozen=True)
class Entry:
    """One bibliography entry with where it was defined."""

    key: str
    type: str
    data: PybtexEntry
    source: str
    line: int

    @property
    def location(self) -> str:
        """``file:line`` of the entry's ``@type{key,`` line."""
        return f"{self.source}:{self.line}"


@dataclass
class Bibliography:
    """All entries of a build, looked up case-insensitively (as BibTeX does)."""

    entries: dict[str, Entry]
    #: Formatted-entry cache owned by :class:`render.EntryRenderer`; lives as long as the data.
    cache: dict[Any, Any] = field(default_factory=dict)

    def get(self, key: str) -> Entry | None:
        """The entry for ``key`` or ``None``."""
        return self.entries.get(key.lower())

    def suggest(self, key: str) -> str | None:
        """The closest existing key, for "did you mean" hints."""
        names = [entry.key for entry in self.entries.values()]
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.75)
        return close[0] if close else None

    def __len__(self) -> int:
        return len(self.entries)


_file_cache: dict[Path, tuple[tuple[int, int], list[Entry]]] = {}
_merged_cache: dict[tuple[Any, ...], Bibliography] = {}


def _signature(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def heads(text: str) -> Iterable[tuple[str, str, int]]:
    """Yield ``(type, key, line)`` for each ``@type{key,`` in BibTeX source."""
    line, position = 1, 0
    for match in _HEAD_RE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        kind = match["type"].lower()
        if kind not in _NOT_ENTRIES:
            yield kind, match["key"], line


def parse_file(path: Path, display: str) -> list[Entry]:
    """Parse one .bib file; raise :class:`BibliographyError` naming file:line on any problem."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise BibliographyError(f"{display}: cannot read bibliography: {error.strerror}") from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise BibliographyError(f"{display}:{line}: bibliography is not valid UTF-8") from None
    lines: dict[str, int] = {}
    for _kind, key, line in heads(text):
        if key.lower() in lines:
            raise BibliographyError(
                f"{display}:{line}: duplicate key '{key}' "
                f"(first defined at {display}:{lines[key.lower()]})"
            )
        lines[key.lower()] = line
    pybtex.errors.set_strict_mode(True)
    try:
        data = bibtex.Parser(person_fields=()).parse_string(text)  # names parsed when formatting
    except PybtexError as error:
        line = getattr(error, "lineno", None)
        where = f"{display}:{line}" if line else display
        message = re.sub(r"^syntax error in line \d+:\s*", "", str(error)).strip()
        within = [key for _kind, key, start in heads(text) if line and start <= line]
        entry = f" (in entry '{within[-1]}')" if within else ""
        raise BibliographyError(f"{where}: malformed BibTeX: {message}{entry}") from None
    entries = []
    for key, data_entry in data.entries.items():
        entries.append(
            Entry(
                key=key,
                type=data_entry.type.lower(),
                data=data_entry,
                source=display,
                line=lines.get(key.lower(), 0),
            )
        )
    return entries


def load_file(path: Path, display: str) -> list[Entry]:
    """Parsed entries of one file, reused until its mtime or size changes."""
    signature = _signature(path)
    cached = _file_cache.get(path)
    if cached is not None and cached[0] == signature:
        return cached[1]
    entries = parse_file(path, display)
    _file_cache[path] = (signature, entries)
    return entries


def load_bibliography(paths: Iterable[Path], root: Path | None = None) -> Bibliography:
    """Load and merge files; duplicate keys across files name both locations.

    The same :class:`Bibliography` object (and its formatted-entry cache) is returned
    as long as no file changed.
    """
    resolved = [Path(p).resolve() for p in paths]
    missing = [p for p in resolved if not p.is_file()]
    if missing:
        raise BibliographyError(f"{_display(missing[0], root)}: bibliography file not found")
    key = tuple((p, _signature(p)) for p in resolved)
    if key in _merged_cache:
        return _merged_cache[key]
    merged: dict[str, Entry] = {}
    for path in resolved:
        for entry in load_file(path, _display(path, root)):
            other = merged.get(entry.key.lower())
            if other is not None:
                raise BibliographyError(
                    f"{entry.location}: duplicate key '{entry.key}' "
                    f"(first defined at {other.location})"
                )
            merged[entry.key.lower()] = entry
    bibliography = Bibliography(merged)
    _merged_cache.clear()
    _merged_cache[key] = bibliography
    return bibliography


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return Path(os.path.relpath(path, root)).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def field_text(entry: PybtexEntry, name: str) -> str | None:
    """A raw field value or ``None``."""
    fields: Mapping[str, str] = entry.fields
    value = fields.get(name)
    return value if value else None
