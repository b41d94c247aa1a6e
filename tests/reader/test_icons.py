"""The header, search, back-to-top and footer icons: empty <svg>s drawn by icons.css.

Material writes each icon's paths into every page; the site's `theme.icon` set (`healthsite/`)
writes `<svg class="icon-NAME"></svg>` instead and assets/stylesheets/icons.css draws Material's
own drawing as a mask over the text colour.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from site_testing import REPO_ROOT, BuiltSite, project_config

from .browser import ARTICLES, VIEWPORTS, serious_axe_violations

MATERIAL_ICONS = Path(material.__file__).parent / "templates" / ".icons"
SITE_ICONS = REPO_ROOT / "overrides" / ".icons"
ICONS_CSS = REPO_ROOT / "overrides" / "assets" / "stylesheets" / "icons.css"
#: `.icon-NAME { --site-icon: url("data:image/svg+xml;charset=utf-8,<svg …>"); }`
ICON_RULE = re.compile(
    r"\.icon-([a-z-]+) \{\s*--site-icon: "
    r'url\("data:image/svg\+xml;charset=utf-8,(<svg .*?</svg>)"\);'
)


def _theme_icons() -> dict[str, str]:
    """mkdocs.yml `theme.icon`: Material's icon role -> `healthsite/NAME`."""
    return project_config()["theme"]["icon"]


def test_every_site_icon_is_an_empty_svg_drawn_with_materials_paths():
    drawings = dict(ICON_RULE.findall(ICONS_CSS.read_text(encoding="utf-8")))
    icons = _theme_icons()
    assert icons and all(value.startswith("healthsite/") for value in icons.values()), icons
    for value in icons.values():
        name = value.removeprefix("healthsite/")
        markup = (SITE_ICONS / f"{value}.svg").read_text(encoding="utf-8").strip()
        assert markup == f'<svg class="icon-{name}"></svg>'
        material_svg = (MATERIAL_ICONS / "material" / f"{name}.svg").read_text(encoding="utf-8")
        assert drawings[name] == material_svg.strip().replace('"', "'"), name


@pytest.mark.parametrize("lang", ARTICLES)
def test_pages_carry_no_icon_paths(built_site: BuiltSite, lang: str):
    soup = built_site.soup(ARTICLES[lang])
    svgs = soup.select("svg")
    assert {svg.get("class", [""])[0] for svg in svgs} >= {
        "icon-library",
        "icon-menu",
        "icon-magnify",
        "icon-arrow-left",
        "icon-close",
        "icon-translate",
        "icon-arrow-up",
    }
    assert all(not svg.contents for svg in svgs), [str(svg)[:80] for svg in svgs if svg.contents]


def _drawn(icon) -> bool:
    """Whether `icon` (an element handle) paints anything: its button looks different with the
    icon hidden."""
    button = icon.evaluate_handle("(svg) => svg.parentElement")
    shown = button.screenshot()
    icon.evaluate("(svg) => { svg.style.visibility = 'hidden'; }")
    hidden = button.screenshot()
    icon.evaluate("(svg) => { svg.style.visibility = ''; }")
    return shown != hidden


@pytest.mark.browser
@pytest.mark.parametrize("lang", ARTICLES)
@pytest.mark.parametrize("forced_colors", ["none", "active"])
@VIEWPORTS
def test_header_icons_are_drawn_at_materials_size(
    open_page, served_real_site: str, lang: str, forced_colors: str, viewport: dict[str, int]
):
    page = open_page(served_real_site + ARTICLES[lang], viewport)
    page.emulate_media(forced_colors=forced_colors)
    icons = page.locator(".md-header__inner > :not(.md-search) svg:visible").element_handles()
    assert len(icons) >= 2  # phone: menu, language, search; desktop: logo, language
    for index, icon in enumerate(icons):
        box = icon.bounding_box()
        assert box and box["width"] == box["height"] == 24, (index, box)
        assert _drawn(icon), (index, forced_colors)
    if forced_colors == "active":  # without forced colours, tests/reader runs axe on articles
        assert serious_axe_violations(page) == []


@pytest.mark.browser
@VIEWPORTS
def test_search_box_icons_are_drawn(open_page, served_real_site: str, viewport: dict[str, int]):
    page = open_page(served_real_site + ARTICLES["en"], viewport)
    page.evaluate("document.getElementById('__search').checked = true")  # open, at any width
    page.locator("[data-pagefind-query]").fill("cancer")
    icons = page.locator(".md-search__form svg:visible").element_handles()
    assert icons
    for icon in icons:
        mask = icon.evaluate("(svg) => getComputedStyle(svg).maskImage")
        assert mask.startswith('url("data:image/svg+xml'), mask
        box = icon.bounding_box()
        assert box and box["width"] > 0 and abs(box["width"] - box["height"]) < 0.5, box
