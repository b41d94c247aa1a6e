"""Shared support for the hook adapters (not a hook itself; `mkdocs.yml` names the adapters).

- Which language pass this is: mkdocs-static-i18n builds the default language first, then
  calls MkDocs' `build()` again for every other language from its `on_post_build`, so
  `on_config` runs once per language; work for the whole build runs in the first pass only.
- Which language and article a page is; the folder of mkdocs.yml (every configured path is
  relative to it) and a file's path as messages show it.
- `OncePerBuild`: each message once, however many language passes repeat it.
- `load_section`: a typed `extra.<name>` section, validated by MkDocs' config classes.
- Work done ahead on the second core (`ArticlesAhead`): checks that depend only on files,
  worked out by a forked child while MkDocs builds (not under `serve`).
- Whether this process serves or builds with ``--dirty``: MkDocs calls ``on_startup`` once per
  process, in one hook; others read the flags here. (MkDocs loads each hook module once per
  process, so module globals last across ``mkdocs serve`` rebuilds; ``on_config`` resets
  per-build state.)
"""

from __future__ import annotations

import copy
import functools
import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError

from healthsite.content.articles import article_parts
from healthsite.content.languages import site_languages
from healthsite.forked import NOT_READY, WorkAhead

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from healthsite.content.findings import Finding

Section = TypeVar("Section", bound=Config)


def is_first_language_pass(config: MkDocsConfig) -> bool:
    """True unless the i18n plugin is building one of the other languages."""
    i18n = config.plugins.get("i18n")
    return not getattr(i18n, "building", False)


def page_language(page: Page, config: MkDocsConfig) -> str:
    """The page's language: the i18n plugin's file locale (``x.en.md``), else the language
    being built (the plugin sets the theme language per pass). The two differ only on a
    fallback page, a zh-Hant file shown in the English build, whose text is zh-Hant."""
    return str(getattr(page.file, "locale", None) or config.theme["language"])


def site_root(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml, which every configured path is relative to."""
    return _resolved_root(config.config_file_path or "", os.getcwd())


@functools.lru_cache(maxsize=8)
def _resolved_root(config_file_path: str, cwd: str) -> Path:
    return (Path(cwd) / (config_file_path or ".")).resolve().parent


def shown_path(path: str | Path, config: MkDocsConfig) -> str:
    """`path` relative to the folder of mkdocs.yml, as messages show it."""
    root = str(site_root(config))
    path = os.path.abspath(path)
    if path.startswith(root + os.sep):  # the usual case, without os.path.relpath's work
        return path[len(root) + 1 :].replace(os.sep, "/")
    return Path(os.path.relpath(Path(path).resolve(), root)).as_posix()  # symlinks, or outside


def page_path(page: Page, config: MkDocsConfig) -> str:
    """The page's file as messages show it (its `docs/` path if it has no file)."""
    source = page.file.abs_src_path
    return shown_path(source, config) if source else page.file.src_uri


class ArticleFile(NamedTuple):
    """An article page's file: its path as messages show it, slug and language, and the
    site's languages (locale -> name) and source language."""

    path: str
    slug: str
    language: str
    languages: Mapping[str, str]
    source_language: str


def article_file(page: Page, config: MkDocsConfig) -> ArticleFile | None:
    """The page's article file if it is an article in one of the site's languages."""
    source = page.file.abs_src_path
    languages, source_language = site_languages(config.plugins)
    parts = article_parts(page.file.src_uri, languages)
    if not source or parts is None:
        return None
    slug, language = parts
    return ArticleFile(shown_path(source, config), slug, language, languages, source_language)


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


def add_extension_once(config: MkDocsConfig, extension: object) -> None:
    """Register a hook's Markdown extension in the first language pass (the config object is
    reused for the other languages, so it stays registered, once)."""
    if is_first_language_pass(config) and extension not in config.markdown_extensions:
        config.markdown_extensions.append(extension)  # type: ignore[arg-type]


def load_section(
    config: MkDocsConfig, name: str, schema: type[Section], log: logging.LoggerAdapter
) -> Section:
    """`extra.<name>` of mkdocs.yml checked against `schema` (a copy: mkdocs-static-i18n runs
    `on_config` again per language on the same dictionaries). Unknown keys are warnings; any
    error stops the build naming the key."""
    raw = (config.extra or {}).get(name) or {}
    if not isinstance(raw, dict):
        raise PluginError(f"mkdocs.yml: extra.{name}: expected a mapping")
    section = schema(config_file_path=config.config_file_path)
    section.load_dict(copy.deepcopy(raw))
    errors, warnings = section.validate()
    for key, warning in warnings:
        log.warning(f"mkdocs.yml: extra.{name}.{key}: {warning}")
    if errors:
        details = "; ".join(f"extra.{name}.{key}: {error}" for key, error in errors)
        raise PluginError(f"mkdocs.yml: {details}")
    return section


_dirty = False


def remember_startup(*, dirty: bool) -> None:
    """Record the ``dirty`` flag MkDocs passes to ``on_startup``."""
    global _dirty
    _dirty = dirty


def is_dirty() -> bool:
    """True when MkDocs rebuilds only changed pages (``--dirty``)."""
    return _dirty


_command: str | None = None


def remember_command(command: str) -> None:
    """Record the command (``build``, ``gh-deploy``, ``serve``) MkDocs passes to ``on_startup``."""
    global _command
    _command = command


def is_serving() -> bool:
    """True under ``mkdocs serve`` (``make serve``, ``make preview``)."""
    return _command == "serve"


def articles_in_build_order(config: MkDocsConfig) -> dict[str, tuple[str, ArticleFile]]:
    """Every article file under `docs_dir` as `article_file` describes it (by its shown
    path, with its absolute path), source language first: the order mkdocs-static-i18n
    builds them in."""
    languages, source_language = site_languages(config.plugins)
    docs = Path(config.docs_dir)
    found = []
    for path in sorted(docs.rglob("*.md")):
        parts = article_parts(path.relative_to(docs).as_posix(), languages)
        if parts is not None:
            article = ArticleFile(shown_path(path, config), *parts, languages, source_language)
            found.append((article.path, (os.path.normpath(path), article)))
    found.sort(key=lambda pair: pair[1][1].language != source_language)
    return dict(found)


class ArticlesAhead:
    """`function(file, article)` for every article of a build, worked out ahead by a forked
    child (`start` in the first language pass's `on_config`, `stop` once every language is
    built); `take` gives a page's result, or `NOT_READY` when the build must work it out
    itself (not sent yet, failed, or `mkdocs serve`: no fork beside the server's threads)."""

    def __init__(self, name: str, function: Callable[[str, ArticleFile], Any]) -> None:
        self._name, self._function = name, function
        self._ahead: WorkAhead[str, Any] | None = None

    def start(self, config: MkDocsConfig) -> None:
        self.stop()  # an earlier build that ended before its post_build
        if is_serving():
            return
        articles = articles_in_build_order(config)
        self._ahead = WorkAhead.start(
            lambda path: self._function(*articles[path]), list(articles), self._name
        )

    def take(self, article: ArticleFile) -> Any:
        return self._ahead.take(article.path) if self._ahead is not None else NOT_READY

    def stop(self) -> None:
        if self._ahead is not None:
            self._ahead.close()
            self._ahead = None
