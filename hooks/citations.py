"""MkDocs hook: pandoc citations (``[@key]``) with a numbered bibliography per page.

- ``on_config``: validate ``extra.citations``, load the ``.bib`` files (kept across
  ``mkdocs serve`` rebuilds and language passes), report every entry's problems once, and
  register the Markdown extension. ``on_serve``: watch the ``.bib`` files.
- ``on_page_markdown``: tell the extension the page, its language (``page.file.locale``, else
  the language being built), the front-matter line offset and ``nocite``; reject unknown
  ``<!-- bibliography:... -->`` directives.
- ``on_page_content``: ``page.meta["citations"]`` (cited entries in order) for the JSON-LD.
- ``on_post_build``: save parsed/formatted entries and rendered pages to
  ``extra.citations.cache_dir`` (``.cache/citations``) unless ``cache: false``.

All logic lives in the installed library ``healthsite.citations``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hook_support import (
    OncePerBuild,
    is_dirty,
    is_first_language_pass,
    load_section,
    page_language,
)
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE

from healthsite.citations import (
    CitationError,
    CitationExtension,
    PageContext,
    load_bibliography,
    load_labels,
)
from healthsite.citations.locate import check_directives, front_matter_line
from healthsite.citations.site_files import (
    bibliography_paths,
    display_path,
    label_problem,
    stripped_lines,
    template_path,
)
from healthsite.citations.store import EntryStore

#: Named after the file, not __name__ (MkDocs names hook modules by their absolute path).
log = get_plugin_logger(Path(__file__).stem)

#: The repository's own template, used when the theme has no ``partials/bibliography.html``.
FALLBACK_TEMPLATE = Path(__file__).parent.parent / "overrides" / "partials" / "bibliography.html"


class CitationsConfig(Config):
    """``extra.citations`` in mkdocs.yml."""

    bibliography = c.ListOfItems(c.Type(str), default=[])
    labels = c.Type(dict, default={})
    #: Keep parsed and formatted entries between builds (like Material's plugin caches).
    cache = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/citations")


_watched: list[Path] = []
_extension: CitationExtension | None = None
#: One store per cache folder for the life of the process (``mkdocs serve`` keeps it).
_stores: dict[Path | None, EntryStore] = {}


report = OncePerBuild(log)


def _load_config(config: MkDocsConfig) -> CitationsConfig:
    citations = load_section(config, "citations", CitationsConfig, log)
    for lang, values in citations.labels.items():
        if problem := label_problem(lang, values):
            raise PluginError(problem)
    return citations


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Validate settings, load the bibliography, register the Markdown extension."""
    global _extension
    if not is_first_language_pass(config):
        if _extension is not None and _extension in config.markdown_extensions:
            return config
    else:
        report.reset()
    citations = _load_config(config)
    root = _root(config)
    try:
        paths = bibliography_paths(citations.bibliography, root)
    except CitationError as error:
        raise PluginError(str(error)) from None
    _watched[:] = paths
    folder = (root / citations.cache_dir).resolve() if citations.cache else None
    store = _stores.get(folder) or _stores.setdefault(folder, EntryStore(folder))
    if is_first_language_pass(config):
        # pages of the previous build not rendered again are dropped, unless MkDocs rebuilds
        # only changed pages (--dirty, `make preview`): the others are still current
        store.start_build(partial=is_dirty())
    try:
        bibliography = load_bibliography(paths, root, store)
        if is_first_language_pass(config):
            bibliography.begin_build()
            for message in bibliography.problems():  # every entry, cited or not
                report.warning(message)
        labels = load_labels(citations.labels)
        template = template_path(config.theme.dirs, FALLBACK_TEMPLATE)
        extension = CitationExtension(bibliography, labels, template, report=report.warning)
    except CitationError as error:
        raise PluginError(str(error)) from None
    config.markdown_extensions[:] = [
        ext for ext in config.markdown_extensions if not isinstance(ext, CitationExtension)
    ]
    config.markdown_extensions.append(extension)  # type: ignore[arg-type]
    _extension = extension
    return config


def on_serve(
    server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
) -> None:
    """Rebuild when a bibliography file changes (they usually live outside docs/)."""
    for path in _watched:
        server.watch(str(path))


@functools.lru_cache(maxsize=8)
def _resolved_root(config_file_path: str, cwd: str) -> Path:
    return (Path(cwd) / (config_file_path or ".")).resolve().parent


def _root(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml, which every configured path is relative to (resolved once)."""
    return _resolved_root(config.config_file_path or "", os.getcwd())


def _line_offset(page: Page) -> int:
    """Lines taken by front matter, which MkDocs strips before ``on_page_markdown``."""
    try:
        raw = Path(page.file.abs_src_path or "").read_text(encoding="utf-8-sig")
    except OSError:
        return 0
    match = YAML_RE.match(raw)  # MkDocs' own pattern: count what MkDocs strips
    return stripped_lines(raw, match.end() if match else 0)


def _nocite_line(page: Page) -> int:
    """Line of ``nocite:`` in the page's file (read only to report a problem)."""
    try:
        return front_matter_line(
            Path(page.file.abs_src_path or "").read_text("utf-8-sig"), "nocite"
        )
    except OSError:
        return 0


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """Point the extension at this page; fail on unknown directives."""
    if _extension is None:
        return None
    source = page.file.abs_src_path
    path = display_path(source, _root(config)) if source else page.file.src_uri
    offset = functools.partial(_line_offset, page)  # read the file only to report a problem
    try:
        check_directives(markdown, path, offset)
    except CitationError as error:
        raise PluginError(str(error)) from None
    _extension.begin_page(
        PageContext(
            path=path,
            lang=page_language(page, config),
            line_offset=offset,
            source=markdown,
            nocite=page.meta.get("nocite"),
            nocite_line=functools.partial(_nocite_line, page),
        )
    )
    return None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Record what this page cites, for hooks that describe the page (JSON-LD)."""
    if _extension is not None:
        page.meta["citations"] = _extension.cited_entries()
    return None


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every other language
def on_post_build(*, config: MkDocsConfig) -> None:
    """Save entries and pages for the next build, once every language is built (and only
    when something changed)."""
    if _extension is not None and is_first_language_pass(config):
        _extension.bibliography.save_store()
