"""The article page in a real browser: privacy, accessibility, keyboard, print, screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import is_shown, record_requests, serious_axe_violations
from .helpers import ARTICLE_PATHS

pytestmark = pytest.mark.browser

# Pages axe-core must find free of serious/critical problems. The states with the search panel
# or a citation preview open are checked on the real articles (test_real_articles.py).
AXE_PAGES = [
    pytest.param("", id="home-zh-Hant"),
    pytest.param("en/", id="home-en"),
    pytest.param(ARTICLE_PATHS["zh-Hant"], id="article-zh-Hant"),
    pytest.param(ARTICLE_PATHS["en"], id="article-en"),
]
ALL_PAGES = ["", "en/", "articles/", "en/articles/", *ARTICLE_PATHS.values()]


@pytest.mark.parametrize("url_path", ALL_PAGES)
def test_only_same_origin_requests_and_no_cookies(page, sample_url: str, url_path: str):
    requests = record_requests(page)
    page.goto(sample_url + url_path, wait_until="networkidle")
    assert requests.urls, "the request log recorded nothing"
    assert requests.foreign(sample_url) == []
    assert page.context.cookies() == []


def test_request_log_catches_a_third_party_request(page, sample_url: str):
    requests = record_requests(page)
    page.route("https://third-party.example/**", lambda route: route.abort())
    page.goto(sample_url)
    page.evaluate("fetch('https://third-party.example/pixel.gif').catch(() => null)")
    page.wait_for_load_state("networkidle")
    assert requests.foreign(sample_url) == ["https://third-party.example/pixel.gif"]


@pytest.mark.parametrize("url_path", AXE_PAGES)
def test_axe_finds_no_serious_violations(page, sample_url: str, url_path: str):
    page.goto(sample_url + url_path, wait_until="networkidle")
    assert serious_axe_violations(page) == []


def test_axe_check_reports_a_planted_violation(page, sample_url: str):
    page.goto(sample_url, wait_until="networkidle")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert any(line.startswith("image-alt") for line in serious_axe_violations(page))


@pytest.mark.parametrize(("lang", "url_path"), ARTICLE_PATHS.items())
def test_screenshot_of_the_article_on_a_phone(
    browser, sample_url: str, artifacts_dir: Path, lang: str, url_path: str
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    page.goto(sample_url + url_path, wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator(".article-review").is_visible()
    target = artifacts_dir / f"article-{lang}.png"
    page.screenshot(path=str(target), full_page=True)
    context.close()
    assert target.stat().st_size > 0


@pytest.mark.parametrize(("lang", "url_path"), ARTICLE_PATHS.items())
def test_print_shows_the_article_and_bibliography_without_site_chrome(
    page, sample_url: str, lang: str, url_path: str
):
    page.goto(sample_url + url_path, wait_until="networkidle")
    assert is_shown(page, ".md-header"), "the header should show on screen"
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".article-report"):
        assert not is_shown(page, chrome), f"{chrome} is printed"
    for kept in (".article-review", ".article-disclaimer", ".bibliography", ".article-cite"):
        assert is_shown(page, kept), f"{kept} is not printed"
    # links in the text show where they lead; a reference's DOI link is not printed twice
    after = page.eval_on_selector(
        '.md-content__body p a[href^="https://pubmed"]',
        "link => getComputedStyle(link, '::after').content",
    )
    assert after == '" (https://pubmed.ncbi.nlm.nih.gov/)"'
    after = page.eval_on_selector(
        '.bibliography a[href^="https://doi.org/"]',
        "link => getComputedStyle(link, '::after').content",
    )
    assert after == "none"


@pytest.mark.parametrize(
    ("start", "language_name", "expected"),
    [("", "English", "en/"), (ARTICLE_PATHS["en"], "繁體中文", ARTICLE_PATHS["zh-Hant"])],
)
def test_language_switcher_works_from_the_keyboard(
    page, sample_url: str, start: str, language_name: str, expected: str
):
    page.goto(sample_url + start, wait_until="networkidle")
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => document.activeElement.closest('.md-select') ? "
            "document.activeElement.textContent.trim() : null"
        )
        if focused == language_name:
            break
    else:
        pytest.fail(f"Tab never reached the language link {language_name!r}")
    page.keyboard.press("Enter")
    page.wait_for_url(sample_url + expected)


@pytest.mark.parametrize(
    ("lang", "url_path", "emphasis", "min_ratio", "max_ratio"),
    [
        ("zh-Hant", ARTICLE_PATHS["zh-Hant"], "normal", 1.7, 1.9),
        ("en", ARTICLE_PATHS["en"], "italic", 1.4, 1.7),
    ],
)
def test_body_typography_per_language(
    page,
    sample_url: str,
    lang: str,
    url_path: str,
    emphasis: str,
    min_ratio: float,
    max_ratio: float,
):
    page.goto(sample_url + url_path, wait_until="networkidle")
    paragraph = "article.md-typeset .md-content__body > p:has(em)"
    ratio = page.eval_on_selector(
        paragraph,
        "p => { const s = getComputedStyle(p); return parseFloat(s.lineHeight) / "
        "parseFloat(s.fontSize); }",
    )
    assert min_ratio <= ratio <= max_ratio, ratio
    style = page.eval_on_selector(paragraph + " em", "em => getComputedStyle(em).fontStyle")
    assert style == emphasis
