"""Structured data (schema.org JSON-LD) for article pages and the home page.

Plain functions, no MkDocs: dictionaries in, dictionaries out. The template serializes them
with Jinja's ``tojson``, which escapes ``<``, ``>``, ``&`` and ``'`` so no value can end the
``<script type="application/ld+json">`` element or open an HTML comment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from healthsite.citations.metadata import LINK_URLS
from healthsite.content.front_matter import Article

SCHEMA = "https://schema.org"


def medical_web_page(
    *,
    name: str,
    description: str,
    url: str,
    language: str,
    last_reviewed: dt.date | None,
    date_published: dt.date,
    date_modified: dt.date,
    website_name: str,
    website_url: str,
    citations: Iterable[Mapping[str, Any]],
    reviewed_by: str | None = None,
    translation_of: str | None = None,
) -> dict[str, Any]:
    """A ``MedicalWebPage`` with its cited works as ``ScholarlyArticle`` items."""
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": name,
        "description": description,
        "inLanguage": language,
        "datePublished": date_published.isoformat(),
        "dateModified": date_modified.isoformat(),
        "isPartOf": {"@type": "WebSite", "name": website_name, "url": website_url},
        "publisher": {"@type": "Organization", "name": website_name, "url": website_url},
        "citation": [scholarly_article(entry) for entry in citations],
    }
    if reviewed_by and last_reviewed:  # only a named clinician's review is a review
        data["lastReviewed"] = last_reviewed.isoformat()
        data["reviewedBy"] = {"@type": "Person", "name": reviewed_by}
    if translation_of:
        data["translationOfWork"] = {"@id": translation_of}
    return data


def scholarly_article(entry: Mapping[str, Any]) -> dict[str, Any]:
    """One cited entry ``{key, title, doi, pmid, url}`` as a ``ScholarlyArticle``, by the one
    address that identifies it (``@id``): its DOI at doi.org, else its PubMed page, else its
    ``url``; a work with none of these is named by its title (``name``).

    The page's bibliography shows every title, DOI and PMID; repeating them here (typed
    ``identifier`` values, titles) made the JSON-LD about a tenth of an article page. The
    addresses are the ones the bibliography links to (``LINK_URLS``)."""
    article: dict[str, Any] = {"@type": "ScholarlyArticle"}
    for field in ("doi", "pmid"):
        if entry.get(field):
            article["@id"] = LINK_URLS[field].format(value=entry[field])
            return article
    if entry.get("url"):
        article["@id"] = entry["url"]
    else:
        article["name"] = entry.get("title") or ""
    return article


def website(*, name: str, description: str, url: str, language: str) -> dict[str, Any]:
    """The ``WebSite`` description for a language's home page."""
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": name,
        "description": description,
        "url": url,
        "inLanguage": language,
    }


def article_json_ld(
    article: Article,
    *,
    url: str,
    language: str,
    website_name: str,
    website_url: str,
    citations: Iterable[Mapping[str, Any]],
    alternates: Iterable[Mapping[str, str]],
) -> dict[str, Any]:
    """The article's ``MedicalWebPage``: a review (``lastReviewed``, ``reviewedBy``) only when
    a named clinician reviewed it; ``translationOfWork`` the source language's version."""
    reviewed = article.clinically_reviewed
    source = next(
        (link["href"] for link in alternates if link["lang"] == article.translated_from), None
    )
    return medical_web_page(
        name=article.title,
        description=article.description,
        url=url,
        language=language,
        last_reviewed=article.last_reviewed if reviewed else None,
        date_published=article.date_published,
        date_modified=article.date_modified,
        website_name=website_name,
        website_url=website_url,
        citations=citations,
        reviewed_by=article.reviewed_by if reviewed else None,
        translation_of=source if article.translated_from else None,
    )
