"""Reading aids on the real articles: contents on phones, back to top, urgent-help callouts."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_testing import REPO_ROOT, BuiltSite

from .browser import BONE, DESKTOP, PHONE, VIEWPORTS
from .helpers import REAL_ARTICLES

CONTENTS_TITLE = {"zh-Hant": "本頁內容", "en": "On this page"}
LANGS = ["zh-Hant", "en"]


def article_path(slug: str, lang: str) -> str:
    return f"{'en/' if lang == 'en' else ''}articles/{slug}/"


# --- HTML ----------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", REAL_ARTICLES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_article_has_an_urgent_callout_with_both_emergency_numbers(
    built_site: BuiltSite, slug: str, lang: str
):
    soup = built_site.soup(article_path(slug, lang))
    (callout,) = soup.select(".admonition.urgent")
    text = callout.get_text(" ", strip=True)
    assert "119" in text and "999" in text, text
    title = callout.select_one(".admonition-title").get_text(strip=True)
    assert title and "Urgent" not in title  # the author's localized title, not the type name
    # Near the top: before the first section heading, right after the key points.
    assert callout.find_previous_sibling("h2") is None


@pytest.mark.parametrize("lang", LANGS)
def test_bone_article_urgent_callout_lists_cord_compression_signs_with_their_source(
    built_site: BuiltSite, lang: str
):
    soup = built_site.soup(article_path(BONE, lang))
    callout = soup.select_one(".admonition.urgent")
    assert len(callout.select("li")) == 3
    cited = [link["href"] for link in callout.select(".citation a[href^='#ref-']")]
    assert cited == ["#ref-nice2008"]  # the guideline the article already cited for these signs
    assert soup.select_one(".bibliography__list > li#ref-nice2008") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_article_template_has_an_urgent_callout(lang: str):
    text = (REPO_ROOT / "templates" / f"article.{lang}.md").read_text(encoding="utf-8")
    assert '!!! urgent "' in text
    assert "119" in text and "999" in text


@pytest.mark.parametrize("slug", REAL_ARTICLES)
@pytest.mark.parametrize("lang", LANGS)
def test_article_has_an_in_page_contents_list_of_its_sections(
    built_site: BuiltSite, slug: str, lang: str
):
    soup = built_site.soup(article_path(slug, lang))
    contents = soup.select_one("details.article-toc")
    assert contents.select_one("summary").get_text(strip=True) == CONTENTS_TITLE[lang]
    targets = [a["href"] for a in contents.select(".article-toc__list > li > a")]
    sections = ["#" + h2["id"] for h2 in soup.select("article h2[id]") if h2.find("a")]
    assert targets and targets == sections[: len(targets)]
    # Right under the review box, before the text.
    assert contents.find_previous_sibling(class_="article-review") is not None


# --- browser -------------------------------------------------------------------------------

browser_test = pytest.mark.browser


@browser_test
@pytest.mark.parametrize("lang", LANGS)
def test_phone_reader_opens_the_contents_and_jumps_to_a_section(
    open_page, served_real_site: str, lang: str
):
    page = open_page(served_real_site + article_path(BONE, lang), PHONE)
    summary = page.locator("details.article-toc > summary")
    assert summary.is_visible()
    assert summary.inner_text().strip() == CONTENTS_TITLE[lang]
    box = summary.bounding_box()
    assert box["height"] >= 44 and box["y"] < 2 * PHONE["height"]  # a real target, near the top
    summary.click()
    last = page.locator(".article-toc__list > li > a").last
    href = last.get_attribute("href")
    last.click()
    page.wait_for_function("hash => decodeURIComponent(location.hash) === hash", arg=href)
    heading_top = page.evaluate(
        "id => document.getElementById(decodeURIComponent(id)).getBoundingClientRect().top",
        href[1:],
    )
    assert 0 <= heading_top < 200


@browser_test
@pytest.mark.parametrize("lang", LANGS)
def test_desktop_reader_gets_materials_sidebar_contents_instead(
    open_page, served_real_site: str, lang: str
):
    page = open_page(served_real_site + article_path(BONE, lang), DESKTOP)
    assert not page.locator("details.article-toc").is_visible()
    sidebar = page.locator(".md-sidebar--secondary .md-nav--secondary")
    assert sidebar.is_visible()
    assert CONTENTS_TITLE[lang] in sidebar.locator("label.md-nav__title").inner_text()


@browser_test
@VIEWPORTS
def test_back_to_top_button_appears_when_scrolling_up_and_returns_to_the_top(
    open_page, served_real_site: str, viewport: dict[str, int]
):
    page = open_page(served_real_site + article_path(BONE, "zh-Hant"), viewport)
    button = page.locator(".md-top")
    assert button.get_attribute("aria-label") or button.inner_text().strip()
    page.mouse.wheel(0, 6000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -400)  # Material shows it while the reader scrolls back up
    page.wait_for_function("() => !document.querySelector('.md-top').hidden")
    assert "回到頁首" in button.inner_text()
    button.click()
    page.wait_for_function("() => window.scrollY === 0")


@browser_test
@pytest.mark.parametrize("lang", LANGS)
@VIEWPORTS
def test_urgent_callout_is_red_and_at_body_text_size(
    open_page, served_real_site: str, lang: str, viewport: dict[str, int]
):
    page = open_page(served_real_site + article_path(BONE, lang), viewport)
    style = page.eval_on_selector(
        ".admonition.urgent",
        """box => {
            const title = getComputedStyle(box.querySelector('.admonition-title'));
            const body = box.querySelector('p:not(.admonition-title)');
            const text = document.querySelector('.md-content__body > p');
            return {
                titleBackground: title.backgroundColor, titleColor: title.color,
                border: getComputedStyle(box).borderLeftColor,
                size: parseFloat(getComputedStyle(body).fontSize),
                bodySize: parseFloat(getComputedStyle(text).fontSize),
            };
        }""",
    )
    assert style["titleBackground"] == "rgb(213, 40, 27)"
    assert style["titleColor"] == "rgb(255, 255, 255)"
    assert style["border"] == "rgb(213, 40, 27)"
    assert style["size"] == style["bodySize"] == 16


@browser_test
@pytest.mark.parametrize("lang", LANGS)
def test_screenshot_of_a_real_article_on_a_phone(
    open_page, served_real_site: str, artifacts_dir: Path, lang: str
):
    page = open_page(served_real_site + article_path(BONE, lang), PHONE, device_scale_factor=2)
    page.locator("details.article-toc > summary").click()
    target = artifacts_dir / f"real-article-{lang}-phone.png"
    page.screenshot(path=str(target), full_page=False)
    urgent = artifacts_dir / f"real-article-{lang}-urgent.png"
    page.locator(".admonition.urgent").screenshot(path=str(urgent))
    assert target.stat().st_size > 0 and urgent.stat().st_size > 0
