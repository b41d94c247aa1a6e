"""MkDocs hook: everything an article page shows about itself, and links for search engines.

Events handled:

- ``on_config``: validate ``extra.article_page`` (labels per language, report-issue URL,
  disclaimer page) once per build; reset per-build state.
- ``on_files`` (after mkdocs-static-i18n): remember the language's files, to find the
  localized disclaimer page.
- ``on_page_context``: for every page, absolute ``hreflang`` alternates (plus ``x-default``);
  for the home page, ``WebSite`` JSON-LD; for article pages (under ``articles/`` with
  ``last_reviewed`` in the front matter), the review dates and status, translation note,
  disclaimer and report links, "cite this page" texts, dated changes and ``MedicalWebPage``
  JSON-LD. Everything goes into the template context as ``article_page``; the markup is in
  ``overrides/main.html`` and ``overrides/partials/article-*.html``.

Reads ``page.meta["citations"]`` (set by the citation hook): the cited entries in citation
order, each ``{key, title, doi, pmid, url}``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode, urljoin

from build_language import page_language
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from healthsite.articles.cite import PageReference, bibtex, vancouver
from healthsite.articles.dates import format_date
from healthsite.articles.frontmatter import Article, is_article, key_line, read_article
from healthsite.articles.jsonld import medical_web_page, script_json, website

if TYPE_CHECKING:
    import datetime as dt

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


class ArticlePageConfig(Config):
    """``extra.article_page`` in mkdocs.yml."""

    labels = c.Type(dict)
    report_issue_url = c.Type(str)
    disclaimer_page = c.Type(str, default="about/disclaimer.md")
    x_default = c.Type(str, default="zh-Hant")
    articles_dir = c.Type(str, default="articles/")


@dataclass
class _Build:
    """Per-build state (reset in on_config: `mkdocs serve` keeps the module loaded)."""

    settings: ArticlePageConfig | None = None
    files: Files | None = None
    warned: set[str] = field(default_factory=set)


_build = _Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Validate ``extra.article_page`` and reset the build state."""
    raw = (config.extra or {}).get("article_page")
    if not isinstance(raw, dict):
        raise PluginError("extra.article_page: expected a mapping (labels, report_issue_url)")
    settings = ArticlePageConfig(config_file_path=config.config_file_path)
    settings.load_dict(raw)
    errors, warnings = settings.validate()
    for name, warning in warnings:
        log.warning(f"extra.article_page.{name}: {warning}")
    for name, error in errors:
        raise PluginError(f"extra.article_page.{name}: {error}")
    for lang, labels in settings.labels.items():
        _check_labels(lang, labels)
    if not config.site_url:
        raise PluginError("article pages need 'site_url' for absolute canonical/hreflang URLs")
    _build.settings = settings
    _build.files = None
    _build.warned = set()
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) has made the language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Remember this language's files (to find the localized disclaimer page)."""
    _build.files = files
    return None


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any] | None:
    """Put ``article_page`` (alternates, JSON-LD, article details) in the template context."""
    settings = _build.settings
    assert settings is not None, "on_config has not run"
    lang = page_language(page, config)
    alternates = _alternates(page, config.site_url or "", settings.x_default)
    view: dict[str, Any] = {"alternates": alternates, "json_ld": None, "article": None}
    url = _absolute(config.site_url or "", page.file.url)
    if _is_home(page):
        view["json_ld"] = script_json(
            website(
                name=config.site_name,
                description=config.site_description or "",
                url=url,
                language=lang,
            )
        )
    if is_article(page.url, page.meta, settings.articles_dir):
        labels = _labels(settings, lang)
        article = _checked_article(page, config)
        view["article"] = _article_view(article, page, config, labels, url, lang)
        translation_of = None
        if article.translated_from:
            translation_of = next(
                (alt["href"] for alt in alternates if alt["lang"] == article.translated_from),
                None,
            )
        view["json_ld"] = script_json(
            medical_web_page(
                name=article.title,
                description=article.description,
                url=url,
                language=lang,
                last_reviewed=article.last_reviewed,
                date_published=article.date_published,
                date_modified=article.date_modified,
                website_name=config.site_name,
                website_url=_home_url(config.site_url or ""),
                citations=page.meta.get("citations") or [],
                reviewed_by=article.reviewed_by,
                translation_of=translation_of,
            )
        )
    context["article_page"] = view
    return context


def _article_view(
    article: Article,
    page: Page,
    config: MkDocsConfig,
    labels: dict[str, Any],
    url: str,
    lang: str,
) -> dict[str, Any]:
    """What the article partials show, with dates and sentences already in the page language."""

    def day(value: dt.date) -> dict[str, str]:
        return {"iso": value.isoformat(), "text": format_date(value, labels["date"], labels)}

    status = labels["status_awaiting"]
    if article.review_status == "clinically-reviewed":
        status = labels["status_reviewed"].format(name=article.reviewed_by)
    translation = None
    if article.translated_from and article.translated_on:
        names = labels["language_names"]
        translation = labels["translated"].format(
            language=names.get(article.translated_from, article.translated_from),
            date=format_date(article.translated_on, labels["date"], labels),
        )
    reference = PageReference(
        title=article.title,
        publisher=config.site_name,
        url=url,
        language=lang,
        slug=article.slug,
        published=article.date_published,
        updated=article.date_modified,
    )
    cite_date = labels["vancouver_date"]
    return {
        "labels": labels,
        "last_reviewed": day(article.last_reviewed),
        "next_review": day(article.next_review) if article.next_review else None,
        "status": article.review_status,
        "status_text": status,
        "translation": translation,
        "disclaimer_url": _disclaimer_url(),
        "report_url": _report_url(labels, article.title, url),
        "cite_vancouver": vancouver(
            reference,
            labels["vancouver"],
            published=format_date(article.date_published, cite_date, labels),
            updated=format_date(article.date_modified, cite_date, labels),
        ),
        "cite_bibtex": bibtex(reference),
        "changes": [{**day(change.date), "summary": change.summary} for change in article.changes],
    }


def _checked_article(page: Page, config: MkDocsConfig) -> Article:
    """The page's article front matter; problems become `file:line: message` warnings."""
    title = str(page.meta.get("title") or page.title or "")
    article, problems = read_article(page.meta, title)
    if problems:
        root = os.path.dirname(config.config_file_path or ".")
        source_path = page.file.abs_src_path or page.file.src_path
        where = os.path.relpath(source_path, root) if page.file.abs_src_path else source_path
        source = page.file.content_string if page.file.abs_src_path else ""
        for problem in problems:
            message = f"{where}:{key_line(source, problem.key)}: {problem.message}"
            if message not in _build.warned:
                _build.warned.add(message)
                log.warning(message)
    return article


def _alternates(page: Page, site_url: str, x_default: str) -> list[dict[str, str]]:
    """Absolute URLs of every language version of `page`, then ``x-default``."""
    files: dict[str, File] = getattr(page.file, "alternates", None) or {}
    ordered = sorted(files.items(), key=lambda item: (item[0] != x_default, item[0]))
    links = [{"lang": lang, "href": _absolute(site_url, file.url)} for lang, file in ordered]
    default = next((link["href"] for link in links if link["lang"] == x_default), None)
    if default:
        links.append({"lang": "x-default", "href": default})
    return links


def _disclaimer_url() -> str | None:
    """Site-relative URL of the disclaimer page in this build's language."""
    settings, files = _build.settings, _build.files
    if settings is None or files is None:
        return None
    file = files.get_file_from_path(settings.disclaimer_page)
    if file is None:
        _warn_once(f"extra.article_page.disclaimer_page: no page '{settings.disclaimer_page}'")
        return None
    return file.url


def _report_url(labels: dict[str, Any], title: str, url: str) -> str:
    """A new-issue URL with the page's title and address filled in."""
    assert _build.settings is not None
    query = urlencode(
        {
            "title": labels["report_issue_title"].format(title=title),
            "body": labels["report_issue_body"].format(title=title, url=url),
        },
        quote_via=quote,
    )
    return f"{_build.settings.report_issue_url}?{query}"


def _labels(settings: ArticlePageConfig, lang: str) -> dict[str, Any]:
    labels = settings.labels.get(lang)
    if labels is None:
        raise PluginError(f"extra.article_page.labels: no labels for language '{lang}'")
    return labels


def _is_home(page: Page) -> bool:
    """Each language's home page (mkdocs-static-i18n keeps the unsuffixed source name)."""
    return getattr(page.file, "norm_src_uri", page.file.src_uri) in {"index.md", "README.md"}


def _home_url(site_url: str) -> str:
    """This build language's home page (the site root for the default language)."""
    files = _build.files
    home = files.get_file_from_path("index.md") if files is not None else None
    return _absolute(site_url, home.url) if home is not None else site_url


def _absolute(site_url: str, url: str) -> str:
    """An absolute URL for a site-relative file URL (``./`` is the site root)."""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", url.removeprefix("./"))


def _warn_once(message: str) -> None:
    if message not in _build.warned:
        _build.warned.add(message)
        log.warning(message)


def _check_labels(lang: str, labels: object) -> None:
    """Every label is there, and every pattern formats (typos fail at startup)."""
    if not isinstance(labels, dict):
        raise PluginError(f"extra.article_page.labels.{lang}: expected a mapping of label: text")
    missing = [name for name in REQUIRED_LABELS if name not in labels]
    if missing:
        raise PluginError(f"extra.article_page.labels.{lang}: missing {', '.join(missing)}")
    if not isinstance(labels["language_names"], dict):
        raise PluginError(f"extra.article_page.labels.{lang}.language_names: expected a mapping")
    for name, sample in PATTERN_SAMPLES.items():
        try:
            str(labels[name]).format(**sample)
        except (KeyError, IndexError, ValueError) as error:
            raise PluginError(
                f"extra.article_page.labels.{lang}.{name}: bad placeholder {error} in "
                f"{labels[name]!r}; allowed: {', '.join(sample)}"
            ) from None


# Label names every language must define (their text lives in mkdocs.yml).
REQUIRED_LABELS = (
    "about_article",
    "date",
    "last_reviewed",
    "next_review",
    "review_status",
    "status_awaiting",
    "status_reviewed",
    "translated",
    "language_names",
    "disclaimer_title",
    "disclaimer_text",
    "disclaimer_link",
    "report_error",
    "report_issue_title",
    "report_issue_body",
    "cite_heading",
    "cite_vancouver",
    "cite_bibtex",
    "copy_button",
    "vancouver",
    "vancouver_date",
    "changes_heading",
    "colon",
)
_DATE_SAMPLE = {"year": 2026, "month": 11, "day": 22, "month_name": "", "month_abbr": ""}
# Placeholders each pattern label may use.
PATTERN_SAMPLES: dict[str, dict[str, object]] = {
    "date": _DATE_SAMPLE,
    "vancouver_date": _DATE_SAMPLE,
    "status_reviewed": {"name": ""},
    "translated": {"language": "", "date": ""},
    "report_issue_title": {"title": ""},
    "report_issue_body": {"title": "", "url": ""},
    "vancouver": {"title": "", "publisher": "", "published": "", "updated": "", "url": ""},
}
