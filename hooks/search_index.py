"""MkDocs hook: build the Pagefind search index after every build (also `mkdocs serve` rebuilds).

Events handled:

- ``on_config``: validate ``extra.pagefind`` once; refuse Material's own search plugin (it would
  ship a merged all-language ``search/search_index.json`` and run jieba at build time).
- ``on_startup``: remember whether MkDocs builds with ``--dirty`` (``make preview``).
- ``on_env``: give the search box its words in the language being built (``pagefind_labels``):
  the link that repeats a search in the other language. ``extra.pagefind.labels`` overrides
  the defaults below.
- ``on_config`` of the second language's pass (mkdocs-static-i18n builds the default language
  first, then the others from its ``on_post_build``): the first language's pages are all
  written, so Pagefind's service starts indexing them in its own process, on the other core,
  while MkDocs builds the next language.
- ``on_post_build``: once every language is built, hand Pagefind the other languages' pages,
  wait, and write the index into ``config.site_dir`` (a site built in one pass is indexed
  with Pagefind's command line, which gives the same files). Pagefind keeps one index per
  ``<html lang>``; only the content marked ``data-pagefind-body`` (see
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
from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from healthsite.content.languages import site_languages
from healthsite.search.pagefind import (
    BUNDLE_DIR,
    BackgroundIndex,
    IndexReport,
    PagefindError,
    index_site,
    pages_glob,
)

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
    #: Per language, overrides of :data:`DEFAULT_LABELS`.
    labels = c.Type(dict, default={})
    exclude_selectors = c.ListOfItems(
        c.Type(str),
        default=[
            ".bibliography",
            ".citation-bibliography",
            "[data-bibliography]",
            ".citation__tooltip",
            ".citation__group",  # "[1, 2]": not in the index, so not in result excerpts
        ],
    )


#: Words of the search box that Material's language files do not have; ``{query}`` is the
#: reader's query.
DEFAULT_LABELS: dict[str, dict[str, str]] = {
    "zh-Hant": {"other_language": "改在英文頁面搜尋「{query}」"},
    "en": {"other_language": "Search the Chinese pages for “{query}”"},
}
LABEL_NAMES = ("other_language",)

_settings: PagefindConfig | None = None
#: The site folder of the first language pass, and the index being built in the background.
_site_dir: Path | None = None
_background: BackgroundIndex | None = None


def on_startup(*, command: str, dirty: bool) -> None:
    remember_startup(dirty=dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    global _settings, _site_dir, _background
    if not is_first_language_pass(config):
        if _background is None and _site_dir is not None and _indexing(_site_dir):
            _background = _start_background(_site_dir, config)
        return None
    if _background is not None:  # left by a build that failed before its end
        _background.close()
        _background = None
    _site_dir = Path(config.site_dir)
    raw = (config.extra or {}).get("pagefind") or {}
    if not isinstance(raw, dict):
        raise PluginError("mkdocs.yml: extra.pagefind must be a mapping")
    settings = PagefindConfig()
    settings.load_dict(raw)
    errors, _warnings = settings.validate()
    if errors:
        text = "; ".join(f"extra.pagefind.{key}: {error}" for key, error in errors)
        raise PluginError(f"mkdocs.yml: {text}")
    for language, labels in settings.labels.items():
        unknown = sorted(set(labels) - set(LABEL_NAMES)) if isinstance(labels, dict) else ["?"]
        if unknown:
            raise PluginError(
                f"mkdocs.yml: extra.pagefind.labels.{language}: expected a mapping of "
                f"{', '.join(LABEL_NAMES)} to text, got {labels!r}"
            )
    enabled_search = [name for name in MATERIAL_SEARCH if name in config.plugins]
    if settings.enabled and enabled_search:
        raise PluginError(
            f"mkdocs.yml: remove the '{enabled_search[0]}' plugin from `plugins:`; "
            "search is built by Pagefind (hooks/search_index.py)"
        )
    _settings = settings
    return None


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Labels for ``partials/search.html`` in the language being built (every language pass)."""
    language = config.theme["language"]
    configured = (_settings.labels if _settings else {}).get(language) or {}
    env.globals["pagefind_labels"] = {**DEFAULT_LABELS.get(language, {}), **configured}
    return env


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every other language
def on_post_build(*, config: MkDocsConfig) -> None:
    global _background
    if not is_first_language_pass(config) or _settings is None or not _settings.enabled:
        return
    site_dir = Path(config.site_dir)
    if not _indexing(site_dir):
        log.info("--dirty build: search index kept from the last full build")
        return
    started = time.perf_counter()
    background, _background = _background, None
    try:
        report = _finish(background, site_dir, config) if background is not None else None
        if report is None:
            report = index_site(site_dir, exclude_selectors=_excluded())
    except PagefindError as error:
        raise PluginError(f"search index: {error}") from error
    log.info(
        "Pagefind indexed %d pages in %d languages (%.2f s after the last page was built)",
        report.pages,
        report.languages,
        time.perf_counter() - started,
    )


def _finish(
    background: BackgroundIndex, site_dir: Path, config: MkDocsConfig
) -> IndexReport | None:
    """Index the other languages' pages and write the index; ``None`` when Pagefind's service
    failed (the command line then indexes the whole site again, and reports its own error)."""
    rest = pages_glob(site_dir, names=_other_languages(config))
    if rest:
        background.add(rest)
    try:
        return background.finish()
    except PagefindError as error:
        log.debug("Pagefind service: %s; indexing with the command line instead", error)
        return None


def _indexing(site_dir: Path) -> bool:
    """Whether this build writes the search index (a ``--dirty`` build keeps an existing one)."""
    enabled = _settings is not None and _settings.enabled
    return enabled and not (
        is_dirty() and (site_dir / BUNDLE_DIR / "pagefind-entry.json").is_file()
    )


def _excluded() -> list[str]:
    return [*ALWAYS_EXCLUDED, *(_settings.exclude_selectors if _settings else [])]


def _other_languages(config: MkDocsConfig) -> list[str]:
    """The folders of the languages built after the first (``en``)."""
    locales, default = site_languages(config.plugins)
    return [locale for locale in locales if locale != default]


def _start_background(site_dir: Path, config: MkDocsConfig) -> BackgroundIndex | None:
    """Start indexing the first language's pages (everything in the site folder but the other
    languages' folders); ``None`` when Pagefind's service cannot start (the command line then
    indexes the whole site at the end, and reports any failure)."""
    try:
        background = BackgroundIndex(site_dir, exclude_selectors=_excluded())
    except (ImportError, OSError) as error:
        log.debug("Pagefind service unavailable (%s): indexing at the end instead", error)
        return None
    first = pages_glob(site_dir, leave_out=[*_other_languages(config), BUNDLE_DIR])
    if first:
        background.add(first)
    return background
