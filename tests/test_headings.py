"""Headings for screen readers (healthsite/headings.py, hooks/headings.py): permalinks named in
the page's language and kept out of the headings' names, key points and urgent boxes titled by
headings that the table of contents and the translation checks do not see."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from site_testing import TinySite

from healthsite.headings import HeadingsExtension

ARTICLE = """\
# Title

!!! abstract "Key points"

    - One.

## Section

!!! urgent "Get help now"

    Call 999.

!!! note "A note"

    Not a heading.
"""


def render(text: str, title: str = "Link to this section", **toc: object) -> BeautifulSoup:
    extension = HeadingsExtension()
    extension.permalink_title = title
    html = markdown.markdown(
        text,
        extensions=["admonition", "toc", extension],
        extension_configs={"toc": {"permalink": True, **toc}},
    )
    return BeautifulSoup(html, "html.parser")


def test_permalink_is_named_and_its_symbol_hidden() -> None:
    soup = render("## Side effects\n")
    heading = soup.h2
    name = soup.find(id=heading["aria-labelledby"])
    assert name.get_text() == "Side effects" and name.parent is heading
    link = heading.select_one("a.headerlink")
    assert link["title"] == link["aria-label"] == "Link to this section"
    assert link["href"] == "#side-effects"
    assert link.select_one('[aria-hidden="true"]').get_text() == "¶"


def test_heading_names_get_short_ids_in_page_order_that_clash_with_nothing() -> None:
    # "HN 2" is slugged to the id hn-2, so the second name takes hn-3
    soup = render("## Side effects\n\n## HN 2\n\n### Side effects\n")
    headings = soup.find_all(["h2", "h3"])
    assert [heading["id"] for heading in headings] == ["side-effects", "hn-2", "side-effects_1"]
    assert [heading["aria-labelledby"] for heading in headings] == ["hn-1", "hn-3", "hn-4"]
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert [soup.find(id=h["aria-labelledby"]).get_text() for h in headings] == [
        "Side effects",
        "HN 2",
        "Side effects",
    ]


def test_inline_markup_stays_inside_the_heading_name() -> None:
    soup = render("## Side *effects* of `x` here\n")
    name = soup.find(id=soup.h2["aria-labelledby"])
    assert name.get_text() == "Side effects of x here"
    assert [child.name for child in name.find_all(True)] == ["em", "code"]


@pytest.mark.parametrize(
    ("text", "outline"),
    [
        # key points after the H1 are level 2; an urgent box inside a section one below it
        (
            ARTICLE,
            [("h1", "Title"), ("h2", "Key points"), ("h2", "Section"), ("h3", "Get help now")],
        ),
        ('### Deep\n\n!!! abstract "Points"\n\n    x\n', [("h3", "Deep"), ("h4", "Points")]),
        ('!!! urgent "First"\n\n    x\n', [("h2", "First")]),  # no heading before it
        ('###### Six\n\n!!! urgent "Seven?"\n\n    x\n', [("h6", "Six"), ("h6", "Seven?")]),
    ],
)
def test_callout_titles_become_headings_below_the_heading_before_them(
    text: str, outline: list[tuple[str, str]]
) -> None:
    soup = render(text)
    found = [
        (tag.name, (tag.find(id=tag.get("aria-labelledby")) or tag).get_text())
        for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    ]
    assert found == outline


def test_other_admonitions_and_the_toc_are_left_alone() -> None:
    md = markdown.Markdown(
        extensions=["admonition", "toc", HeadingsExtension()],
        extension_configs={"toc": {"permalink": True}},
    )
    soup = BeautifulSoup(md.convert(ARTICLE), "html.parser")
    assert soup.select_one(".admonition.note > p.admonition-title").get_text() == "A note"
    assert [token["name"] for token in md.toc_tokens[0]["children"]] == ["Section"]
    # no title configured: the toc extension's own is kept
    assert soup.select_one("h1 a.headerlink")["title"] == "Permanent link"


def test_a_leading_permalink_is_left_as_it_is() -> None:
    soup = render("## Side effects\n", permalink_leading=True)
    assert not soup.h2.has_attr("aria-labelledby")


def _site(tiny_site: TinySite, labels: dict) -> None:
    tiny_site.configure(["headings.py"], {"headings": {"labels": labels}})  # toc: permalink
    tiny_site.pages(
        {"index.zh-Hant.md": "# 首頁\n\n## 第一節\n", "index.en.md": "# Home\n\n## First section\n"}
    )


def test_each_language_gets_its_own_permalink_title(tiny_site: TinySite) -> None:
    _site(tiny_site, {"zh-Hant": {"permalink": "本節的連結"}, "en": {"permalink": "Link here"}})
    result = tiny_site.build()
    assert result.returncode == 0, result.stderr
    for path, title in [("", "本節的連結"), ("en/", "Link here")]:
        links = tiny_site.soup(path).select(".md-content a.headerlink")
        assert len(links) == 2
        assert {link["title"] for link in links} == {title}
        assert {link["aria-label"] for link in links} == {title}


def test_a_language_without_a_permalink_title_is_a_config_error(tiny_site: TinySite) -> None:
    _site(tiny_site, {"zh-Hant": {"permalink": "本節的連結"}})
    result = tiny_site.build()
    assert result.returncode != 0
    assert "mkdocs.yml: extra.headings.labels.en.permalink: missing" in result.stderr
    assert "Traceback" not in result.stderr
