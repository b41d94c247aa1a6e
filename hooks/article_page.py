"""MkDocs hook: everything an article page shows about itself, and links for search engines.

- ``on_config``: validate ``extra.article_page`` (labels per language) with MkDocs' config classes.
- ``on_env``: autoescape the site's own templates; ``tojson`` writes compact UTF-8 JSON.
- ``on_files``: remember this language's files (the localized disclaimer and home pages).
- ``on_page_context``: ``hreflang`` alternates on every page, ``WebSite`` JSON-LD on home pages,
  and on articles the view model (``healthsite.articles.view``) and ``MedicalWebPage`` JSON-LD.

Front-matter problems are reported by ``front_matter.py``; this hook only reads the record.
Reads ``page.meta["citations"]`` (set by the citation hook) for the JSON-LD citations.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from hook_support import article_file, load_section, page_language
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from healthsite.articles.jsonld import article_json_ld, website
from healthsite.articles.labels import LABELS, MAPPING_LABELS, placeholder_problem
from healthsite.articles.view import absolute_url, alternates, article_view
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
_warned: set[str] = set()


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Validate ``extra.article_page``; a typo fails the build at startup."""
    global _settings, _files
    settings = load_section(config, "article_page", ArticlePageConfig, log)
    for lang, labels in settings.labels.items():
        for name in LABELS:
            if problem := placeholder_problem(name, labels[name]):
                raise PluginError(f"mkdocs.yml: extra.article_page.labels.{lang}.{name}: {problem}")
    if not config.site_url:
        raise PluginError("mkdocs.yml: article pages need 'site_url' (absolute hreflang URLs)")
    _settings, _files = settings, None
    _warned.clear()
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
    site_url = config.site_url or ""
    lang = page_language(page, config)
    versions = getattr(page.file, "alternates", None) or {}
    links = alternates(
        ((code, absolute_url(site_url, file.url)) for code, file in versions.items()),
        _settings.x_default,
    )
    view: dict[str, Any] = {"alternates": links, "json_ld": None, "article": None}
    url = absolute_url(site_url, page.file.url)
    home = _file_url("index.md", required=False)
    if getattr(page.file, "norm_src_uri", page.file.src_uri) in {"index.md", "README.md"}:
        view["json_ld"] = website(
            name=config.site_name,
            description=config.site_description or "",
            url=url,
            language=lang,
        )
    if article_file(page, config) is not None:
        article = read_article(page.meta, str(page.meta.get("title") or page.title or ""))
        labels = _settings.labels.get(lang)
        if labels is None:
            raise PluginError(f"mkdocs.yml: extra.article_page.labels has no '{lang}' labels")
        view["article"] = article_view(
            article,
            labels=labels,
            language=lang,
            site_name=config.site_name,
            url=url,
            disclaimer_url=_file_url(_settings.disclaimer_page),
            report_issue_url=_settings.report_issue_url,
        )
        view["json_ld"] = article_json_ld(
            article,
            url=url,
            language=lang,
            website_name=config.site_name,
            website_url=absolute_url(site_url, home) if home else site_url,
            citations=page.meta.get("citations") or [],
            alternates=links,
        )
    context["article_page"] = view
    return context


def _file_url(src_path: str, *, required: bool = True) -> str | None:
    """Site-relative URL of a page in this build's language (None if absent; warned once if
    `required`)."""
    file = _files.get_file_from_path(src_path) if _files is not None else None
    if file is None:
        message = f"mkdocs.yml: extra.article_page.disclaimer_page: no page '{src_path}'"
        if required and message not in _warned:
            _warned.add(message)
            log.warning(message)
        return None
    return file.url
