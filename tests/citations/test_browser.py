"""In Chromium: hovering or keyboard-focusing a citation shows the full reference."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from citation_helpers import make_site
from site_testing import serve

# The session's shared Chromium (tests/conftest.py `browser`): Debian's, or CHROMIUM_PATH.
pytestmark = pytest.mark.browser

PAGE = """\
# 高血壓

第一段有引用 [@ost2018; @chen2020]，第二個引用 [@who2023]。

Filler paragraph so that the tooltip has room above it.
"""


@pytest.fixture(scope="module")
def citation_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build a tiny site and serve it on 127.0.0.1 with a random port."""
    src = tmp_path_factory.mktemp("browser") / "src"
    built = make_site(src, {"x.zh-Hant.md": "\n\n\n" + PAGE, "x.en.md": "# X\n\n[@ost2018]\n"})
    assert built.returncode == 0, built.log
    url, stop = serve(src / "site")
    try:
        yield url
    finally:
        stop()


@pytest.fixture
def citation_page(browser, citation_site_url: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(citation_site_url + "x/")
    yield page
    context.close()


def preview_of(page, link_id: str):
    """The preview shown for the citation group holding the link `link_id`."""
    return page.locator(f".citation:has(#{link_id}) .citation__tooltip")


def test_hover_shows_reference(citation_page) -> None:
    tooltip = preview_of(citation_page, "cite-ost2018-1")
    assert tooltip.count() == 0, "built by citations.js on first use"
    citation_page.locator("#cite-ost2018-1").hover()
    tooltip.wait_for(state="visible", timeout=3000)
    text = tooltip.inner_text()
    assert "Ost P, Reynders D" in text
    assert "陳大文" in text
    citation_page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden", timeout=3000)


def test_keyboard_focus_shows_reference_and_escape_hides(citation_page) -> None:
    tooltip = preview_of(citation_page, "cite-who2023-1")
    link = citation_page.locator("#cite-who2023-1")
    described = link.get_attribute("aria-describedby").split()
    # described by the text of its own entry in the bibliography
    text_id = citation_page.locator("#ref-who2023 > span[id]").get_attribute("id")
    assert text_id in described
    # What a screen reader announces with the link: the full reference, from the bibliography.
    description = citation_page.evaluate(
        "ids => ids.map(id => document.getElementById(id).textContent).join(' ')", described
    )
    assert "World Health Organization" in description
    link.focus()
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.get_attribute("role") == "tooltip"
    assert tooltip.locator("a").count() == 0, "no focusable copies inside the preview"
    assert "World Health Organization" in tooltip.inner_text()
    # the preview numbers the source as the list does (its place in the list, no `value`)
    position = citation_page.locator(".bibliography__list > li").evaluate_all(
        "items => items.findIndex(li => li.id === 'ref-who2023') + 1"
    )
    assert tooltip.inner_text().startswith(f"{position}. ")
    citation_page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=3000)


def test_number_links_to_entry_and_back(citation_page, citation_site_url: str) -> None:
    citation_page.locator("#cite-ost2018-1").click()
    citation_page.wait_for_url("**#ref-ost2018")
    entry = citation_page.locator("#ref-ost2018")
    assert entry.get_attribute("lang") == "en"
    entry.locator("span:not([id]) > a").click()
    citation_page.wait_for_url("**#cite-ost2018-1")
