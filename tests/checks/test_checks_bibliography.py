"""Bibliography lint: each planted fault gives its exact message, location and exit code."""

from __future__ import annotations

import pytest
from tiny_repo import Repo, assert_reported, repo_fixture  # noqa: F401

BIB = "bibliography/references.bib"
ZH = "docs/articles/sample.zh-Hant.md"
EN = "docs/articles/sample.en.md"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param(
            "  year = {2018},",
            "  year = {2018,",
            f"{BIB}:5:1: error: unclosed brace in entry 'ost2018': the '{{' on this line is never "
            "closed; add the missing '}' (BibTeX would read on into the entries after it)",
            id="unclosed brace, at its own line",
        ),
        pytest.param(
            "  title = {A trial},",
            "  title = {A trial}",
            f"{BIB}:4:1: error: BibTeX syntax error: '}}' expected (in entry 'ost2018'); "
            "check braces, commas and quotes in this entry and the one before it",
            id="parse error, at its line",
        ),
    ],
)
def test_a_broken_entry_is_the_only_finding(repo: Repo, old: str, new: str, message: str):
    repo.edit(BIB, old, new)
    assert repo.content() == ([message], 1)


def test_duplicate_key_reports_both_locations(repo: Repo):
    repo.write(
        BIB, repo.read(BIB) + "\n@misc{lee2020,\n  title = {Dup},\n  url = {https://x.org},\n}\n"
    )
    lines = repo.lines("--only", "content")
    fix = "delete the duplicate or give one entry another key"
    assert f"{BIB}:10:7: error: duplicate key 'lee2020' (also at {BIB}:17); {fix}" in lines
    assert f"{BIB}:17:7: error: duplicate key 'lee2020' (also at {BIB}:10); {fix}" in lines


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "@book{lee2020,",
            "@book{Lee2020,",
            f"{BIB}:10:7: error: key 'Lee2020' does not follow the convention surnameYYYY[suffix]; "
            "use the first author's surname in lower case, the year and an optional letter, "
            "e.g. ost2018 or oquinena2009b (change the citations too)",
            id="key-format",
        ),
        pytest.param(
            "  journal = {J Clin Oncol},",
            "  Journal = {J Clin Oncol},",
            f"{BIB}:4:1: error: field name 'Journal' in @ost2018 is not lower-case; "
            "write 'journal'",
            id="field-case",
        ),
        pytest.param(
            "  publisher = {Press},\n",
            "",
            f"{BIB}:10:7: error: @book{{lee2020}} is missing the required field publisher; "
            "add publisher from the publisher's record, or list it in "
            "`x-unconfirmed = {...}` if it cannot be confirmed",
            id="required-field",
        ),
        pytest.param(
            "  editor = {Lee, Ann},\n",
            "",
            f"{BIB}:10:7: error: @book{{lee2020}} is missing the required field author or editor; "
            "add author or editor from the publisher's record, or list it in "
            "`x-unconfirmed = {...}` if it cannot be confirmed",
            id="required-one-of",
        ),
        pytest.param(
            "doi = {10.1200/",
            "doi = {https://doi.org/10.1200/",
            f"{BIB}:6:1: error: DOI of @ost2018 has a prefix: "
            "'https://doi.org/10.1200/JCO.2017.75.4853'; "
            "write only the DOI: doi = {10.1200/JCO.2017.75.4853}",
            id="doi-prefix",
        ),
        pytest.param(
            "doi = {10.1200/JCO.2017.75.4853}",
            "doi = {JCO.2017.75.4853}",
            f"{BIB}:6:1: error: DOI of @ost2018 is not a DOI: 'JCO.2017.75.4853'; "
            "a DOI looks like 10.1234/abc.5678; copy it from the publisher's page",
            id="doi-syntax",
        ),
        pytest.param(
            "pmid = {29240541}",
            "pmid = {PMID: 29240541}",
            f"{BIB}:7:1: error: PMID of @ost2018 is not a number: 'PMID: 29240541'; "
            "write the digits only, e.g. pmid = {29624699}",
            id="pmid",
        ),
        pytest.param(
            "pmid = {29240541},",
            "pmid = {29240541},\n  pmcid = {5940387},",
            f"{BIB}:8:1: error: PMCID of @ost2018 is not PMC followed by digits: '5940387'; "
            "write it as e.g. pmcid = {PMC5940387}",
            id="pmcid",
        ),
        pytest.param(
            "  doi = {10.1200/JCO.2017.75.4853},\n  pmid = {29240541},\n",
            "",
            f"{BIB}:1:10: error: journal article @ost2018 (cited at {EN}:21) "
            "has neither DOI nor PMID; add doi = {10.…} or pmid = {…} from PubMed or the publisher",
            id="cited-article-without-identifier",
        ),
        pytest.param(
            "  year = {2020},\n}",
            "  year = {2020},\n  x-unconfirmed = {year},\n}",
            f"{BIB}:14:1: error: 'year' is listed in x-unconfirmed of @lee2020 but is present; "
            "remove 'year' from x-unconfirmed if it is confirmed, or delete the field",
            id="unconfirmed-but-present",
        ),
    ],
)
def test_planted_bibliography_fault_is_reported(repo: Repo, old, new, expected):
    assert_reported(repo, BIB, old, new, expected)


def test_unconfirmed_field_excuses_a_missing_required_field(repo: Repo):
    repo.edit(BIB, "  publisher = {Press},", "  x-unconfirmed = {publisher},")
    assert repo.check("--only", "content").returncode == 0


def test_citing_an_unverified_entry_is_an_error_at_the_citation(repo: Repo):
    repo.edit(
        BIB, "  year = {2020},", "  year = {2020},\n  x-unverified = {not found in WorldCat},"
    )
    lines = repo.lines("--only", "content")
    fix = (
        "verify the source against PubMed or the publisher and remove x-unverified, "
        "or cite another source"
    )
    assert (
        f"{ZH}:22:15: error: cites @lee2020, which is marked x-unverified "
        f"(not found in WorldCat) at {BIB}:10; {fix}"
    ) in lines


def test_unknown_key_suggests_the_closest(repo: Repo):
    repo.edit(ZH, "重點一 [@ost2018]", "重點一 [@ost2019]")
    repo.edit("docs/articles/sample.en.md", "Point one [@ost2018]", "Point one [@ost2019]")
    lines = repo.lines("--only", "content")
    assert (
        f"{ZH}:18:12: error: unknown citation key 'ost2019' (did you mean 'ost2018'?); "
        "fix the key or add the source to bibliography/references.bib"
    ) in lines


def test_unused_entry_is_a_notice_not_a_failure(repo: Repo):
    repo.write(
        BIB,
        repo.read(BIB)
        + "\n@misc{who2024,\n  title = {Fact sheet},\n  url = {https://who.int},\n}\n",
    )
    assert repo.content() == (
        [f"{BIB}:17:7: notice: @who2024 is not cited by any page; cite it or delete it"],
        0,
    )


def test_code_spans_fences_and_emails_are_not_citations(repo: Repo):
    repo.edit(
        ZH,
        "內容 [",
        "寫信給 someone@example.org，`[@nope2000]`。\n\n```text\n[@fenced2000]\n```\n\n內容 [",
    )
    repo.edit(EN, "Text [", "`[@nope2000]`\n\nText [")
    assert repo.check("mark-translated", EN).returncode == 0
    result = repo.check("--only", "content")
    assert result.stdout == ""
    assert result.returncode == 0
