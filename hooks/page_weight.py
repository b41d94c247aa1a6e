"""MkDocs hook: less for a reader's browser to fetch, the same page shown (``healthsite.weight``).

Events handled:

- ``on_config``: the local files of ``extra_css`` become one stylesheet, ``BUNDLE``, linked in
  their place (one render-blocking request instead of six); addresses on other hosts stay
  (there are none: the pages load nothing from other hosts).
- ``on_files`` (first language pass; the other languages' pages link the same file): write
  ``BUNDLE`` from the source files in their order. The sources are still copied as they are.
- ``on_post_page``: indentation out of the page's HTML (``healthsite.weight.whitespace``),
  after the Content Security Policy hook, whose inline-script hashes it does not touch;
  ``on_post_template`` the same for theme templates rendered outside any page (``404.html``),
  before hooks/not_found.py writes each language's copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from hook_support import is_first_language_pass, shown_path
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from healthsite.weight.stylesheet_bundle import BundleError, join_stylesheets
from healthsite.weight.whitespace import compact_html

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(Path(__file__).stem)

#: The one stylesheet, written into the built site.
BUNDLE = "assets/stylesheets/bundle.css"

_sources: list[str] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Link ``BUNDLE`` where the first local stylesheet was; drop the other local ones."""
    listed = [str(path) for path in config.extra_css]
    if is_first_language_pass(config):
        _sources[:] = [path for path in listed if _is_local(path) and path != BUNDLE]
    if not _sources:
        return None
    linked: list[str] = []
    for path in listed:
        if not _is_local(path):
            linked.append(path)
        elif BUNDLE not in linked:
            linked.append(BUNDLE)
    config.extra_css = linked  # type: ignore[assignment]
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) has sorted the language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Add ``BUNDLE``, joined from the sources as they are now (so ``mkdocs serve`` picks up
    an edited stylesheet)."""
    if not _sources or not is_first_language_pass(config):
        return None
    parts = []
    for path in _sources:
        source = files.get_file_from_path(path)
        if source is None:
            raise PluginError(
                f"mkdocs.yml: extra_css: {path} is neither in docs/ nor in overrides/; "
                "fix the path or remove the line"
            )
        parts.append(
            (shown_path(source.abs_src_path or source.src_uri, config), source.content_string)
        )
    try:
        css = join_stylesheets(parts)
    except BundleError as error:
        raise PluginError(str(error)) from None
    if files.get_file_from_path(BUNDLE) is not None:
        raise PluginError(f"{BUNDLE} is written by hooks/page_weight.py; rename your file")
    files.append(File.generated(config, BUNDLE, content=css))
    log.debug(f"{BUNDLE}: {len(parts)} stylesheets, {len(css.encode())} bytes")
    return files


@event_priority(-1050)  # after the Content Security Policy hook (-1000)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    return compact_html(output)


@event_priority(-1050)  # after the CSP hook (-1000), before hooks/not_found.py (-1100)
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str | None:
    return compact_html(output)


def _is_local(path: str) -> bool:
    """A file of this site, not an address on another host."""
    parts = urlsplit(path)
    return not (parts.scheme or parts.netloc or path.startswith("/"))
