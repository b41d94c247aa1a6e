"""The built site: languages, switcher, translated navigation, required pages, no third parties."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from site_testing import BuiltSite

HAN = re.compile(r"[\u3400-\u9fff]")

REQUIRED_PAGES = [
    "",
    "articles/",
    "about/editorial-policy/",
    "about/disclaimer/",
    "about/privacy/",
    "about/feedback/",
]


def language_of(url_path: str) -> str:
    return "en" if url_path.startswith("en/") else "zh-Hant"


def page_paths(site: BuiltSite) -> list[str]:
    """Site-relative URL paths of every content page (404 excluded)."""
    paths = []
    for file in site.html_files():
        relative = file.relative_to(site.root).as_posix()
        if relative.endswith("index.html"):
            paths.append(relative.removesuffix("index.html"))
    return paths


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("page", REQUIRED_PAGES)
def test_required_page_exists_in_both_languages(built_site: BuiltSite, prefix: str, page: str):
    soup = built_site.soup(prefix + page)
    assert soup.find("h1") is not None


def test_html_lang_matches_page_language(built_site: BuiltSite):
    for url_path in page_paths(built_site):
        assert built_site.soup(url_path).html["lang"] == language_of(url_path), url_path


def test_language_switcher_leads_to_the_same_page_in_the_other_language(built_site: BuiltSite):
    checked = 0
    for url_path in page_paths(built_site):
        soup = built_site.soup(url_path)
        links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
        assert set(links) == {"zh-Hant", "en"}, url_path
        for language, href in links.items():
            target = urlparse(urljoin("http://site/" + url_path, href)).path.lstrip("/")
            assert built_site.path(target).exists(), f"{url_path}: switcher link {href} is broken"
            assert language_of(target) == language
            counterpart = url_path.removeprefix("en/")
            assert target.removeprefix("en/") == counterpart, f"{url_path} -> {target}"
            checked += 1
    assert checked >= 2 * len(REQUIRED_PAGES) * 2


def test_english_navigation_has_no_chinese_labels(built_site: BuiltSite):
    for url_path in page_paths(built_site):
        if language_of(url_path) != "en":
            continue
        soup = built_site.soup(url_path)
        for nav in soup.select("nav.md-nav--primary"):
            labels = [label for label in nav.stripped_strings if HAN.search(label)]
            # The language switcher's own name for Chinese is the only Han text allowed.
            assert labels == [], f"{url_path}: untranslated navigation labels {labels}"


@pytest.mark.parametrize(
    ("url_path", "labels"),
    [
        ("", ["首頁", "文章", "關於本站"]),
        ("about/privacy/", ["編輯政策", "醫療免責聲明", "隱私權", "意見回饋與勘誤"]),
        ("en/about/privacy/", ["Editorial policy", "Medical disclaimer", "Privacy"]),
    ],
)
def test_navigation_labels_are_in_the_page_language(
    built_site: BuiltSite, url_path: str, labels: list[str]
):
    nav_text = " ".join(
        built_site.soup(url_path).select_one("nav.md-nav--primary").stripped_strings
    )
    for label in labels:
        assert label in nav_text


def test_chinese_headings_get_readable_ids(built_site: BuiltSite):
    soup = built_site.soup("about/editorial-policy/")
    ids = [heading.get("id", "") for heading in soup.select("h2")]
    assert "取材" in ids, ids


# --- nothing from third-party hosts -------------------------------------------------------------

RESOURCE_ATTRIBUTES = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "iframe": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "track": ["src"],
}
# <link rel=...> values that make the browser fetch something.
FETCHING_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "preconnect",
    "dns-prefetch",
    "apple-touch-icon",
}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])(?P<url>[^'")\s]+)""")


def is_third_party(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


def third_party_resources_in_html(text: str) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    found = []
    for tag_name, attributes in RESOURCE_ATTRIBUTES.items():
        for tag in soup.find_all(tag_name):
            for attribute in attributes:
                value = tag.get(attribute) or ""
                found += [part for part in value.split() if is_third_party(part)]
    for link in soup.find_all("link"):
        if FETCHING_LINK_RELS & set(link.get("rel") or []) and is_third_party(link.get("href", "")):
            found.append(link["href"])
    for style in soup.find_all(style=True):
        found += [m["url"] for m in CSS_URL.finditer(style["style"]) if is_third_party(m["url"])]
    for style in soup.find_all("style"):
        found += [m["url"] for m in CSS_URL.finditer(style.text) if is_third_party(m["url"])]
    return found


def test_the_third_party_detector_catches_planted_resources():
    planted = (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="//cdn.example.com/x.js"></script><img src="https://t.example/p.gif">'
        '<a href="https://doi.org/10.1/x">a link is fine</a>'
    )
    assert len(third_party_resources_in_html(planted)) == 3


def test_no_page_loads_anything_from_another_host(built_site: BuiltSite):
    offenders = {}
    for file in built_site.html_files():
        found = third_party_resources_in_html(file.read_text(encoding="utf-8"))
        if found:
            offenders[str(file.relative_to(built_site.root))] = found
    assert offenders == {}


def test_no_stylesheet_imports_from_another_host(built_site: BuiltSite):
    offenders = []
    for css in built_site.root.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        offenders += [
            f"{css.name}: {m['url']}"
            for m in CSS_URL.finditer(text)
            if is_third_party(m["url"]) and not m["url"].startswith("http://www.w3.org")
        ]
    assert offenders == []


def test_theme_uses_no_web_fonts(built_site: BuiltSite):
    assert not list(Path(built_site.root).rglob("*.woff*"))
    assert "fonts.googleapis.com" not in built_site.path("").read_text(encoding="utf-8")
