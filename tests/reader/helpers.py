"""Reading the article page's parts out of built HTML (shared by the reader tests)."""

from __future__ import annotations

import json
from typing import Any

from bs4 import BeautifulSoup

ARTICLE_PATHS = {
    # language: site-relative URL path of the sample article in the tiny test site
    "zh-Hant": "articles/sample-article/",
    "en": "en/articles/sample-article/",
}
REAL_ARTICLES = [
    "liver-cancer-spontaneous-regression",
    "bone-metastases-radiotherapy-immunity",
]


def json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, parsed."""
    return [json.loads(tag.string) for tag in soup.select('script[type="application/ld+json"]')]


def hreflang_links(soup: BeautifulSoup) -> dict[str, str]:
    """`<link rel="alternate" hreflang>` in the head, as {hreflang: href} (duplicates fail)."""
    links = soup.head.select('link[rel="alternate"][hreflang]')
    found = {link["hreflang"]: link["href"] for link in links}
    assert len(found) == len(links), f"duplicate hreflang links: {links}"
    return found


def review_facts(soup: BeautifulSoup) -> dict[str, str]:
    """The review box under the title, as {term: value}."""
    box = soup.select_one(".article-review")
    assert box is not None, "no review box"
    return {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in box.select("dt")
    }
