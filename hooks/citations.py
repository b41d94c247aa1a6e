"""MkDocs hook: pandoc citations (``[@key]``) with a numbered bibliography per page.

- ``on_config``: validate ``extra.citations``, load the ``.bib`` files (kept across
  ``mkdocs serve`` rebuilds and language passes), start the prefetch child (``mkdocs
  build`` only: it parses and formats entries on the second core), and register the
  Markdown extension. ``on_serve``: watch the ``.bib`` files.
- ``on_page_markdown``: tell the extension the page, its language (``page.file.locale``, else
  the language being built), the front-matter line offset and ``nocite``; reject unknown
  ``<!-- bibliography:... -->`` directives.
- ``on_page_content``: ``page.meta["citations"]`` (cited entries in order) for the JSON-LD.
- ``on_post_build``: report every entry's problems (cited or not) once per build, and save
  parsed/formatted entries and rendered pages to ``extra.citations.cache_dir``
  (``.cache/citations``) unless ``cache: false``.

All logic lives in the installed library ``healthsite.citations`` (``citations.site``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from hook_support import (
    OncePerBuild,
    is_dirty,
    is_first_language_pass,
    is_serving,
    load_section,
    page_language,
    page_path,
    site_root,
)
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from healthsite.citations import CitationError, CitationExtension
from healthsite.citations.prefetch import SiteSources
from healthsite.citations.site import CitationSettings, finish_build, open_engine, page_context
from healthsite.content.languages import site_languages

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
    #: Parse and format entries the store lacks in a second process (``mkdocs build`` only).
    prefetch = c.Type(bool, default=True)


_watched: list[Path] = []
_extension: CitationExtension | None = None
report = OncePerBuild(log)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Validate settings, load the bibliography, register the Markdown extension."""
    global _extension
    new_build = is_first_language_pass(config)
    if not new_build and _extension in config.markdown_extensions:
        return config  # another language of the same build
    if new_build:
        report.reset()
    section = load_section(config, "citations", CitationsConfig, log)
    settings = CitationSettings(
        bibliography=section.bibliography,
        labels=section.labels,
        cache_dir=section.cache_dir if section.cache else None,
        root=site_root(config),
        theme_dirs=config.theme.dirs,
        fallback_template=FALLBACK_TEMPLATE,
    )
    languages, default_lang = site_languages(config.plugins)
    pages = SiteSources(
        docs_dir=Path(config.docs_dir),
        default_lang=default_lang,
        languages=list(languages),
    )
    try:
        extension, _watched[:] = open_engine(
            settings,
            new_build=new_build,
            partial=is_dirty(),
            report=report.warning,
            prefetch=pages if section.prefetch and not is_serving() else None,  # no fork in serve
        )
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


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """Point the extension at this page; fail on unknown directives."""
    if _extension is None:
        return None
    try:
        context = page_context(
            markdown,
            shown_path=page_path(page, config),
            source=page.file.abs_src_path,
            lang=page_language(page, config),
            nocite=page.meta.get("nocite"),
        )
    except CitationError as error:
        raise PluginError(str(error)) from None
    _extension.begin_page(context)
    return None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Record what this page cites, for hooks that describe the page (JSON-LD)."""
    if _extension is not None:
        page.meta["citations"] = _extension.cited_entries()
    return None


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every other language
def on_post_build(*, config: MkDocsConfig) -> None:
    """Report every entry's problems and save entries and pages for the next build, once
    every language is built (the store only when something changed)."""
    if _extension is not None and is_first_language_pass(config):
        finish_build(_extension, report.warning)
