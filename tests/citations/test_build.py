"""Real ``mkdocs build --strict`` runs of tiny zh-Hant/en sites using the hook."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from citation_helpers import CITATIONS, SAMPLE_BIB, make_site

ZH_PAGE = """\
---
title: 高血壓
---

# 高血壓

研究顯示 [@chen2020; @ost2018] 與世界衛生組織 [@who2023]。

!!! note "提醒"
    見 [@ost2018, p. 5]。

```text
[@not-a-citation] in code stays as written
```

<div markdown>
Inside md_in_html `[@also-not]` *and* a real one [@who2023].
</div>

<!-- bibliography -->

## 其他

結尾。
"""

EN_PAGE = """\
# Hypertension

The WHO [@who2023] and a trial [@ost2018; @chen2020; @who2023].
"""

#: The bracketed numbers of each citation (an author-in-text one keeps them apart from the name).
GROUPS = ".citation:not(.citation--in-text), .citation__group"


def language_of(tag) -> str:
    """The language a tag is in: its own ``lang``, else its nearest ancestor's (entries in
    the page's language do not repeat it)."""
    return tag.get("lang") or tag.find_parent(lang=True)["lang"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    built = make_site(
        tmp_path_factory.mktemp("ok") / "src",
        {"articles/bp.zh-Hant.md": ZH_PAGE, "articles/bp.en.md": EN_PAGE},
    )
    assert built.returncode == 0, built.log
    return built


def test_strict_build_passes_without_warnings(site) -> None:
    assert "WARNING" not in site.log


def test_zh_page(site) -> None:
    soup = site.soup("articles/bp/index.html")
    assert soup.html["lang"] == "zh-Hant"
    groups = [g.get_text() for g in soup.select(GROUPS)]
    assert groups == ["[1, 2]", "[3]", "[2, p. 5]", "[3]"]
    assert "[@not-a-citation]" in soup.select_one("pre").get_text()
    bib = soup.select_one("section.bibliography")
    assert bib.select_one("h2").get_text() == "參考文獻"
    entries = bib.select(".bibliography__list > li")
    assert [li["id"] for li in entries] == ["ref-chen2020", "ref-ost2018", "ref-who2023"]
    assert [language_of(li) for li in entries] == ["zh-Hant", "en", "en"]
    # placed at the marker, before the next heading
    html = str(soup.select_one("article"))
    assert html.index("bibliography__list") < html.index("其他")
    # links both ways
    for link in soup.select(".citation a[href^='#ref-']"):
        assert soup.find(id=link["href"][1:]) is not None
    for back in bib.select(".bibliography__list > li > span:not([id]) > a"):
        assert soup.find(id=back["href"][1:]).name == "a"
    ost = soup.find(id="ref-ost2018")
    assert [a["href"] for a in ost.select(".bibliography__list > li > span:not([id]) > a")] == [
        "#cite-ost2018-1",
        "#cite-ost2018-2",
    ]
    assert ost.select_one('a[href="https://doi.org/10.1200/JCO.2017.75.4853"]')
    assert ost.select_one('a[href="https://pubmed.ncbi.nlm.nih.gov/29240541/"]')
    chen = soup.find(id="ref-chen2020")
    assert chen.select_one('a[href="https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/"]')
    assert chen.get_text().strip().startswith("陳大文, 王小明, 林美玲, 李四, 張三, 黃五, 等.")
    assert "Ost P, Reynders D, Decaestecker K, Fonteyne V, Lumen N, De Bruycker A, et al." in (
        ost.get_text()
    )
    assert "[引用於 2024-01-05]" in soup.find(id="ref-who2023").get_text()


def test_en_page_has_its_own_order(site) -> None:
    soup = site.soup("en/articles/bp/index.html")
    assert soup.html["lang"] == "en"
    groups = [g.get_text() for g in soup.select(GROUPS)]
    assert groups == ["[1]", "[1–3]"]
    bib = soup.select_one("section.bibliography")
    assert bib.select_one("h2").get_text() == "References"
    entries = bib.select(".bibliography__list > li")
    assert [li["id"] for li in entries] == ["ref-who2023", "ref-ost2018", "ref-chen2020"]
    assert soup.find(id="ref-chen2020")["lang"] == "zh-Hant"
    assert "[cited 2024-01-05]" in soup.find(id="ref-who2023").get_text()
    # the bibliography is appended at the end when there is no marker
    assert str(soup.select_one("article")).rstrip().endswith("</section>\n</article>") or (
        soup.select("article .bibliography")
    )


def test_page_without_citations_has_no_bibliography(site) -> None:
    assert site.soup("index.html").select(".bibliography") == []
    assert site.soup("en/index.html").select(".bibliography") == []


def test_assets_are_copied(site) -> None:
    assert (site.site.root / "assets" / "stylesheets" / "citations.css").is_file()
    assert (site.site.root / "assets" / "javascripts" / "citations.js").is_file()


def test_unknown_key_fails_strict_build_with_location(build_site) -> None:
    page = "---\ntitle: x\n---\n\n# X\n\nA [@ost2018] and [@ost2019] here.\n"
    built = build_site({"articles/x.zh-Hant.md": page, "articles/x.en.md": "# X\n\n[@ost2018]\n"})
    assert built.returncode != 0
    message = (
        "docs/articles/x.zh-Hant.md:7:19: unknown citation key 'ost2019' (did you mean 'ost2018'?)"
    )
    assert message in built.log
    assert built.log.count(message) == 1  # once per build, not once per language


def test_unknown_key_renders_visibly_without_strict(build_site) -> None:
    bib = SAMPLE_BIB + "\n@article{thin,\n  title = {Thin entry},\n  year = {2001},\n}\n"
    pages = {"x.zh-Hant.md": "# X\n\n[@nope] [@thin]\n", "x.en.md": "# X\n\n[@thin]\n"}
    built = build_site(pages, strict=False, bib=bib)
    assert built.returncode == 0, built.log
    assert "docs/x.zh-Hant.md:3:2: unknown citation key 'nope'" in built.log
    span = built.soup("x/index.html").select_one(".citation--unresolved")
    assert span.get_text() == "[?nope]"
    # cited from both language builds, reported once
    warning = "@article{thin} is missing the required field journal"
    assert built.log.count(warning) == 1
    assert "Thin entry." in built.soup("en/x/index.html").select_one("#ref-thin").get_text()


def test_malformed_bib_is_a_located_error(build_site) -> None:
    built = build_site(
        {"x.zh-Hant.md": "# X\n"}, bib="@article{a,\n  title = {A}\n  year = {2000}\n}\n"
    )
    assert built.returncode != 0
    assert (
        "bibliography/references.bib:3: BibTeX syntax error: '}' expected (in entry 'a'); "
        "check braces, commas and quotes in this entry and the one before it" in built.log
    )


def test_unknown_directive_fails(build_site) -> None:
    built = build_site({"x.zh-Hant.md": "# X\n\n[@ost2018]\n\n<!-- bibliography:xyz -->\n"})
    assert built.returncode != 0
    assert "docs/x.zh-Hant.md:5:1: unknown bibliography directive" in built.log


def test_bad_config_is_reported(build_site, tmp_path: Path) -> None:
    built = build_site({"x.zh-Hant.md": "# X\n"}, citations={**CITATIONS, "bibliography": 5})
    assert built.returncode != 0
    assert "extra.citations.bibliography" in built.log


def test_every_serve_rebuild_reports_problems_again(tmp_path: Path) -> None:
    """`mkdocs serve` loads the config and builds again in the same process on each save."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = tmp_path / "site"
    pages = {"p.en.md": "# P\n\nText [@a; @b].\n", "p.zh-Hant.md": "# P\n\n文字[@a; @b]。\n"}
    bib = "@article{a,\n  title = {Alpha},\n  journal = {J},\n  year = {2020},\n}\n"
    assert make_site(root, pages, bib=bib, strict=False).returncode == 0
    messages = _Messages()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(messages)
    try:
        for _save in range(3):
            messages.lines.clear()
            build(load_config(str(root / "mkdocs.yml")))
            assert sorted(messages.lines) == [
                "citations: bibliography/references.bib:1: @article{a} is missing the required "
                "field author; add author from the publisher's record, or list it in "
                "`x-unconfirmed = {...}` if it cannot be confirmed",
                "citations: docs/p.en.md:3:11: unknown citation key 'b'",
                "citations: docs/p.zh-Hant.md:3:8: unknown citation key 'b'",
            ]
    finally:
        logger.removeHandler(messages)


class _Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())
