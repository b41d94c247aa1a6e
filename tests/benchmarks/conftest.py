"""Fixtures for the benchmark harness tests: a small generated corpus, made once."""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks.bibgen import BibEntry, generate_bib
from benchmarks.corpus import Article, generate_articles

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="session")
def bib_entries() -> list[BibEntry]:
    return generate_bib(300, seed=7)


@pytest.fixture(scope="session")
def articles(bib_entries: list[BibEntry]) -> list[Article]:
    return generate_articles(12, [e.key for e in bib_entries], seed=7, today=TODAY)
