"""MkDocs hook: build the Pagefind search index after every build (also `mkdocs serve` rebuilds).

Events handled:

- ``on_config``: validate ``extra.pagefind`` once; refuse Material's own search plugin (it would
  ship a merged all-language ``search/search_index.json`` and run jieba at build time).
- ``on_startup``: remember whether MkDocs builds with ``--dirty`` (``make preview``).
- ``on_post_build``: run Pagefind over ``config.site_dir`` once every language is built. Pagefind
  keeps one index per ``<html lang>``; only the content marked ``data-pagefind-body`` (see
  ``overrides/main.html``) is indexed, minus ``exclude_selectors`` (bibliographies). A
  ``--dirty`` build that finds an index already there keeps it (search then shows the text of
  the last full build; indexing every page again would take most of a preview rebuild).

Indexing failures raise ``PluginError``: a site without working search is not shipped.
"""

from __future__ import annotations

import time
from pathlib import Path

from build_language import is_first_language_pass
from build_mode import is_dirty, remember_startup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from search_pagefind import BUNDLE_DIR, PagefindError, index_site

#: Named after the file, not __name__ (MkDocs names hook modules by their absolute path).
log = get_plugin_logger(Path(__file__).stem)

#: Material's search plugin under its two names.
MATERIAL_SEARCH = ("search", "material/search")

#: Never indexed whatever the configuration: heading permalinks (their "¶" would end up in
#: result titles).
ALWAYS_EXCLUDED = (".headerlink",)


class PagefindConfig(Config):
    """``extra.pagefind`` in mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    #: Elements never indexed: bibliographies and citation previews (hooks/citations.py), so
    #: an article is found by its own text, not by the titles of the papers it cites.
    exclude_selectors = c.ListOfItems(
        c.Type(str),
        default=[
            ".bibliography",
            ".citation-bibliography",
            "[data-bibliography]",
            ".citation__tooltip",
        ],
    )


_settings: PagefindConfig | None = None


def on_startup(*, command: str, dirty: bool) -> None:
    remember_startup(dirty=dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    global _settings
    if not is_first_language_pass(config):
        return None
    raw = (config.extra or {}).get("pagefind") or {}
    if not isinstance(raw, dict):
        raise PluginError("mkdocs.yml: extra.pagefind must be a mapping")
    settings = PagefindConfig()
    settings.load_dict(raw)
    errors, _warnings = settings.validate()
    if errors:
        text = "; ".join(f"extra.pagefind.{key}: {error}" for key, error in errors)
        raise PluginError(f"mkdocs.yml: {text}")
    enabled_search = [name for name in MATERIAL_SEARCH if name in config.plugins]
    if settings.enabled and enabled_search:
        raise PluginError(
            f"mkdocs.yml: remove the '{enabled_search[0]}' plugin from `plugins:`; "
            "search is built by Pagefind (hooks/search_index.py)"
        )
    _settings = settings
    return None


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every other language
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_first_language_pass(config) or _settings is None or not _settings.enabled:
        return
    site_dir = Path(config.site_dir)
    if is_dirty() and (site_dir / BUNDLE_DIR / "pagefind-entry.json").is_file():
        log.info("--dirty build: search index kept from the last full build")
        return
    started = time.perf_counter()
    try:
        excluded = [*ALWAYS_EXCLUDED, *_settings.exclude_selectors]
        report = index_site(site_dir, exclude_selectors=excluded)
    except PagefindError as error:
        raise PluginError(f"search index: {error}") from error
    log.info(
        "Pagefind indexed %d pages in %d languages in %.2f s",
        report.pages,
        report.languages,
        time.perf_counter() - started,
    )
