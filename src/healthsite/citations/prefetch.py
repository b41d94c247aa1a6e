"""Parse, format and check entries in a second process while the build reads pages.

A cold build (empty cache) spends most of the citation engine's time in pybtex, parsing and
formatting each cited entry, and in checking every entry's fields. None of that depends on
the page being rendered, and every machine this runs on has a second core that MkDocs does
not use. So at the start of a build a child process (forked: it starts with the loaded
bibliography) finds the keys written in the docs' Markdown, parses and formats those entries,
then checks every entry, and sends back what it put in the entry store, in chunks.

The build merges what has arrived as each page begins (:meth:`Prefetch.merge_ready`) and the
rest at its end (:meth:`Prefetch.finish`). The child only warms the store: whatever it has
not sent yet, or could not do (a malformed entry, a crash), the build does itself exactly as
without it, so results and messages are the same either way (tests compare the two).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .bibliography import Bibliography
from .labels import Labels
from .render import EntryRenderer
from .store import PROBLEMS
from .syntax import parse_key

#: Entries formatted between two messages to the build (small enough to arrive early).
CHUNK = 48
#: Longest wait at the end of a build for a child that is still working (then it is stopped
#: and the build does the rest itself).
FINISH_TIMEOUT = 120.0


def needs_prefetch(bibliography: Bibliography) -> bool:
    """True if some entry has not been checked in an earlier build (a new or changed entry,
    or an empty store): then there is pybtex work a child can take off the build."""
    store = bibliography.store
    return any(
        entry.digest
        and "crossref" not in entry.data.fields
        and store.get(PROBLEMS, entry.digest) is None
        for entry in bibliography.entries.values()
    )


def written_keys(docs_dir: Path, known: set[str]) -> list[str]:
    """Lower-case keys of ``known`` written as ``@key`` anywhere in the docs' Markdown, in
    the order the files and the text name them first (more than the pages cite: the child
    may do a little extra, never less)."""
    found: dict[str, None] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # the build reports unreadable pages
        at = text.find("@")
        while at >= 0:
            parsed = parse_key(text, at)
            if parsed is not None and parsed[0].lower() in known:
                found.setdefault(parsed[0].lower())
            at = text.find("@", at + 1)
    return list(found)


class Prefetch:
    """The build's side of one child process."""

    def __init__(self, bibliography: Bibliography, process: Any, connection: Connection) -> None:
        self._store = bibliography.store
        self._process = process
        self._connection: Connection | None = connection

    @classmethod
    def start(cls, bibliography: Bibliography, labels: Labels, docs_dir: Path) -> Prefetch | None:
        """Start a child for this build, or return None where processes cannot be forked."""
        if "fork" not in multiprocessing.get_all_start_methods():
            return None
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(
            target=_child,
            args=(sender, bibliography, labels, docs_dir),
            name="citation-prefetch",
            daemon=True,  # never outlives the build
        )
        try:
            process.start()
        except OSError:
            return None
        sender.close()
        return cls(bibliography, process, receiver)

    def merge_ready(self) -> None:
        """Merge what the child has sent so far, without waiting."""
        while self._connection is not None and self._connection.poll():
            self._receive()

    def finish(self, timeout: float = FINISH_TIMEOUT) -> None:
        """Merge everything the child sends until it is done, then reap it."""
        while self._connection is not None:
            if not self._connection.poll(timeout):
                self._close()
                break
            self._receive()
        self._process.join(timeout=1.0)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()

    def _receive(self) -> None:
        assert self._connection is not None
        try:
            message = self._connection.recv()
        except (EOFError, OSError):
            message = None  # the child stopped early: the build does the rest
        if message is None:
            self._close()
        else:
            self._store.merge(message)

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _chunks(keys: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(keys), CHUNK):
        yield keys[start : start + CHUNK]


def _child(
    connection: Connection, bibliography: Bibliography, labels: Labels, docs_dir: Path
) -> None:
    """Runs in the child: parse and format the written keys, check every entry, sending the
    store's new records after each step; then ``None``. Nothing is logged or written."""
    try:
        store = bibliography.store
        store.keep_journal()
        renderer = EntryRenderer(bibliography, labels, report=_ignore)
        for chunk in _chunks(written_keys(docs_dir, set(bibliography.raw))):
            for key in chunk:
                try:
                    entry = bibliography.get(key)
                    if entry is not None:
                        renderer.prepare(entry)
                except Exception:  # the build meets it again and reports it
                    continue
            connection.send(store.take_journal())
        for entry in list(bibliography.entries.values()):
            try:
                bibliography.problems_of(entry)
            except Exception:  # as above
                continue
        connection.send(store.take_journal())
        connection.send(None)
    except Exception:  # the build ended first, or does the rest itself
        pass
    finally:
        connection.close()


def _ignore(message: str) -> None:
    """Messages are the build's to report (it meets the same problems itself)."""
