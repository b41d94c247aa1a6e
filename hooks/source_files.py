"""MkDocs hook: every Markdown file is readable, and no page ships a link to an unsafe URL.

Events:

- ``on_config``: reset the once-per-build warning filter.
- ``on_files``, first (before mkdocs-static-i18n, which would stop with a traceback): a page
  written both as ``x.md`` and as ``x.<default language>.md`` is reported
  (``healthsite.content.page_files``) and ``x.md`` is left out, so the build goes on.
- ``on_files`` (after the i18n plugin picked this language's files): read every page's bytes
  through ``healthsite.content.sources.check_source_file`` and log its findings
  (``path:line:col: what; how to fix``, fatal under ``--strict``): bytes that are not UTF-8,
  a byte-order mark, front matter MkDocs would publish as text, links to ``javascript:``,
  ``data:``… URLs, article file names that are not slugs. A file that is not UTF-8 is handed
  to MkDocs decoded with U+FFFD for the bad bytes, so the build goes on (MkDocs itself would
  stop with a traceback that names no file).
- MkDocs' own link warnings (``Doc file 'x.en.md' contains a link 'y.md', but …``) get the
  link's ``path:line:col`` in front and a fix after them
  (``healthsite.content.links.LocatedLinkMessages``, as ``make check`` locates them).
- ``on_page_content`` (last): remove URL attributes with an unsafe scheme from the page's HTML
  (``healthsite.content.links.neutralize``), so a build that does not stop on warnings
  (``make preview``) never ships a live ``javascript:`` link either.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from hook_support import OncePerBuild, is_first_language_pass, page_language, shown_path
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger

from healthsite.content.articles import article_parts
from healthsite.content.languages import site_languages
from healthsite.content.links import LocatedLinkMessages, neutralize
from healthsite.content.page_files import duplicate_pages
from healthsite.content.sources import check_source_file

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(Path(__file__).stem)

report = OncePerBuild(log)
#: Pages whose unsafe links were already reported from their Markdown source.
_reported_links: set[str] = set()
_LINK_MESSAGES = LocatedLinkMessages()


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    _LINK_MESSAGES.docs = Path(config.docs_dir)
    _LINK_MESSAGES.shown = shown_path(config.docs_dir, config)
    pages_log = logging.getLogger("mkdocs.structure.pages")
    if _LINK_MESSAGES not in pages_log.filters:
        pages_log.addFilter(_LINK_MESSAGES)
    if is_first_language_pass(config):  # mkdocs-static-i18n runs it again per language
        report.reset()
        _reported_links.clear()
    return None


@event_priority(100)  # before mkdocs-static-i18n (-100), which raises on such a pair
def _leave_out_duplicate_pages(files: Files, *, config: MkDocsConfig) -> Files | None:
    languages, source = site_languages(config.plugins)
    prefix = shown_path(config.docs_dir, config)
    pages = {f"{prefix}/{file.src_uri}": file for file in files.documentation_pages()}
    for finding in duplicate_pages(pages, languages, source):
        report.warning(finding.located())
        files.remove(pages[finding.path])
    return None


@event_priority(-110)  # after mkdocs-static-i18n (-100) has made this language's files
def _check_sources(files: Files, *, config: MkDocsConfig) -> Files | None:
    languages, _source = site_languages(config.plugins)
    for file in files.documentation_pages():
        if not file.abs_src_path:
            continue
        parts = article_parts(file.src_uri, languages)
        source = check_source_file(
            shown_path(file.abs_src_path, config),
            Path(file.abs_src_path),
            article_slug=parts[0] if parts else None,
        )
        for finding in source.findings:
            report.warning(finding.located())
        if source.unsafe_links:
            _reported_links.add(file.src_uri)
        if not source.decoded:
            file.content_string = source.text  # MkDocs would raise UnicodeDecodeError
    return None


on_files = CombinedEvent(_leave_out_duplicate_pages, _check_sources)


@event_priority(-100)  # after every other hook has changed the page's HTML
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    cleaned, removed = neutralize(html)
    if removed and page.file.src_uri not in _reported_links:
        report.warning(
            f"{page.file.src_uri} ({page_language(page, config)}): removed a link to an "
            f"unsafe URL '{removed[0][:40]}' from the page; link only to http(s) or mailto: "
            "URLs"
        )
    return cleaned if removed else None
