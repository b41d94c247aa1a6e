"""The article-page helpers on their own: dates, BibTeX, JSON-LD escaping, front matter."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from healthsite.articles.cite import PageReference, bibtex, bibtex_escape
from healthsite.articles.dates import format_date, parse_date
from healthsite.articles.frontmatter import key_line, read_article
from healthsite.articles.jsonld import scholarly_article, script_json

from .conftest import repo_config

# The English labels as configured in mkdocs.yml (month names included).
EN_LABELS = repo_config()["extra"]["article_page"]["labels"]["en"]


@pytest.mark.parametrize(
    ("value", "pattern", "labels", "expected"),
    [
        (dt.date(2026, 11, 21), "{year}年{month}月{day}日", {}, "2026年11月21日"),
        (dt.date(2026, 1, 5), "{year}年{month}月{day}日", {}, "2026年1月5日"),
        (dt.date(2026, 11, 21), "{day} {month_name} {year}", EN_LABELS, "21 November 2026"),
        (dt.date(2027, 3, 2), "{year} {month_abbr} {day}", EN_LABELS, "2027 Mar 2"),
        (dt.date(2027, 3, 2), "{day} {month_name} {year}", {}, "2 3 2027"),
    ],
)
def test_format_date(value: dt.date, pattern: str, labels: dict, expected: str):
    assert format_date(value, pattern, labels) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2026, 11, 21), dt.date(2026, 11, 21)),
        (dt.datetime(2026, 11, 21, 8, 30), dt.date(2026, 11, 21)),
        ("2026-11-21", dt.date(2026, 11, 21)),
        ("21/11/2026", None),
        (20261121, None),
        (None, None),
    ],
)
def test_parse_date(value: object, expected: dt.date | None):
    assert parse_date(value) == expected


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


def test_script_json_cannot_end_the_script_element():
    text = script_json({"name": "a </script><script>alert(1)</script> b"})
    assert "</" not in text
    assert json.loads(text) == {"name": "a </script><script>alert(1)</script> b"}


@pytest.mark.parametrize(
    ("entry", "identifiers"),
    [
        (
            {"key": "a", "title": "T", "doi": "10.1/x", "pmid": "123"},
            {"DOI": "10.1/x", "PMID": "123"},
        ),
        ({"key": "b", "title": "T", "doi": None, "pmid": 456}, {"PMID": "456"}),
        ({"key": "c", "title": "T", "url": "https://who.int/r"}, {}),
    ],
)
def test_scholarly_article_identifiers(entry: dict, identifiers: dict):
    article = scholarly_article(entry)
    assert article["@type"] == "ScholarlyArticle"
    found = {item["propertyID"]: item["value"] for item in article.get("identifier", [])}
    assert found == identifiers


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
    article, problems = read_article(GOOD_META, "Title")
    assert problems == []
    assert [change.summary for change in article.changes] == ["second", "first"]
    assert article.date_modified == dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("changes", "key", "message_start"),
    [
        ({"review_status": "reviewed"}, "review_status", "review_status 'reviewed' is unknown"),
        ({"review_status": "clinically-reviewed"}, "review_status", "review_status is 'clin"),
        ({"next_review": "soon"}, "next_review", "'next_review' is not a date"),
        ({"translated_from": "zh-Hant"}, "translated_on", "'translated_on' is missing"),
        ({"changes": [{"date": "2026-01-01"}]}, "changes", "changes entry 1 needs a"),
        ({"changes": None}, "changes", "'changes' is missing"),
    ],
)
def test_read_article_reports_fixable_problems(changes: dict, key: str, message_start: str):
    meta = {**GOOD_META, **changes}
    if changes.get("changes", "") is None:
        del meta["changes"]
    _, problems = read_article(meta, "Title")
    assert [(p.key, p.message[: len(message_start)]) for p in problems] == [(key, message_start)]


def test_key_line_counts_front_matter_lines():
    source = "---\ntitle: x\nreview_status: bad\nchanges:\n---\n\nreview_status: body\n"
    assert key_line(source, "review_status") == 3
    assert key_line(source, "changes") == 4
    assert key_line(source, "translated_on") == 1
