"""`python -m checks verify-references` against a stand-in Crossref and PubMed on 127.0.0.1:
each planted fault gives its exact message at the entry's line; a registry that does not answer
gives SKIPPED and exit status 0."""

from __future__ import annotations

import pytest
from registry_stub import Registry, registry_fixture  # noqa: F401
from tiny_repo import LEE2020, Repo, repo_fixture  # noqa: F401

from healthsite.references.client import RegistryClient

BIB = "bibliography/references.bib"
ZH = "docs/articles/sample.zh-Hant.md"
OST = (
    r"""@article{ost2018,
  author  = {Ost, Piet and Reynders, Dries and De Bruycker, Aur{\'e}lie},
  title   = {Surveillance or Metastasis-Directed Therapy for Oligometastatic Prostate Cancer
             Recurrence: A Prospective, Randomized, Multicenter Phase {II} Trial},
  journal = {J Clin Oncol},
  year    = {2018},
  doi     = {10.1200/JCO.2017.75.4853},
  pmid    = {29240541},
}

"""
    + LEE2020
)
WAKEFIELD = """
@article{wakefield1998,
  author  = {Wakefield, A. J. and Murch, S. H.},
  title   = {Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive
             developmental disorder in children},
  journal = {The Lancet},
  year    = {1998},
  doi     = {10.1016/S0140-6736(97)11096-0},
  pmid    = {9500320},
}
"""
LEE_NOTICE = (
    f"{BIB}:11:7: notice: @lee2020 has no DOI or PMID: not checked against a registry; "
    "add doi = {…} or pmid = {…} if the source has one"
)
AT_OST = f"{BIB}:1:10"


@pytest.fixture(name="bib_repo")
def bib_repo_fixture(repo: Repo, registry: Registry) -> Repo:
    """The tiny repository with a correct @ost2018 (its real DOI and PMID) and a book."""
    repo.write(BIB, OST)
    return repo


def verify(repo: Repo, *args: str):
    return repo.check("verify-references", *args)


def test_correct_entries_pass_and_the_book_is_a_notice(bib_repo: Repo, registry: Registry):
    result = verify(bib_repo)
    assert result.stdout.splitlines() == [LEE_NOTICE]
    assert result.returncode == 0
    assert registry.count("/works/10.1200/JCO.2017.75.4853") == 1
    assert registry.count("/entrez/eutils/esummary.fcgi?") == 1
    assert "1 DOIs checked with Crossref, 1 PMIDs with PubMed; passed" in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "10.1200/JCO.2017.75.4853",
            "10.1200/JCO.2017.75.9999",
            f"{AT_OST}: error: DOI 10.1200/JCO.2017.75.9999 of @ost2018 does not exist (Crossref "
            "has no such DOI); copy the DOI from the publisher's page or PubMed, or remove it",
            id="doi-missing",
        ),
        pytest.param(
            "29240541",
            "99999999",
            f"{AT_OST}: error: PMID 99999999 of @ost2018 does not exist (PubMed has no such "
            "PMID); copy the PMID from the article's PubMed page, or remove it",
            id="pmid-missing",
        ),
        pytest.param(
            "Multicenter Phase {II} Trial",
            "Multicenter Phase {III} Trial",
            f"{AT_OST}: error: title of @ost2018 does not match Crossref DOI "
            "10.1200/JCO.2017.75.4853: 'Surveillance or Metastasis-Directed Therapy for "
            "Oligometastatic Prostate Cancer Recurrence: A Prospective, Randomized, Multicenter "
            "Phase II Trial'; copy the title from the record, or correct the identifier if it "
            "names another paper",
            id="title",
        ),
        pytest.param(
            "Ost, Piet and",
            "Oster, Piet and",
            f"{AT_OST}: error: first author of @ost2018 is 'Oster', but PubMed PMID 29240541 has "
            "'Ost'; copy the authors from the record, in its order, or correct the identifier",
            id="first-author",
        ),
        pytest.param(
            "{2018}",
            "{2016}",
            f"{AT_OST}: error: year of @ost2018 is 2016, but Crossref DOI "
            "10.1200/JCO.2017.75.4853 says 2018; write year = {2018}, or correct the "
            "identifier if it names another paper",
            id="year",
        ),
        pytest.param(
            "{2018}",
            "{2017}",
            f"{AT_OST}: notice: year of @ost2018 is 2017, the online-first year; PubMed PMID "
            "29240541 dates the print issue 2018; the print year is usual: year = {2018}",
            id="year-online-first",
        ),
        pytest.param(
            "{J Clin Oncol}",
            "{Lancet Oncol}",
            f"{AT_OST}: error: journal of @ost2018 is 'Lancet Oncol', but PubMed PMID 29240541 "
            "has 'Journal of clinical oncology : official journal of the American Society of "
            "Clinical Oncology' or 'J Clin Oncol'; write the journal's full or abbreviated "
            "title as the record gives it",
            id="journal",
        ),
        pytest.param(
            "29240541",
            "30982687",
            f"{AT_OST}: error: DOI 10.1200/JCO.2017.75.4853 and PMID 30982687 of @ost2018 point "
            "to different papers: the DOI is 'Surveillance or Metastasis-Directed Therapy for "
            "Oligometastatic Prostate Cancer Recurrence: A Prospective, Randomized, Multicenter "
            "Phase II Trial', the PMID is 'Stereotactic ablative radiotherapy versus standard "
            "of care palliative treatment in patients with oligometastatic cancers (SABR-COMET): "
            "a randomised, phase 2, open-label trial', DOI 10.1016/S0140-6736(18)32487-5; keep "
            "the identifier of the paper you cite and correct the other",
            id="doi-pmid-different-papers",
        ),
    ],
)
def test_each_fault_is_reported_at_the_entry(
    bib_repo: Repo, old: str, new: str, expected: str
) -> None:
    bib_repo.edit(BIB, old, new)
    result = verify(bib_repo)
    assert expected in result.stdout.splitlines(), result.stdout
    assert LEE_NOTICE in result.stdout.splitlines()
    severity = expected.split(": ")[1]
    assert result.returncode == (1 if severity == "error" else 0)


def test_both_registries_are_compared(bib_repo: Repo):
    """A wrong journal is reported once per registry that contradicts it."""
    bib_repo.edit(BIB, "{J Clin Oncol}", "{Lancet Oncol}")
    lines = verify(bib_repo).stdout.splitlines()
    assert [line.split(", but ")[1].split(" has ")[0] for line in lines if "journal" in line] == [
        "Crossref DOI 10.1200/JCO.2017.75.4853",
        "PubMed PMID 29240541",
    ]


def test_retracted_paper_names_the_pages_that_cite_it(bib_repo: Repo):
    bib_repo.write(BIB, bib_repo.read(BIB) + WAKEFIELD)
    bib_repo.edit(ZH, "內容 [@ost2018; @lee2020, p. 5]。", "內容 [@ost2018; @wakefield1998]。")
    result = verify(bib_repo)
    assert result.stdout.splitlines() == [
        LEE_NOTICE,
        f"{BIB}:18:10: error: @wakefield1998 is retracted (Crossref: retraction, notice "
        "10.1016/S0140-6736(10)60175-4, 2010-02-02; PubMed: publication type Retracted "
        f"Publication); cited at {ZH}:22; remove the citations and the entry, or cite the "
        "retraction notice where the retraction itself is the point",
    ]
    assert result.returncode == 1


def test_unverified_entry_is_a_notice_and_not_looked_up(bib_repo: Repo, registry: Registry):
    bib_repo.edit(
        BIB, "  pmid    = {29240541},\n", "  x-unverified = {seen only in a news story},\n"
    )
    bib_repo.edit(BIB, "10.1200/JCO.2017.75.4853", "10.1200/JCO.2017.75.9999")
    result = verify(bib_repo)
    assert result.stdout.splitlines() == [
        f"{AT_OST}: notice: @ost2018 is marked x-unverified (seen only in a news story): not "
        "checked against a registry; verify it against PubMed or the publisher, then remove "
        "x-unverified",
        LEE_NOTICE,
    ]
    assert result.returncode == 0
    assert registry.requests == []


def test_github_annotations(bib_repo: Repo):
    bib_repo.edit(BIB, "{2018}", "{2016}")
    lines = bib_repo.check("verify-references", github=True).stdout.splitlines()
    assert any(
        line.startswith(f"::error file={BIB},line=1,col=10::year of @ost2018 is 2016")
        for line in lines
    )


def test_timeout_is_skipped_with_exit_0(bib_repo: Repo, registry: Registry):
    registry.slow["/works/10.1200/JCO.2017.75.4853"] = 2.0
    bib_repo.edit(BIB, "{2018}", "{2016}")  # a fault that must not be reported
    result = verify(bib_repo, "--timeout", "0.3")
    assert result.stdout.splitlines() == [
        "SKIPPED: reference verification needs Crossref and PubMed; Crossref did not answer: "
        "no answer within 0.3 s"
    ]
    assert result.returncode == 0


def test_registry_down_is_skipped_with_exit_0(bib_repo: Repo, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NCBI_EUTILS_URL", "http://127.0.0.1:9/entrez/eutils")  # discard port
    result = verify(bib_repo)
    assert result.stdout.startswith("SKIPPED: reference verification needs Crossref and PubMed; ")
    assert "PubMed did not answer: " in result.stdout
    assert len(result.stdout.splitlines()) == 1
    assert result.returncode == 0


@pytest.mark.parametrize("status", [429, 503])
def test_429_and_5xx_are_retried(bib_repo: Repo, registry: Registry, status: int):
    registry.fail["/works/10.1200/JCO.2017.75.4853"] = [status]
    registry.fail["/entrez/eutils/esummary.fcgi"] = [status]
    result = verify(bib_repo)
    assert result.stdout.splitlines() == [LEE_NOTICE]
    assert result.returncode == 0
    assert registry.count("/works/") == 2
    assert registry.count("/entrez/eutils/esummary.fcgi?") == 2


def test_5xx_that_persists_is_skipped(bib_repo: Repo, registry: Registry):
    registry.fail["/entrez/eutils/esummary.fcgi"] = [503] * 10
    result = verify(bib_repo)
    assert result.stdout.splitlines() == [
        "SKIPPED: reference verification needs Crossref and PubMed; PubMed did not answer: "
        "HTTP 503 after retries"
    ]
    assert result.returncode == 0


def test_a_rerun_within_a_week_asks_no_registry(bib_repo: Repo, registry: Registry):
    def verify_on(day: str, *args: str):
        return bib_repo.check("--today", day, "verify-references", *args)

    assert verify_on("2026-03-01").returncode == 0
    asked = len(registry.requests)
    assert verify_on("2026-03-07").stdout.splitlines() == [LEE_NOTICE]
    assert len(registry.requests) == asked
    verify_on("2026-03-08")
    assert len(registry.requests) == 2 * asked
    verify_on("2026-03-08", "--no-cache")
    assert len(registry.requests) == 3 * asked


def test_pmids_are_asked_200_to_a_request(registry: Registry):
    client = RegistryClient(crossref_url=registry.crossref_url, eutils_url=registry.eutils_url)
    pmids = [str(n) for n in range(1, 251)] + ["29240541"]
    result = client.pubmed_summaries(pmids)
    asked = [r for r in registry.requests if r.startswith("/entrez/eutils/esummary.fcgi?")]
    assert [r.count("%2C") + 1 for r in asked] == [200, 51]
    assert result["29240541"]["sortfirstauthor"] == "Ost P"
    assert result["7"] == {"uid": "7", "error": "cannot get document summary"}


def test_user_agent_names_the_tool_and_contact(registry: Registry):
    seen = []
    client = RegistryClient(crossref_url=registry.crossref_url, mailto="team@example.org")
    client._session.hooks["response"].append(lambda r, *a, **k: seen.append(r.request.headers))
    client.crossref_work("10.1200/JCO.2017.75.4853")
    assert seen[0]["User-Agent"] == (
        "health-site-references/0.1 (+https://health.example.org/; mailto:team@example.org)"
    )
