"""Load BibTeX files: parse with pybtex, cache in memory and (optionally) on disk.

pybtex parses only what a build renders. Entries written in the plain form
(:mod:`field_reader`) are read without it, for the rule checks every entry gets; pybtex parses
such an entry the first time a page cites it (:meth:`Bibliography.get`, with its ``crossref``
parents). Anything else (macros, ``#``, ``@type(``, a syntax error) is parsed by pybtex when
the file is loaded, so a malformed entry fails the build at its line whether cited or not.
An entry a one-expression test finds plain (:func:`field_reader.is_plain`) is not even read at
load: its fields are read the first time they are needed (:class:`field_reader.LazyFields`),
so loading a large bibliography costs little more than finding its entries.

In memory, a file's entries are reused until its modification time or size changes (the
second language build and ``mkdocs serve`` rebuilds). On disk (:class:`store.EntryStore`),
each entry's parsed fields are kept under a digest of its source text, so a build hands
pybtex only the entries that are new or changed; the others are blanked out of the text
pybtex reads (line numbers stay right) and taken from the store.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from . import entry_rules
from .bibtex_source import Block, LazyFieldLines, blocks, heads, unclosed_brace
from .crossref import inherited_fields
from .entry_rules import Problem
from .errors import CitationError
from .field_reader import LazyFields, is_plain, read_entry
from .store import PARSED, PROBLEMS, READ, EntryStore, text_digest

#: ``crossref``, asked of every entry, is looked for once in the whole file.
_CROSSREF_RE = re.compile("crossref", re.IGNORECASE)
_NO_CROSSREF = frozenset({"crossref"})
#: Stands for the record of an entry whose fields are read when first needed.
_LAZY: Any = ("lazy", [])


class BibliographyError(CitationError):
    """Malformed or contradictory BibTeX."""

    @classmethod
    def at(cls, display: str, problem: Problem) -> BibliographyError:
        """``file:line: message; fix`` (the wording ``make check`` uses too)."""
        return cls(f"{display}:{problem.line}: {problem.text()}")


class RawEntry(NamedTuple):
    """An entry's type and fields (lower-case names) as written; names are not split.

    Entries are tuples rather than frozen dataclasses: a build makes one per .bib entry, and
    a frozen dataclass costs several times more to create."""

    type: str
    fields: Mapping[str, str]


class Entry(NamedTuple):
    """One bibliography entry with where it was defined."""

    key: str
    type: str
    data: RawEntry
    source: str
    line: int
    #: Digest of the entry's source text (and the file's macros): its identity in caches.
    digest: str = ""
    #: Line of each field written in the entry (lower-case names).
    field_lines: Mapping[str, int] = {}
    #: The entry's source text while pybtex has not read it (fields from ``field_reader``).
    text: str = ""

    @property
    def location(self) -> str:
        """``file:line`` of the entry's ``@type{key,`` line."""
        return f"{self.source}:{self.line}"

    def where(self, name: str) -> str:
        """``file:line`` of field ``name`` (the head line if it is not written here)."""
        return f"{self.source}:{self.field_lines.get(name, self.line)}"


@dataclass
class Bibliography:
    """All entries of a build, looked up case-insensitively (as BibTeX does)."""

    entries: dict[str, Entry]
    #: Formatted-entry cache owned by :class:`render.EntryRenderer`; lives as long as the data.
    cache: dict[Any, Any] = field(default_factory=dict)
    #: Parsed and formatted entries kept between builds (in memory only when caching is off).
    store: EntryStore = field(default_factory=EntryStore)
    #: Digests of each file's context (macros, preamble, comments), kept in the store too.
    contexts: list[str] = field(default_factory=list)
    #: Entries before ``crossref`` inheritance, by lower-case key.
    raw: dict[str, Entry] = field(default_factory=dict)
    #: Lower-case keys of entries pybtex has not parsed yet (see :meth:`get`).
    pending: set[str] = field(default_factory=set)
    #: Lower-case keys whose entry and ``crossref`` parents are parsed (asked for before).
    parsed_chains: set[str] = field(default_factory=set)

    def get(self, key: str) -> Entry | None:
        """The entry for ``key`` or ``None``; parsed by pybtex (with its ``crossref``
        parents) the first time it is asked for, as a cited entry is."""
        lower = key.lower()
        if self.pending and lower not in self.parsed_chains and lower in self.raw:
            self._parse_chain(lower)
            self.parsed_chains.add(lower)
        return self.entries.get(lower)

    def _parse_chain(self, lower: str) -> None:
        """Have pybtex parse the entry ``lower`` and its ``crossref`` parents, if not yet."""
        changed, seen = False, set()
        while lower in self.raw and lower not in seen:
            seen.add(lower)
            entry = self.raw[lower]
            if lower in self.pending:
                self.pending.discard(lower)
                record = self.store.get(PARSED, entry.digest) or _parse_entry(entry)
                self.store.put(PARSED, entry.digest, record)
                kind, fields = record
                lazy = entry.data.fields
                if isinstance(lazy, LazyFields) and kind == entry.data.type and lazy.fill(fields):
                    pass  # not read yet: pybtex's record is what the reader would give
                elif kind != entry.data.type or dict(fields) != dict(entry.data.fields):
                    self.raw[lower] = entry._replace(
                        type=kind.lower(), data=RawEntry(kind, dict(fields))
                    )
                    changed = True  # never seen (tests/citations/test_field_reader.py)
            lower = entry.data.fields.get("crossref", "").strip().lower()
        if changed:
            self.entries = inherit(self.raw)
            self.cache.clear()

    def suggest(self, key: str) -> str | None:
        """The closest existing key, for "did you mean" hints."""
        names = [entry.key for entry in self.entries.values()]
        import difflib  # only for messages

        close = difflib.get_close_matches(key, names, n=1, cutoff=0.75)
        return close[0] if close else None

    def problems(self) -> list[str]:
        """``file:line: message; fix`` for every entry that breaks a rule of
        :mod:`entry_rules` (computed once per loaded bibliography)."""
        found = self.cache.get("problems")
        if found is None:
            found = self.cache["problems"] = [
                message for entry in self.entries.values() for message in self.problems_of(entry)
            ]
        return found

    def problems_of(self, entry: Entry) -> list[str]:
        """The messages for one entry, each at the line of the field it is about.

        What is wrong with an entry depends only on its text (its digest), unless it names a
        ``crossref`` parent (then on the other entries too): such results are kept in the
        store, so a build checks only entries that are new or changed. Lines are not part of
        the record; they are added from where the entry is now."""
        kept = bool(entry.digest) and "crossref" not in entry.data.fields
        found = self.store.get(PROBLEMS, entry.digest) if kept else None
        if found is None:
            found = [
                [problem.field, problem.text()]
                for problem in entry_rules.entry_problems(
                    entry.key,
                    entry.type,
                    entry.data.fields,
                    lambda key: key.lower() in self.entries,  # no parse: checks need none
                    self.suggest,
                    self._crossref_of,
                )
            ]
            if kept:
                self.store.put(PROBLEMS, entry.digest, found)
        return [f"{entry.where(name)}: {text}" for name, text in found]

    def _crossref_of(self, key: str) -> str:
        entry = self.entries.get(key.lower())
        return entry.data.fields.get("crossref", "") if entry is not None else ""

    def begin_build(self) -> None:
        """Forget which entries were checked, so each build reports their problems again
        (``mkdocs serve`` reuses this object across rebuilds)."""
        self.cache.pop("checked", None)

    def save_store(self) -> None:
        """Write the on-disk store, keeping only this bibliography's entries."""
        self.store.save({entry.digest for entry in self.entries.values()} | set(self.contexts))

    def __len__(self) -> int:
        return len(self.entries)


_file_cache: dict[Path, tuple[tuple[int, int, int], list[Entry], str]] = {}
_merged_cache: dict[tuple[Any, ...], Bibliography] = {}


def _signature(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _read(path: Path, display: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BibliographyError(f"{display}: cannot read bibliography: {error.strerror}") from None
    try:
        return entry_rules.decode_source(data)
    except UnicodeDecodeError as error:
        raise BibliographyError.at(display, entry_rules.not_utf8(data, error)) from None


def _check_braces(text: str, entry_blocks: list[Block], display: str) -> None:
    for block in entry_blocks:
        line = unclosed_brace(text, block)
        if line is not None:
            raise BibliographyError.at(display, entry_rules.unclosed_brace(line, block.key))


def _check_duplicates(entry_blocks: list[Block], display: str) -> None:
    lines: dict[str, int] = {}
    for block in entry_blocks:
        first = lines.setdefault(block.key.lower(), block.line)
        if first != block.line:
            raise BibliographyError(
                f"{display}:{block.line}: duplicate key '{block.key}' "
                f"(first defined at {display}:{first})"
            )


def parse_file(
    path: Path, display: str, store: EntryStore | None = None
) -> tuple[list[Entry], str]:
    """Entries of one .bib file and the digest of its context (macros, preamble, comments).

    Raises :class:`BibliographyError` naming file:line on any problem.
    """
    store = store if store is not None else EntryStore()
    text = _read(path, display)
    all_blocks = blocks(text)
    entry_blocks = [block for block in all_blocks if block.key]
    _check_duplicates(entry_blocks, display)
    _check_braces(text, entry_blocks, display)
    context = "".join(text[b.start : b.end] for b in all_blocks if not b.key)
    context_digest = text_digest(context)
    digests = {b.key: text_digest(context, text[b.start : b.end]) for b in entry_blocks}
    stored = {key: store.get(PARSED, digest) for key, digest in digests.items()}
    unparsed: dict[str, str] = {}  # key -> source text, for entries pybtex has not read
    lazy: dict[str, LazyFields] = {}  # key -> fields read when first needed
    mentions = [match.start() for match in _CROSSREF_RE.finditer(text)]
    for block in entry_blocks:
        if stored[block.key] is None:
            digest = digests[block.key]
            record = store.get(READ, digest)
            if record is None and is_plain(text, block):
                mentioned = bisect.bisect_left(mentions, block.start) < bisect.bisect_left(
                    mentions, block.end
                )
                lazy[block.key] = LazyFields(
                    text, block, frozenset() if mentioned else _NO_CROSSREF
                )
                stored[block.key] = _LAZY
                unparsed[block.key] = text[block.start : block.end]
                continue
            record = record or read_entry(text, block)
            if record is not None:
                stored[block.key] = list(record)
                store.put(READ, digest, list(record))
                unparsed[block.key] = text[block.start : block.end]
    fresh = [b for b in entry_blocks if stored[b.key] is None]
    if fresh or store.get(PARSED, context_digest) is None:
        source = _blank_stored(text, entry_blocks, stored)
        parsed = _parse(source, display, text)
        if {key.lower() for key in parsed} != {block.key.lower() for block in fresh}:
            # pybtex read entries our heads missed (or the reverse): trust it, store nothing
            parsed = parsed if source == text else _parse(text, display, text)
            return _entries_from(parsed, entry_blocks, display, {}, text, {}), ""
        for block in fresh:
            stored[block.key] = parsed[block.key]
            store.put(PARSED, digests[block.key], parsed[block.key])
        store.put(PARSED, context_digest, ["context"])
    entries = _entries_from(stored, entry_blocks, display, digests, text, unparsed, lazy)
    return entries, context_digest


def _blank_stored(text: str, entry_blocks: list[Block], stored: Mapping[str, Any]) -> str:
    """``text`` with stored entries replaced by their newlines (so line numbers hold)."""
    pieces, position = [], 0
    for block in entry_blocks:
        if stored[block.key] is not None:
            pieces.append(text[position : block.start])
            pieces.append("\n" * text.count("\n", block.start, block.end))
            position = block.end
    pieces.append(text[position:])
    return "".join(pieces)


def _parse_entry(entry: Entry) -> list[Any]:
    """pybtex's record of one entry read by ``field_reader`` (errors at the file's lines)."""
    parsed = _parse(entry.text, entry.source, entry.text, first_line=entry.line)
    found = {key.lower(): record for key, record in parsed.items()}
    record = found.get(entry.key.lower())
    if record is None or len(found) != 1:  # the reader accepts no text pybtex reads otherwise
        problem = entry_rules.syntax_error(entry.line, "pybtex did not read this entry", entry.key)
        raise BibliographyError.at(entry.source, problem)
    return record


def _parse(source: str, display: str, text: str, first_line: int = 1) -> dict[str, list[Any]]:
    """Parse with pybtex (imported only when something needs parsing): key -> record.
    ``source`` starts at line ``first_line`` of the file."""
    import pybtex.errors
    from pybtex.database.input import bibtex
    from pybtex.exceptions import PybtexError

    pybtex.errors.set_strict_mode(True)
    try:
        data = bibtex.Parser(person_fields=()).parse_string(source)  # names split when formatting
    except PybtexError as error:
        raise BibliographyError.at(display, pybtex_problem(error, text, first_line)) from None
    return {
        key: [entry.type, [[name.lower(), value] for name, value in entry.fields.items()]]
        for key, entry in data.entries.items()
    }


def pybtex_problem(error: Exception, text: str, first_line: int = 1) -> Problem:
    """A pybtex parse error as a located problem (in the entry it happened in); ``text``
    starts at line ``first_line`` of the file."""
    line = getattr(error, "lineno", None) or 1
    message = re.sub(r"^syntax error in line \d+:\s*", "", str(error)).strip()
    within = [key for _kind, key, start in heads(text) if start <= line]
    return entry_rules.syntax_error(line + first_line - 1, message, within[-1] if within else None)


def _entries_from(
    records: Mapping[str, Any],
    entry_blocks: list[Block],
    display: str,
    digests: Mapping[str, str],
    text: str,
    unparsed: Mapping[str, str],
    lazy: Mapping[str, LazyFields] | None = None,
) -> list[Entry]:
    lines = {block.key.lower(): block.line for block in entry_blocks}
    by_key = {block.key.lower(): block for block in entry_blocks}
    entries = []
    for key, record in records.items():
        if record is None:
            continue
        if record is _LAZY and lazy is not None:
            kind, fields = by_key[key.lower()].type, lazy[key]
        else:
            kind, fields = record[0], dict(record[1])
        entries.append(
            Entry(
                key=key,
                type=kind.lower(),
                data=RawEntry(kind, fields),
                source=display,
                line=lines.get(key.lower(), 1),
                digest=digests.get(key, ""),
                field_lines=LazyFieldLines(text, by_key[key.lower()])
                if key.lower() in by_key
                else {},
                text=unparsed.get(key, ""),
            )
        )
    return entries


def load_file(path: Path, display: str, store: EntryStore | None = None) -> tuple[list[Entry], str]:
    """Entries of one file (see :func:`parse_file`), reused until its mtime or size changes."""
    signature = (*_signature(path), id(store))
    cached = _file_cache.get(path)
    if cached is not None and cached[0] == signature:
        return cached[1], cached[2]
    entries, context = parse_file(path, display, store)
    _file_cache[path] = (signature, entries, context)
    return entries, context


def load_bibliography(
    paths: Iterable[Path], root: Path | None = None, store: EntryStore | None = None
) -> Bibliography:
    """Load and merge files; duplicate keys across files name both locations.

    The same :class:`Bibliography` object (and its formatted-entry cache) is returned
    as long as no file changed. ``store`` keeps parsed and formatted entries between
    builds (see :mod:`store`); without it they are kept in memory only.
    """
    resolved = [Path(p).resolve() for p in paths]
    missing = [p for p in resolved if not p.is_file()]
    if missing:
        raise BibliographyError(f"{_display(missing[0], root)}: bibliography file not found")
    key = (id(store), *((p, _signature(p)) for p in resolved))
    if key in _merged_cache:
        return _merged_cache[key]
    with _no_collections():
        bibliography = _load(resolved, root, store)
    _merged_cache.clear()
    _merged_cache[key] = bibliography
    return bibliography


@contextlib.contextmanager
def _no_collections() -> Iterator[None]:
    """No automatic garbage collection while loading: a load makes thousands of objects
    that live as long as the build and no garbage, so a collection would only walk them
    (at 10,000 entries, ~0.05 s of a load's ~0.2 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load(resolved: list[Path], root: Path | None, store: EntryStore | None) -> Bibliography:
    """Load and merge the files of :func:`load_bibliography`."""
    merged: dict[str, Entry] = {}
    contexts = []
    for path in resolved:
        entries, context = load_file(path, _display(path, root), store)
        contexts.append(context)
        for entry in entries:
            other = merged.get(entry.key.lower())
            if other is not None:
                raise BibliographyError(
                    f"{entry.location}: duplicate key '{entry.key}' "
                    f"(first defined at {other.location})"
                )
            merged[entry.key.lower()] = entry
    pending = {key for key, entry in merged.items() if entry.text}
    return Bibliography(
        inherit(merged),
        store=store or EntryStore(),
        contexts=contexts,
        raw=merged,
        pending=pending,
    )


def inherit(entries: dict[str, Entry]) -> dict[str, Entry]:
    """Entries with what each inherits through ``crossref`` (chains followed; a missing or
    circular parent is reported by :func:`entry_rules.entry_problems`, not here)."""
    resolved: dict[str, Entry] = {}

    def resolve(key: str, seen: tuple[str, ...]) -> Entry:
        entry = entries[key]
        if key in resolved:
            return resolved[key]
        parent_key = entry.data.fields.get("crossref", "").strip().lower()
        if parent_key in entries and parent_key not in seen:
            parent = resolve(parent_key, (*seen, key))
            fields = inherited_fields(
                entry.type, entry.data.fields, parent.type, parent.data.fields
            )
            digest = text_digest(entry.digest, parent.digest) if entry.digest else ""
            entry = entry._replace(data=RawEntry(entry.data.type, fields), digest=digest)
        resolved[key] = entry
        return entry

    for key in entries:
        resolve(key, ())
    return resolved


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return Path(os.path.relpath(path, root)).as_posix()
        except ValueError:
            pass
    return path.as_posix()
