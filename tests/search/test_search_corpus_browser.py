"""A reader searches the generated two-language corpus through the header search box."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from .corpus import BIBLIOGRAPHY_ONLY_WORDS, url_of
from .search_browser import RESULT_LINKS, read_results, search

pytestmark = pytest.mark.browser

OTHER_LANGUAGE = ".search-other-language a[data-pagefind-other]"


def _other_language(hrefs: list[str], language: str) -> list[str]:
    """Result links that lead out of `language` (English lives under /en/)."""
    english = [href for href in hrefs if urlparse(href).path.startswith("/en/")]
    if language == "en":
        return [href for href in hrefs if href not in english]
    return english


@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        ("肝癌", "liver-cancer-overview"),
        ("骨轉移 放射治療", "bone-metastases-radiotherapy"),
        ("SBRT 骨轉移", "bone-metastases-radiotherapy"),
        ("骨轉移放射治療", "bone-metastases-radiotherapy"),
    ],
)
def test_chinese_query_finds_the_right_article_first(page, corpus_url, query, expected_first):
    results = search(page, corpus_url, query)
    assert results.hrefs, f"no results for {query!r}: {results.status}"
    assert results.hrefs[0] == "/" + url_of(expected_first, "zh-Hant")
    assert _other_language(results.hrefs, "zh-Hant") == []


def test_liver_cancer_is_matched_as_a_word_not_as_liver(page, corpus_url):
    """「肝癌」 must not return pages that only mention 肝 or 肝炎 (Material cut it to 「肝」)."""
    results = search(page, corpus_url, "肝癌")
    decoys = {"/" + url_of(slug, "zh-Hant") for slug in ("hepatitis-b", "liver-function")}
    assert decoys.isdisjoint(results.hrefs)
    # …while those pages do exist and are findable by their own words.
    assert "/" + url_of("hepatitis-b", "zh-Hant") in search(page, corpus_url, "肝炎").hrefs


@pytest.mark.parametrize("query", ["肝", "血", "骨"])
def test_single_character_queries_find_pages_that_use_it_alone(page, corpus_url, query):
    results = search(page, corpus_url, query)
    assert results.hrefs, f"no results for {query!r}"
    assert _other_language(results.hrefs, "zh-Hant") == []


def test_english_query_matches_other_forms_of_the_word(page, corpus_url):
    """Query "metastasis" finds the article saying "metastases" before one saying "metastasis"."""
    results = search(page, corpus_url + "en/", "metastasis")
    assert results.hrefs[:1] == ["/" + url_of("bone-metastases-radiotherapy", "en")]
    assert _other_language(results.hrefs, "en") == []


@pytest.mark.parametrize(("path", "language"), [("", "zh-Hant"), ("en/", "en")])
def test_results_stay_in_the_readers_language(page, corpus_url, path, language):
    """SBRT appears in both languages; each reader only sees pages in their own."""
    results = search(page, corpus_url + path, "SBRT")
    assert results.hrefs
    assert _other_language(results.hrefs, language) == []


@pytest.mark.parametrize(
    ("path", "word"),
    [("", word) for word in BIBLIOGRAPHY_ONLY_WORDS["zh-Hant"]]
    + [("en/", word) for word in BIBLIOGRAPHY_ONLY_WORDS["en"]],
)
def test_bibliography_text_is_not_searchable(page, corpus_url, path, word):
    results = search(page, corpus_url + path, word)
    assert results.hrefs == []


def test_results_show_title_and_highlighted_excerpt(page, corpus_url, artifacts_dir):
    search(page, corpus_url, "骨轉移 放射治療")
    page.screenshot(path=artifacts_dir / "search-results-zh-Hant.png")
    first = page.locator(RESULT_LINKS).first
    assert first.locator("h1").inner_text().strip() == "骨轉移的放射治療"
    marked = first.locator("p mark").all_inner_texts()
    assert marked
    # Pagefind marks the query's segments (「放射」「治療」…), never unrelated text.
    assert all(text in "骨轉移放射治療" for text in marked)


@pytest.mark.parametrize(
    ("path", "placeholder", "count_word"), [("", "搜尋", "個"), ("en/", "Search", "matching")]
)
def test_labels_follow_the_page_language(page, corpus_url, path, placeholder, count_word):
    results = search(page, corpus_url + path, "SBRT")
    box = page.locator("[data-pagefind-query]")
    assert box.get_attribute("placeholder") == placeholder
    assert count_word in results.status
    assert page.locator("#__search-status").get_attribute("aria-live") == "polite"


def test_keyboard_only_search(page, corpus_url):
    """`s` opens the box, arrows walk the results, Enter follows one, Esc closes the box."""
    page.goto(corpus_url + "en/")
    page.keyboard.press("s")
    box = page.locator("[data-pagefind-query]")
    assert box.evaluate("el => el === document.activeElement")
    assert page.locator("#__search").is_checked()
    page.keyboard.type("radiotherapy")
    results = read_results(page)
    assert len(results.hrefs) >= 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == results.hrefs[1]
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.getAttribute('href')") == results.hrefs[0]
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    assert not box.evaluate("el => el === document.activeElement")
    page.keyboard.press("/")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(corpus_url.rstrip("/") + results.hrefs[0])


def test_tab_reaches_the_results(page, corpus_url):
    results = search(page, corpus_url + "en/", "radiotherapy")
    # Like Material's own panel, the scrollable results area is a tab stop of its own
    # (keyboard scrolling; axe: scrollable-region-focusable); the first result comes next.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-search__scrollwrap')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == results.hrefs[0]


def test_search_makes_no_third_party_request(page, corpus_url):
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))
    search(page, corpus_url, "肝癌")
    assert hosts == {"127.0.0.1"}


@pytest.mark.parametrize(
    ("path", "other_path", "words"),
    [("", "/en/", "改在英文頁面搜尋「SBRT」"), ("en/", "/", "Search the Chinese pages for “SBRT”")],
)
def test_a_link_repeats_the_search_in_the_other_language(page, corpus_url, path, other_path, words):
    """Results stay in the reader's language; one link takes the query to the other one."""
    search(page, corpus_url + path, "SBRT")
    link = page.locator(OTHER_LANGUAGE)
    assert link.is_visible()
    assert link.inner_text() == words
    target = urlparse(link.get_attribute("href") or "")
    assert (target.path, parse_qs(target.query)) == (other_path, {"q": ["SBRT"]})

    link.click()
    page.wait_for_url(f"**{other_path}?q=SBRT")
    arrived = read_results(page)
    assert page.locator("#__search").is_checked()
    assert page.locator("[data-pagefind-query]").input_value() == "SBRT"
    assert arrived.hrefs
    assert _other_language(arrived.hrefs, "zh-Hant" if other_path == "/" else "en") == []


def test_the_other_language_link_is_hidden_without_a_query(page, corpus_url):
    search(page, corpus_url, "SBRT")
    assert page.locator(OTHER_LANGUAGE).is_visible()
    page.locator("[data-pagefind-query]").fill("")
    page.wait_for_function("() => document.querySelector('.search-other-language').hidden")
    assert not page.locator(OTHER_LANGUAGE).is_visible()
