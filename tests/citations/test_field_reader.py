"""pybtex parses only cited entries; the field reader gives every entry's rule checks the same
fields pybtex would."""

from __future__ import annotations

from pathlib import Path

import pytest
from citation_helpers import REPO, SAMPLE_BIB
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.bibgen import bib_text, generate_bib
from healthsite.citations import bibliography as bibliography_module
from healthsite.citations import field_reader
from healthsite.citations.bibliography import BibliographyError, _parse, load_bibliography
from healthsite.citations.bibtex_source import blocks
from healthsite.citations.field_reader import LazyFields, is_plain, read_entry
from healthsite.citations.store import EntryStore


def _read_all(text: str) -> dict[str, object]:
    return {block.key: read_entry(text, block) for block in blocks(text) if block.key}


@pytest.mark.parametrize(
    "text",
    [
        (REPO / "bibliography" / "references.bib").read_text("utf-8"),
        SAMPLE_BIB,
        bib_text(generate_bib(300, seed=3)),
    ],
    ids=["project", "sample", "generated"],
)
def test_reader_reads_real_bibliographies_as_pybtex_does(text: str) -> None:
    read = _read_all(text)
    parsed = _parse(text, "refs.bib", text)
    assert None not in read.values()  # all in the plain form: nothing left to pybtex
    assert {key: list(record) for key, record in read.items()} == parsed  # type: ignore[call-overload]


PIECES = st.sampled_from(
    [
        "{A}", '"B"', "2020", "jco", "{A} # {B}", "{a {nested} b}", '"q {"} q"', "{x\n   y}",
        "{ lead and trail }", "{unclosed", '"open', "{}", '""', "{a}}", "{@x}", "12a", "{%}",
    ]
)  # fmt: skip
NAMES = st.sampled_from(["title", "Title", "year", "note", "x-y", "a.b", "1bad", "TITLE"])
ENTRY = st.builds(
    lambda kind, open_, fields, sep, tail: (
        f"@{kind}{open_}k1,\n"
        + "".join(
            f"  {name} ={' ' if i % 2 else ''}{value}{sep}\n"
            for i, (name, value) in enumerate(fields)
        )
        + ("}" if open_ == "{" else ")")
        + tail
    ),
    st.sampled_from(["article", "Book", "misc"]),
    st.sampled_from(["{", "("]),
    st.lists(st.tuples(NAMES, PIECES), max_size=4),
    st.sampled_from([",", "", " ,"]),
    st.sampled_from(["\n", "\njunk text\n", "\n x @misc{k2, title={T}}\n", " }\n"]),
)


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(entry=ENTRY)
def test_what_the_reader_accepts_pybtex_reads_the_same(entry: str) -> None:
    text = '@string{jco = "J Clin Oncol"}\n' + entry
    block = next(block for block in blocks(text) if block.key)
    record = read_entry(text, block)
    if record is None:
        return  # left to pybtex
    assert _parse(text, "refs.bib", text) == {"k1": list(record)}


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(entry=ENTRY)
def test_what_is_plain_the_reader_reads(entry: str) -> None:
    text = '@string{jco = "J Clin Oncol"}\n' + entry
    block = next(block for block in blocks(text) if block.key)
    if is_plain(text, block):
        assert read_entry(text, block) is not None


@pytest.mark.parametrize(
    ("text", "all_plain"),
    [
        ((REPO / "bibliography" / "references.bib").read_text("utf-8"), True),
        (bib_text(generate_bib(300, seed=3)), True),
        ("@article{a,\n  title = {A {B {C {D {E}}}}},\n}\n", False),  # deeper than it looks
        ('@article{a,\n  title = "A {B}",\n}\n', False),  # a brace in quotes
        ("@article{a,\n  title = {A},\n  Title = {B},\n}\n", False),  # a repeated field
        ("@article{a,\n  title = {A}, note = {x, title = y},\n}\n", False),  # name in a value
        ("@article{a,\n  journal = jco,\n}\n", False),  # a macro
        ("@article(a,\n  title = {A},\n)\n", False),
        ("@article{a,\n  title = {A},\n} @misc{b, title = {B}}\n", False),
    ],
    ids=["project", "generated", "deep", "quoted", "repeated", "in-value", "macro", "paren", "at"],
)
def test_is_plain_says_yes_to_common_entries_and_no_when_unsure(text: str, all_plain: bool) -> None:
    entries = [block for block in blocks(text) if block.key]
    found = [(is_plain(text, block), read_entry(text, block)) for block in entries]
    assert all(record is not None for plain, record in found if plain)
    assert all(plain for plain, _ in found) is all_plain  # the odd ones: read at load, as before


def test_lazy_fields_are_read_once_when_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "@article{a,\n  title = {A  b},\n  year = 2020,\n}\n"
    block = next(block for block in blocks(text) if block.key)
    reads: list[object] = []
    original = field_reader.read_entry
    monkeypatch.setattr(field_reader, "read_entry", lambda *a: reads.append(a) or original(*a))
    fields = LazyFields(text, block)
    assert "crossref" not in fields and fields.get("crossref", "") == ""
    assert reads == []  # a name nowhere in the text: answered without reading
    assert fields.get("title") == "A b" and fields["year"] == "2020" and len(fields) == 2
    assert fields == {"title": "A b", "year": "2020"} and "year" in fields
    assert len(reads) == 1


def test_loading_reads_no_plain_entry(
    tmp_path: Path, parsed_texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(bib_text(generate_bib(50, seed=5)), "utf-8")
    reads: list[str] = []
    original = field_reader.read_entry
    counted = lambda t, b: reads.append(b.key) or original(t, b)  # noqa: E731
    for module in (field_reader, bibliography_module):  # lazily, and at load
        monkeypatch.setattr(module, "read_entry", counted)
    bibliography = load_bibliography([bib], tmp_path, EntryStore())
    assert reads == [] and _keys_parsed(parsed_texts) == []
    key = next(iter(bibliography.entries))
    entry = bibliography.get(key)
    assert entry is not None and _keys_parsed(parsed_texts) == [entry.key]  # parsed once cited
    assert reads == []  # its fields are pybtex's, which the reader would have read
    block = next(b for b in blocks(entry.text) if b.key)
    assert dict(entry.data.fields) == dict(original(entry.text, block)[1])  # type: ignore[index]
    other = bibliography.entries[list(bibliography.entries)[1]]
    assert other.data.fields["title"] and reads == [other.key]  # read when first needed


BIB = """@article{alpha2020,
  title = {Alpha},
  journal = {J},
  year = {2020},
}

@article{beta2021,
  title = {Beta},
  year = {2021},
}

@inproceedings{part2019,
  title = {A part},
  crossref = {whole2019},
}

@proceedings{whole2019,
  title = {The whole},
  year = {2019},
}
"""


def _keys_parsed(texts: list[str]) -> list[str]:
    return [key for text in texts for _kind, key, _line in bibliography_module.heads(text)]


def test_only_cited_entries_and_their_parents_are_parsed(
    tmp_path: Path, parsed_texts: list[str]
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, "utf-8")
    bibliography = load_bibliography([bib], tmp_path, EntryStore())
    # every entry is checked (an uncited one's problem is reported), none parsed
    problems = bibliography.problems()
    missing = "refs.bib:7: @article{beta2021} is missing the required field journal; add journal"
    assert any(message.startswith(missing) for message in problems), problems
    assert _keys_parsed(parsed_texts) == []
    entry = bibliography.get("part2019")
    assert entry is not None and entry.data.fields["year"] == "2019"  # inherited
    assert sorted(_keys_parsed(parsed_texts)) == ["part2019", "whole2019"]
    assert bibliography.get("PART2019") is entry and bibliography.get("alpha2020") is not None
    assert sorted(_keys_parsed(parsed_texts)) == ["alpha2020", "part2019", "whole2019"]
    assert bibliography.get("part2019") is not None
    assert len(_keys_parsed(parsed_texts)) == 3  # each entry parsed once


def test_a_cited_entry_is_the_same_as_a_full_parse(tmp_path: Path, parsed_texts: list[str]) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(SAMPLE_BIB, "utf-8")
    lazy = load_bibliography([bib], tmp_path, EntryStore())
    parsed = _parse(SAMPLE_BIB, "refs.bib", SAMPLE_BIB)
    for key, (kind, fields) in parsed.items():
        entry = lazy.get(key)
        assert entry is not None and entry.type == kind and key.lower() not in lazy.pending
        assert dict(lazy.raw[key.lower()].data.fields) == dict(fields)


def test_an_entry_the_reader_leaves_is_parsed_at_load_and_fails_at_its_line(
    tmp_path: Path,
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB + "\n@misc{bad,\n  title = {T}\n  year = {2000}\n}\n", "utf-8")
    with pytest.raises(BibliographyError, match=r"^refs\.bib:24: BibTeX syntax error: .*'bad'"):
        load_bibliography([bib], tmp_path, EntryStore())


def test_a_cited_malformed_entry_fails_the_build_at_its_line(build_site) -> None:
    bib = SAMPLE_BIB + "\n@article{broken,\n  title = {Broken}\n  year = {2000}\n}\n"
    line = SAMPLE_BIB.count("\n") + 4
    pages = {"x.zh-Hant.md": "# X\n\n[@broken]\n", "x.en.md": "# X\n\n[@broken]\n"}
    built = build_site(pages, bib=bib)
    assert built.returncode != 0
    assert (
        f"bibliography/references.bib:{line}: BibTeX syntax error: '}}' expected "
        "(in entry 'broken'); check braces, commas and quotes" in built.log
    ), built.log
