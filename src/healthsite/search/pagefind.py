"""Run the Pagefind indexer (the bundled extended binary) over a built site folder.

Plain Python, no MkDocs: `index_site(site_dir, exclude_selectors=...)` writes `pagefind/` into
the site and returns what Pagefind reported; it raises `PagefindError` with Pagefind's own output
when indexing fails.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Pagefind's summary lines, e.g. "Indexed 2 languages" / "Indexed 13 pages".
SUMMARY_RE = re.compile(
    r"Indexed (?P<count>\d+) (?P<what>languages?|pages?|words?)"  # count and noun
)

BUNDLE_DIR = "pagefind"
#: Seconds to wait for one answer of Pagefind's service before giving up on it.
SERVICE_TIMEOUT = 120.0


class PagefindError(RuntimeError):
    """Pagefind could not be found or did not index the site."""


@dataclass(frozen=True)
class IndexReport:
    """What Pagefind said it indexed."""

    languages: int
    pages: int
    words: int
    output: str


def executable() -> Path:
    """The Pagefind binary shipped by the `pagefind[extended]` Python package."""
    try:
        from pagefind.service import get_executable
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise PagefindError("the Python package `pagefind[extended]` is not installed") from error
    found = get_executable()
    if found is None or not Path(found).is_file():
        raise PagefindError("no Pagefind binary found: install `pagefind[extended]`")
    return Path(found)


def index_site(site_dir: Path, *, exclude_selectors: Sequence[str] = ()) -> IndexReport:
    """Index every HTML page of `site_dir` into `site_dir/pagefind/` (replacing an old bundle)."""
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise PagefindError(f"{site_dir}: site folder does not exist")
    shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)
    command = [str(executable()), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR]
    for selector in exclude_selectors:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise PagefindError(f"Pagefind exited with status {result.returncode}:\n{output}")
    counts = {m["what"].rstrip("s"): int(m["count"]) for m in SUMMARY_RE.finditer(output)}
    if not (site_dir / BUNDLE_DIR / "pagefind-entry.json").is_file() or not counts.get("page"):
        raise PagefindError(f"Pagefind indexed no pages in {site_dir}:\n{output}")
    return IndexReport(
        languages=counts.get("language", 0),
        pages=counts["page"],
        words=counts.get("word", 0),
        output=output,
    )


class BackgroundIndex:
    """A Pagefind index built by Pagefind's service process while the caller goes on.

    ``add(glob)`` hands Pagefind the pages of ``site_dir`` matching a glob and returns at
    once: Pagefind reads and indexes them in its own process (on another core) while MkDocs
    builds the next language. ``finish()`` waits, writes ``site_dir/pagefind/`` and reports
    what was indexed, like :func:`index_site` (whose command-line run gives the same files).
    """

    def __init__(self, site_dir: Path, *, exclude_selectors: Sequence[str] = ()) -> None:
        from pagefind.index import PagefindIndex

        self.site_dir = Path(site_dir)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind")
        self._thread.daemon = True  # a build that fails elsewhere must not wait for it
        self._thread.start()
        self._pending: list[concurrent.futures.Future[Any]] = []
        config: Any = {"exclude_selectors": list(exclude_selectors)}
        self._index = PagefindIndex(config)
        self._opened = self._submit(self._index.__aenter__())

    def _submit(self, work: Coroutine[Any, Any, Any]) -> concurrent.futures.Future[Any]:
        return asyncio.run_coroutine_threadsafe(work, self._loop)

    def add(self, glob: str) -> None:
        """Index the pages of the site folder matching ``glob`` (Pagefind's glob syntax)."""

        async def add() -> Any:
            await asyncio.wrap_future(self._opened)
            return await self._index.add_directory(str(self.site_dir), glob=glob)

        self._pending.append(self._submit(add()))

    def finish(self) -> IndexReport:
        """Wait for every ``add``, write the bundle, stop the service; raise
        :class:`PagefindError` when Pagefind failed."""
        try:
            self._wait(self._opened)
            pages = sum(int(self._wait(future).get("page_count", 0)) for future in self._pending)
            shutil.rmtree(self.site_dir / BUNDLE_DIR, ignore_errors=True)
            output = str(self.site_dir / BUNDLE_DIR)
            self._wait(self._submit(self._index.write_files(output_path=output)))
        except Exception as error:  # the service reports failures as various exceptions
            raise PagefindError(f"Pagefind's service failed: {error}") from error
        finally:
            self.close()
        entry = self.site_dir / BUNDLE_DIR / "pagefind-entry.json"
        if not entry.is_file() or not pages:
            raise PagefindError(f"Pagefind indexed no pages in {self.site_dir}")
        languages = json.loads(entry.read_text(encoding="utf-8")).get("languages") or {}
        return IndexReport(languages=len(languages), pages=pages, words=0, output="")

    def _wait(self, future: concurrent.futures.Future[Any]) -> Any:
        """The future's result; raises when Pagefind's service stops (its answer never comes)
        or gives no answer for ``SERVICE_TIMEOUT`` seconds (the caller then falls back to the
        command line)."""
        deadline = time.monotonic() + SERVICE_TIMEOUT
        while True:
            try:
                return future.result(timeout=0.2)
            except concurrent.futures.TimeoutError:
                service = getattr(self._index, "_service", None)
                task = getattr(service, "_poll_task", None)
                if task is not None and task.done():
                    raise PagefindError("Pagefind's service stopped") from None
                if time.monotonic() > deadline:
                    raise PagefindError("Pagefind's service gave no answer") from None

    def close(self) -> None:
        """Stop the service and the thread (the index is not written)."""
        service = getattr(self._index, "_service", None)
        if service is not None:
            with contextlib.suppress(Exception):
                self._submit(_shut_down(service)).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)


async def _shut_down(service: Any) -> None:
    """Close Pagefind's service and collect its reader task's outcome (a service that died
    would otherwise have asyncio print a traceback at exit)."""
    task = getattr(service, "_poll_task", None)
    if task is not None and not task.done():  # alive: let it finish answering
        with contextlib.suppress(Exception):
            await service.close()
    if task is not None:
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
    backend = getattr(service, "_backend", None)
    if backend is not None and backend.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            backend.kill()
        await backend.wait()


def pages_glob(site_dir: Path, *, names: Sequence[str] = (), leave_out: Sequence[str] = ()) -> str:
    """A Pagefind glob for the HTML pages of a site folder: under the top-level entries
    ``names``, or (when none are given) under every top-level entry except ``leave_out``;
    empty when there are none."""
    entries = names or sorted(set(os.listdir(site_dir)) - set(leave_out))
    parts = []
    for name in entries:
        if (site_dir / name).is_dir():
            parts.append(f"{name}/**/*.html")
        elif name.endswith(".html"):
            parts.append(name)
    return "{" + ",".join(parts) + "}" if len(parts) > 1 else "".join(parts)
