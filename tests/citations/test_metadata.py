"""What a page cites, as plain facts for other hooks (JSON-LD): order, decoding, identifiers."""

from __future__ import annotations

from pathlib import Path

import markdown
from citation_helpers import SAMPLE_BIB, TEMPLATE

from healthsite.citations import CitationExtension, PageContext, load_bibliography, load_labels


def cited_after_rendering(text: str, tmp_path: Path) -> list[dict[str, str]]:
    bib = tmp_path / "references.bib"
    bib.write_text(SAMPLE_BIB, encoding="utf-8")
    extension = CitationExtension(load_bibliography([bib], tmp_path), load_labels(), TEMPLATE)
    extension.begin_page(PageContext(path="docs/x.md", lang="en", source=text))
    markdown.markdown(text, extensions=[extension])
    return extension.cited_entries()


def test_cited_entries_follow_citation_order_once_each(tmp_path: Path):
    cited = cited_after_rendering("A [@who2023; @ost2018]. B [@ost2018]. C [@chen2020].", tmp_path)
    assert [entry["key"] for entry in cited] == ["who2023", "ost2018", "chen2020"]


def test_cited_entries_carry_decoded_titles_and_identifiers(tmp_path: Path):
    ost, chen, who = cited_after_rendering("[@ost2018; @chen2020; @who2023]", tmp_path)
    assert ost["doi"] == "10.1200/JCO.2017.75.4853" and ost["pmid"] == "29240541"
    assert ost["title"].endswith("Multicenter Phase II Trial")  # braces gone, case kept
    assert chen == {
        "key": "chen2020",
        "title": "Taiwan 成人高血壓盛行率調查",
        "pmcid": "PMC1234567",
    }
    assert who["url"].startswith("https://www.who.int/")


def test_a_page_without_citations_cites_nothing(tmp_path: Path):
    assert cited_after_rendering("No sources here, write to a@b.org.", tmp_path) == []
