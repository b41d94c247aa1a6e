"""MkDocs hook: everything an article page shows about itself, and links for search engines.

- ``on_config``: validate ``extra.article_page`` (labels per language) with MkDocs' config classes.
- ``on_env``: autoescape the site's own templates; ``tojson`` writes compact UTF-8 JSON.
- ``on_files``: remember this language's files (the localized disclaimer and home pages).
- ``on_page_context``: ``article_page`` for the templates (``healthsite.articles.page``):
  ``hreflang`` alternates on every page, ``WebSite`` JSON-LD on home pages, and on articles
  the view model and ``MedicalWebPage`` JSON-LD.

Front-matter problems are reported by ``front_matter.py``; this hook only reads the record.
Reads ``page.meta["citations"]`` (set by the citation hook) for the JSON-LD citations.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from hook_support import OncePerBuild, article_file, load_section, page_language
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from healthsite.articles.labels import LABELS, MAPPING_LABELS
from healthsite.articles.page import PageFacts, Site, label_problems, page_view
from healthsite.content.front_matter import read_article
from healthsite.escaping import JSON_DUMPS, autoescape

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger(Path(__file__).stem)

#: ``extra.article_page.labels.<lang>``: every label of the library's table, as text.
Labels = type(
    "Labels",
    (Config,),
    {name: c.Type(dict if name in MAPPING_LABELS else str) for name in LABELS},
)


class ArticlePageConfig(Config):
    """``extra.article_page`` in mkdocs.yml."""

    labels = c.DictOfItems(c.SubConfig(Labels, validate=True))  # type: ignore[arg-type]
    report_issue_url = c.URL()
    disclaimer_page = c.Type(str, default="about/disclaimer.md")
    x_default = c.Type(str, default="zh-Hant")


_settings: ArticlePageConfig | None = None
_files: Files | None = None
report = OncePerBuild(log)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Validate ``extra.article_page``; a typo fails the build at startup."""
    global _settings, _files
    settings = load_section(config, "article_page", ArticlePageConfig, log)
    for problem in label_problems(settings.labels):
        raise PluginError(f"mkdocs.yml: extra.article_page.{problem}")
    if not config.site_url:
        raise PluginError("mkdocs.yml: article pages need 'site_url' (absolute hreflang URLs)")
    _settings, _files = settings, None
    report.reset()
    return config


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> None:
    """Autoescape our templates (Material's own stay as they are) and set `tojson`'s output."""
    env.autoescape = autoescape(env.autoescape)
    env.policies["json.dumps_kwargs"] = JSON_DUMPS


@event_priority(-200)  # after mkdocs-static-i18n (-100) has made the language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    global _files
    _files = files
    return None


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any] | None:
    """Put ``article_page`` (alternates, JSON-LD, article view) in the template context."""
    assert _settings is not None, "on_config has not run"
    lang = page_language(page, config)
    site = Site(  # per page: mkdocs-static-i18n sets the site name per language
        name=config.site_name,
        description=config.site_description or "",
        url=config.site_url or "",
        x_default=_settings.x_default,
        report_issue_url=_settings.report_issue_url,
    )
    facts = PageFacts(
        url=page.file.url,
        language=lang,
        versions={code: file.url for code, file in _alternates(page).items()},
        is_home=getattr(page.file, "norm_src_uri", page.file.src_uri) in {"index.md", "README.md"},
        home_url=_file_url("index.md", required=False),
    )
    if article_file(page, config) is None:
        context["article_page"] = page_view(site, facts)
        return context
    if lang not in _settings.labels:
        raise PluginError(f"mkdocs.yml: extra.article_page.labels has no '{lang}' labels")
    context["article_page"] = page_view(
        site,
        facts,
        article=read_article(page.meta, str(page.meta.get("title") or page.title or "")),
        labels=_settings.labels[lang],
        disclaimer_url=_file_url(_settings.disclaimer_page),
        citations=page.meta.get("citations") or [],
    )
    return context


def _alternates(page: Page) -> dict[str, Any]:
    """The page's file in each language (mkdocs-static-i18n's ``file.alternates``)."""
    return getattr(page.file, "alternates", None) or {}


def _file_url(src_path: str, *, required: bool = True) -> str | None:
    """Site-relative URL of a page in this build's language (None if absent; warned once if
    `required`)."""
    file = _files.get_file_from_path(src_path) if _files is not None else None
    if file is None:
        if required:
            report.warning(f"mkdocs.yml: extra.article_page.disclaimer_page: no page '{src_path}'")
        return None
    return file.url
