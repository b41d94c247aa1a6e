"""Parsed and formatted entries kept on disk between builds.

Parsing BibTeX and formatting entries with pybtex cost far more than everything else the
citation engine does, and their results depend only on an entry's own text (plus any
``@string`` macros) and on this library's code. So they are stored in one JSON file (like
Material's plugins keep theirs under ``.cache/``), keyed by a digest of that text: a build
re-parses and re-formats only entries that are new or changed since the last build.

A store without a folder keeps everything in memory only (caching off).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

FILE_NAME = "entries.json"
#: Sections of the store: what a digest maps to in each.
PARSED = "parsed"  # entry digest -> [type, [[field, value], ...]]
FORMATTED = "formatted"  # "<entry digest>:<et al. word>" -> [html, language]
SECTIONS = (PARSED, FORMATTED)


@cache
def code_version() -> str:
    """Digest of this library's source and pybtex's version: any change empties the store."""
    digest = hashlib.sha256(version("pybtex").encode())
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
    """Digest-keyed records, loaded from and saved to ``folder/entries.json``."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.version = code_version()
        self._records: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
        self._dirty = False
        if folder is not None:
            self._load(folder / FILE_NAME)

    def _load(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # no store yet, or a damaged one: start afresh
        if not isinstance(data, dict) or data.get("version") != self.version:
            return
        for name in SECTIONS:
            records = data.get(name)
            if isinstance(records, dict):
                self._records[name] = records

    def get(self, section: str, key: str) -> Any:
        """The record stored under ``key``, or ``None``."""
        return self._records[section].get(key)

    def put(self, section: str, key: str, record: Any) -> None:
        """Store ``record`` (JSON-serializable) under ``key``: an entry digest, optionally
        followed by ``:`` and more."""
        self._records[section][key] = record
        self._dirty = True

    def save(self, live: set[str]) -> None:
        """Write the records of the entry digests in ``live`` (the rest are dropped).

        Nothing is written when caching is off or nothing changed.
        """
        kept = {
            name: {k: v for k, v in records.items() if k.partition(":")[0] in live}
            for name, records in self._records.items()
        }
        pruned = any(len(kept[name]) != len(self._records[name]) for name in SECTIONS)
        self._records = kept
        if self.folder is None or not (self._dirty or pruned):
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"version": self.version, **kept}, ensure_ascii=False)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".entries-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; it holds nothing secret
        os.replace(temporary, self.folder / FILE_NAME)  # atomic: a parallel build never sees half
        self._dirty = False
