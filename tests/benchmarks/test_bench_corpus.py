"""The synthetic corpus: deterministic, the requested sizes and citation shapes, valid BibTeX."""

from __future__ import annotations

import collections
import datetime as dt
import re

import pybtex.errors
import pytest
import yaml
from pybtex.database import parse_string

from benchmarks.bibgen import bib_text, generate_bib
from benchmarks.corpus import (
    GROUP_RE,
    Article,
    body_of,
    generate_articles,
    han_count,
    source_hash,
    word_count,
)

TODAY = dt.date(2026, 11, 22)
FRONT_RE = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def front(markdown: str) -> dict:
    match = FRONT_RE.match(markdown)
    assert match, "article has no front matter"
    return yaml.safe_load(match[1])


def test_same_seed_same_bytes() -> None:
    keys = [e.key for e in generate_bib(50, seed=3)]
    first = generate_articles(5, keys, seed=3, today=TODAY)
    second = generate_articles(5, keys, seed=3, today=TODAY)
    assert first == second
    assert bib_text(generate_bib(50, seed=3)) == bib_text(generate_bib(50, seed=3))


def test_other_seed_other_text() -> None:
    keys = [e.key for e in generate_bib(50, seed=3)]
    assert generate_articles(2, keys, 3, TODAY)[0].zh != generate_articles(2, keys, 4, TODAY)[0].zh


def test_counts(articles: list[Article], bib_entries) -> None:
    assert len(articles) == 12
    assert len({a.slug for a in articles}) == 12
    assert len(bib_entries) == 300
    assert len({e.key for e in bib_entries}) == 300


def test_zh_articles_have_about_2800_han_characters(articles: list[Article]) -> None:
    counts = [han_count(body_of(a.zh)) for a in articles]
    assert all(2600 <= c <= 3000 for c in counts), counts


def test_en_articles_have_about_1500_words(articles: list[Article]) -> None:
    counts = [word_count(a.en) for a in articles]
    assert all(1400 <= c <= 1600 for c in counts), counts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_outline(articles: list[Article], lang: str) -> None:
    closing = {"zh": "## 何時該和醫師討論", "en": "## When to talk to your doctor"}[lang]
    for article in articles:
        text = getattr(article, lang)
        body = body_of(text)
        assert len(re.findall(r"^# ", body, re.M)) == 1
        assert len(re.findall(r"^## ", body, re.M)) == 6
        assert closing in body
        assert '!!! abstract "' in body
        assert "<!-- bibliography -->" in body


def test_citation_groups_have_multi_key_groups_and_locators(articles: list[Article]) -> None:
    for article in articles:
        for lang in ("zh", "en"):
            found = GROUP_RE.findall(getattr(article, lang))
            assert 9 <= len(found) <= 11
            assert len(found) == len(article.groups)
    groups = [g for a in articles for g in a.groups]
    assert any(len(g) > 1 for g in groups)
    assert any(loc for g in groups for _, loc in g)
    assert any("; @" in m and ", p" in m for a in articles for m in GROUP_RE.findall(a.en))


def test_both_languages_cite_the_same_keys(articles: list[Article]) -> None:
    for article in articles:
        zh_keys = re.findall(r"@([\w-]+)", body_of(article.zh))
        en_keys = re.findall(r"@([\w-]+)", body_of(article.en))
        assert zh_keys == en_keys


def test_front_matter_schema(articles: list[Article]) -> None:
    for article in articles:
        zh, en = front(article.zh), front(article.en)
        for meta in (zh, en):
            assert meta["slug"] == article.slug
            assert meta["date_published"] <= meta["last_reviewed"] < TODAY < meta["next_review"]
            assert meta["review_status"] in ("awaiting-clinical-review", "clinically-reviewed")
            assert (meta["review_status"] == "clinically-reviewed") == ("reviewed_by" in meta)
            dates = [change["date"] for change in meta["changes"]]
            assert dates == sorted(dates, reverse=True)
            assert all(isinstance(d, dt.date) for d in dates)
        assert en["translated_from"] == "zh-Hant"
        assert en["translation_source_hash"] == source_hash(article.zh)
        assert "translated_from" not in zh


def test_medical_vocabulary(articles: list[Article]) -> None:
    text = "".join(a.zh for a in articles)
    for term in ("肝癌", "骨轉移", "放射治療"):
        assert term in text


def test_bib_parses_with_pybtex_in_strict_mode(bib_entries) -> None:
    pybtex.errors.set_strict_mode(True)
    data = parse_string(bib_text(bib_entries), "bibtex")
    assert len(data.entries) == 300


def test_bib_mix(bib_entries) -> None:
    types = collections.Counter(e.type for e in bib_entries)
    assert set(types) == {"article", "book", "online"}
    assert types["article"] > types["book"] > types["online"] > 0
    text = bib_text(bib_entries)
    for escape in ("\\&", "\\%", '{\\"o}'):
        assert escape in text
    assert re.search(r"author = \{[^}]*[\u4e00-\u9fff]", text), "no CJK author"
    assert re.search(r"author = \{[^\n]*(\{\\['\"~]|[áéíóúøåç])", text), "no accented author"


def test_keys_follow_author_year_word(bib_entries) -> None:
    assert all(re.fullmatch(r"[a-z]+\d{4}[a-z]+", e.key) for e in bib_entries)


def test_journal_articles_have_doi_or_pmid(bib_entries) -> None:
    for entry in bib_entries:
        if entry.type == "article":
            assert "doi = " in entry.source or "pmid = " in entry.source


def test_no_two_groups_touch(articles: list[Article]) -> None:
    """``[@a][@b]`` would be a Markdown reference link, not two citations."""
    for article in articles:
        assert "][@" not in article.zh + article.en
