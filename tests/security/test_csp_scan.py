"""The fast page scan (healthsite.security.csp.scan) reads pages exactly as HTMLParser does.

The policy hashes the inline scripts the scan finds and reports the blocked attributes it finds,
so a scan that tokenised a page differently from the reference (``reference_scan``, the
standard library's ``HTMLParser``) could hash a script that is not there or miss one that is.
Every page here is compared with the reference, attribute checks on and off.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from site_testing import BuiltSite

from healthsite.security import csp

#: Pieces of markup that stress a tokeniser: quotes, slashes, '>' inside values, comments,
#: script and style text holding markup, references, blocked attributes, odd whitespace.
PIECES = [
    "<!doctype html>",
    "<html lang=en>",
    "<head>",
    "<meta charset=utf-8>",
    '<meta http-equiv="Content-Security-Policy" content="x">',
    "<META HTTP-EQUIV='content-security-policy'>",
    "<script>",
    "</script>",
    "</SCRIPT >",
    "<script src=a.js>",
    '<script type="application/ld+json">',
    "<script type=module>",
    "<style>",
    "</style>",
    "<link rel=stylesheet href=x.css>",
    '<a href="https://example.org/x?a=1&amp;b=2">',
    "<a href='javascript:alert(1)'>",
    '<a href="&#106;avascript:x">',
    '<a href="java\tscript:x">',
    '<img src="//cdn.example/x.png">',
    '<img src="a.png" alt="a > b">',
    '<div onclick="f()">',
    '<div title="x"onclick="f()">',
    '<p style="color:red">',
    "<p STYLE=x>",
    "<span lang=en>",
    '<abbr title="one / two: three">',
    "<br/>",
    "<br />",
    "<a b c=d>",
    '<a b="c"d>',
    "<a ==x>",
    "<a/b>",
    "<svg xmlns='http://www.w3.org/2000/svg'><path d='M0 0'/></svg>",
    "<!-- a comment <script>x</script> -->",
    "<!-- unterminated",
    "<!--->",
    "<!bogus>",
    "<?pi x?>",
    "</p>",
    "</>",
    "</ div>",
    "< not a tag",
    "a < b > c",
    "&amp;",
    "&#60;",
    "&#x3c;",
    "&#;",
    "&nbsp",
    "肝癌",
    "\n",
    "  ",
    '"',
    "'",
    "=",
    ">",
    "<",
    "/",
    "<![CDATA[x]]>",
    "<script/>",
    "<a\x0bonclick=x>",
    "<title><script>t</script></title>",
    "var s = '</scr' + 'ipt>';",
]


def same_as_reference(page: str) -> None:
    for attributes in (True, False):
        expected = csp.reference_scan(page, attributes=attributes)
        assert csp.scan(page, attributes=attributes) == expected
        fast = csp._fast_scan(page, attributes)
        assert fast is None or fast == expected


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_fast_scan_reads_pages_as_htmlparser_does(pieces):
    try:
        csp.reference_scan("".join(pieces))
    except ValueError:  # HTMLParser leaves an unterminated <script/> open: not a page
        return
    same_as_reference("".join(pieces))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="<>/=\"' \nabcdehilmnoprstvjy:&#;!-?", max_size=80))
def test_fast_scan_on_character_soup(text):
    try:
        csp.reference_scan(text)
    except ValueError:
        return
    same_as_reference(text)


@pytest.mark.parametrize(
    "page",
    [
        "<!doctype html><html><head><meta charset=utf-8><script>a()</script></head>"
        '<body><p onclick="x()">t</p></body></html>',
        "<html><head><title>t</title><style>p{}</style></head><body>"
        "<a href='javascript:x'>a</a><img src=//h/x.png></body></html>",
        '<head><link rel=stylesheet href=s.css><meta http-equiv="Content-Security-Policy" '
        'content="x"></head>',
    ],
)
def test_ordinary_pages_take_the_fast_path(page):
    """Pages made of ordinary markup never need HTMLParser (what keeps the build fast)."""
    fast = csp._fast_scan(page, True)
    assert fast is not None
    assert fast == csp.reference_scan(page)
    assert fast.blocked or fast.scripts or fast.styles or fast.existing


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["&", "#", "x", "X", "1", "a", "<", ".", "-", ";", " "])))
def test_awkward_reference_check_equals_its_single_expression(pieces):
    """The fast scan's check for references HTMLParser waits on gives what the one regular
    expression it replaced gives (that expression tried its end-of-page branches at every
    ``&`` and ``<`` of a page)."""
    text = "".join(pieces)
    assert csp._awkward_reference(text) is bool(csp._AWKWARD_REFERENCE_RE.search(text))


def test_fast_scan_reads_the_real_pages_as_htmlparser_does(built_site: BuiltSite):
    """Every page of the real site, and its content with an inline handler and script added
    near the end (line numbers counted after the page's other blocked attributes)."""
    pages = built_site.html_files()
    assert len(pages) > 10
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert csp._fast_scan(page, False) is not None, path
        same_as_reference(page)
        end = page.rindex("</body>")
        tampered = f'{page[:end]}<p onclick="x()">\n<script>y()</script>\n{page[end:]}'
        same_as_reference(tampered)
        assert csp.scan(tampered).blocked
