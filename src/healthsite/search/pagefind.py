"""Run the Pagefind indexer (the bundled extended binary) over a built site folder.

Plain Python, no MkDocs: `index_site(site_dir, exclude_selectors=...)` writes `pagefind/` into
the site and returns what Pagefind reported; it raises `PagefindError` with Pagefind's own output
when indexing fails.
"""

from __future__ import annotations

import base64
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from .service import PagefindService, ServiceError

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
    """The Pagefind binary shipped by the `pagefind[extended]` Python package.

    Found as `pagefind.service.get_executable` finds it (`PAGEFIND_BINARY_PATH`, then the
    extended binary package), without importing `pagefind.service`, which imports asyncio
    (~60 ms of every build)."""
    found: str | Path | None = os.environ.get("PAGEFIND_BINARY_PATH")
    if found is None:
        try:
            from pagefind_bin_extended import get_executable
        except ImportError:  # another installation: ask the package itself
            try:
                from pagefind.service import get_executable  # type: ignore[assignment]
            except ImportError as error:  # pragma: no cover - depends on the environment
                raise PagefindError(
                    "the Python package `pagefind[extended]` is not installed"
                ) from error
        try:
            found = get_executable()
        except FileNotFoundError:
            found = None
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


#: A start tag carrying ``data-pagefind-body`` (Pagefind then indexes only such pages).
BODY_TAG_RE = re.compile(r"<[a-zA-Z][^<>]*\sdata-pagefind-body[\s=/>]")
#: Files of a bundle that name every language, merged when languages are indexed apart.
ENTRY_FILE = "pagefind-entry.json"


class BackgroundIndex:
    """A Pagefind index built by Pagefind's service process while the caller goes on.

    ``add_page(path, html)`` hands Pagefind one page as it is about to be written and returns
    at once: Pagefind indexes it in its own process (on another core) while MkDocs builds the
    next pages. ``collect()`` adds the HTML files of its part of the site (``belongs``) that it
    was not handed (such as ``404.html``) from disk, waits and returns the bundle's files;
    ``finish()`` also writes them to ``site_dir/pagefind/`` and reports what was indexed, like
    :func:`index_site`. The files hold the same pages as the command line's; only the order
    pages are numbered in differs (here: build order, there: the file system's directory
    order), which changes the index files' hashed names, not what a search finds.
    """

    def __init__(
        self,
        site_dir: Path,
        *,
        exclude_selectors: Sequence[str] = (),
        belongs: Callable[[str], bool] = lambda relative: True,
    ) -> None:
        self.site_dir = Path(site_dir)
        self.belongs = belongs
        #: Whether a page it was given marks its indexed part with ``data-pagefind-body``.
        self.has_body = False
        # MkDocs creates the folder later; Pagefind works in it (page paths are relative).
        self.site_dir.mkdir(parents=True, exist_ok=True)
        self._service = PagefindService(executable(), cwd=self.site_dir)
        config = {"exclude_selectors": list(exclude_selectors)}
        self._opened = self._service.request({"type": "NewIndex", "config": config})
        self._index_id: int | None = None
        self._added: set[str] = set()
        self._pending: list[concurrent.futures.Future[dict[str, Any]]] = []

    def add_page(self, path: Path, html: str) -> None:
        """Index ``html``, the page MkDocs writes to ``path`` (inside the site folder)."""
        relative = Path(path).relative_to(self.site_dir).as_posix()
        # The bytes MkDocs writes (unencodable characters become character references).
        text = html.encode("utf-8", errors="xmlcharrefreplace").decode("utf-8")
        self._added.add(relative)
        try:
            self._add(relative, text)
        except ServiceError as error:
            raise PagefindError(f"Pagefind's service failed: {error}") from error

    def _add(self, relative: str, text: str) -> None:
        if self._index_id is None:
            self._index_id = int(self._wait(self._opened)["index_id"])
        self.has_body = self.has_body or BODY_TAG_RE.search(text) is not None
        request = {
            "type": "AddFile",
            "index_id": self._index_id,
            "file_path": relative,
            "url": None,
            "file_contents": text,
        }
        self._pending.append(self._service.request(request))

    def collect(self) -> dict[str, bytes]:
        """Add the HTML files not handed over, wait for every page and return the bundle's
        files (path inside ``pagefind/``: contents); stop the service. Raises
        :class:`PagefindError` when Pagefind failed."""
        try:
            for relative in _html_files(self.site_dir):
                if relative not in self._added and self.belongs(relative):
                    text = (self.site_dir / relative).read_text(encoding="utf-8", errors="replace")
                    self._add(relative, text)
            if self._index_id is None:
                self._index_id = int(self._wait(self._opened)["index_id"])
            for future in self._pending:
                self._wait(future)
            # The files come back in the answer and are written by the caller: Pagefind's
            # own WriteFiles answers before its last writes reach the disk.
            answer = self._wait(
                self._service.request({"type": "GetFiles", "index_id": self._index_id})
            )
            return _decoded(answer.get("files") or [])
        except (ServiceError, OSError, ValueError) as error:
            raise PagefindError(f"Pagefind's service failed: {error}") from error
        finally:
            self.close()

    def finish(self) -> IndexReport:
        """:meth:`collect`, then write the bundle and report what it holds."""
        return write_bundle(self.site_dir, [self.collect()])

    def _wait(self, future: concurrent.futures.Future[dict[str, Any]]) -> dict[str, Any]:
        """The answer; raises :class:`ServiceError` when the service failed or gave no answer
        for ``SERVICE_TIMEOUT`` seconds (the caller then falls back to the command line)."""
        try:
            return future.result(timeout=SERVICE_TIMEOUT)
        except concurrent.futures.TimeoutError:
            raise ServiceError("Pagefind's service gave no answer") from None

    def close(self) -> None:
        """Stop the service (the index is not written unless ``finish`` did)."""
        self._service.close()


def write_bundle(site_dir: Path, parts: Sequence[Mapping[str, bytes]]) -> IndexReport:
    """Replace ``site_dir/pagefind/`` with the files of ``parts`` (bundles of disjoint sets of
    languages, as :meth:`BackgroundIndex.collect` returns them) and report what it holds. Their
    entry files are merged; any other file they share must be the same. Raises
    :class:`PagefindError`."""
    files: dict[str, bytes] = {}
    languages: dict[str, Any] = {}
    entry: dict[str, Any] = {}
    for part in parts:
        for name, content in part.items():
            if name == ENTRY_FILE:
                entry = json.loads(content)
                for language, about in (entry.get("languages") or {}).items():
                    if language in languages:
                        raise PagefindError(f"language {language} was indexed twice")
                    languages[language] = about
            elif files.setdefault(name, content) != content:
                raise PagefindError(f"Pagefind wrote two different {name}")
    pages = sum(int(about.get("page_count", 0)) for about in languages.values())
    if not pages:
        raise PagefindError(f"Pagefind indexed no pages in {site_dir}")
    entry["languages"] = languages
    files[ENTRY_FILE] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
    bundle = site_dir / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)
    for name, content in files.items():
        target = bundle.joinpath(*PurePosixPath(name).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return IndexReport(languages=len(languages), pages=pages, words=0, output="")


def _decoded(files: list[dict[str, str]]) -> dict[str, bytes]:
    """Pagefind's ``GetFiles`` answer as path: contents (paths checked to stay inside)."""
    decoded = {}
    for file in files:
        relative = PurePosixPath(file["path"])
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"Pagefind named a file outside its folder: {file['path']}")
        decoded[relative.as_posix()] = base64.b64decode(file["content"], validate=True)
    return decoded


def _html_files(site_dir: Path) -> list[str]:
    """Every HTML file of the site folder outside Pagefind's bundle, relative, sorted."""
    return sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if path.relative_to(site_dir).parts[0] != BUNDLE_DIR and path.is_file()
    )
