"""The citation engine of one site: settings in, a ready Markdown extension out.

What the citation hook does with MkDocs' data, as plain functions: load the `.bib` files
through the process's entry store (kept across `mkdocs serve` rebuilds), report every entry's
problems once per build, and describe each page for the extension (its path as messages show
it, its language, `nocite`, and the lines of front matter MkDocs strips, counted only when a
message needs them).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .bibliography import load_bibliography
from .errors import CitationError
from .labels import load_labels
from .locate import check_directives, front_matter_line
from .markdown_extension import CitationExtension, PageContext
from .prefetch import Prefetch, SiteSources, needs_prefetch
from .site_files import (
    MKDOCS_FRONT_MATTER_RE,
    bibliography_paths,
    label_problem,
    stripped_lines,
    template_path,
)
from .store import EntryStore

#: One entry store per cache folder (None: no cache) for the life of the process.
_STORES: dict[Path | None, EntryStore] = {}


@dataclass(frozen=True)
class CitationSettings:
    """`extra.citations` of a site, with the paths it is read against."""

    bibliography: Sequence[str]
    labels: Mapping[str, Mapping[str, str]]
    #: Folder for parsed and formatted entries, relative to `root`; None: no cache.
    cache_dir: str | None
    #: The folder of mkdocs.yml: every configured path is relative to it.
    root: Path
    #: The theme's template folders, first first, searched for `partials/bibliography.html`.
    theme_dirs: Sequence[str]
    #: The bibliography template used when the theme has none.
    fallback_template: Path


def open_engine(
    settings: CitationSettings,
    *,
    new_build: bool,
    partial: bool,
    report: Callable[[str], None],
    prefetch: SiteSources | None = None,
) -> tuple[CitationExtension, list[Path]]:
    """The Markdown extension for this build and the `.bib` files it reads (to watch).

    In a `new_build` (not another language pass of the same build) the store starts a build,
    dropping pages not rendered again unless the build is `partial` (`--dirty`); given the
    site's pages (`prefetch`), a child process parses, formats and checks entries and renders
    pages the store does not have yet (:mod:`prefetch`). Every entry's problems, cited or not, are
    reported by :func:`finish_build`. Raises `CitationError` for bad settings or an
    unreadable `.bib`."""
    for lang, values in settings.labels.items():
        if problem := label_problem(lang, values):
            raise CitationError(problem)
    paths = bibliography_paths(settings.bibliography, settings.root)
    folder = (settings.root / settings.cache_dir).resolve() if settings.cache_dir else None
    store = _STORES.get(folder) or _STORES.setdefault(folder, EntryStore(folder))
    if new_build:
        store.start_build(partial=partial)
    bibliography = load_bibliography(paths, settings.root, store)
    if new_build:
        bibliography.begin_build()
    template = template_path(settings.theme_dirs, settings.fallback_template)
    labels = load_labels(settings.labels)
    extension = CitationExtension(bibliography, labels, template, report=report)
    if new_build and prefetch is not None and needs_prefetch(bibliography):
        extension.prefetch = Prefetch.start(extension, prefetch)
    return extension, paths


def finish_build(extension: CitationExtension, report: Callable[[str], None]) -> None:
    """End a build (after every language): take in the prefetch child's last records,
    report every entry's problems (cited or not), save the store."""
    if extension.prefetch is not None:
        extension.prefetch.finish()
        extension.prefetch = None
    for message in extension.bibliography.problems():
        report(message)
    extension.bibliography.save_store()


def page_context(
    markdown: str, *, shown_path: str, source: str | None, lang: str, nocite: object
) -> PageContext:
    """Describe a page for the extension after checking its `<!-- bibliography -->`
    directives (`CitationError` for an unknown one). `source` is the page's file, read only
    when a message needs a line number."""
    offset = functools.partial(front_matter_offset, source)
    check_directives(markdown, shown_path, offset)
    return PageContext(
        path=shown_path,
        lang=lang,
        line_offset=offset,
        source=markdown,
        nocite=nocite,
        nocite_line=functools.partial(_nocite_line, source),
    )


def front_matter_offset(source: str | None) -> int:
    """Lines of `source`'s file before the Markdown MkDocs hands on: its front matter and the
    blank lines after it (0 if the file cannot be read)."""
    raw = _read(source)
    match = MKDOCS_FRONT_MATTER_RE.match(raw)
    return stripped_lines(raw, match.end() if match else 0)


def _nocite_line(source: str | None) -> int:
    return front_matter_line(_read(source), "nocite")


def _read(source: str | None) -> str:
    try:
        return Path(source).read_text(encoding="utf-8-sig") if source else ""
    except OSError:
        return ""
