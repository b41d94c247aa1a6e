"""English words inside Chinese text carry lang="en"; nothing else changes."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from site_testing import BuiltSite, TinySite

from healthsite.embedded_latin import EmbeddedLatinExtension


def marked(text: str, enabled: bool = True) -> list[str]:
    extension = EmbeddedLatinExtension()
    extension.enabled = enabled
    html = markdown.markdown(text, extensions=["abbr", "toc", extension])
    return [span.text for span in BeautifulSoup(html, "html.parser").select('span[lang="en"]')]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("自發性消退（spontaneous regression）很少見。", ["spontaneous regression"]),
        ("稱為「skeletal-related events」", ["skeletal-related events"]),
        ("所謂 abscopal effect，也就是", ["abscopal effect"]),
        ("接受 SBRT 或 HCC 的治療", []),  # abbreviations read the same in either language
        ("Cole 與 Everson 的定義", []),  # names alone are left as they are
        ("`inline code` 不動", []),
        ("```\nfenced code block\n```", []),
        ("[連結](https://example.org/some-path) 的網址不動", []),
        ("AT&amp;T and more 與 &para; 符號", ["and more"]),
        ("**粗體的 bold words** 也可以", ["bold words"]),
    ],
)
def test_english_runs_in_chinese_text(text: str, expected: list[str]):
    assert marked(text) == expected


def test_switched_off_nothing_is_marked():
    assert marked("自發性消退（spontaneous regression）", enabled=False) == []


def test_text_is_unchanged_apart_from_the_spans():
    source = "一、*重點*：自發性消退（spontaneous regression），見 [說明](#x)。"
    plain = markdown.markdown(source)
    extension = EmbeddedLatinExtension()
    extension.enabled = True
    with_spans = markdown.markdown(source, extensions=[extension])
    assert BeautifulSoup(with_spans, "html.parser").get_text() == (
        BeautifulSoup(plain, "html.parser").get_text()
    )


def test_only_chinese_pages_are_marked(tiny_site: TinySite):
    tiny_site.configure(["embedded_english.py"])
    tiny_site.pages(
        {
            "index.zh-Hant.md": "# 首頁\n\n遠隔效應（abscopal effect）。\n",
            "index.en.md": "# Home\n\nThe abscopal effect.\n",
        }
    )
    result = tiny_site.build()
    assert result.returncode == 0, result.stderr
    zh = [s.text for s in tiny_site.soup("").select("article span[lang='en']")]
    en = tiny_site.soup("en/").select("article span[lang]")
    assert zh == ["abscopal effect"]
    assert en == []


def test_real_chinese_article_marks_its_english_terms(built_site: BuiltSite):
    soup = built_site.soup("articles/liver-cancer-spontaneous-regression/")
    terms = [span.text for span in soup.select("article span[lang='en']")]
    assert "spontaneous regression" in terms
    assert "hepatocellular carcinoma" in terms
