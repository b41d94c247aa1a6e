"""The site's search index, one per language, as the build makes it (``hooks/search_index.py``).

`SiteIndex` starts Pagefind's service when the build starts and hands it each page as MkDocs
is about to write it, so Pagefind indexes on the other core while MkDocs builds the rest (both
languages: mkdocs-static-i18n builds the default language at the site root first, then each
other language into its folder). At the end it adds the HTML files it was not handed (such as
``404.html``) and writes the index; when the service cannot start or fails, Pagefind's command
line indexes the whole site (the same pages).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from .pagefind import BUNDLE_DIR, BackgroundIndex, IndexReport, PagefindError, index_site

log = logging.getLogger(__name__)

#: Never indexed whatever the configuration: heading permalinks (their "¶" would end up in
#: result titles).
ALWAYS_EXCLUDED = (".headerlink",)
#: Not indexed by default: bibliographies and citation previews, so an article is found by its
#: own text, not by the titles of the papers it cites; citation markers ("[1, 2]") stay out of
#: result excerpts.
DEFAULT_EXCLUDED = (
    ".bibliography",
    ".citation-bibliography",
    "[data-bibliography]",
    ".citation__tooltip",
    ".citation__group",
)
#: Words of the search box that Material's language files do not have; ``{query}`` is the
#: reader's query.
DEFAULT_LABELS: Mapping[str, Mapping[str, str]] = {
    "zh-Hant": {"other_language": "改在英文頁面搜尋「{query}」"},
    "en": {"other_language": "Search the Chinese pages for “{query}”"},
}
LABEL_NAMES = ("other_language",)


def label_problem(language: str, labels: object) -> str | None:
    """What is wrong with ``extra.pagefind.labels.<language>``, or None."""
    if isinstance(labels, dict) and not set(labels) - set(LABEL_NAMES):
        return None
    return (
        f"extra.pagefind.labels.{language}: expected a mapping of "
        f"{', '.join(LABEL_NAMES)} to text, got {labels!r}"
    )


def labels_for(language: str, configured: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """The search box's words in `language`: the defaults, overridden by the configuration."""
    return {**DEFAULT_LABELS.get(language, {}), **(configured.get(language) or {})}


def index_exists(site_dir: Path) -> bool:
    return (site_dir / BUNDLE_DIR / "pagefind-entry.json").is_file()


class SiteIndex:
    """One build's index of `site_dir` (the folder of the whole site, all languages)."""

    def __init__(self, site_dir: Path, exclude_selectors: Sequence[str]) -> None:
        self.site_dir = site_dir
        self.excluded = [*ALWAYS_EXCLUDED, *exclude_selectors]
        self.background: BackgroundIndex | None = None

    def start(self) -> None:
        """Start Pagefind's service; if it cannot start, `finish` uses the command line."""
        if self.background is not None:
            return
        try:
            self.background = BackgroundIndex(self.site_dir, exclude_selectors=self.excluded)
        except (ImportError, OSError, PagefindError) as error:
            log.debug("Pagefind service unavailable (%s): indexing at the end instead", error)

    def add_page(self, path: Path, html: str) -> None:
        """Hand Pagefind the page written to `path`; pages outside the site folder and empty
        ones (MkDocs writes neither) are left out."""
        if self.background is None or not html.strip() or not path.is_relative_to(self.site_dir):
            return
        try:
            self.background.add_page(path, html)
        except PagefindError as error:
            log.debug("Pagefind service: %s; indexing with the command line instead", error)
            self.close()

    def finish(self) -> IndexReport:
        """Index what is left and write the index. Raises `PagefindError`."""
        background, self.background = self.background, None
        if background is not None:
            try:
                return background.finish()
            except PagefindError as error:
                log.debug("Pagefind service: %s; indexing with the command line instead", error)
        return index_site(self.site_dir, exclude_selectors=self.excluded)

    def close(self) -> None:
        """Stop a background index a failed build left behind."""
        if self.background is not None:
            self.background.close()
            self.background = None
