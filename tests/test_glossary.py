"""Glossary tooltips: one abbreviation file per language, matched inside Chinese text."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from site_testing import BuiltSite, TinySite

from healthsite.glossary.extension import GlossaryExtension
from healthsite.glossary.files import GlossaryError, read_glossary


def render(text: str, glossary: dict[str, str] | None = None) -> str:
    extension = GlossaryExtension()
    extension.glossary = glossary or {}
    return markdown.markdown(text, extensions=["abbr", extension])


@pytest.mark.parametrize(
    ("source", "explained"),
    [
        ("接受SBRT治療", "SBRT"),  # glued to Han text on both sides
        ("Patients had SBRT.", "SBRT"),
        ("出現遠隔效應。", "遠隔效應"),  # a Chinese term inside a sentence
        ("PD-L1 表現量", "PD-L1"),
    ],
)
def test_terms_are_explained_inside_mixed_script_text(source: str, explained: str):
    html = render(f"{source}\n\n*[SBRT]: x\n*[遠隔效應]: y\n*[PD-L1]: z")
    assert f">{explained}</abbr>" in html


@pytest.mark.parametrize("source", ["XSBRT", "SBRT2", "SBRTs"])
def test_terms_glued_to_latin_letters_are_left_alone(source: str):
    assert "<abbr" not in render(f"{source}\n\n*[SBRT]: x")


def test_glossary_terms_apply_without_definitions_on_the_page():
    html = render("接受SBRT治療，再次SBRT。", {"SBRT": "立體定位放射治療"})
    assert html.count('<abbr tabindex="0" title="立體定位放射治療">SBRT</abbr>') == 1


def test_a_definition_on_the_page_wins_over_the_glossary():
    html = render("SBRT\n\n*[SBRT]: page", {"SBRT": "glossary"})
    assert '<abbr tabindex="0" title="page">SBRT</abbr>' in html


def test_terms_are_explained_in_document_order_inside_nested_markup():
    html = render("- 一 **粗 HCC** 與 AFP\n- 二 HCC 與 AFP", {"HCC": "h", "AFP": "a"})
    assert html.count("<abbr") == 2
    assert html.index('title="h"') < html.index('title="a"')
    assert html.index("<abbr") < html.index("二")


@pytest.mark.parametrize(
    "source",
    [
        "## SBRT 是什麼\n\n之後的 SBRT",
        "[SBRT 的說明](https://example.org/)，之後的 SBRT",
        "`SBRT` 之後的 SBRT",
    ],
)
def test_terms_in_headings_links_and_code_wait_for_the_next_occurrence(source: str):
    html = render(f"{source}\n\n*[SBRT]: x")
    assert html.count("<abbr") == 1
    assert html.index("<abbr") > html.index("之後的")


def test_each_term_is_explained_once_per_page():
    html = render("SBRT 一次，SBRT 兩次，*SBRT* 三次。\n\n*[SBRT]: x")
    assert html.count("<abbr") == 1
    assert html.count("SBRT") == 3, "later occurrences stay as text"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("*[SBRT]: x\nSBRT is radiotherapy\n", "g.md:2: not a glossary definition"),
        ("*[SBRT]:\n", "g.md:1: not a glossary definition"),
        ("*[A]: x\n\n*[A]: y\n", "g.md:3: 'A' is already defined on line 1"),
    ],
)
def test_malformed_glossary_names_file_and_line(tmp_path: Path, content: str, message: str):
    path = tmp_path / "g.md"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError, match=message):
        read_glossary(path, shown_as="g.md")


def test_comments_and_blank_lines_are_allowed(tmp_path: Path):
    path = tmp_path / "g.md"
    path.write_text("<!-- terms -->\n\n*[HCC]: liver cancer\n", encoding="utf-8")
    assert read_glossary(path, "g.md").definitions == {"HCC": "liver cancer"}


def glossary_site(tiny_site: TinySite, zh: str, en: str) -> TinySite:
    tiny_site.configure(
        ["glossary.py"],
        {"glossary": {"files": {"zh-Hant": "glossary/zh-Hant.md", "en": "glossary/en.md"}}},
    )
    tiny_site.write("glossary/zh-Hant.md", zh)
    tiny_site.write("glossary/en.md", en)
    tiny_site.pages(
        {
            "index.zh-Hant.md": "# 首頁\n\n接受SBRT治療後出現遠隔效應。\n",
            "index.en.md": "# Home\n\nAfter SBRT, an abscopal effect.\n",
        }
    )
    return tiny_site


def test_each_language_gets_its_own_explanations(tiny_site: TinySite):
    site = glossary_site(
        tiny_site,
        "*[SBRT]: 立體定位放射治療\n*[遠隔效應]: 未照射的腫瘤也縮小\n",
        "*[SBRT]: Stereotactic body radiotherapy\n*[abscopal effect]: untreated tumours shrink\n",
    )
    result = site.build()
    assert result.returncode == 0, result.stderr
    zh = {a.text: a["title"] for a in site.soup("").find_all("abbr")}
    en = {a.text: a["title"] for a in site.soup("en/").find_all("abbr")}
    assert zh == {"SBRT": "立體定位放射治療", "遠隔效應": "未照射的腫瘤也縮小"}
    assert en == {
        "SBRT": "Stereotactic body radiotherapy",
        "abscopal effect": "untreated tumours shrink",
    }


def test_abbreviation_missing_in_one_language_fails_the_strict_build(tiny_site: TinySite):
    site = glossary_site(tiny_site, "*[SBRT]: 立體定位放射治療\n*[HCC]: 肝細胞癌\n", "*[SBRT]: x\n")
    result = site.build()
    assert result.returncode != 0
    assert (
        "glossary/en.md: no explanation for HCC (defined in glossary/zh-Hant.md)" in result.stderr
    )
    assert result.stderr.count("no explanation for HCC") == 1, "reported once, not per language"


def test_malformed_glossary_stops_the_build_with_file_and_line(tiny_site: TinySite):
    site = glossary_site(tiny_site, "*[SBRT]: x\nSBRT\n", "*[SBRT]: x\n")
    result = site.build()
    assert result.returncode != 0
    assert "glossary/zh-Hant.md:2: not a glossary definition" in result.stderr


def test_real_articles_explain_abbreviations_in_both_languages(built_site: BuiltSite):
    for url_path, term in [
        ("articles/bone-metastases-radiotherapy-immunity/", "SBRT"),
        ("en/articles/bone-metastases-radiotherapy-immunity/", "SBRT"),
        ("articles/liver-cancer-spontaneous-regression/", "HCC"),
    ]:
        abbrs = {a.text: a["title"] for a in built_site.soup(url_path).find_all("abbr")}
        assert abbrs.get(term), f"{url_path}: {term} has no explanation"
