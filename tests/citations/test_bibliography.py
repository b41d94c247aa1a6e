"""Loading .bib files: errors name file:line, duplicates name both places, parsing is cached."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from healthsite.citations.bibliography import BibliographyError, load_bibliography

GOOD = "@article{a,\n  title = {A},\n}\n\n@book{b,\n  title = {B},\n}\n"


def test_loads_and_looks_up_case_insensitively(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(GOOD, "utf-8")
    bib = load_bibliography([path], tmp_path)
    assert len(bib) == 2
    entry = bib.get("A")
    assert entry is not None
    assert entry.key == "a"
    assert entry.location == "refs.bib:1"
    assert bib.get("b").location == "refs.bib:5"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "@article{a,\n  title = {A}\n  year = {2000}\n}\n",
            "refs.bib:3: BibTeX syntax error: '}' expected (in entry 'a'); "
            "check braces, commas and quotes in this entry and the one before it",
        ),
        (
            "@article{a,\n  title = {A,\n}\n",
            "refs.bib:2: unclosed brace in entry 'a': the '{' on this line is never closed; "
            "add the missing '}' (BibTeX would read on into the entries after it)",
        ),
        (
            "@article{a,\n  title = {A},\n}\n@book{a,\n  title = {B},\n}\n",
            "refs.bib:4: duplicate key 'a' (first defined at refs.bib:1)",
        ),
        (
            "@article{Smith2020,\n title={A}}\n\n@misc{smith2020,\n title={B}}\n",
            "refs.bib:4: duplicate key 'smith2020' (first defined at refs.bib:1)",
        ),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(text, "utf-8")
    with pytest.raises(BibliographyError) as info:
        load_bibliography([path], tmp_path)
    assert str(info.value).startswith(message)


def test_duplicate_across_files_names_both(tmp_path: Path) -> None:
    (tmp_path / "one.bib").write_text(GOOD, "utf-8")
    (tmp_path / "two.bib").write_text("\n@misc{b,\n  title = {Other B},\n}\n", "utf-8")
    with pytest.raises(BibliographyError) as info:
        load_bibliography([tmp_path / "one.bib", tmp_path / "two.bib"], tmp_path)
    assert str(info.value) == "two.bib:2: duplicate key 'b' (first defined at one.bib:5)"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BibliographyError, match=r"^nope\.bib: bibliography file not found$"):
        load_bibliography([tmp_path / "nope.bib"], tmp_path)


def test_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_bytes(b"@misc{a,\n title={\xff}}\n")
    with pytest.raises(BibliographyError, match=r"^refs\.bib:2: bibliography is not valid UTF-8"):
        load_bibliography([tmp_path / "refs.bib"], tmp_path)


def test_parsed_once_until_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(GOOD, "utf-8")
    first = load_bibliography([path], tmp_path)
    first.cache["marker"] = True
    assert load_bibliography([path], tmp_path) is first  # same object, same format cache
    path.write_text(GOOD + "@misc{c,\n  title = {C},\n}\n", "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = load_bibliography([path], tmp_path)
    assert second is not first
    assert "marker" not in second.cache
    assert second.get("c") is not None


def test_suggest(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text("@misc{ost2018, title={A}}\n@misc{chen2020, title={B}}\n", "utf-8")
    bib = load_bibliography([path], tmp_path)
    assert bib.suggest("ost2019") == "ost2018"
    assert bib.suggest("zzzz") is None
