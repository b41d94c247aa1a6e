"""`python -m checks add-reference DOI-or-PMID` against a stand-in Crossref and PubMed: the entry
it appends passes the bibliography lint and a strict build that cites it; duplicates are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from registry_stub import Registry, registry_fixture  # noqa: F401
from tiny_repo import REPO_ROOT, Repo, repo_fixture, translation_text  # noqa: F401

BIB = "bibliography/references.bib"
ZH = "docs/articles/sample.zh-Hant.md"
EN = "docs/articles/sample.en.md"
PALMA_DOI = "10.1016/S0140-6736(18)32487-5"
PALMA = f"""\
% VERIFIED: authors, title, journal, year, volume, number, pages, doi, pmid, langid (Crossref \
record for DOI {PALMA_DOI} and PubMed record 30982687, fetched 2026-03-01 by make add-reference)
@article{{palma2019,
  author  = {{Palma, David A and Olson, Robert and Harrow, Stephen}},
  title   = {{Stereotactic ablative radiotherapy versus standard of care palliative treatment in \
patients with oligometastatic cancers (SABR-COMET): a randomised, phase 2, open-label trial}},
  journal = {{The Lancet}},
  year    = {{2019}},
  volume  = {{393}},
  number  = {{10185}},
  pages   = {{2051--2058}},
  doi     = {{{PALMA_DOI}}},
  pmid    = {{30982687}},
  langid  = {{english}}
}}
"""


def add(repo: Repo, identifier: str):
    return repo.check("--today", "2026-03-01", "add-reference", identifier)


def test_a_doi_adds_an_entry_with_its_pmid(repo: Repo, registry: Registry):
    before = repo.read(BIB)
    result = add(repo, PALMA_DOI)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"{BIB}:18: added @palma2019 (Crossref record for DOI {PALMA_DOI} and PubMed record "
        f"30982687)\n{PALMA}"
    )
    assert repo.read(BIB) == before + "\n" + PALMA
    assert repo.read(BIB).splitlines()[17] == "@article{palma2019,"
    assert registry.count("/entrez/eutils/esearch.fcgi?") == 1


def test_the_added_entry_passes_the_lint_and_a_strict_build(
    repo: Repo, registry: Registry, tmp_path: Path
):
    assert add(repo, "https://doi.org/" + PALMA_DOI).returncode == 0
    lint = repo.check("--only", "content")
    assert lint.stdout.splitlines() == [
        f"{BIB}:18:10: notice: @palma2019 is not cited by any page; cite it or delete it"
    ]
    assert lint.returncode == 0
    # Cite it in both languages and build with the citation hook, strictly.
    repo.add_hook("citations.py", {"citations": {"bibliography": ["bibliography/*.bib"]}})
    repo.edit(
        ZH, "內容 [@ost2018; @lee2020, p. 5]。", "內容 [@ost2018; @lee2020, p. 5; @palma2019]。"
    )
    repo.write(
        EN,
        translation_text(repo.read(ZH)).replace(
            "Text [@ost2018; @lee2020, p. 5].", "Text [@ost2018; @lee2020, p. 5; @palma2019]."
        ),
    )
    assert repo.check("--only", "content").stdout == ""
    build = repo.build(tmp_path / "site")
    assert build.returncode == 0, build.stderr
    page = (tmp_path / "site" / "en" / "articles" / "sample" / "index.html").read_text("utf-8")
    assert "SABR-COMET" in page and "https://doi.org/10.1016/S0140-6736(18)32487-5" in page


def test_a_pmid_adds_an_entry_with_its_doi_and_warns_of_a_retraction(
    repo: Repo, registry: Registry
):
    result = add(repo, "PMID: 9500320")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{BIB}:18: added @wakefield1998 (Crossref record for DOI 10.1016/S0140-6736(97)11096-0 "
        "and PubMed record 9500320)"
    )
    assert (
        "  title   = {Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive "
        "developmental disorder in children}," in lines
    )
    assert "  pages   = {637--641}," in lines
    assert "add-reference: warning: this paper is retracted (Crossref: retraction" in result.stderr
    assert repo.check("--only", "content").returncode == 0


def test_a_taken_key_gets_a_letter(repo: Repo, registry: Registry):
    repo.write(
        BIB,
        repo.read(BIB) + "\n@misc{palma2019,\n  title = {Other},\n  url = {https://x.org},\n}\n",
    )
    result = add(repo, "30982687")
    assert result.returncode == 0, result.stderr
    assert f"{BIB}:23: added @palma2019b " in result.stdout
    assert repo.check("--only", "content").stdout.count("error") == 0


@pytest.mark.parametrize(
    ("identifier", "message"),
    [
        (
            "10.1200/jco.2017.75.4853",
            f"DOI 10.1200/jco.2017.75.4853 is already in the bibliography as @ost2018 ({BIB}:1)",
        ),
        ("29240541", f"PMID 29240541 is already in the bibliography as @ost2018 ({BIB}:1)"),
    ],
)
def test_a_duplicate_is_refused(repo: Repo, registry: Registry, identifier: str, message: str):
    before = repo.read(BIB)
    result = add(repo, identifier)
    assert result.stderr.splitlines() == [f"add-reference: {message}; nothing added"]
    assert result.returncode == 1
    assert repo.read(BIB) == before


def test_a_duplicate_found_through_the_other_registry_is_refused(repo: Repo, registry: Registry):
    repo.edit(BIB, "  pmid = {29240541},\n", "")
    before = repo.read(BIB)
    result = add(repo, "29240541")  # PubMed gives the DOI @ost2018 has
    assert result.stderr.splitlines() == [
        f"add-reference: DOI 10.1200/JCO.2017.75.4853 is already in the bibliography as "
        f"@ost2018 ({BIB}:1); nothing added"
    ]
    assert repo.read(BIB) == before


def test_an_unknown_doi_adds_nothing(repo: Repo, registry: Registry):
    before = repo.read(BIB)
    result = add(repo, "10.1000/does-not-exist")
    assert result.stderr.splitlines() == [
        "add-reference: 10.1000/does-not-exist: Crossref has no such DOI; check the identifier"
    ]
    assert result.returncode == 1
    assert repo.read(BIB) == before


def test_offline_is_skipped(repo: Repo, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CROSSREF_API_URL", "http://127.0.0.1:9")
    before = repo.read(BIB)
    result = add(repo, PALMA_DOI)
    assert result.stdout.startswith("SKIPPED: adding a reference needs the registry; Crossref ")
    assert result.returncode == 0
    assert repo.read(BIB) == before
