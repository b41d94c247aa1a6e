"""In Chromium, on the real site: the policy blocks nothing the site needs, and blocks an
inline script planted after the build (as an escaping bug would leave one)."""

from __future__ import annotations

import pytest
from search.search_browser import read_results

from .csp_browser import watch

pytestmark = pytest.mark.browser

ARTICLE = "articles/liver-cancer-spontaneous-regression/"
PREFIX = {"zh-Hant": "", "en": "en/"}
OTHER = {"zh-Hant": ("en", "English"), "en": ("zh-Hant", "繁體中文")}
QUERY = {"zh-Hant": "肝癌", "en": "liver"}


def _require_article(served_real_build) -> None:
    if not served_real_build.site.path(ARTICLE).exists():
        pytest.skip(f"{ARTICLE} is not in this branch")


def _material_ran(page) -> bool:
    """Material's inline head script (allowed by its hash) defined __md_scope."""
    return page.evaluate("typeof __md_scope !== 'undefined' && typeof __md_get === 'function'")


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_every_interactive_part_works_without_a_violation(page, served_real_build, lang):
    _require_article(served_real_build)
    base = served_real_build.url + PREFIX[lang]
    watched = watch(page)

    # Home page: open search, run a query, read the results.
    page.goto(base, wait_until="networkidle")
    assert _material_ran(page)
    page.keyboard.press("/")
    page.keyboard.insert_text(QUERY[lang])
    page.keyboard.press("End")
    results = read_results(page)
    assert "/" + PREFIX[lang] + ARTICLE in results.hrefs, results
    watched.collect()

    # The article list.
    page.goto(base + "articles/", wait_until="networkidle")
    assert _material_ran(page)
    assert page.locator(f'.md-content a[href$="{ARTICLE.split("/")[1]}/"]').count() >= 1
    watched.collect()

    # An article: a citation preview, print, the language switch.
    page.goto(base + ARTICLE, wait_until="networkidle")
    assert _material_ran(page)
    page.locator(".citation a[href^='#ref-']").first.focus()
    page.locator(".citation:focus-within .citation__tooltip").wait_for(state="visible")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden(), "print.css applies"
    page.emulate_media(media="screen")
    watched.collect()
    other, name = OTHER[lang]
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name=name).click()
    page.wait_for_url(served_real_build.url + PREFIX[other] + ARTICLE)
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == other
    watched.collect()

    assert watched.violations == []
    assert watched.errors == [], "\n".join(watched.errors)


def test_404_page_runs_without_a_violation(page, served_real_build):
    watched = watch(page)
    page.goto(served_real_build.url + "404.html", wait_until="networkidle")
    assert _material_ran(page)
    watched.collect()
    assert watched.violations == []
    assert watched.errors == [], "\n".join(watched.errors)


def test_a_planted_inline_script_does_not_run_and_is_reported(page, served_real_build):
    _require_article(served_real_build)
    site = served_real_build.site
    original = site.path(ARTICLE).read_text(encoding="utf-8")
    marker = '<div class="md-content__body"'
    assert marker in original
    planted = original.replace(
        marker, "<script>document.documentElement.dataset.planted = 'ran'</script>" + marker, 1
    )
    target = site.path("articles/csp-planted-script/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(planted, encoding="utf-8")
    watched = watch(page)

    page.goto(served_real_build.url + "articles/csp-planted-script/", wait_until="networkidle")

    assert page.evaluate("document.documentElement.dataset.planted") is None
    assert _material_ran(page), "the page's own inline scripts still run"
    found = watched.collect()
    assert len(found) == 1, found
    assert found[0].startswith("script-src-elem blocked inline"), found
    assert any("Content Security Policy" in error for error in watched.errors), watched.errors


def test_search_works_when_pagefind_runs_without_its_worker(page, served_real_build):
    """Without Web Workers Pagefind compiles its WebAssembly in the page: 'wasm-unsafe-eval'
    is what allows that (in its worker the page's policy does not apply)."""
    page.add_init_script("window.Worker = undefined")
    watched = watch(page)
    page.goto(served_real_build.url + "en/", wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.insert_text("liver")
    page.keyboard.press("End")
    results = read_results(page)
    assert results.hrefs, results
    watched.collect()
    assert watched.violations == []
    assert watched.errors == [], "\n".join(watched.errors)
