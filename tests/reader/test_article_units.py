"""The article-page helpers on their own: dates, BibTeX, JSON-LD, the front-matter record."""

from __future__ import annotations

import datetime as dt

import pytest

from healthsite.articles.cite import PageReference, bibtex, bibtex_escape
from healthsite.articles.dates import format_date
from healthsite.articles.jsonld import article_json_ld, scholarly_article
from healthsite.content.front_matter import iso_date, read_article


@pytest.mark.parametrize(
    ("value", "pattern", "language", "expected"),
    [
        (dt.date(2026, 11, 21), "y年M月d日", "zh-Hant", "2026年11月21日"),
        (dt.date(2026, 1, 5), "y年M月d日", "zh-Hant", "2026年1月5日"),
        (dt.date(2026, 11, 21), "d MMMM y", "en", "21 November 2026"),
        (dt.date(2027, 3, 2), "y MMM d", "en", "2027 Mar 2"),
        (dt.date(2027, 9, 2), "y MMM d", "en", "2027 Sep 2"),
        (dt.date(2027, 3, 2), "d MMMM y", "xx-unknown", "2 March 2027"),
    ],
)
def test_format_date(value: dt.date, pattern: str, language: str, expected: str):
    assert format_date(value, pattern, language) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2026, 11, 21), dt.date(2026, 11, 21)),
        (dt.datetime(2026, 11, 21, 8, 30), None),
        ("2026-11-21", dt.date(2026, 11, 21)),
        ("2026-11-21 ", None),
        ("2026-02-30", None),
        ("21/11/2026", None),
        (20261121, None),
        (None, None),
    ],
)
def test_iso_date(value: object, expected: dt.date | None):
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plain title", "Plain title"),
        ("50% & more_{x}", r"50\% \& more\_\{x\}"),
        ("C#, $5, a^b, ~", r"C\#, \$5, a\^{}b, \~{}"),
        ("back\\slash", r"back\textbackslash{}slash"),
    ],
)
def test_bibtex_escape(text: str, expected: str):
    assert bibtex_escape(text) == expected


def test_bibtex_entry_is_balanced_and_escaped():
    ref = PageReference(
        title="Risk & benefit: 50% {maybe}",
        publisher="健康知識庫",
        url="https://health.example.org/articles/x/",
        language="zh-Hant",
        slug="x",
        published=dt.date(2026, 3, 2),
        updated=dt.date(2027, 1, 9),
    )
    entry = bibtex(ref)
    assert entry.splitlines()[0] == "@misc{x-zh-Hant-2026,"
    assert r"title        = {Risk \& benefit: 50\% \{maybe\}}," in entry
    assert "author       = {{健康知識庫}}," in entry
    assert "month        = jan," in entry
    assert "year         = {2027}," in entry
    assert entry.count("{") - entry.count(r"\{") == entry.count("}") - entry.count(r"\}")


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            {"key": "a", "title": "T", "doi": "10.1/x", "pmid": "123", "url": "https://e.org"},
            {"@id": "https://doi.org/10.1/x"},
        ),
        (
            {"key": "b", "title": "T", "doi": None, "pmid": 456},
            {"@id": "https://pubmed.ncbi.nlm.nih.gov/456/"},
        ),
        ({"key": "c", "title": "T", "url": "https://who.int/r"}, {"@id": "https://who.int/r"}),
        ({"key": "d", "title": "Only a title", "url": None}, {"name": "Only a title"}),
        ({"key": "e", "title": None}, {"name": ""}),
    ],
)
def test_scholarly_article_is_one_address_or_a_title(entry: dict, expected: dict):
    # Each work once: the bibliography on the page already shows titles, DOIs and PMIDs.
    assert scholarly_article(entry) == {"@type": "ScholarlyArticle", **expected}


GOOD_META = {
    "description": "d",
    "slug": "s",
    "last_reviewed": dt.date(2026, 11, 21),
    "next_review": dt.date(2027, 11, 21),
    "review_status": "awaiting-clinical-review",
    "date_published": dt.date(2026, 1, 1),
    "changes": [
        {"date": dt.date(2026, 1, 1), "summary": "first"},
        {"date": dt.date(2026, 6, 1), "summary": "second"},
    ],
}


def test_read_article_sorts_changes_newest_first():
    article = read_article(GOOD_META, "Title")
    assert [change.summary for change in article.changes] == ["second", "first"]
    assert article.date_modified == dt.date(2026, 6, 1)
    assert not article.clinically_reviewed


@pytest.mark.parametrize(
    ("changes", "reviewed"),
    [
        ({}, False),
        ({"review_status": "clinically-reviewed"}, False),  # no reviewer named: not a review
        ({"review_status": "clinically-reviewed", "reviewed_by": "Dr A, MD"}, True),
        ({"review_status": "reviewed", "reviewed_by": "Dr A, MD"}, False),
    ],
)
def test_only_a_named_clinicians_review_counts(changes: dict, reviewed: bool):
    article = read_article({**GOOD_META, **changes}, "Title")
    assert article.clinically_reviewed is reviewed
    data = article_json_ld(
        article,
        url="https://x/",
        language="en",
        website_name="w",
        website_url="https://x/",
        citations=[],
        alternates=[],
    )
    assert ("lastReviewed" in data) is reviewed
    assert ("reviewedBy" in data) is reviewed


def test_read_article_never_guesses_bad_values():
    article = read_article({**GOOD_META, "next_review": "soon", "changes": [{"date": "x"}]}, "T")
    assert article.next_review is None
    assert article.changes == []
    assert article.date_modified == dt.date(2026, 1, 1)
