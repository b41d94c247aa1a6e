"""Parsed and formatted entries, and rendered pages, kept on disk between builds.

Parsing BibTeX and formatting entries with pybtex cost far more than everything else the
citation engine does, and their results depend only on an entry's own text (plus any
``@string`` macros) and on this library's code. So they are stored in one file (like
Material's plugins keep theirs under ``.cache/``), keyed by a digest of that text: a build
re-parses and re-formats only entries that are new or changed since the last build. A page's
rendered citations and bibliography are kept the same way, keyed by a digest of everything
they depend on (see :mod:`page_memo`).

A store without a folder keeps everything in memory only (caching off).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

FILE_NAME = "entries.marshal"
#: Sections of the store: what a digest maps to in each.
PARSED = "parsed"  # entry digest -> [type, [[field, value], ...]]
FORMATTED = "formatted"  # "<entry digest>:<et al. word>" -> html
PAGES = "pages"  # page digest -> [[group html, ...], bibliography html, [key, ...]]
PROBLEMS = "problems"  # entry digest -> [[field, "message; fix"], ...] (entry_rules)
#: entry digest -> [type, [[field, value], ...]] read by ``field_reader`` at load (an entry the
#: fast test of ``field_reader.is_plain`` was unsure of), not yet by pybtex
READ = "read"
SECTIONS = (PARSED, FORMATTED, PAGES, PROBLEMS, READ)


@cache
def code_version() -> str:
    """Digest of this library's source and the versions of pybtex and pylatexenc (they parse
    and decode entries): any change empties the store."""
    versions = f"{version('pybtex')} {version('pylatexenc')} {sys.version} {marshal.version}"
    digest = hashlib.sha256(versions.encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def text_digest(*parts: str) -> str:
    """Short digest of some text (entry source, macros, a label)."""
    digest = hashlib.blake2b(digest_size=12)
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


class EntryStore:
    """Digest-keyed records, loaded from and saved to ``folder/entries.marshal``."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.version = code_version()
        self._records: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
        self._pages_used: set[str] = set()
        #: Keys of each section as last read from or written to the file.
        self._on_disk: dict[str, set[str]] = {name: set() for name in SECTIONS}
        #: Records put since :meth:`keep_journal` (None: not kept), for a prefetch child.
        self._journal: dict[str, dict[str, Any]] | None = None
        if folder is not None:
            self._load(folder / FILE_NAME)

    def _load(self, path: Path) -> None:
        try:
            data = marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return  # no store yet, or a damaged one: start afresh
        if not isinstance(data, dict) or data.get("version") != self.version:
            return
        for name in SECTIONS:
            records = data.get(name)
            if isinstance(records, dict):
                self._records[name] = records
                self._on_disk[name] = set(records)

    def start_build(self, *, partial: bool = False) -> None:
        """Begin a build: pages the previous build did not use are forgotten, unless this
        build is ``partial`` (MkDocs' ``--dirty``: pages it does not rebuild stay current)."""
        if partial:
            self._pages_used.update(self._records[PAGES])
            return
        if self._pages_used:
            pages = self._records[PAGES]
            self._records[PAGES] = {k: v for k, v in pages.items() if k in self._pages_used}
        self._pages_used.clear()

    def get(self, section: str, key: str) -> Any:
        """The record stored under ``key``, or ``None``."""
        if section == PAGES:
            self._pages_used.add(key)
        return self._records[section].get(key)

    def put(self, section: str, key: str, record: Any) -> None:
        """Store ``record`` (dicts, lists, strings, numbers) under ``key``: an entry digest,
        optionally followed by ``:`` and more, or a page digest."""
        if section == PAGES:
            self._pages_used.add(key)
        self._records[section][key] = record
        if self._journal is not None:
            self._journal[section][key] = record

    def keep_journal(self) -> None:
        """From now on, remember every record put, for :meth:`take_journal`."""
        self._journal = {name: {} for name in SECTIONS}

    def take_journal(self) -> dict[str, dict[str, Any]]:
        """The records put since the last call (or :meth:`keep_journal`), by section."""
        taken = self._journal or {}
        self._journal = {name: {} for name in SECTIONS}
        return {name: records for name, records in taken.items() if records}

    def merge(self, records: dict[str, dict[str, Any]]) -> None:
        """Add records made elsewhere (a prefetch child) under keys not already here."""
        for name, section in records.items():
            if name in self._records:  # pages stay unused until a page asks for them
                mine = self._records[name]
                for key, record in section.items():
                    mine.setdefault(key, record)

    def save(self, live: set[str]) -> None:
        """Write the records of the entry digests in ``live`` and of the pages used since
        :meth:`start_build`; others stay in memory (a later language build of the same site
        may still need them) but not in the file.

        Nothing is written when caching is off or the file would not change.
        """
        kept = {
            name: {
                k: v
                for k, v in records.items()
                if (k in self._pages_used if name == PAGES else k.partition(":")[0] in live)
            }
            for name, records in self._records.items()
        }
        unchanged = all(set(kept[name]) == self._on_disk[name] for name in SECTIONS)
        if self.folder is None or unchanged:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        data = marshal.dumps({"version": self.version, **kept})
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".entries-", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; it holds nothing secret
        os.replace(temporary, self.folder / FILE_NAME)  # atomic: a parallel build never sees half
        self._on_disk = {name: set(records) for name, records in kept.items()}
