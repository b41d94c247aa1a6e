"""A ``crossref`` cycle is a located error at each entry's crossref line, in the build's words
and ``make check``'s, and rendering the entries still works."""

from __future__ import annotations

from pathlib import Path

from healthsite.citations import load_bibliography
from healthsite.content.bibliography import check_bibliography

BIB = """\
@incollection{lee2020,
  author = {Lee, Ann},
  title = {A chapter},
  crossref = {kim2019},
}

@book{kim2019,
  editor = {Kim, Bo},
  title = {A book},
  publisher = {Press},
  year = {2019},
  crossref = {lee2020},
}
"""
FIX = (
    "remove crossref from the entry that is the book or proceedings (only the chapter or "
    "paper names its parent)"
)


def test_a_crossref_cycle_is_reported_at_each_entry(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(BIB, "utf-8")
    built = load_bibliography([path], tmp_path).problems()
    assert (
        f"refs.bib:4: crossref of @lee2020 makes a cycle: @lee2020 → @kim2019 → @lee2020; {FIX}"
        in built
    )
    assert (
        f"refs.bib:12: crossref of @kim2019 makes a cycle: @kim2019 → @lee2020 → @kim2019; {FIX}"
        in built
    )
    checked = [f.compiler_style() for f in check_bibliography({"refs.bib": BIB.encode()}, {})]
    assert (
        f"refs.bib:4:1: error: crossref of @lee2020 makes a cycle: @lee2020 → @kim2019 → "
        f"@lee2020; {FIX}" in checked
    )


def test_a_chain_without_a_cycle_is_not_reported(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(BIB.replace("  crossref = {lee2020},\n", ""), "utf-8")
    assert not [m for m in load_bibliography([path], tmp_path).problems() if "cycle" in m]
