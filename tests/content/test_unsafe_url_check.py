"""`neutralize`'s first look (does any tag carry an unsafe URL?) reads only tags holding ":" or
"&": the same answer as reading every tag (the first implementation, kept here as the
reference), on random markup and on the real site's pages."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from site_testing import REPO_ROOT
from test_source_properties import EXTENSIONS

from healthsite.content import links


def reference_has_unsafe_url(page_html: str) -> bool:
    """Every attribute of every tag, as `neutralize` first read them."""
    return any(
        attribute["name"].lower() in links.URL_ATTRIBUTES
        and links.is_unsafe(next(v for v in attribute.group("dq", "sq", "uq") if v is not None))
        for tag in links.TAG_RE.finditer(page_html)
        for attribute in links.ATTRIBUTE_RE.finditer(tag[0])
    )


#: Tags and values that stress the check: schemes spelled with references, tabs and case,
#: quotes holding ">" and other tags, attribute names that only look like URL attributes.
PIECES = [
    "<a ",
    "<img ",
    "<A ",
    "<svg ",
    ">",
    "/>",
    " ",
    "\t",
    "\n",
    "href=",
    "HREF=",
    "src=",
    "xlink:href=",
    "srcset=",
    "data-href=",
    "title=",
    "bac\u212aground=",
    '"',
    "'",
    "javascript:x",
    "java\tscript:x",
    "&#106;avascript:x",
    "javascript&colon;x",
    "&#58;",
    "&amp;",
    "data:x",
    "https://e.org/a?b=1&amp;c=2",
    "mailto:a@b.c",
    "../x/",
    "#top",
    ":",
    "&",
    "<b>",
    "</a>",
    "text",
    "肝",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_the_check_equals_the_reference_on_random_markup(pieces):
    html = "".join(pieces)
    assert links._has_unsafe_url(html) is reference_has_unsafe_url(html)


def test_the_check_equals_the_reference_on_the_real_pages():
    """Every page of the real site as Markdown renders it, with and without an unsafe link."""
    pages = sorted((REPO_ROOT / "docs").rglob("*.md"))
    assert len(pages) > 10
    for path in pages:
        html = markdown.markdown(path.read_text(encoding="utf-8"), extensions=EXTENSIONS)
        unsafe = [html.replace('href="', f'href="{scheme}', 1) for scheme in UNSAFE_SCHEMES]
        for variant in (html, *unsafe):
            assert links._has_unsafe_url(variant) is reference_has_unsafe_url(variant), path


#: Unsafe schemes as written in HTML; the last two have no ":" of their own.
UNSAFE_SCHEMES = ["javascript:", "&#106;avascript:", "javascript&#58;", "data&colon;"]


@pytest.mark.parametrize("scheme", UNSAFE_SCHEMES)
def test_an_unsafe_url_is_found_however_its_colon_is_written(scheme: str):
    html = f'<p><a class="x" href="{scheme}alert(1)">a</a></p>'
    assert links._has_unsafe_url(html) and reference_has_unsafe_url(html)
