"""Reader fixes, round 2, on the real site in Chromium: what screen readers call back-links,
citation numbers and headings (Chromium's own accessibility tree), the page outline, the
citation preview after a back-link, the H1's weight."""

from __future__ import annotations

import re
from typing import Any

import pytest
from security.csp_browser import watch

from .browser import ARTICLES, DESKTOP, VIEWPORTS, serious_axe_violations, target_sizes

pytestmark = pytest.mark.browser


WORDS = {
    "zh-Hant": {
        "back": "回到引用處",
        "back_2": "回到內文第 2 處引用",
        "reference_1": "第 1 筆參考文獻",
        "permalink": "本節的連結",
        "key_points": "重點",
        "disclaimer": "醫療免責聲明",
    },
    "en": {
        "back": "Back to citation",
        "back_2": "Back to citation 2 in the text",
        "reference_1": "Reference 1",
        "permalink": "Link to this section",
        "key_points": "Key points",
        "disclaimer": "Medical disclaimer",
    },
}


def accessibility_tree(page: Any) -> list[dict[str, Any]]:
    """Chromium's accessibility tree in reading order: role, name and (for headings) level of
    every node that is not ignored."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    by_id = {node["nodeId"]: node for node in nodes}
    tree: list[dict[str, Any]] = []
    stack = [nodes[0]["nodeId"]]
    while stack:  # depth first, children in order
        node = by_id[stack.pop()]
        stack.extend(reversed([child for child in node.get("childIds", []) if child in by_id]))
        if node.get("ignored"):
            continue
        properties = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
        tree.append(
            {
                "role": node.get("role", {}).get("value"),
                "name": node.get("name", {}).get("value", ""),
                "level": properties.get("level"),
            }
        )
    return tree


def wait_until_scrolled(page: Any) -> None:
    """Wait until the page has stopped scrolling (same position over 300 ms)."""
    last = None
    for _ in range(50):
        position = page.evaluate("window.scrollY")
        if position == last:
            return
        last = position
        page.wait_for_timeout(300)


def open_article(open_page: Any, url: str, viewport: dict[str, int]) -> tuple[Any, Any]:
    """The page (from the `open_page` fixture) and what it reports, watched from the start."""
    watched = []
    page = open_page(url, viewport, before_load=lambda page: watched.append(watch(page)))
    return page, watched[0]


@pytest.mark.parametrize("lang", ARTICLES)
@VIEWPORTS
def test_back_links_and_citation_numbers_are_named_in_the_page_language(
    open_page, served_real_site: str, lang: str, viewport: dict[str, int]
):
    words = WORDS[lang]
    page, watched = open_article(open_page, served_real_site + ARTICLES[lang], viewport)
    links = [node["name"] for node in accessibility_tree(page) if node["role"] == "link"]
    assert words["back_2"] in links and words["reference_1"] in links
    assert words["back"] in links  # an entry cited once: "↩ Back to citation", named so
    # no link is a bare letter or arrow ("↩ a b c") or a bare number ("1") any more
    assert [name for name in links if re.fullmatch(r"\s*([a-z]|\d{1,3}|↩)?\s*", name)] == []
    # what is seen: "↩ Back to citation 1 2 3" on its own line under the reference
    backlinks = ".bibliography__list > li > span:not([id])"
    several = page.locator(f"{backlinks}:has(> span)").first
    arrow = several.evaluate("el => getComputedStyle(el, '::before').content")
    assert arrow.startswith('"↩ "'), arrow  # drawn by CSS, with empty alternative text
    assert several.inner_text().replace("\n", " ").startswith(f"{words['back']} 1 2")
    text_box = several.locator("xpath=../span[@id]").bounding_box()
    assert several.bounding_box()["y"] >= text_box["y"] + text_box["height"] - 1
    # the numbers are boxed (citing spots, not reference numbers); a lone back-link is not
    borders = page.evaluate(
        """selector => [...document.querySelectorAll(selector + ' > a')].map(a =>
            [!!a.parentElement.querySelector(':scope > span'),
             getComputedStyle(a).borderTopStyle])""",
        backlinks,
    )
    assert {style for numbered, style in borders if numbered} == {"solid"}
    assert {style for numbered, style in borders if not numbered} == {"none"}
    sizes = target_sizes(page, f"{backlinks} > a")
    assert min(w for w, _ in sizes) >= 24 and min(h for _, h in sizes) >= 24, sizes
    assert serious_axe_violations(page) == []
    assert watched.collect() == [] and watched.errors == []


@pytest.mark.parametrize("lang", ARTICLES)
def test_headings_are_named_by_their_text_and_permalinks_by_the_page_language(
    open_page, served_real_site: str, lang: str
):
    words = WORDS[lang]
    page, watched = open_article(open_page, served_real_site + ARTICLES[lang], DESKTOP)
    tree = accessibility_tree(page)
    headings = [node for node in tree if node["role"] == "heading"]
    assert len(headings) > 8
    for heading in headings:
        assert "¶" not in heading["name"] and words["permalink"] not in heading["name"], heading
    h1 = page.locator("h1").inner_text().replace("¶", "").strip()
    assert headings[0] == {"role": "heading", "name": h1, "level": 1}
    # the permalinks keep their place for the keyboard, named and titled in the page language
    permalinks = page.locator(".md-content__body .headerlink")
    assert permalinks.count() == len(page.locator(".md-content__body [id] > .headerlink").all())
    assert {permalinks.nth(i).get_attribute("title") for i in range(permalinks.count())} == {
        words["permalink"]
    }
    assert sum(node["name"] == words["permalink"] for node in tree if node["role"] == "link") == (
        permalinks.count()
    )
    # Material turns titles into its own tooltip on hover: in the page's language
    page.locator(".md-content__body h2 .headerlink").first.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert tooltip.inner_text().strip() == words["permalink"]
    assert serious_axe_violations(page) == []
    assert watched.collect() == [] and watched.errors == []


@pytest.mark.parametrize("lang", ARTICLES)
def test_outline_has_the_disclaimer_and_key_points_as_headings(
    open_page, served_real_site: str, lang: str
):
    words = WORDS[lang]
    page, _ = open_article(open_page, served_real_site + ARTICLES[lang], DESKTOP)
    outline = [
        (node["level"], node["name"])
        for node in accessibility_tree(page)
        if node["role"] == "heading"
    ]
    assert outline[1:3] == [(2, words["disclaimer"]), (2, words["key_points"])]
    urgent = page.locator(".admonition.urgent > .admonition-title").inner_text().strip()
    assert (2, urgent) in outline
    # they still look like admonition titles (body size), not like the section headings
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.admonition > .admonition-title')]
            .map(t => parseFloat(getComputedStyle(t).fontSize))"""
    )
    assert set(sizes) == {16}
    # not in the table of contents (which comes from the Markdown, the same in both languages)
    toc = page.locator(".md-sidebar--secondary .md-nav__link").all_inner_texts()
    assert words["key_points"] not in [text.strip() for text in toc]


@pytest.mark.parametrize("lang", ARTICLES)
def test_h1_is_not_lighter_than_the_h2s(page, served_real_site: str, lang: str):
    page.goto(served_real_site + ARTICLES[lang], wait_until="networkidle")
    h1, h2 = page.evaluate(
        """() => ['h1', '.md-content__body > h2'].map(s => {
            const style = getComputedStyle(document.querySelector(s));
            return [parseInt(style.fontWeight), style.color]; })"""
    )
    assert h1[0] >= h2[0]
    assert h1[1] == h2[1]  # not Material's lighter grey


@pytest.mark.parametrize("lang", ARTICLES)
@VIEWPORTS
def test_preview_after_a_back_link_does_not_cover_the_header(
    open_page, served_real_site: str, lang: str, viewport: dict[str, int]
):
    page, watched = open_article(open_page, served_real_site + ARTICLES[lang], viewport)
    back = page.locator(".bibliography__list > li > span:not([id]) > a").nth(3)
    target = back.get_attribute("href")
    back.click()
    page.wait_for_function("href => location.hash === href", arg=target)
    wait_until_scrolled(page)  # Material scrolls smoothly
    citation = page.locator(f"{target}").locator("xpath=ancestor::span[@class='citation'][1]")
    page.locator(target).focus()  # keyboard focus (or hover) opens the preview
    tip = citation.locator(".citation__tooltip")
    tip.wait_for(state="visible")
    header = page.locator(".md-header").bounding_box()
    box = tip.bounding_box()
    assert box["y"] >= header["y"] + header["height"], (box, header)
    assert box["y"] + box["height"] <= viewport["height"]
    assert watched.collect() == [] and watched.errors == []


@pytest.mark.parametrize(
    ("lang", "site_name"), [("zh-Hant", "健康知識庫"), ("en", "Health Knowledge Base")]
)
def test_print_names_the_site_on_page_one_and_each_doi_once_without_bibtex(
    page, served_real_site: str, lang: str, site_name: str
):
    url = served_real_site + ARTICLES[lang]
    page.goto(url, wait_until="networkidle")
    assert not page.locator(".print-source").is_visible()  # paper only
    page.emulate_media(media="print")
    source = page.locator(".print-source")
    assert source.inner_text() == f"{site_name} · {url}"
    assert source.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
    # "doi:10.4081/…" is printed once, not followed by "(https://doi.org/10.4081/…)"
    printed = page.locator(".bibliography").inner_text()
    assert "https://doi.org/" not in printed and "doi:10." in printed
    assert not page.locator(".article-cite__format--bibtex").is_visible()
    assert page.locator(".article-cite__format:not(.article-cite__format--bibtex) pre").is_visible()
