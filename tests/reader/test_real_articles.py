"""The real articles, once merged: the same article-page guarantees as the sample article."""

from __future__ import annotations

import re

import pytest
import yaml
from site_testing import BuiltSite

from .browser import record_requests, serious_axe_violations
from .conftest import real_article_sources
from .helpers import REAL_ARTICLES, hreflang_links, json_ld, review_facts

SITE = "https://health.example.org/"
DATE_PATTERNS = {"zh-Hant": r"\d{4}年\d{1,2}月\d{1,2}日", "en": r"\d{1,2} [A-Z][a-z]+ \d{4}"}


def url_path(slug: str, lang: str) -> str:
    return f"{'en/' if lang == 'en' else ''}articles/{slug}/"


def front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.mark.parametrize("slug", REAL_ARTICLES)
@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_real_article_page(built_site: BuiltSite, slug: str, lang: str):
    meta = front_matter(real_article_sources(slug)[lang].read_text(encoding="utf-8"))
    path = url_path(slug, lang)
    soup = built_site.soup(path)
    facts = review_facts(soup)
    assert meta["review_status"] == "awaiting-clinical-review"  # nobody has reviewed them yet
    assert len(facts) == 3, facts  # written, updated, "not yet reviewed by a clinician"
    dates = list(facts.values())[:2]
    assert all(re.fullmatch(DATE_PATTERNS[lang], value) for value in dates), facts
    assert soup.select_one(".article-disclaimer a[href]") is not None
    assert soup.select_one("a.article-report__link")["href"].startswith("https://github.com/")
    assert SITE + path in soup.select_one("#article-cite-vancouver").get_text()
    assert soup.select_one("#article-cite-bibtex").get_text().startswith(f"@misc{{{slug}-")
    changes = [t["datetime"] for t in soup.select(".article-changes__entry time")]
    assert changes and changes == sorted(changes, reverse=True)
    assert bool(soup.select_one(".article-review__translation")) == bool(
        meta.get("translated_from")
    )

    (data,) = json_ld(soup)
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == meta["title"]
    assert data["description"] == meta["description"]
    assert data["inLanguage"] == lang
    assert "lastReviewed" not in data and "reviewedBy" not in data
    assert data["datePublished"] == str(meta["date_published"])
    assert all(item["@type"] == "ScholarlyArticle" for item in data["citation"])
    # One JSON-LD citation per bibliography entry (page.meta["citations"] from the cite hook).
    assert len(data["citation"]) == len(soup.select(".bibliography__list > li"))

    description = soup.head.select_one('meta[name="description"]')["content"]
    assert description == meta["description"]
    assert soup.head.select_one('link[rel="canonical"]')["href"] == SITE + path


@pytest.mark.parametrize("slug", REAL_ARTICLES)
def test_real_article_hreflang_is_reciprocal(built_site: BuiltSite, slug: str):
    real_article_sources(slug)
    expected = {
        "zh-Hant": SITE + url_path(slug, "zh-Hant"),
        "en": SITE + url_path(slug, "en"),
        "x-default": SITE + url_path(slug, "zh-Hant"),
    }
    for lang in ("zh-Hant", "en"):
        assert hreflang_links(built_site.soup(url_path(slug, lang))) == expected


@pytest.mark.browser
@pytest.mark.parametrize("slug", REAL_ARTICLES)
@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_real_article_in_the_browser(page, served_real_site: str, slug: str, lang: str):
    real_article_sources(slug)
    requests = record_requests(page)
    page.goto(served_real_site + url_path(slug, lang), wait_until="networkidle")
    assert requests.foreign(served_real_site) == []
    assert page.context.cookies() == []
    assert serious_axe_violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_axe_with_the_search_panel_open(page, served_real_site: str, lang: str):
    from search.search_browser import search

    query = {"zh-Hant": "肝癌", "en": "liver cancer"}[lang]
    results = search(page, served_real_site + url_path(REAL_ARTICLES[0], lang), query)
    assert results.hrefs, "the search panel shows results"
    assert page.locator(".search-other-language a").is_visible()  # checked by axe too
    assert serious_axe_violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_axe_with_a_citation_preview_open(page, served_real_site: str, lang: str):
    page.goto(served_real_site + url_path(REAL_ARTICLES[1], lang), wait_until="networkidle")
    citation = page.locator(".citation a[href^='#ref-']").first
    citation.focus()
    page.locator(".citation:focus-within .citation__tooltip").wait_for(state="visible")
    assert serious_axe_violations(page) == []


@pytest.mark.browser
def test_citations_and_back_links_work_from_the_keyboard(page, served_real_site: str):
    page.goto(served_real_site + url_path(REAL_ARTICLES[1], "en"), wait_until="networkidle")
    citation = page.locator(".citation a[href^='#ref-']").first
    citation.focus()
    page.keyboard.press("Enter")
    target = citation.get_attribute("href")
    assert page.evaluate("location.hash") == target
    backlink = page.locator(f"{target} > span:not([id]) > a").first
    backlink.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == backlink.get_attribute("href")


@pytest.mark.browser
def test_citation_preview_stays_inside_the_window(page, served_real_site: str):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_real_site + url_path(REAL_ARTICLES[0], "zh-Hant"), wait_until="networkidle")
    width = page.evaluate("document.documentElement.clientWidth")
    citations = page.locator(".citation a[href^='#ref-']")
    rightmost = max(
        range(min(citations.count(), 12)), key=lambda i: citations.nth(i).bounding_box()["x"]
    )
    citations.nth(rightmost).hover()
    tooltip = page.locator(".citation:hover .citation__tooltip")
    tooltip.wait_for(state="visible")
    box = tooltip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
