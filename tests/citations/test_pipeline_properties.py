"""Random Markdown, front matter and BibTeX through the real pipeline (issue 14): never a
traceback; every citation the source means is rendered or reported; no raw ``[@key`` is left
on a page without a warning.

Many examples go through the library functions the hooks call (bibliography loading and its
rules, the citation and glossary extensions with the site's Markdown extensions); a few go
through a real ``mkdocs build --strict`` of a tiny site, one subprocess each."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from citation_helpers import SAMPLE_BIB, TEMPLATE, make_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.extensions.toc import TocExtension
from pymdownx.slugs import slugify

from healthsite.citations import (
    CitationError,
    CitationExtension,
    PageContext,
    load_bibliography,
    load_labels,
)
from healthsite.citations.locate import citation_positions
from healthsite.citations.store import EntryStore
from healthsite.content.sources import check_source
from healthsite.glossary.extension import GlossaryExtension

SITE_EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
    "pymdownx.details", "pymdownx.superfences",
]  # fmt: skip
BITS = [
    "[", "]", "@", "[@", "[-@", "-@", "@ost2018", "@chen2020", "@who2023", "@nope", "@{ost2018}",
    "@a", "@b", "{", "}", ";", ",", " p. 5", "see ", "<!--", "-->", "<script>", "</script>",
    "&amp;", "&nbsp;", "&#x40;", "中文", "骨轉移", "「」", "\n", "\n\n", "- ", "> ", "# ", "*",
    "`", "```\n", "\\", "(", ")", "](https://x.org)", "!!! note\n    ", "[^1]", "[^1]: ",
    "| a |\n|---|\n", "name@example.com", "SBRT", "x", " ",
]  # fmt: skip
MARKDOWN = st.lists(st.sampled_from(BITS), max_size=30).map("".join)
VALUES = st.lists(
    st.sampled_from([
        "Smith, J.", "陳大文", "and", "A title", "2019", "n.d.", "\\emph{x}", "\\foo{bar}",
        "\\url{javascript:alert(1)}", "\\href{https://x.org}{t}", "\\textcolor{red}{r}",
        "{", "}", "\\", "$x$", "%", "<!--", "<script>", "&", "@", ",", "--", "family=Le, given=A",
    ]),
    max_size=6,
).map(" ".join)  # fmt: skip
FIELDS = st.sampled_from(
    ["author", "editor", "title", "journal", "year", "date", "url", "note", "howpublished",
     "crossref", "publisher", "booktitle", "doi"]
)  # fmt: skip
ENTRY = st.tuples(
    st.sampled_from(["article", "book", "misc", "online", "incollection", "artcle"]),
    st.sampled_from(["a", "b", "ost2018", "A"]),
    st.lists(st.tuples(FIELDS, VALUES), max_size=5),
)
EXTRA_BIB = st.lists(ENTRY, max_size=3).map(
    lambda entries: "\n".join(
        f"@{kind}{{{key},\n"
        + "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
        + "}\n"
        for kind, key, fields in entries
    )
)
#: What a raw citation left on the page looks like: ``[@key`` or ``[-@key``.
RAW_CITATION_RE = re.compile(r"\[-?@(?:\w|\{[^{}\s]+\})")


def _render(text: str, bib: str) -> tuple[str, list[str], set[str], object]:
    """HTML, messages, the numbered keys and the bibliography, as the build computes them."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "refs.bib"
        path.write_text(SAMPLE_BIB + "\n" + bib, "utf-8")
        messages: list[str] = []
        try:
            bibliography = load_bibliography([path], Path(folder), EntryStore())
        except CitationError as error:  # an unreadable .bib: one located error, by design
            assert re.match(r"^refs\.bib:\d+: ", str(error)), error
            path.write_text(SAMPLE_BIB, "utf-8")
            bibliography = load_bibliography([path], Path(folder), EntryStore())
        messages += bibliography.problems()
        extension = CitationExtension(bibliography, load_labels(), TEMPLATE, report=messages.append)
        glossary = GlossaryExtension()
        glossary.glossary, glossary.report = {"SBRT": "Stereotactic"}, messages.append
        extension.begin_page(PageContext(path="docs/p.en.md", lang="en", source=text))
        toc = TocExtension(permalink=True, slugify=slugify(case="lower"))
        try:
            html = markdown.markdown(text, extensions=[*SITE_EXTENSIONS, toc, extension, glossary])
        except CitationError as error:  # the one raised by design: an unknown directive
            assert "unknown bibliography directive" in str(error)
            return "", [str(error)], set(), bibliography
        return html, messages, set(extension.state.numbering.numbers), bibliography


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
# raw HTML blocks (`<script>@a`) are never read as Markdown, so the source scan is no oracle there
@given(text=MARKDOWN.filter(lambda t: "<" not in t), bib=EXTRA_BIB)
def test_every_citation_is_rendered_or_reported(text: str, bib: str) -> None:
    _html, messages, numbered, bibliography = _render(text, bib)
    # what the build's source_files hook reports about the same file (e.g. a footnote
    # defined twice, whose lost text held the citation)
    source_lines = {f.line for f in check_source("p.md", text.encode(), article_slug=None).findings}
    for key, line, _col in citation_positions(text):
        entry = bibliography.get(key)
        rendered = entry is not None and entry.key in numbered
        reported = any(f"'@{key}'" in m or f"'{key}'" in m for m in messages)
        assert rendered or reported or line in source_lines, (key, messages)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=MARKDOWN.filter(lambda t: not any(c in t for c in "\\`<&")))
def test_no_raw_citation_is_left_without_a_warning(text: str) -> None:
    html, messages, _numbered, _bibliography = _render(text, "")
    soup = BeautifulSoup(html, "html.parser")
    for code in soup.select("code, pre"):
        code.decompose()
    # `[@` + something written in the source (not e.g. `[@` + a rendered footnote number)
    raw = [m[0] for m in RAW_CITATION_RE.finditer(soup.get_text()) if m[0] in text]
    if raw:
        assert messages, (text, soup.get_text())


FRONT_MATTER = st.fixed_dictionaries(
    {
        "title": st.sampled_from(["T", "<script>x</script>", "a: b", "「標題」", "<!--", "'"]),
        "nocite": st.sampled_from(["", "@ost2018", "@*", "@nope", "[1, 2]", "{a: b}"]),
    }
)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=MARKDOWN, front=FRONT_MATTER, bib=EXTRA_BIB)
def test_a_real_strict_build_never_shows_a_traceback(
    tmp_path_factory, text: str, front: dict[str, str], bib: str
) -> None:
    head = (
        "---\n"
        + "".join(f"{name}: {value!r}\n" if value else "" for name, value in front.items())
        + "---\n\n"
    )
    root = tmp_path_factory.mktemp("site")
    site = make_site(
        root,
        {"p.en.md": head + "# P\n\n" + text + "\n", "p.zh-Hant.md": "# P\n"},
        bib=SAMPLE_BIB + "\n" + bib,
    )
    assert "Traceback" not in site.log, site.log[-3000:]
    assert site.returncode in (0, 1), site.log[-3000:]
    if site.returncode == 1:  # failed: it said where and why
        assert re.search(r"^(WARNING|ERROR)\s+-", site.log, re.M), site.log[-3000:]
