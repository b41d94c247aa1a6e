"""Normalization tables and the parsing of recorded registry answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from healthsite.references.normalize import (
    expand_pages,
    journals_match,
    normalize_journal,
    normalize_title,
    surname_key,
)
from healthsite.references.records import crossref_record, pubmed_records

FIXTURES = Path(__file__).parents[1] / "checks" / "registry_fixtures"


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("A Multicenter Phase {II} Trial", "A multicenter phase II trial."),
        (r"M{\"u}ller \& co: a study", "Müller &amp; Co — a study"),
        ("IFN-gamma raises PD-L1", "IFN-<i>γ</i> raises PD-L1"),
        ("Ileal hyperplasia in children", "RETRACTED: Ileal hyperplasia in children"),
        ("Cohort, 2006--14", "Cohort, 2006-14"),
    ],
)
def test_titles_that_are_equal(ours: str, theirs: str):
    assert normalize_title(ours) == normalize_title(theirs)


def test_titles_that_differ():
    assert normalize_title("Phase II trial") != normalize_title("Phase III trial")


@pytest.mark.parametrize(
    ("ours", "theirs", "same"),
    [
        ("J Clin Oncol", "Journal of Clinical Oncology", True),
        ("J. Clin. Oncol.", "J Clin Oncol", True),
        ("The Lancet", "Lancet", True),
        ("HPB (Oxford)", "HPB", True),
        ("Br J Cancer", "British Journal of Cancer", True),
        ("Lancet Oncol", "The Lancet Oncology", True),
        ("Lancet Oncol", "The Lancet", False),
        ("Journal of Hepatology", "Journal of Clinical Oncology", False),
    ],
)
def test_journals(ours: str, theirs: str, same: bool):
    assert journals_match(normalize_journal(ours), normalize_journal(theirs)) is same


@pytest.mark.parametrize(
    ("surname", "key"),
    [("van de Beek", "vandebeek"), ('M{\\"u}ller', "muller"), ("De Bruycker", "debruycker")],
)
def test_surnames(surname: str, key: str):
    assert surname_key(surname) == key


@pytest.mark.parametrize(
    ("pages", "expanded"),
    [("339-47", "339--347"), ("446-453", "446--453"), ("e123", "e123"), ("R12-R19", "R12--R19")],
)
def test_pages(pages: str, expanded: str):
    assert expand_pages(pages) == expanded


def test_crossref_record_with_a_retraction():
    path = FIXTURES / "crossref" / "10.1016_S0140-6736(97)11096-0.json"
    message = json.loads(path.read_text(encoding="utf-8"))["message"]
    record = crossref_record("10.1016/S0140-6736(97)11096-0", message)
    assert (record.year, record.authors[0].family, record.journals) == (
        1998,
        "Wakefield",
        ["The Lancet", "The Lancet"],
    )
    assert record.retraction == (
        "Crossref: retraction, notice 10.1016/S0140-6736(10)60175-4, 2010-02-02"
    )


def test_crossref_online_first_year():
    path = FIXTURES / "crossref" / "10.1200_JCO.2017.75.4853.json"
    message = json.loads(path.read_text(encoding="utf-8"))["message"]
    record = crossref_record("10.1200/JCO.2017.75.4853", message)
    assert (record.year, record.other_years, record.pages) == (2018, {2017}, "446--453")


def test_pubmed_records_and_a_missing_pmid():
    summary = json.loads((FIXTURES / "pubmed" / "9500320.json").read_text(encoding="utf-8"))
    payload = {
        "result": {
            "uids": ["9500320", "1"],
            "9500320": summary,
            "1": {"uid": "1", "error": "cannot get document summary"},
        }
    }
    records = pubmed_records(payload, ["9500320", "1", "2"])
    assert records["1"] is None and records["2"] is None
    record = records["9500320"]
    assert record is not None
    assert (record.title, record.authors[0].family, record.authors[0].given) == (
        "Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental "
        "disorder in children",
        "Wakefield",
        "AJ",
    )
    assert (record.doi, record.pages, record.journals[1]) == (
        "10.1016/s0140-6736(97)11096-0",
        "637--641",
        "Lancet",
    )
    assert record.retraction == "PubMed: publication type Retracted Publication"
