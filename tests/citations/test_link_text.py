"""A citation in a link's text (``[@a](url)``, which pandoc reads as a link whose text cites):
a located warning with the fix, and the link shown as written."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from citation_helpers import SAMPLE_BIB, TEMPLATE, make_site

from healthsite.citations import CitationExtension, PageContext, load_bibliography, load_labels
from healthsite.citations.locate import link_text_citations


def _message(path: str, line: int, col: int, key: str) -> str:
    return (
        f"{path}:{line}:{col}: citation '@{key}' in link text is not rendered (a citation is a "
        f"link, and a link cannot hold one); put it after the link: [text](url) [@{key}]"
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("[@ost2018](https://example.org)", [("ost2018", 1, 2)]),
        (
            "A\n\nsee [the trial @ost2018, p. 5](https://x.org) and ![@a](i.png)",
            [("ost2018", 3, 16), ("a", 3, 53)],
        ),
        ("[see [@ost2018]](https://x.org)", [("ost2018", 1, 7)]),
        ("`[@ost2018](u)`", []),
        ("[@ost2018] (not a link)", []),
        ("[write to me@example.org](mailto:me@example.org)", []),
        ("[^1](x) and [text](https://x.org/@ost2018)", []),
    ],
)
def test_citations_in_link_text_are_found(text: str, found: list[tuple[str, int, int]]) -> None:
    assert link_text_citations(text) == found


def test_the_extension_warns_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(SAMPLE_BIB, "utf-8")
    messages: list[str] = []
    extension = CitationExtension(
        load_bibliography([tmp_path / "refs.bib"], tmp_path),
        load_labels(),
        TEMPLATE,
        report=messages.append,
    )
    text = "Intro.\n\nRead [@ost2018](https://example.org) [@chen2020].\n"
    extension.begin_page(PageContext(path="docs/a.en.md", lang="en", source=text, line_offset=5))
    html = markdown.markdown(text, extensions=[extension])
    assert messages == [_message("docs/a.en.md", 8, 7, "ost2018")]
    assert '<a href="https://example.org">@ost2018</a>' in html


def test_the_strict_build_fails_at_the_link(tmp_path: Path) -> None:
    page = "# A\n\nRead [the trial @ost2018](https://example.org).\n"
    site = make_site(tmp_path / "s", {"a.en.md": page, "a.zh-Hant.md": "# A\n"})
    assert site.returncode == 1
    assert _message("docs/a.en.md", 3, 17, "ost2018") in site.log
    assert "Traceback" not in site.log
