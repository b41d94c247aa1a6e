"""The launch articles: sourced, parallel in both languages, written anew from the seeds."""

from __future__ import annotations

import re

import pytest
from pybtex.database import parse_file
from site_testing import REPO_ROOT

ARTICLES = REPO_ROOT / "docs" / "articles"
SLUGS = ["liver-cancer-spontaneous-regression", "bone-metastases-radiotherapy-immunity"]
LANGUAGES = ["zh-Hant", "en"]
SEEDS = REPO_ROOT.parent / "shared" / "seeds"

CITED_KEY = re.compile(r"(?<![\w.])@(?P<key>[A-Za-z0-9_][A-Za-z0-9_:./-]*[A-Za-z0-9_])")
CITATION_GROUP = re.compile(r"\[[^\[\]]*@[^\[\]]*\]")
HEADING = re.compile(r"^(?P<hashes>#{1,6}) ", re.MULTILINE)
HAN = re.compile(r"[\u3400-\u9fff]")
COPIED_RUN = 24  # Han characters in a row identical to a seed text


def body(slug: str, language: str) -> str:
    text = (ARTICLES / f"{slug}.{language}.md").read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1]


def cited_keys(text: str) -> set[str]:
    return {m["key"] for group in CITATION_GROUP.findall(text) for m in CITED_KEY.finditer(group)}


def outline(text: str) -> list[int]:
    return [len(m["hashes"]) for m in HEADING.finditer(text)]


@pytest.mark.parametrize("slug", SLUGS)
def test_both_languages_cite_the_same_sources_at_least_eight(slug: str):
    zh, en = (cited_keys(body(slug, language)) for language in LANGUAGES)
    assert zh == en
    assert len(zh) >= 8


@pytest.mark.parametrize("slug", SLUGS)
def test_both_languages_have_the_same_heading_outline(slug: str):
    zh, en = (outline(body(slug, language)) for language in LANGUAGES)
    assert zh == en
    assert zh[0] == 1 and zh.count(1) == 1


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_cited_key_is_in_the_bibliography(slug: str, language: str):
    entries = parse_file(REPO_ROOT / "bibliography" / "references.bib").entries
    assert cited_keys(body(slug, language)) <= set(entries)


@pytest.mark.parametrize(
    ("author", "journal"),
    [
        ("Ferreira", "Journal of Bone Oncology"),  # Ferreira 2022, J Bone Oncol 31:100361
        ("Fadel", "Trends in Immunology"),  # Campbell, Fadel & Wegner 2019
        ("Wegner", "Trends in Immunology"),
        ("Nabrinsky", "Cureus"),  # not found in any source
    ],
)
def test_fabricated_or_unfound_references_are_absent(author: str, journal: str):
    text = (REPO_ROOT / "bibliography" / "references.bib").read_text(encoding="utf-8")
    entries = parse_file(REPO_ROOT / "bibliography" / "references.bib").entries.values()
    for entry in entries:
        surnames = [" ".join(p.last_names) for p in entry.persons.get("author", [])]
        assert author not in surnames, entry.key
    assert "100361" not in text


def han_only(text: str) -> str:
    return "".join(HAN.findall(text))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts (../shared/seeds) are not here")
@pytest.mark.parametrize("slug", SLUGS)
def test_no_long_run_is_copied_from_the_seed_texts(slug: str):
    seeds = "".join(han_only(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt")))
    seed_runs = {seeds[i : i + COPIED_RUN] for i in range(len(seeds) - COPIED_RUN + 1)}
    article = han_only(body(slug, "zh-Hant"))
    copied = [
        article[i : i + COPIED_RUN]
        for i in range(len(article) - COPIED_RUN + 1)
        if article[i : i + COPIED_RUN] in seed_runs
    ]
    assert copied == []


def test_the_copy_detector_catches_a_copied_sentence():
    seed = next(iter(sorted(SEEDS.glob("*.txt"))), None) if SEEDS.is_dir() else None
    if seed is None:
        pytest.skip("the seed texts (../shared/seeds) are not here")
    han = han_only(seed.read_text(encoding="utf-8"))
    planted = "前言" + han[100:130] + "結語"
    runs = {han[i : i + COPIED_RUN] for i in range(len(han) - COPIED_RUN + 1)}
    assert any(planted[i : i + COPIED_RUN] in runs for i in range(len(planted)))


@pytest.mark.parametrize("slug", SLUGS)
def test_chinese_text_uses_full_width_punctuation(slug: str):
    text = body(slug, "zh-Hant")
    prose = re.sub(r"\[[^\]]*@[^\]]*\]|`[^`]*`|\([^)]*\.md[^)]*\)", "", text)
    # A half-width comma or full stop right after a Han character is a typo for ，or 。
    slips = re.findall(r"[\u3400-\u9fff][,;:](?!\d)|[\u3400-\u9fff]\.(?!\d)", prose)
    assert slips == []
    assert "“" not in prose and "”" not in prose, "use 「」 for quotations in Chinese"


def test_home_page_lists_both_articles(built_site):
    for prefix in ["", "en/"]:
        links = {a["href"] for a in built_site.soup(prefix).select("article a[href]")}
        for slug in SLUGS:
            assert any(slug in href for href in links), f"{prefix or 'zh-Hant'} home lacks {slug}"
