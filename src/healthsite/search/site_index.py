"""The site's search index, one per language, as the build makes it (``hooks/search_index.py``).

`SiteIndex` starts Pagefind's service when the build starts and hands it each page as MkDocs
is about to write it, so Pagefind indexes on the other core while MkDocs builds the rest (both
languages: mkdocs-static-i18n builds the default language at the site root first, then each
other language into its folder). At the end it adds the HTML files it was not handed (such as
``404.html``) and writes the index; when the service cannot start or fails, Pagefind's command
line indexes the whole site (the same pages).
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from .pagefind import (
    BUNDLE_DIR,
    BackgroundIndex,
    IndexReport,
    PagefindError,
    index_site,
    write_bundle,
)

log = logging.getLogger(__name__)

#: Never indexed whatever the configuration: heading permalinks (their "¶" would end up in
#: result titles).
ALWAYS_EXCLUDED = (".headerlink",)
#: Not indexed by default: bibliographies and citation previews, so an article is found by its
#: own text, not by the titles of the papers it cites; citation markers ("[1, 2]") stay out of
#: result excerpts (a citation is its bracketed numbers, unless it names its source first:
#: "Palma et al. [5]" keeps the name and puts the numbers in .citation__group).
DEFAULT_EXCLUDED = (
    ".bibliography",
    ".citation-bibliography",
    "[data-bibliography]",
    ".citation__tooltip",
    ".citation:not(.citation--in-text)",
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
    """One build's index of `site_dir` (the folder of the whole site, all languages).

    Each language gets its own Pagefind service (the default language: everything but the
    `other_languages`' folders), so the first language's index is finished on the other core
    while MkDocs builds the next (`finish_first_language`) and only the last language's is left
    for the end. Pagefind's index of each language depends only on that language's pages,
    except that a page carrying ``data-pagefind-body`` anywhere makes Pagefind skip pages
    without it everywhere: when the languages disagree on that, the command line indexes the
    whole site instead."""

    def __init__(
        self,
        site_dir: Path,
        exclude_selectors: Sequence[str],
        other_languages: Sequence[str] = (),
    ) -> None:
        self.site_dir = site_dir
        self.excluded = [*ALWAYS_EXCLUDED, *exclude_selectors]
        self.other_languages = tuple(other_languages)
        self.parts: dict[str, BackgroundIndex] = {}
        self._early: concurrent.futures.Future[dict[str, bytes]] | None = None
        self._first: BackgroundIndex | None = None
        self._failed = False

    def start(self) -> None:
        """Start a Pagefind service per language; if one cannot start, `finish` uses the
        command line."""
        if self.parts or self._failed:
            return
        try:
            for part in ("", *self.other_languages):
                self.parts[part] = BackgroundIndex(
                    self.site_dir,
                    exclude_selectors=self.excluded,
                    belongs=lambda relative, part=part: self._part(relative) == part,
                )
        except (ImportError, OSError, PagefindError) as error:
            log.debug("Pagefind service unavailable (%s): indexing at the end instead", error)
            self.close()
            self._failed = True

    def _part(self, relative: str) -> str:
        """Which language's index a page (path relative to the site folder) goes to."""
        top = relative.split("/", 1)[0]
        return top if top in self.other_languages and "/" in relative else ""

    def add_page(self, path: Path, html: str) -> None:
        """Hand Pagefind the page written to `path`; pages outside the site folder and empty
        ones (MkDocs writes neither) are left out."""
        if not self.parts or not html.strip() or not path.is_relative_to(self.site_dir):
            return
        part = self.parts.get(self._part(path.relative_to(self.site_dir).as_posix()))
        if part is None:  # already collected: a page written after its language's build
            self._give_up("a page arrived after its language was indexed")
            return
        try:
            part.add_page(path, html)
        except PagefindError as error:
            self._give_up(str(error))

    def finish_first_language(self) -> None:
        """The default language's pages are all written: finish its index in the background."""
        first = self.parts.pop("", None)
        if first is not None and self._early is None:
            self._first = first
            worker = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="pagefind")
            self._early = worker.submit(first.collect)
            worker.shutdown(wait=False)

    def finish(self) -> IndexReport:
        """Index what is left and write the index. Raises `PagefindError`."""
        parts, self.parts = self.parts, {}
        early, self._early = self._early, None
        try:
            if self._failed or (not parts and early is None):
                raise PagefindError("no Pagefind service")
            indexes = list(parts.values())
            bundles = [part.collect() for part in indexes]
            if early is not None and self._first is not None:
                bundles.insert(0, early.result())
                indexes.insert(0, self._first)
            if len({index.has_body for index in indexes}) > 1:
                raise PagefindError("only some languages mark their pages' data-pagefind-body")
            return write_bundle(self.site_dir, bundles)
        except PagefindError as error:
            log.debug("Pagefind service: %s; indexing with the command line instead", error)
            for part in parts.values():
                part.close()
        return index_site(self.site_dir, exclude_selectors=self.excluded)

    def _give_up(self, reason: str) -> None:
        log.debug("Pagefind service: %s; indexing with the command line instead", reason)
        self.close()
        self._failed = True

    def close(self) -> None:
        """Stop the services a failed build left behind."""
        parts, self.parts = self.parts, {}
        for part in parts.values():
            part.close()
        if self._early is not None:
            self._early.cancel()
