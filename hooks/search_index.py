"""MkDocs hook: the Pagefind search index, one per language, after every build (also
``mkdocs serve`` rebuilds). The work is ``healthsite.search.site_index``.

- ``on_startup``: remember whether MkDocs builds with ``--dirty`` (``make preview``).
- ``on_config``: validate ``extra.pagefind``; refuse Material's own search plugin (it would
  ship a merged all-language index and run jieba at build time); start Pagefind's services
  (one per language). In the next language's pass, finish the first language's index in the
  background (on the other core).
- ``on_env``: the search box's words in the language being built (``pagefind_labels``).
- ``on_post_page``: hand Pagefind each page's final HTML (after every hook that edits it), so
  it indexes on the other core while MkDocs builds the rest.
- ``on_post_build``: once every language is built, index the rest and write the index. Only
  ``data-pagefind-body`` content is indexed (``overrides/main.html``), minus
  ``exclude_selectors``. A ``--dirty`` build that finds an index keeps it.

Indexing failures raise ``PluginError``: a site without working search is not shipped.
"""

from __future__ import annotations

import time
from pathlib import Path

from hook_support import is_dirty, is_first_language_pass, load_section, remember_startup
from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from healthsite.content.languages import site_languages
from healthsite.search.pagefind import PagefindError
from healthsite.search.site_index import (
    DEFAULT_EXCLUDED,
    SiteIndex,
    index_exists,
    label_problem,
    labels_for,
)

log = get_plugin_logger(Path(__file__).stem)

#: Material's search plugin under its two names.
MATERIAL_SEARCH = ("search", "material/search")


class PagefindConfig(Config):
    """``extra.pagefind`` in mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    labels = c.Type(dict, default={})  # per language, overrides of the default words
    exclude_selectors = c.ListOfItems(c.Type(str), default=list(DEFAULT_EXCLUDED))


_settings: PagefindConfig | None = None
_index: SiteIndex | None = None


def on_startup(*, command: str, dirty: bool) -> None:
    remember_startup(dirty=dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    global _settings, _index
    if not is_first_language_pass(config):
        if _index is not None:  # the first language is built: finish its index meanwhile
            _index.finish_first_language()
        return None
    if _index is not None:  # left by a build that failed before its end
        _index.close()
    settings = load_section(config, "pagefind", PagefindConfig, log)
    for language, labels in settings.labels.items():
        if problem := label_problem(language, labels):
            raise PluginError(f"mkdocs.yml: {problem}")
    enabled_search = [name for name in MATERIAL_SEARCH if name in config.plugins]
    if settings.enabled and enabled_search:
        raise PluginError(
            f"mkdocs.yml: remove the '{enabled_search[0]}' plugin from `plugins:`; "
            "search is built by Pagefind (hooks/search_index.py)"
        )
    _settings = settings
    locales, default = site_languages(config.plugins)
    others = [locale for locale in locales if locale != default]
    _index = SiteIndex(Path(config.site_dir), settings.exclude_selectors, others)
    if _indexing(_index.site_dir):
        _index.start()
    return None


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Labels for ``partials/search.html`` in the language being built (every language pass)."""
    configured = _settings.labels if _settings else {}
    env.globals["pagefind_labels"] = labels_for(config.theme["language"], configured)
    return env


@event_priority(-2000)  # after every hook that edits the HTML (content_security_policy: -1000)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> None:
    if _index is not None:
        _index.add_page(Path(page.file.abs_dest_path), output)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every other language
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_first_language_pass(config) or _index is None:
        return
    if not _indexing(_index.site_dir):
        _index.close()
        if _settings is not None and _settings.enabled:
            log.info("--dirty build: search index kept from the last full build")
        return
    started = time.perf_counter()
    try:
        report = _index.finish()
    except PagefindError as error:
        raise PluginError(f"search index: {error}") from error
    log.info(
        "Pagefind indexed %d pages in %d languages (%.2f s after the last page was built)",
        report.pages,
        report.languages,
        time.perf_counter() - started,
    )


def _indexing(site_dir: Path) -> bool:
    """Whether this build writes the search index (a ``--dirty`` build keeps an existing one)."""
    enabled = _settings is not None and _settings.enabled
    return enabled and not (is_dirty() and index_exists(site_dir))
