"""Build-level search checks (no browser): what the built corpus site ships for search."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from site_testing import BuiltSite, TinySite

from healthsite.search.pagefind import index_site

from .corpus import BIBLIOGRAPHY_ONLY_WORDS, url_of, write_site
from .search_bundle import entry, fragments, search_index

#: What hooks/search_index.py leaves out of the index by default (heading permalinks, then
#: ``extra.pagefind.exclude_selectors``' default).
EXCLUDED = [
    ".headerlink",
    ".bibliography",
    ".citation-bibliography",
    "[data-bibliography]",
    ".citation__tooltip",
]


def test_one_index_per_language(corpus_site: BuiltSite):
    languages = entry(corpus_site.root)["languages"]
    assert set(languages) == {"zh-hant", "en"}
    assert all(language["page_count"] >= 100 for language in languages.values())


def test_each_index_holds_only_its_own_pages(corpus_site: BuiltSite):
    by_language: dict[str, set[bool]] = {}
    for fragment in fragments(corpus_site.root):
        by_language.setdefault(fragment.language, set()).add(fragment.url.startswith("/en/"))
    assert by_language == {"en": {True}, "zh-hant": {False}}


def test_material_search_index_is_not_built(corpus_site: BuiltSite):
    assert not (corpus_site.root / "search" / "search_index.json").exists()
    assert not (corpus_site.root / "search").exists()


def test_index_holds_page_content_not_theme_chrome(corpus_site: BuiltSite):
    pages = {fragment.url: fragment for fragment in fragments(corpus_site.root)}
    liver = pages["/" + url_of("liver-cancer-overview", "zh-Hant")]
    assert "肝癌是常見的癌症之一" in liver.content
    assert liver.title == "肝癌：診斷與治療"  # no "¶" from the heading permalink
    for fragment in pages.values():
        assert "Material for MkDocs" not in fragment.content  # footer
        assert "搜尋測試" not in fragment.content  # site name in the header
        assert "¶" not in fragment.title


@pytest.mark.parametrize("language", ["zh-Hant", "en"])
def test_bibliography_text_is_not_indexed(corpus_site: BuiltSite, language: str):
    pages = {fragment.url: fragment for fragment in fragments(corpus_site.root)}
    page = pages["/" + url_of("sleep-hygiene", language)]
    assert page.content, "the page itself is indexed"
    for word in BIBLIOGRAPHY_ONLY_WORDS[language]:
        assert all(word not in fragment.content for fragment in pages.values()), word


@pytest.mark.parametrize(
    ("url_path", "placeholder"), [("articles/bone-health/", "搜尋"), ("en/", "Search")]
)
def test_pages_carry_the_localized_search_box(corpus_site: BuiltSite, url_path, placeholder):
    soup = BeautifulSoup(
        (corpus_site.root / url_path / "index.html").read_text("utf-8"), "html.parser"
    )
    box = soup.select_one(".md-header .md-search [data-pagefind-query]")
    assert box is not None
    assert box["placeholder"] == placeholder
    assert soup.select_one("[role=status][aria-live=polite]#__search-status") is not None
    # Nothing that would start Material's own search (it would fetch search_index.json):
    assert soup.select_one("form[name=search]") is None
    assert soup.select_one('[data-md-component="search"]') is None
    assert len(soup.select("[data-pagefind-body]")) == 1


@pytest.fixture
def tiny_site(tmp_path: Path) -> TinySite:
    return write_site(tmp_path / "tiny", articles_per_language=12)


def test_material_search_plugin_is_refused(tiny_site: TinySite):
    tiny_site.configure(plugins=[*tiny_site.config["plugins"], "search"])
    result = tiny_site.build()
    assert result.returncode != 0
    assert "search' plugin from `plugins:`; search is built by Pagefind" in result.stderr


def test_failed_indexing_fails_the_build(tiny_site: TinySite):
    result = tiny_site.build(env={"PAGEFIND_BINARY_PATH": "/bin/false"})
    assert result.returncode != 0
    assert "search index: Pagefind exited with status 1" in result.stderr


@pytest.mark.parametrize(
    ("pagefind", "message"),
    [
        ({"exclude_selectors": 3}, "extra.pagefind.exclude_selectors"),
        (
            {"labels": {"en": {"other_langauge": "Elsewhere"}}},
            "extra.pagefind.labels.en: expected a mapping of other_language to text",
        ),
    ],
)
def test_bad_configuration_is_reported(tiny_site: TinySite, pagefind: dict, message: str):
    tiny_site.configure(extra={"pagefind": pagefind})
    result = tiny_site.build()
    assert result.returncode != 0
    assert message in result.stderr


def test_configured_search_label_replaces_the_default(tiny_site: TinySite):
    tiny_site.configure(
        extra={"pagefind": {"labels": {"en": {"other_language": 'Chinese "{query}"'}}}}
    )
    result = tiny_site.build()
    assert result.returncode == 0, result.stderr
    english, chinese = result.soup("en/"), result.soup("")
    assert english.select_one("[data-pagefind-other]")["data-label"] == 'Chinese "{query}"'
    default = "改在英文頁面搜尋「{query}」"
    assert chinese.select_one("[data-pagefind-other]")["data-label"] == default


def test_index_built_during_the_build_equals_pagefinds_command_line(tiny_site: TinySite):
    """The hook hands Pagefind's service each page while the build goes on; the bundle must
    let a search find what Pagefind's own command line finds for the finished site: the same
    files byte for byte, except the page numbering (build order there, directory order here),
    so the index files are compared by what they hold."""
    result = tiny_site.build()
    assert result.returncode == 0, result.stderr
    assert "after the last page was built" in result.stderr
    built = result.site.root / "pagefind"
    copy = tiny_site.root / "copy"
    shutil.copytree(result.site.root, copy, ignore=shutil.ignore_patterns("pagefind"))
    index_site(copy, exclude_selectors=EXCLUDED)
    cli = copy / "pagefind"

    def files(folder: Path) -> dict[str, bytes]:
        numbered = ("index", "pagefind-entry.json")  # named after the page numbering
        return {
            path.relative_to(folder).as_posix(): path.read_bytes()
            for path in folder.rglob("*")
            if path.is_file()
            and path.relative_to(folder).parts[0] not in numbered
            and path.suffix != ".pf_meta"
        }

    def entry_counts(folder: Path) -> dict[str, int]:
        languages = json.loads((folder / "pagefind-entry.json").read_text())["languages"]
        return {name: language["page_count"] for name, language in languages.items()}

    assert files(built) == files(cli)
    assert any(name.startswith("fragment/") for name in files(built))
    assert entry_counts(built) == entry_counts(cli) == {"zh-hant": 13, "en": 13}
    assert search_index(result.site.root) == search_index(copy)


def test_index_comparison_sees_a_changed_page(tiny_site: TinySite):
    """`search_index` (used above) tells bundles apart when one page's text differs."""
    result = tiny_site.build()
    assert result.returncode == 0, result.stderr
    copy = tiny_site.root / "copy"
    shutil.copytree(result.site.root, copy, ignore=shutil.ignore_patterns("pagefind"))
    page = next((copy / "articles").glob("*/index.html"))
    page.write_text(page.read_text("utf-8").replace("</h1>", "</h1><p>zebra</p>", 1), "utf-8")
    index_site(copy, exclude_selectors=EXCLUDED)
    built, changed = search_index(result.site.root), search_index(copy)
    assert built["en"] == changed["en"]
    assert "zebra" in changed["zh-hant"][1] and "zebra" not in built["zh-hant"][1]
