"""Parse, format and check entries, and render pages' citations, in a second process while
the build reads pages.

A cold build (empty cache) spends most of the citation engine's time in pybtex, parsing and
formatting each cited entry, in checking every entry's fields, and in rendering each page's
citations and bibliography. Every machine this runs on has a second core that MkDocs does
not use. So at the start of a build a child process (forked: it starts with the loaded
bibliography and the citation extension) reads each page's Markdown in the order MkDocs builds
them, finds its citation groups in the source (:func:`locate.source_groups`: no Markdown
conversion, so the child keeps well ahead of the build), renders them and the bibliography as
the build will (which parses and formats the entries they cite), then checks every entry,
and sends back what it put in the entry store, every few pages. A page's record is stored
under a digest of everything its HTML depends on (:mod:`page_memo`), its groups included, so
a page whose groups the build reads differently (a link or code inside a group, a footnote,
text another hook rewrites) is simply not found, and the build renders it, with the entries
already formatted.

The build merges what has arrived as each page begins (:meth:`Prefetch.merge_ready`) and the
rest at its end (:meth:`Prefetch.finish`). The child only warms the store: whatever it has
not sent yet, or could not do (a malformed entry, a crash), the build does itself exactly as
without it, so results and messages are the same either way (tests compare the two).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from healthsite.forked import ForkedChild

from .bibliography import Bibliography
from .locate import source_groups
from .page_memo import Group
from .site_files import MKDOCS_FRONT_MATTER_RE
from .store import PROBLEMS

if TYPE_CHECKING:
    from .markdown_extension import CitationExtension

#: Pages rendered between two messages to the build (few: the first ones are needed soon).
PAGE_CHUNK = 4


@dataclass(frozen=True)
class SiteSources:
    """Where the pages are and their languages (for the child)."""

    docs_dir: Path
    #: Language of a page without a language suffix (``x.md``), and the suffix languages.
    default_lang: str
    languages: Sequence[str] = ()


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


def pages_in_build_order(sources: SiteSources) -> list[tuple[Path, str]]:
    """``(file, language)`` of each Markdown page: the default language's pages first, as
    mkdocs-static-i18n builds them, each language in path order."""
    suffixes = {f".{lang}.md": lang for lang in sources.languages}
    found: list[tuple[int, Path, str]] = []
    for path in sorted(sources.docs_dir.rglob("*.md")):
        lang = next((v for k, v in suffixes.items() if path.name.endswith(k)), None)
        lang = lang or sources.default_lang
        found.append((0 if lang == sources.default_lang else 1, path, lang))
    return [(path, lang) for _order, path, lang in sorted(found, key=lambda f: f[0])]


class Prefetch:
    """The build's side of one child process."""

    def __init__(self, bibliography: Bibliography, child: ForkedChild) -> None:
        self._store = bibliography.store
        self._child = child

    @classmethod
    def start(cls, extension: CitationExtension, sources: SiteSources) -> Prefetch | None:
        """Start a child for this build, or return None where processes cannot be forked."""
        child = ForkedChild.start(
            lambda send: _child(send, extension, sources), name="citation-prefetch"
        )
        return cls(extension.bibliography, child) if child is not None else None

    def merge_ready(self) -> None:
        """Merge what the child has sent so far, without waiting."""
        for records in self._child.ready():
            self._store.merge(records)

    def finish(self, timeout: float = FINISH_TIMEOUT) -> None:
        """Merge everything the child sends until it is done, then reap it."""
        for records in self._child.remaining(timeout):
            self._store.merge(records)


def _child(send: Callable[[Any], None], extension: CitationExtension, sources: SiteSources) -> None:
    """Runs in the child: render the pages' citations in build order (parsing and formatting
    what they cite), then check every entry, sending the store's new records every few pages
    and at the end. Nothing is logged or written."""
    extension.report = _ignore
    bibliography = extension.bibliography
    store = bibliography.store
    store.keep_journal()
    for done, (path, lang) in enumerate(pages_in_build_order(sources), 1):
        _render_page(extension, path, lang)
        if done % PAGE_CHUNK == 0:
            send(store.take_journal())
    send(store.take_journal())
    for entry in list(bibliography.entries.values()):
        try:
            bibliography.problems_of(entry)
        except Exception:  # the build meets it again and reports it
            continue
    send(store.take_journal())


def _render_page(extension: CitationExtension, path: Path, lang: str) -> None:
    """Render one page's citations as the build will read them (a guess from the source),
    so they land in the store."""
    from .markdown_extension import PageContext

    try:
        text = path.read_text(encoding="utf-8-sig")
        meta: Any = {}
        match = MKDOCS_FRONT_MATTER_RE.match(text)
        if match:  # as MkDocs' ``get_data`` strips it
            meta = yaml.safe_load(match.group(1))
            if isinstance(meta, dict):
                text = text[match.end() :].lstrip("\n")
            else:
                meta = {}
        nocite = meta.get("nocite")
        extension.begin_page(PageContext(path=str(path), lang=lang, source=text, nocite=nocite))
        extension.reset()
        groups = [
            Group(index, items, in_heading)
            for index, (items, in_heading) in enumerate(source_groups(text))
        ]
        extension.render_page(groups)
    except Exception:  # the build renders this page itself
        return


def _ignore(message: str) -> None:
    """Messages are the build's to report (it meets the same problems itself)."""
