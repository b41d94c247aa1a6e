"""Reader fixes on the real site in Chromium: no sitemap requests, copying a citation, the 404
pages, Material's zh-Hant strings, fonts and sizes."""

from __future__ import annotations

import pytest
from site_testing import BuiltSite

from .browser import (
    ARTICLES,
    PHONE,
    VIEWPORTS,
    record_requests,
    serious_axe_violations,
    target_sizes,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ARTICLES)
def test_production_build_served_elsewhere_requests_nothing_from_other_origins(
    page, site_url: str, lang: str
):
    """`site_url` serves the real site built for https://health.example.org/ from 127.0.0.1, as
    a preview or mirror would: its hreflang links point at another origin."""
    requests = record_requests(page)
    page.goto(site_url + ARTICLES[lang], wait_until="networkidle")
    assert requests.foreign(site_url) == []
    assert [url for url in requests.urls if url.endswith("sitemap.xml")] == []
    # The absolute links for search engines are still in <head> once the page has loaded.
    hrefs = page.eval_on_selector_all(
        'head link[rel="alternate"][hreflang]', "links => links.map(l => l.href)"
    )
    assert len(hrefs) == 3 and all(h.startswith("https://health.example.org/") for h in hrefs)


@pytest.mark.parametrize(("lang", "other"), [("zh-Hant", "en"), ("en", "zh-Hant")])
def test_language_switcher_still_leads_to_the_same_article(
    page, site_url: str, lang: str, other: str
):
    page.goto(site_url + ARTICLES[lang], wait_until="networkidle")
    page.locator(".md-select").first.hover()
    page.locator(f'.md-select__link[hreflang="{other}"]').click()
    page.wait_for_url(site_url + ARTICLES[other])


@pytest.mark.parametrize(("lang", "copied"), [("zh-Hant", "已複製到剪貼簿"), ("en", "Copied")])
def test_copy_button_copies_the_citation_and_says_so(
    open_page, served_real_site: str, lang: str, copied: str
):
    errors: list[str] = []

    def before_load(page) -> None:  # type: ignore[no-untyped-def]
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.on("pageerror", lambda error: errors.append(str(error)))

    page = open_page(served_real_site + ARTICLES[lang], before_load=before_load)
    for block in page.locator(".article-cite__block").all():
        status = block.locator(".article-cite__status")
        assert status.get_attribute("role") == "status"
        assert status.get_attribute("aria-live") == "polite"
        assert status.inner_text() == ""
        block.locator("button").click()
        page.wait_for_function("s => s.textContent !== ''", arg=status.element_handle())
        assert copied in status.inner_text() and status.is_visible()
        expected = block.locator("pre code").inner_text().strip()
        assert page.evaluate("navigator.clipboard.readText()") == expected
    assert errors == []


@pytest.mark.parametrize(
    ("path", "lang", "title", "home", "other"),
    [
        ("404.html", "zh-Hant", "找不到這個頁面", "/", "/en/"),
        ("en/404.html", "en", "Page not found", "/en/", "/"),
    ],
)
def test_404_page_per_language_with_search_and_a_way_home(
    page, served_real_site: str, path: str, lang: str, title: str, home: str, other: str
):
    page.goto(served_real_site + path, wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text().strip() == title
    assert page.locator(".not-found a.md-button").get_attribute("href") == home
    other_line = page.locator(".not-found__other a")
    assert other_line.get_attribute("href") == other
    switcher = page.eval_on_selector_all(
        ".md-select__link", "ls => ls.map(l => l.getAttribute('href'))"
    )
    assert sorted(switcher) == ["/", "/en/"]  # home pages, not the last article built
    assert serious_axe_violations(page) == []
    page.locator("#not-found-query").fill("SBRT")
    page.locator(".not-found__search button[type=submit]").click()
    page.wait_for_url(f"{served_real_site}{home.lstrip('/')}?q=SBRT")
    page.wait_for_function("() => document.querySelector('[data-pagefind-query]').value === 'SBRT'")


def test_zh_hant_search_strings_are_traditional_chinese(page, served_real_site: str):
    page.goto(served_real_site, wait_until="networkidle")
    skip = page.locator("a.md-skip").inner_text().strip()
    assert skip == "跳到主要內容"
    placeholder = page.locator("#__search-status").inner_text().strip()
    assert placeholder == "輸入關鍵字開始搜尋"
    translations = page.evaluate("JSON.parse(document.getElementById('__config').textContent)")
    strings = translations["translations"]
    assert strings.get("search.result.one", "找到 1 個符合的結果") == "找到 1 個符合的結果"
    assert "个" not in str(strings) and "檢索" not in str(strings) and "拷貝" not in str(strings)


def test_zh_hant_text_uses_a_traditional_chinese_font(page, served_real_site: str):
    page.goto(served_real_site + ARTICLES["zh-Hant"], wait_until="networkidle")
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": ".md-content__body > p"})[
        "nodeId"
    ]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    han = max(fonts, key=lambda font: font["glyphCount"])
    assert han["familyName"] == "Noto Sans CJK TC", fonts


@pytest.mark.parametrize("lang", ARTICLES)
@VIEWPORTS
def test_key_points_and_disclaimer_are_body_size(
    open_page, served_real_site: str, lang: str, viewport: dict[str, int]
):
    page = open_page(served_real_site + ARTICLES[lang], viewport)
    sizes = page.evaluate(
        """() => ['.admonition.abstract li', '.article-disclaimer p:not(.admonition-title)',
                  '.md-content__body > p'].map(
            s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"""
    )
    assert sizes == [16, 16, 16]


def test_built_404_pages_exist_in_both_languages(built_site: BuiltSite):
    assert built_site.soup("404.html").html["lang"] == "zh-Hant"
    assert built_site.soup("en/404.html").html["lang"] == "en"


@pytest.mark.parametrize("lang", ARTICLES)
def test_glossary_terms_take_keyboard_focus_and_show_a_readable_tooltip(
    open_page, served_real_site: str, lang: str
):
    page = open_page(served_real_site + ARTICLES[lang], PHONE)
    assert page.locator(":is(h1, h2, h3, a) abbr").count() == 0  # no underline in headings
    terms = page.locator(".md-content__body abbr[title]")
    assert terms.count() > 5
    assert terms.count() == page.locator('.md-content__body abbr[tabindex="0"]').count()
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    else:
        pytest.fail("Tab never reached a glossary term")
    # Material moves the title into a tooltip that describes the focused term, shown on focus.
    page.wait_for_function(
        """() => {
            const id = document.activeElement.getAttribute('aria-describedby');
            const tip = id && document.getElementById(id);
            return tip && tip.getAttribute('role') === 'tooltip'
                && tip.classList.contains('md-tooltip2--active') && tip.textContent.trim();
        }"""
    )
    size = page.evaluate(
        """() => parseFloat(getComputedStyle(document.getElementById(
            document.activeElement.getAttribute('aria-describedby')).firstElementChild).fontSize)"""
    )
    assert size >= 14


@pytest.mark.parametrize("lang", ARTICLES)
@VIEWPORTS
def test_citation_numbers_and_back_links_are_at_least_24_px_targets(
    open_page, served_real_site: str, lang: str, viewport: dict[str, int]
):
    page = open_page(served_real_site + ARTICLES[lang], viewport)
    sizes = target_sizes(
        page, ".citation a[href^='#ref-'], .bibliography__list > li > span:not([id]) > a"
    )
    assert len(sizes) > 20
    assert min(w for w, _ in sizes) >= 24 and min(h for _, h in sizes) >= 24, sizes
    assert serious_axe_violations(page) == []
