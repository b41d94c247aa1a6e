"""Parsing pandoc citation groups."""

from __future__ import annotations

import pytest

from healthsite.citations.syntax import CitationItem, find_groups, parse_group


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("@ost2018", [CitationItem("ost2018")]),
        ("@a; @b; @c", [CitationItem("a"), CitationItem("b"), CitationItem("c")]),
        ("@key, p. 5", [CitationItem("key", locator="p. 5", label="page")]),
        ("see @key, fig. 2", [CitationItem("key", "see", "fig. 2", label="figure")]),
        ("@a, tbl. 1; @b", [CitationItem("a", locator="tbl. 1", label="table"), CitationItem("b")]),
        ("@a, pp. 33-35", [CitationItem("a", locator="pp. 33-35", label="page")]),
        ("@a, pp. 33–35, 40", [CitationItem("a", locator="pp. 33–35, 40", label="page")]),
        (
            "@a, p. 5, emphasis added",
            [CitationItem("a", "", "p. 5", ", emphasis added", label="page")],
        ),
        ("@a, chap. 3", [CitationItem("a", locator="chap. 3", label="chapter")]),
        ("@a, 12", [CitationItem("a", locator="12", label="page")]),
        ("@a, and elsewhere", [CitationItem("a", suffix=", and elsewhere")]),
        ("@a and more", [CitationItem("a", suffix=" and more")]),
        ("e.g., @a; @b", [CitationItem("a", prefix="e.g.,"), CitationItem("b")]),
        ("@who:2020/fact-sheet.v2", [CitationItem("who:2020/fact-sheet.v2")]),
        ("@a_b-c", [CitationItem("a_b-c")]),
        ("@ost2018.", [CitationItem("ost2018", suffix=".")]),
        ("見 @陳2020, 頁 5", [CitationItem("陳2020", "見", "頁 5", label="page")]),
    ],
)
def test_parse_group(body: str, expected: list[CitationItem]) -> None:
    assert parse_group(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "name@example.com",  # e-mail address, not a citation
        "mail name@example.com",
        "@a @b",  # two keys in one item
        "@a; no key here",  # every item needs a key
        "",
        "@",
        "@-a",
    ],
)
def test_not_a_group(body: str) -> None:
    assert parse_group(body) is None


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("a [@x] b", [["x"]]),
        # the brackets are a link's; pandoc reads the @x inside as an author-in-text citation
        ("[@x](https://example.com)", [["x"]]),
        ("[@x][ref]", [["x"]]),
        ("The guidelines say [@a; @b]:", [["a", "b"]]),  # a colon may follow a citation
        ("[mail me](mailto:a@b.c) [@y]", [["y"]]),
        ("[a@b.com]", []),
        ("[@x; @y] and [see @z]", [["x", "y"], ["z"]]),
    ],
)
def test_find_groups(text: str, keys: list[list[str]]) -> None:
    assert [[item.key for item in items] for _, items in find_groups(text)] == keys
