"""The Python-Markdown extension: where citations are (not) recognised and what they become."""

from __future__ import annotations

from typing import Any

import pytest

from healthsite.citations import CitationError

LINKS = ".citation a[href^='#ref-']"
#: The bracketed numbers of each citation (an author-in-text one keeps them apart from the name).
GROUPS = ".citation:not(.citation--in-text), .citation__group"
#: Inside a bibliography entry: its back-links (the span after the text's).
BACKLINKS = "li > span:not([id]) > a"


def language_of(tag) -> str:
    """The language a tag is in: its own ``lang``, else its nearest ancestor's (entries in
    the page's language do not repeat it)."""
    return tag.get("lang") or tag.find_parent(lang=True)["lang"]


def numbers(rendered: Any) -> list[str]:
    return [a.get_text() for a in rendered.soup.select(LINKS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[@ost2018]", ["1"]),
        ("[@ost2018; @chen2020; @who2023]", ["1", "3"]),  # 1–3
        (
            "[@ost2018] [@chen2020] [@who2023] [@smith2019] [@smith2019; @ost2018; @chen2020]",
            ["1", "2", "3", "4", "1", "2", "4"],
        ),
        ("[@who2023; @ost2018]", ["1", "2"]),
        ("- item [@ost2018]\n- item [@chen2020]", ["1", "2"]),
        ("> quoted [@ost2018]", ["1"]),
        ("*emphasis [@ost2018]*", ["1"]),
    ],
)
def test_recognised(render, text: str, expected: list[str]) -> None:
    assert numbers(render(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "`[@ost2018]`",
        "```\n[@ost2018]\n```",
        "    [@ost2018]",
        "\\[@ost2018]",
        "<span title='[@ost2018]'>x</span>",
        "<ost@example.com>",
        "write to name@example.com",
        "[name@example.com]",
        "[@ost2018](https://example.com)",
        "<div>\n[@ost2018]\n</div>",
    ],
)
def test_left_alone(render, text: str) -> None:
    rendered = render(text)
    assert rendered.soup.select(".citation") == []
    assert rendered.soup.select(".bibliography") == []


def test_escaped_bracket_stays_literal(render) -> None:
    assert render("\\[@ost2018]").html == "<p>[@ost2018]</p>"


@pytest.mark.parametrize(
    ("text", "extension", "selector"),
    [
        ("| a |\n|---|\n| [@ost2018] |", "tables", "td .citation"),
        ("!!! note\n    see [@ost2018]", "admonition", ".admonition .citation"),
        ("x[^1]\n\n[^1]: note [@ost2018]", "footnotes", ".footnote .citation"),
    ],
)
def test_in_extension_blocks(render, text: str, extension: str, selector: str) -> None:
    assert render(text, extensions=(extension,)).soup.select(selector)


def test_numbers_follow_reading_order_across_nested_blocks(render) -> None:
    text = (
        "- first [@ost2018]\n\n"
        "!!! note\n    second [@chen2020]\n\n"
        "| t |\n|---|\n| third [@who2023] |\n\n"
        "> fourth [@smith2019]\n\n"
        "fifth [@ost2018] and a footnote[^1]\n\n"
        "[^1]: cites [@chen2020]\n"
    )
    rendered = render(text, extensions=("admonition", "tables", "footnotes"))
    assert numbers(rendered) == ["1", "2", "3", "4", "1", "2"]
    assert [li["id"] for li in rendered.soup.select(".bibliography__list > li")] == [
        "ref-ost2018",
        "ref-chen2020",
        "ref-who2023",
        "ref-smith2019",
    ]


def test_unknown_keys_located_in_reading_order(render) -> None:
    rendered = render("- [@nope]\n\ntext [@nope]\n\n> [@nope]")
    assert rendered.messages == [
        "docs/x.md:1:4: unknown citation key 'nope'",
        "docs/x.md:3:7: unknown citation key 'nope'",
        "docs/x.md:5:4: unknown citation key 'nope'",
    ]


def test_group_compressed_with_links_described_by_the_references(render) -> None:
    soup = render("[@ost2018; @chen2020; @who2023] and [@smith2019; @ost2018]").soup
    first, second = soup.select(GROUPS)
    assert first.get_text() == "[1–3]"
    assert second.get_text() == "[1, 4]"
    assert [a["href"] for a in first.select(LINKS)] == ["#ref-ost2018", "#ref-who2023"]
    assert first.select_one("#cite-chen2020-1") is not None  # hidden by the range, still a target
    # Each link is described by its own reference, as the bibliography shows it; the range's
    # first link also by the reference inside the range (2 has no link of its own).
    described = [a["aria-describedby"] for a in first.select(LINKS)]
    assert described == ["ref:1 ref:2", "ref:3"]  # short ids: every citation repeats them
    assert soup.find(id="ref-ost2018").find("span", id=True)["id"] == "ref:1"
    texts = [soup.find(id=id).get_text() for id in " ".join(described).split()]
    assert "Ost P, Reynders D" in texts[0]
    assert "World Health Organization. Hypertension." in texts[2]
    assert [a["aria-describedby"] for a in second.select(LINKS)] == [
        "ref:1",
        "ref:4",
    ]
    assert soup.select(".citation__tooltip") == [], "no copy of the references per citation"


def test_locators_and_affixes(render) -> None:
    soup = render("[see @ost2018, p. 5; @chen2020, tbl. 1] [@ost2018, fig. 2]").soup
    first, second = soup.select(GROUPS)
    # items with a locator are separated by ';' ("[see 1, p. 5, 2, tbl. 1]" would be ambiguous)
    assert first.get_text() == "[see 1, p. 5; 2, tbl. 1]"
    assert second.get_text() == "[1, fig. 2]"


def test_locator_is_escaped(render) -> None:
    html = render("[@ost2018, p.&nbsp;5&lt;b&gt;]").html
    assert "<b>" not in html.split("bibliography")[0]


def test_suffix_markdown_is_rendered_like_the_text_around_it(render) -> None:
    soup = render("[@ost2018, p. 5 <b>bold</b> *em* `a;]` [link](https://example.com)]").soup
    group = soup.select_one(GROUPS)
    assert group.get_text() == "[1, p. 5 bold em a;] link]"
    assert [tag.name for tag in group.find_all(["b", "em", "code", "a"])][1:] == [
        "b",
        "em",
        "code",
        "a",
    ]


def test_bibliography_and_backlinks(render) -> None:
    soup = render("[@chen2020] then [@ost2018] and [@chen2020; @ost2018] [@chen2020]").soup
    items = soup.select(".bibliography__list > li")
    assert [li["id"] for li in items] == ["ref-chen2020", "ref-ost2018"]
    # numbered by the list itself (1, 2 in order): no `value` to repeat it
    assert [li.get("value") for li in items] == [None, None]
    assert [a["href"] for a in items[0].select(BACKLINKS)] == [
        "#cite-chen2020-1",
        "#cite-chen2020-2",
        "#cite-chen2020-3",
    ]
    # several citing spots: "↩ Back to citation 1 2 3", each link named in full
    assert [a.get_text() for a in items[0].select(BACKLINKS)] == ["1", "2", "3"]
    assert [a["aria-label"] for a in items[1].select(BACKLINKS)] == [
        "Back to citation 1 in the text",
        "Back to citation 2 in the text",
    ]
    label = items[0].select_one("li > span:not([id]) > span")
    assert label.get_text() == "Back to citation" and label["aria-hidden"] == "true"
    assert "↩" not in str(soup.select_one(".bibliography"))  # drawn by citations.css
    for li in items:
        for link in li.select(BACKLINKS):
            assert soup.find(id=link["href"][1:]) is not None
    assert soup.select_one(".bibliography h2").get_text() == "References"


@pytest.mark.parametrize(
    ("page_lang", "back", "number", "ref_name"),
    [
        ("en", "Back to citation", "Back to citation 2 in the text", "Reference 2"),
        ("zh-Hant", "回到引用處", "回到內文第 2 處引用", "第 2 筆參考文獻"),
    ],
)
def test_back_links_and_numbers_are_named_in_the_page_language(
    render, page_lang: str, back: str, number: str, ref_name: str
) -> None:
    """A lone back-link says where it goes; numbered ones are named in full (not "a", "b");
    citation numbers are named "Reference 2", described by the reference."""
    soup = render("[@chen2020] [@ost2018] [@ost2018]", lang=page_lang).soup
    only, several = soup.select(".bibliography__list > li")
    link = only.select_one(BACKLINKS)
    assert link.get_text() == back and not link.has_attr("aria-label")
    assert several.select(BACKLINKS)[1]["aria-label"] == number
    # the entry keeps its own language; its back-links are in the page's, saying so only
    # when the entry's differs
    backlinks = link.parent
    assert backlinks.find_parent(lang=True)["lang"] == language_of(only) == "zh-Hant"
    assert backlinks.get("lang") == (None if page_lang == "zh-Hant" else page_lang)
    refs = soup.select(".citation a[href^='#ref-']")
    assert [a["aria-label"] for a in refs][1] == ref_name
    assert refs[1].get_text() == "2" and refs[1]["aria-describedby"] == "ref:2"


@pytest.mark.parametrize(
    ("page_lang", "heading", "entry_langs"),
    [
        ("en", "References", {"ref-ost2018": "en", "ref-chen2020": "zh-Hant"}),
        ("zh-Hant", "參考文獻", {"ref-ost2018": "en", "ref-chen2020": "zh-Hant"}),
    ],
)
def test_languages(render, page_lang: str, heading: str, entry_langs: dict[str, str]) -> None:
    soup = render("[@ost2018; @chen2020]", lang=page_lang).soup
    assert soup.select_one(".bibliography")["lang"] == page_lang
    assert soup.select_one(".bibliography h2").get_text() == heading
    for ident, lang in entry_langs.items():
        assert language_of(soup.find(id=ident)) == lang
    chinese = soup.find(id="ref-chen2020").get_text()
    assert "吳六" not in chinese and "黃五, 等." in chinese  # 「等」 for a Chinese source


def test_placement_marker(render) -> None:
    html = render("Intro [@ost2018]\n\n<!-- bibliography -->\n\n## After\n\ntext").html
    assert html.index("bibliography__list") < html.index("After")
    assert "<!-- bibliography -->" not in html


def test_no_citations_no_bibliography(render) -> None:
    rendered = render("Plain text.\n\n<!-- bibliography -->")
    assert "bibliography__list" not in rendered.html
    assert rendered.messages == []


def test_heading_ids_unaffected(render) -> None:
    assert '<h1 id="title">Title</h1>' in render("# Title\n\n[@ost2018]", extensions=("toc",)).html


def test_citation_in_heading_has_no_preview(render) -> None:
    rendered = render("## Results [@ost2018]\n\nBody [@ost2018]", extensions=("toc",))
    heading = rendered.soup.select_one("h2")
    assert heading["id"] == "results-1"
    assert heading.select_one(".citation a[href^='#ref-']")["href"] == "#ref-ost2018"
    assert not heading.select_one(".citation a[href^='#ref-']").has_attr("aria-describedby")
    body_link = rendered.soup.select_one("p .citation a[href^='#ref-']")
    assert body_link["aria-describedby"] == "ref:1"  # the body one keeps it


@pytest.mark.parametrize(
    ("text", "line_offset", "message"),
    [
        (
            "Intro\n\nSee [@ost2019].",
            0,
            "docs/x.md:3:6: unknown citation key 'ost2019' (did you mean 'ost2018'?)",
        ),
        ("Intro [@zzz].", 3, "docs/x.md:4:8: unknown citation key 'zzz'"),
        (
            "`[@nope]` and [@ost2018; @nope]",
            0,
            "docs/x.md:1:26: unknown citation key 'nope'",
        ),
    ],
)
def test_unknown_key_message(render, text: str, line_offset: int, message: str) -> None:
    rendered = render(text, line_offset=line_offset)
    assert rendered.messages == [message]
    unresolved = rendered.soup.select_one(".citation__unresolved")
    assert unresolved.get_text().startswith("?")
    assert "citation--unresolved" in unresolved.find_parent(class_="citation")["class"]


def test_unknown_key_reported_at_each_place(render) -> None:
    rendered = render("[@nope]\n\nand [@nope]")
    assert rendered.messages == [
        "docs/x.md:1:2: unknown citation key 'nope'",
        "docs/x.md:3:6: unknown citation key 'nope'",
    ]
    assert rendered.soup.select_one(".citation").get_text() == "[?nope]"


def test_missing_required_field_warns_and_renders(render) -> None:
    bib = "@article{x1,\n  title = {Only title},\n  year = {2000},\n}\n"
    rendered = render("[@x1]", bib=bib)
    assert rendered.messages == [
        "references.bib:1: @article{x1} is missing the required field author; add author from "
        "the publisher's record, or list it in `x-unconfirmed = {...}` if it cannot be confirmed",
        "references.bib:1: @article{x1} is missing the required field journal; add journal from "
        "the publisher's record, or list it in `x-unconfirmed = {...}` if it cannot be confirmed",
    ]
    assert "Only title." in rendered.soup.select_one("#ref-x1").get_text()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "x\n\n<!-- bibliography:xyz -->",
            "docs/x.md:3:1: unknown bibliography directive '<!-- bibliography:xyz -->' "
            "(only '<!-- bibliography -->' is supported)",
        ),
        (
            "<!-- bibliography(sort=year) -->",
            "docs/x.md:1:1: unknown bibliography directive '<!-- bibliography(sort=year) -->' "
            "(only '<!-- bibliography -->' is supported)",
        ),
    ],
)
def test_unknown_directive_is_an_error(render, text: str, message: str) -> None:
    with pytest.raises(CitationError) as info:
        render(text)
    assert str(info.value) == message


def test_directive_in_code_is_fine(render) -> None:
    assert "<code>" in render("`<!-- bibliography:xyz -->`").html


def test_script_in_bib_is_escaped(render) -> None:
    bib = "@misc{evil,\n  title = {<script>alert(1)</script>},\n}\n"
    html = render("[@evil]", bib=bib).html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
