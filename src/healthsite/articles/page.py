"""Everything a page's templates get under ``article_page``: ``hreflang`` alternates on every
page, ``WebSite`` JSON-LD on a home page, and on an article its view model and
``MedicalWebPage`` JSON-LD. Plain data in, a dictionary out (the templates escape every value).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from healthsite.content.front_matter import Article

from .jsonld import article_json_ld, website
from .labels import LABELS, placeholder_problem
from .view import absolute_url, alternates, article_view


@dataclass(frozen=True)
class Site:
    """The site-wide facts a page shows: mkdocs.yml's name, description and URL, and
    ``extra.article_page``'s settings."""

    name: str
    description: str
    url: str
    x_default: str
    report_issue_url: str


@dataclass(frozen=True)
class PageFacts:
    """One built page: its site-relative URL, language, the URLs of its versions in every
    language, and whether it is a home page."""

    url: str
    language: str
    versions: Mapping[str, str]
    is_home: bool = False
    #: The home page of this language, site-relative (None if the site has none).
    home_url: str | None = None


def label_problems(labels: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Pattern labels whose placeholders are wrong, as `labels.<lang>.<name>: problem`."""
    return [
        f"labels.{lang}.{name}: {problem}"
        for lang, values in labels.items()
        for name in LABELS
        if (problem := placeholder_problem(name, values[name]))
    ]


def page_view(
    site: Site,
    page: PageFacts,
    *,
    article: Article | None = None,
    labels: Mapping[str, Any] | None = None,
    disclaimer_url: str | None = None,
    citations: Iterable[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """The ``article_page`` template variable; `article` and its `labels` for article pages."""
    links = alternates(
        ((code, absolute_url(site.url, url)) for code, url in page.versions.items()),
        site.x_default,
    )
    url = absolute_url(site.url, page.url)
    view: dict[str, Any] = {"alternates": links, "json_ld": None, "article": None}
    if page.is_home:
        view["json_ld"] = website(
            name=site.name, description=site.description, url=url, language=page.language
        )
    if article is not None and labels is not None:
        view["article"] = article_view(
            article,
            labels=labels,
            language=page.language,
            site_name=site.name,
            url=url,
            disclaimer_url=disclaimer_url,
            report_issue_url=site.report_issue_url,
        )
        view["json_ld"] = article_json_ld(
            article,
            url=url,
            language=page.language,
            website_name=site.name,
            website_url=absolute_url(site.url, page.home_url) if page.home_url else site.url,
            citations=list(citations),
            alternates=links,
        )
    return view
