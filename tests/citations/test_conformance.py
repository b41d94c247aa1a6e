"""Conformance with BibTeX and biblatex: pybtex's name tests (names split as the bibtex program
splits them, ported from pybtex's tests/parse_name_test.py) and the data-model rules the engine
implements (crossref, date, editor/editors, extended names, the line of every entry)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pybtex.database import Entry
from pybtex.exceptions import PybtexError

from healthsite.citations import load_bibliography, load_labels
from healthsite.citations.entry_rules import entry_problems
from healthsite.citations.names import format_name, name_parts
from healthsite.citations.style import vancouver_html

EN = load_labels().for_lang("en")

#: name -> (family with its von part, given names, lineage), as the bibtex program splits it.
BIBTEX_NAMES = [
    ("A. E.                   Siegman", ("Siegman", "A. E.", "")),
    ("A. J. Van Haagen", ("Haagen", "A. J. Van", "")),
    ("Andrea de Leeuw van Weenen", ("de Leeuw van Weenen", "Andrea", "")),
    ("Andreas Geyer-Schulz", ("Geyer-Schulz", "Andreas", "")),
    ("Andr{\\'e} Heck", ("Heck", "Andr{\\'e}", "")),
    ('Anne Br{\\"u}ggemann-Klein', ('Br{\\"u}ggemann-Klein', "Anne", "")),
    ("Anonymous", ("Anonymous", "", "")),
    ("B. V. Venkata Krishna Sastry", ("Sastry", "B. V. Venkata Krishna", "")),
    ("Edwin V. {Bell, II}", ("{Bell, II}", "Edwin V.", "")),
    ("Ford, Jr., Henry", ("Ford", "Henry", "Jr.")),
    ("mr Ford, Jr., Henry", ("mr Ford", "Henry", "Jr.")),
    ("Gilbert van den Dobbelsteen", ("van den Dobbelsteen", "Gilbert", "")),
    ("Javier Rodr\\'{\\i}guez Laguna", ("Laguna", "Javier Rodr\\'{\\i}guez", "")),
    ("Ji\\v{r}{\\'{\\i}}Zlatu{\\v{s}}ka", ("Ji\\v{r}{\\'{\\i}}Zlatu{\\v{s}}ka", "", "")),
    ("Jim Hef{}feron", ("Hef{}feron", "Jim", "")),
    ("M. D{\\'{\\i}}az", ("D{\\'{\\i}}az", "M.", "")),
    ("Onofrio de Bari", ("de Bari", "Onofrio", "")),
    ("Walter van der Laan", ("van der Laan", "Walter", "")),
    ("{Jim Hef{}feron}", ("{Jim Hef{}feron}", "", "")),
    ("{\\LaTeX} project team", ("project team", "{\\LaTeX}", "")),
    ("Johansen Kyle, Derik Mamania M.", ("Johansen Kyle", "Derik Mamania M.", "")),
    ("Brand\\~{a}o, F", ("Brand\\~{a}o", "F", "")),
    (
        "Johannes Adam Ferdinand Alois Josef Maria Marko d'Aviano Pius von und zu Liechtenstein",
        (
            "d'Aviano Pius von und zu Liechtenstein",
            "Johannes Adam Ferdinand Alois Josef Maria Marko",
            "",
        ),
    ),
]


@pytest.mark.parametrize(("name", "parts"), BIBTEX_NAMES)
def test_names_split_as_bibtex_splits_them(name: str, parts: tuple[str, str, str]) -> None:
    assert name_parts(name) == parts


#: How a name is printed in a reference (Vancouver: family name, initials, no periods).
VANCOUVER_NAMES = [
    ("Ost, Piet", "Ost P"),
    ('M{\\"u}ller, Hans-Peter', "Müller HP"),
    ("Max D{\\'{\\i}}az", "Díaz M"),
    ("Jim{\\'{\\i}}nez, Ana", "Jimínez A"),
    ("Ford, Jr., Henry", "Ford H Jr."),
    ("Walter van der Laan", "van der Laan W"),
    ("{World Health Organization}", "World Health Organization"),
    ("陳, 大文", "陳大文"),
    # biblatex's extended name format
    ("family=Gaulle, given=Charles, prefix=de, useprefix=true", "de Gaulle C"),
    ("given=Ann, family=Lee", "Lee A"),
    ("family={Smith, Jr}, given=John", "Smith, Jr J"),
]


@pytest.mark.parametrize(("name", "shown"), VANCOUVER_NAMES)
def test_names_are_printed_vancouver_style(name: str, shown: str) -> None:
    assert format_name(name) == shown


@pytest.mark.parametrize(
    "name",
    [
        "Chong, B. M., Specia, L., & Mitkov, R.",
        "LeCun, Y. ,      Bottou,   L . , Bengio, Y. ,  Haffner ,  P",
    ],
)
def test_name_strings_bibtex_rejects_are_reported_not_crashed_on(name: str) -> None:
    with pytest.raises(PybtexError, match="Too many commas"):
        name_parts(name)
    assert format_name(name)  # shown as written meanwhile
    problems = entry_problems("x2020", "misc", {"title": "T", "author": name, "url": "https://x.org"},
                              lambda key: True, lambda key: None)  # fmt: skip
    assert [problem.field for problem in problems] == ["author"]


def fmt(kind: str, **fields: str) -> str:
    return vancouver_html(Entry(kind, fields=fields), EN, "et al.")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"editor": "Wu, Bo"}, "In: Wu B, editor."),
        ({"editor": "Wu, Bo and Li, Al"}, "In: Wu B, Li A, editors."),
    ],
)
def test_editor_or_editors_by_count(fields: dict[str, str], expected: str) -> None:
    html = fmt("incollection", author="Lee, A", title="T", booktitle="B", year="2020", **fields)
    assert expected in html


@pytest.mark.parametrize(
    ("fields", "year"),
    [
        ({"date": "2021"}, "2021"),
        ({"date": "2021-03-05"}, "2021"),
        ({"date": "2019/2021"}, "2019"),
        ({"date": "2021-03", "year": "2020"}, "2020"),  # year wins when both are given
    ],
)
def test_biblatex_date_gives_the_year(fields: dict[str, str], year: str) -> None:
    assert f"J. {year}." in fmt("article", author="Lee, A", title="T", journal="J", **fields)


CROSSREF_BIB = r"""
@inproceedings{lee2020,
  author   = {Lee, Ann},
  title    = {Screening in practice},
  pages    = {10--20},
  crossref = {proc2020},
}

@proceedings{proc2020,
  editor    = {Wu, Bo},
  title     = {Proceedings of Preventive Medicine},
  publisher = {Springer},
  address   = {London},
  year      = {2020},
}

@article{
  wang2021,
  author   = {Wang, Li},
  title    = {A \emph{new} test},
  crossref = {jpm},
}

@periodical{jpm,
  title = {J Prev Med},
  year  = {2021},
}
"""


def test_crossref_inherits_as_biblatex_does(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(CROSSREF_BIB, "utf-8")
    bibliography = load_bibliography([bib], tmp_path)
    paper, article = bibliography.get("lee2020"), bibliography.get("wang2021")
    assert paper is not None and article is not None
    assert vancouver_html(paper.data, EN, "et al.") == (
        "Lee A. Screening in practice. In: Wu B, editor. Proceedings of Preventive Medicine. "
        "London: Springer; 2020. p. 10–20."
    )
    assert (
        vancouver_html(article.data, EN, "et al.")
        == "Wang L. A <em>new</em> test. J Prev Med. 2021."
    )
    assert bibliography.problems() == []
    # the key on the line after "@article{" still gives the entry's own line
    assert article.location == "refs.bib:17"


def test_contributing_lists_the_one_table_of_required_fields() -> None:
    """CONTRIBUTING's "Bibliography entries" table is REQUIRED_FIELDS, row for row."""
    from healthsite.citations.entry_types import REQUIRED_FIELDS

    text = (Path(__file__).resolve().parents[2] / "CONTRIBUTING.md").read_text("utf-8")
    documented: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`@"):
            required = tuple(
                part.strip().strip("`").replace("` or `", "|") for part in cells[1].split(",")
            )
            for kind in cells[0].replace("`", "").replace("@", "").split(","):
                documented[kind.strip()] = required
    assert documented == dict(REQUIRED_FIELDS)
