"""Where a hook is in a mkdocs-static-i18n build, which language and article a page is, and
reporting each message once however many language passes repeat it.

The i18n plugin builds the default language first, then calls MkDocs' `build()` again for every
other language from its `on_post_build`, so `on_config` runs once per language. Work that
belongs to the whole build (reading files, reporting problems) runs in the first pass only.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from healthsite.content.articles import article_parts
from healthsite.content.languages import site_languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from healthsite.content.findings import Finding


def is_first_language_pass(config: MkDocsConfig) -> bool:
    """True unless the i18n plugin is building one of the other languages."""
    i18n = config.plugins.get("i18n")
    return not getattr(i18n, "building", False)


def page_language(page: Page, config: MkDocsConfig) -> str:
    """The page's language: the i18n plugin's file locale (``x.en.md``), else the language
    being built (the plugin sets the theme language per pass). The two differ only on a
    fallback page, a zh-Hant file shown in the English build, whose text is zh-Hant."""
    return str(getattr(page.file, "locale", None) or config.theme["language"])


def article_file(page: Page, config: MkDocsConfig) -> tuple[str, str, str] | None:
    """(path relative to mkdocs.yml, slug, language) for an article page in one of the site's
    languages, else None."""
    source = page.file.abs_src_path
    parts = article_parts(page.file.src_uri, site_languages(config.plugins)[0])
    if not source or parts is None:
        return None
    root = Path(config.config_file_path or ".").resolve().parent
    return Path(source).resolve().relative_to(root).as_posix(), *parts


class OncePerBuild:
    """Log each message once per build, however many language passes (or pages) repeat it.
    A hook makes one at import and calls `reset()` in the first language pass's `on_config`."""

    def __init__(self, log: logging.Logger | logging.LoggerAdapter) -> None:
        self.log = log
        self.seen: set[str] = set()

    def reset(self) -> None:
        self.seen.clear()

    def warning(self, message: str) -> None:
        """A problem an author must fix (fatal under ``--strict``)."""
        if message not in self.seen:
            self.seen.add(message)
            self.log.warning(message)

    def info(self, message: str) -> None:
        if message not in self.seen:
            self.seen.add(message)
            self.log.info(message)

    def finding(self, finding: Finding) -> None:
        """A content rule's finding: errors as warnings, the rest as information."""
        (self.warning if finding.severity == "error" else self.info)(finding.build_style())
