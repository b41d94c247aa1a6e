"""Search on the real repository site (shared `built_site`/`site_url` fixtures)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from .search_browser import search
from .search_bundle import entry, fragments

LIVER = "articles/liver-cancer-spontaneous-regression/"
BONE = "articles/bone-metastases-radiotherapy-immunity/"


def _require_articles(built_site) -> None:
    missing = [
        prefix + slug
        for slug in (LIVER, BONE)
        for prefix in ("", "en/")
        if not built_site.path(prefix + slug).exists()
    ]
    assert not missing, f"the real articles are not built (renamed? update this test): {missing}"


def test_real_site_has_one_index_per_language(built_site):
    assert set(entry(built_site.root)["languages"]) == {"zh-hant", "en"}
    assert not (built_site.root / "search" / "search_index.json").exists()


def test_real_site_indexes_no_cited_reference(built_site):
    """The formatted references (bibliography and citation previews) never reach the index."""
    references = {
        element.get_text(" ", strip=True)
        for page in built_site.html_files()
        for element in built_site.soup(str(page.relative_to(built_site.root))).select(
            ".bibliography__list > li > span[id]"
        )
    }
    assert len(references) >= 16, "the real articles render their bibliographies"
    indexed = " ".join(fragment.content for fragment in fragments(built_site.root))
    # A reference's "Authors. Title" opening in the index means a bibliography or preview leaked.
    leaked = [reference for reference in references if reference[:60] in indexed]
    assert leaked == []


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "query", "expected_first"),
    [
        ("", "肝癌", LIVER),
        ("", "骨轉移 放射治療", BONE),
        ("", "SBRT 骨轉移", BONE),
        ("", "骨轉移放射治療", BONE),
        ("en/", "metastasis", "en/" + BONE),
    ],
)
def test_real_query_finds_the_right_article_first(
    page, built_site, site_url, path, query, expected_first
):
    _require_articles(built_site)
    results = search(page, site_url + path, query)
    assert results.hrefs[:1] == ["/" + expected_first], results
    english = [href for href in results.hrefs if urlparse(href).path.startswith("/en/")]
    assert english == (results.hrefs if path else [])


@pytest.mark.browser
@pytest.mark.parametrize(("path", "query"), [("", "SBRT"), ("en/", "SBRT"), ("en/", "liver")])
def test_real_results_stay_in_the_readers_language(page, built_site, site_url, path, query):
    _require_articles(built_site)
    results = search(page, site_url + path, query)
    assert results.hrefs, f"no results for {query!r} on /{path}"
    english = [href for href in results.hrefs if urlparse(href).path.startswith("/en/")]
    assert english == (results.hrefs if path else [])


def test_real_site_leaves_the_lists_of_pages_out_of_the_index(built_site):
    """The home page and the article list repeat every article's title and summary: indexed,
    they would pad the results of every search (front matter `search: exclude: true`)."""
    urls = {fragment.url for fragment in fragments(built_site.root)}
    for listing in ("/", "/en/", "/articles/", "/en/articles/"):
        assert listing not in urls
    assert {"/" + BONE, "/en/" + BONE, "/about/feedback/", "/en/about/feedback/"} <= urls


def test_real_site_keeps_citation_numbers_out_of_the_index(built_site):
    """Excerpts show the text around a match, not "[ 1, 2]" (in-text citation markers)."""
    article = built_site.soup(BONE)
    assert len(article.select(".citation")) > 20  # the article does cite
    indexed = {fragment.url: fragment.content for fragment in fragments(built_site.root)}
    for url in ("/" + BONE, "/en/" + BONE):
        assert "[" not in indexed[url] and "]" not in indexed[url], indexed[url][:300]


@pytest.mark.browser
@pytest.mark.parametrize(("path", "query"), [("", "骨轉移"), ("en/", "bone metastases")])
def test_real_results_are_articles_with_clean_excerpts(page, built_site, site_url, path, query):
    _require_articles(built_site)
    results = search(page, site_url + path, query)
    assert results.hrefs[:1] == ["/" + path + BONE], results
    listings = {"/", "/en/", "/articles/", "/en/articles/"}
    assert [href for href in results.hrefs if urlparse(href).path in listings] == []
    excerpts = page.locator(".md-search-result__list").inner_text()
    assert "[" not in excerpts and "]" not in excerpts, excerpts
