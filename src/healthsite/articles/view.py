"""The article page's view model: what the `article-*.html` partials show, already in the
page's language. Plain data in (the typed `Article`, labels, URLs), a dictionary out; the
markup is in the templates, which escape every value.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, urlencode, urljoin

from healthsite.content.front_matter import Article

from .cite import PageReference, bibtex, vancouver
from .dates import format_date

Labels = Mapping[str, Any]


def article_view(
    article: Article,
    *,
    labels: Labels,
    language: str,
    site_name: str,
    url: str,
    disclaimer_url: str | None,
    report_issue_url: str,
) -> dict[str, Any]:
    """Review facts, translation note, links, "cite this page" and changes for one article."""

    def day(value: dt.date) -> dict[str, str]:
        return {"iso": value.isoformat(), "text": format_date(value, labels["date"], language)}

    reviewed = article.clinically_reviewed and article.last_reviewed is not None
    translation = None
    if article.translated_from and article.translated_on:
        names = labels["language_names"]
        translation = labels["translated"].format(
            language=names.get(article.translated_from, article.translated_from),
            date=format_date(article.translated_on, labels["date"], language),
        )
    reference = PageReference(
        title=article.title,
        publisher=site_name,
        url=url,
        language=language,
        slug=article.slug,
        published=article.date_published,
        updated=article.date_modified,
    )
    cite_date = labels["vancouver_date"]
    return {
        "labels": labels,
        "reviewed": reviewed,
        "date_published": day(article.date_published),
        "date_modified": day(article.date_modified),
        "last_reviewed": day(article.last_reviewed) if reviewed and article.last_reviewed else None,
        "next_review": day(article.next_review) if reviewed and article.next_review else None,
        "status": article.review_status,
        "status_text": (
            labels["status_reviewed"].format(name=article.reviewed_by)
            if reviewed
            else labels["status_awaiting"]
        ),
        "translation": translation,
        "disclaimer_url": disclaimer_url,
        "report_url": report_url(report_issue_url, labels, article.title, url),
        "cite_vancouver": vancouver(
            reference,
            labels["vancouver"],
            published=format_date(article.date_published, cite_date, language),
            updated=format_date(article.date_modified, cite_date, language),
        ),
        "cite_bibtex": bibtex(reference),
        "changes": [{**day(change.date), "summary": change.summary} for change in article.changes],
    }


def report_url(base: str, labels: Labels, title: str, url: str) -> str:
    """A new-issue URL with the page's title and address filled in."""
    query = urlencode(
        {
            "title": labels["report_issue_title"].format(title=title),
            "body": labels["report_issue_body"].format(title=title, url=url),
        },
        quote_via=quote,
    )
    return f"{base}?{query}"


def alternates(versions: Iterable[tuple[str, str]], x_default: str) -> list[dict[str, str]]:
    """`hreflang` links for (language, absolute URL) pairs, `x_default`'s first, then
    ``x-default`` pointing at it."""
    links = [
        {"lang": lang, "href": href}
        for lang, href in sorted(versions, key=lambda item: (item[0] != x_default, item[0]))
    ]
    default = next((link["href"] for link in links if link["lang"] == x_default), None)
    if default:
        links.append({"lang": "x-default", "href": default})
    return links


@functools.lru_cache(maxsize=4096)
def absolute_url(site_url: str, url: str) -> str:
    """An absolute URL for a site-relative file URL (``./`` is the site root)."""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", url.removeprefix("./"))
