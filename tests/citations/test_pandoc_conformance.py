"""Conformance with pandoc's citation syntax.

Cases port pandoc's own citation test inputs (test/markdown-citations.txt) and the examples of
its MANUAL ("Citations"), plus the cases of issue 15. Each row gives what pandoc (2.17, Debian's)
makes of the text: ``(citationId, citationMode, prefix, suffix)`` per citation, as read from
``pandoc -f markdown -t json`` (suffixes joined to text). Our parser must agree on keys, modes
and prefixes, and its locator plus suffix must give pandoc's suffix back. When pandoc is
installed (scripts/install-system-deps installs it), the table itself is checked against it.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from healthsite.citations.syntax import Citation, Problem, scan

A, N, S = "AuthorInText", "NormalCitation", "SuppressAuthor"

#: text -> pandoc's citations, and our (locator, label) per citation
CASES: list[tuple[str, list[tuple[str, str, str, str]], list[tuple[str, str]]]] = [
    # pandoc test/markdown-citations.txt
    ("@item1 says blah.", [("item1", A, "", "")], [("", "")]),
    ("@item1 [p. 30] says blah.", [("item1", A, "", "p. 30")], [("p. 30", "page")]),
    (
        "@item1 [p. 30, with suffix] says blah.",
        [("item1", A, "", "p. 30, with suffix")],
        [("p. 30", "page")],
    ),
    (
        "@item1 [-@item2 p. 30; see also @пункт3] says blah.",
        [("item1", A, "", ""), ("item2", S, "", " p. 30"), ("пункт3", N, "see also", "")],
        [("", ""), ("p. 30", "page"), ("", "")],
    ),
    (
        "A citation group [see @item1 chap. 3; also @пункт3 p. 34-35].",
        [("item1", N, "see", " chap. 3"), ("пункт3", N, "also", " p. 34-35")],
        [("chap. 3", "chapter"), ("p. 34-35", "page")],
    ),
    (
        "Another one [see @item1 p. 34-35].",
        [("item1", N, "see", " p. 34-35")],
        [("p. 34-35", "page")],
    ),
    (
        "Citation with a suffix and locator [@item1 pp. 33, 35-37, and nowhere else].",
        [("item1", N, "", " pp. 33, 35-37, and nowhere else")],
        [("pp. 33, 35-37", "page")],
    ),
    (
        "Citation with suffix only [@item1 and nowhere else].",
        [("item1", N, "", " and nowhere else")],
        [("", "")],
    ),
    ("With some markup [*see* @item1 p. **32**].", [("item1", N, "*see*", " p. **32**")], None),
    ("Now some modifiers [-@item1].", [("item1", S, "", "")], [("", "")]),
    # the MANUAL's examples
    (
        "Blah blah [see @doe99, pp. 33-35; also @smith04, chap. 1].",
        [("doe99", N, "see", ", pp. 33-35"), ("smith04", N, "also", ", chap. 1")],
        [("pp. 33-35", "page"), ("chap. 1", "chapter")],
    ),
    (
        "Blah blah [@doe99, pp. 33-35, 38-39 and *passim*].",
        [("doe99", N, "", ", pp. 33-35, 38-39 and *passim*")],
        [("pp. 33-35, 38-39", "page")],
    ),
    (
        "Blah blah [@smith04; @doe99].",
        [("smith04", N, "", ""), ("doe99", N, "", "")],
        [("", "")] * 2,
    ),
    ("Smith says blah [-@smith04].", [("smith04", S, "", "")], [("", "")]),
    ("@smith04 says blah.", [("smith04", A, "", "")], [("", "")]),
    ("@smith04 [p. 33] says blah.", [("smith04", A, "", "p. 33")], [("p. 33", "page")]),
    (
        "[@smith{ii, A, D-Z}, with a suffix]",
        [("smith", N, "", "{ii, A, D-Z}, with a suffix")],
        None,
    ),
    (
        "[@smith, {pp. iv, vi-xi, (xv)-(xvii)} with suffix here]",
        [("smith", N, "", ", {pp. iv, vi-xi, (xv)-(xvii)} with suffix here")],
        [("pp. iv, vi-xi, (xv)-(xvii)", "page")],
    ),
    ("[@smith{}, 99 years later]", [("smith", N, "", "{}, 99 years later")], None),
    (
        "@{Foo_bar.baz.} and @{https://example.com/bib?name=foobar&date=2000}",
        [("Foo_bar.baz.", A, "", ""), ("https://example.com/bib?name=foobar&date=2000", A, "", "")],
        [("", "")] * 2,
    ),
    # issue 15
    ("[@a, p.&nbsp;30]", [("a", N, "", ", p.\xa030")], [("p.&nbsp;30", "page")]),
    ("[@a, pp. 5&ndash;7]", [("a", N, "", ", pp.\xa05–7")], [("pp. 5&ndash;7", "page")]),
    ("[@a; @b, S. 33]", [("a", N, "", ""), ("b", N, "", ", S. 33")], [("", ""), ("", "")]),
    ("[@a, s.v. aspirin]", [("a", N, "", ", s.v. aspirin")], [("", "")]),
    ("[@a p. 33]", [("a", N, "", " p. 33")], [("p. 33", "page")]),
    ("[@a, 1; @b]", [("a", N, "", ", 1"), ("b", N, "", "")], [("1", "page"), ("", "")]),
    ("[@a, {}]", [("a", N, "", ", {}")], [("", "")]),
    ("@a [p. 33; @b]", [("a", A, "", "p. 33"), ("b", N, "", "")], [("p. 33", "page"), ("", "")]),
    ("@a [see @b]", [("a", A, "", ""), ("b", N, "see", "")], [("", ""), ("", "")]),
    ("[@a; -@b]", [("a", N, "", ""), ("b", S, "", "")], [("", ""), ("", "")]),
    (
        "@a+b? @a$b. @a:b: @a-",
        [("a+b", A, "", ""), ("a$b", A, "", ""), ("a:b", A, "", ""), ("a", A, "", "")],
        [("", "")] * 4,
    ),
    ("@_a and @1a", [("_a", A, "", ""), ("1a", A, "", "")], [("", "")] * 2),
    ("name@example.com, [see@a] and 見@a", [], []),
    ("see (@a) and 見 @a", [("a", A, "", ""), ("a", A, "", "")], [("", "")] * 2),
    ("[見 @陳2020, 頁 5]", [("陳2020", N, "見", ", 頁 5")], [("頁 5", "page")]),
    (
        "[@a, fig. 2; @b, §§ 3-4; @c, vol. iv]",
        [("a", N, "", ", fig. 2"), ("b", N, "", ", §§ 3-4"), ("c", N, "", ", vol. iv")],
        [("fig. 2", "figure"), ("§§ 3-4", "section"), ("vol. iv", "volume")],
    ),
    (
        "[@a, sub verbo x1; @b, opp. 5; @c, ll. 5-7; @d, nos. 2]",
        [
            ("a", N, "", ", sub verbo x1"),
            ("b", N, "", ", opp. 5"),
            ("c", N, "", ", ll. 5-7"),
            ("d", N, "", ", nos. 2"),
        ],
        [
            ("sub verbo x1", "sub verbo"),
            ("opp. 5", "opus"),
            ("ll. 5-7", "line"),
            ("nos. 2", "issue"),
        ],
    ),
]


def _ours(text: str) -> list[tuple[str, str, str]]:
    return [
        (item.key, item.mode, item.prefix)
        for found in scan(text)
        if isinstance(found, Citation)
        for item in found.items
    ]


def _flat(text: str) -> str:
    """Compare suffixes without spacing, entities or the comma citeproc may add."""
    import html

    return "".join(html.unescape(text).replace("\xa0", " ").replace(",", "").split())


@pytest.mark.parametrize(("text", "pandoc", "locators"), CASES, ids=[c[0][:40] for c in CASES])
def test_split_as_pandoc_does(text: str, pandoc: list, locators: list | None) -> None:
    items = [i for f in scan(text) if isinstance(f, Citation) for i in f.items]
    if locators is None:  # pandoc's braces right after the key: not a locator here, a suffix
        assert [(i.key, i.mode) for i in items] == [(p[0], p[1]) for p in pandoc]
        return
    assert _ours(text) == [(key, mode, prefix) for key, mode, prefix, _ in pandoc]
    assert [(i.locator, i.label) for i in items] == locators
    for item, (_, _, _, suffix) in zip(items, pandoc, strict=True):
        forced = suffix.replace("{}", "").replace("{", "").replace("}", "")
        assert _flat(item.locator + item.suffix) == _flat(forced)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x [@a y", "citation group '[@a' is not closed"),
        ("[@a @b]", "two citations in one item '@a @b'"),
        ("[@a; no key]", "'no key' in citation group '[@a; no key]' has no @key"),
    ],
)
def test_near_misses_are_problems(text: str, message: str) -> None:
    problems = [f.message for f in scan(text) if isinstance(f, Problem)]
    assert len(problems) == 1 and problems[0].startswith(message)


def _pandoc_citations(text: str) -> list[tuple[str, str, str, str]]:
    done = subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "json"], input=text, capture_output=True, text=True
    )
    found: list[tuple[str, str, str, str]] = []

    def words(inlines: list) -> str:
        out = []
        for node in inlines:
            kind, content = node["t"], node.get("c")
            if kind == "Str":
                out.append(content)
            elif kind in ("Space", "SoftBreak"):
                out.append(" ")
            elif kind == "Emph":
                out.append("*" + words(content) + "*")
            elif kind == "Strong":
                out.append("**" + words(content) + "**")
        return "".join(out)

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("t") == "Cite":
                for c in node["c"][0]:
                    found.append(
                        (
                            c["citationId"],
                            c["citationMode"]["t"],
                            words(c["citationPrefix"]),
                            words(c["citationSuffix"]),
                        )
                    )
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(done.stdout)["blocks"])
    return found


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed")
@pytest.mark.parametrize(
    ("text", "pandoc"), [(c[0], c[1]) for c in CASES], ids=[c[0][:40] for c in CASES]
)
def test_table_matches_pandoc(text: str, pandoc: list) -> None:
    # pandoc ties abbreviations to what follows (p.\xa030); the table writes a space there
    def spaces(rows: list) -> list:
        return [tuple(part.replace("\xa0", " ") for part in row) for row in rows]

    assert spaces(_pandoc_citations(text)) == spaces(pandoc)
