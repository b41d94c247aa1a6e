"""Page weight (hooks/page_weight.py): one site stylesheet, deferred scripts, no indentation,
and the same page shown."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from site_testing import REPO_ROOT, BuiltSite, TinySite

from healthsite.weight import whitespace
from healthsite.weight.stylesheet_bundle import BundleError, join_stylesheets
from healthsite.weight.whitespace import compact_html

MATERIAL_CSS = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css$")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<ul>\n    <li>a</li>\n    <li>b</li>\n  </ul>", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
        ("<p>one\n\n      two</p>", "<p>one\ntwo</p>"),
        ("<p>a  b</p>", "<p>a  b</p>"),  # no line break: left alone
        ("<pre>x\n    y</pre>\n  <p>", "<pre>x\n    y</pre>\n<p>"),
        ("<pre><code>x\n    y</code></pre>", "<pre><code>x\n    y</code></pre>"),
        ("<p><code>a\n    b</code></p>", "<p><code>a\n    b</code></p>"),
        ("<textarea>\n  t</textarea>", "<textarea>\n  t</textarea>"),
        ("<script>\n  var a = 1;\n</script>\n  <p>", "<script>\n  var a = 1;\n</script>\n<p>"),
        ("<style>\n  p { }\n</style>", "<style>\n  p { }\n</style>"),
        ('<a title="one\n    two">\n  x</a>', '<a title="one\n    two">\nx</a>'),
        ("<!-- a\n    b -->\n  <p>", "<!-- a\n    b -->\n<p>"),
    ],
)
def test_compact_html(html: str, expected: str):
    assert compact_html(html) == expected


def reference_compact_html(html: str) -> str:
    """The first implementation of `compact_html` (every tag copied as a kept piece, the runs
    found with `LINE_BREAK_RUN`), kept as the reference for the faster one."""
    out = []
    position = 0
    for match in whitespace.KEPT.finditer(html):
        out.append(whitespace.LINE_BREAK_RUN.sub("\n", html[position : match.start()]))
        out.append(match.group())
        position = match.end()
    out.append(whitespace.LINE_BREAK_RUN.sub("\n", html[position:]))
    return "".join(out)


#: Pieces that stress the kept pieces and the runs: tags with "<", ">" or line breaks inside,
#: unclosed comments and elements, each kind of white space around line breaks.
MARKUP_PIECES = [
    "<p>",
    "</p>",
    '<a title="x\n  y">',
    "<a title='<b>'>",
    '<a b="<!--">',
    "<br/>",
    "<pre>",
    "</pre>",
    "</PRE >",
    "<code>",
    "</code>",
    "<kbd>",
    "</kbd>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<textarea>",
    "</textarea>",
    "<preview>",
    "<codex>",
    "<!--",
    "-->",
    "<!-- c -->",
    "<",
    ">",
    "<\n>",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "\r",
    "\f",
    "\r\n",
    " \n ",
    "\x0b",
    "x",
    "肝",
    "&amp;",
    '"',
    "'",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=40))
def test_compact_html_equals_the_reference_on_random_markup(pieces):
    html = "".join(pieces)
    assert compact_html(html) == reference_compact_html(html)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<>/!-\n \t\r\fpcodeksrityl\"'", max_size=80))
def test_compact_html_equals_the_reference_on_character_soup(html):
    assert compact_html(html) == reference_compact_html(html)


def test_compact_html_equals_the_reference_on_real_templates():
    """Material's templates and ours: real markup, indented, with Jinja between the tags (and
    the same files with trailing spaces, which take the other path)."""
    folders = [Path(material.__file__).parent / "templates", REPO_ROOT / "overrides"]
    files = [path for folder in folders for path in folder.rglob("*.html")]
    assert len(files) > 50
    for path in files:
        html = path.read_text(encoding="utf-8")
        for variant in (html, html.replace("\n", " \n")):
            assert compact_html(variant) == reference_compact_html(variant), path


def test_join_stylesheets_keeps_order_and_names_each_file():
    joined = join_stylesheets([("a.css", "p { color: red; }\n"), ("b.css", "p { color: blue; }")])
    assert joined == "/* a.css */\np { color: red; }\n\n/* b.css */\np { color: blue; }\n"


def test_join_stylesheets_ignores_at_rules_in_comments():
    assert "@import" in join_stylesheets([("a.css", "/* no\n@import here */\np {}")])


@pytest.mark.parametrize("rule", ["@import url(x.css);", "@charset 'utf-8';", "@IMPORT 'x';"])
def test_join_stylesheets_refuses_top_only_rules(rule: str):
    with pytest.raises(BundleError) as raised:
        join_stylesheets([("ok.css", "p {}\n"), ("bad.css", f"/* a\n b */\n{rule}\n")])
    assert str(raised.value).startswith(
        f"bad.css:3: {rule.split()[0].rstrip(';')} cannot be joined"
    )


def _config() -> dict:
    return yaml.safe_load(
        re.sub(r"!!python/\S+", "", (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    )


def test_every_page_links_one_site_stylesheet_holding_every_source(built_site: BuiltSite):
    sources = _config()["extra_css"]
    bundle = (built_site.root / "assets/stylesheets/bundle.css").read_text(encoding="utf-8")
    position = 0
    for source in sources:  # each file whole, in mkdocs.yml's order
        css = (REPO_ROOT / "overrides" / source).read_text(encoding="utf-8").rstrip()
        found = bundle.find(css, position)
        assert found >= position, source
        position = found + len(css)
    for page in built_site.html_files():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
        own = [href for href in links if not MATERIAL_CSS.search(href)]
        assert len(links) == 3 and own[0].endswith("assets/stylesheets/bundle.css"), page


def test_every_script_file_is_deferred(built_site: BuiltSite):
    listed = [entry["path"] for entry in _config()["extra_javascript"]]
    for page in built_site.html_files():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        scripts = soup.select("script[src]")
        assert [s["src"].rsplit("/", 1)[1] for s in scripts[1:]] == [
            path.rsplit("/", 1)[1] for path in listed
        ], page
        assert re.search(r"/bundle\.[0-9a-f]+\.min\.js$", scripts[0]["src"]), page
        assert all(script.has_attr("defer") for script in scripts), page


def test_pages_have_no_indentation_outside_preformatted_text(built_site: BuiltSite):
    for page in built_site.html_files():
        html = page.read_text(encoding="utf-8")
        outside = re.sub(r"<(pre|code|script|textarea)\b.*?</\1>", "", html, flags=re.DOTALL)
        assert not re.search(r"\n[ \t]+\S", outside), page


def _tiny_site_with_css(tmp_path: Path, css: str) -> TinySite:
    site = TinySite(tmp_path)
    site.configure(["page_weight.py"])
    config = site.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "extra_css: [extra.css, assets/stylesheets/site.css]\n",
        encoding="utf-8",
    )
    site.write("docs/index.zh-Hant.md", "# 首頁\n\n文字。\n")
    site.write("docs/index.en.md", "# Home\n\nText.\n")
    site.write("docs/extra.css", css)
    return site


def test_a_tiny_site_serves_its_own_stylesheet_first_in_the_bundle(tmp_path: Path):
    site = _tiny_site_with_css(tmp_path, ".tiny { color: teal; }\n")
    result = site.build()
    assert result.returncode == 0, result.stderr
    bundle = (site.root / "site/assets/stylesheets/bundle.css").read_text(encoding="utf-8")
    assert bundle.startswith("/* docs/extra.css */\n.tiny { color: teal; }\n")
    # The theme folder is the repository's, outside this project: named relative to it.
    assert re.search(r"\n/\* [./]*[^ ]*/overrides/assets/stylesheets/site\.css \*/\n", bundle)
    for path in ("", "en/"):
        links = [link["href"] for link in site.soup(path).select('link[rel="stylesheet"]')]
        own = [href for href in links if not MATERIAL_CSS.search(href)]
        assert own == [("../" if path else "") + "assets/stylesheets/bundle.css"]


def test_an_import_in_a_stylesheet_fails_the_build_at_its_line(tmp_path: Path):
    site = _tiny_site_with_css(tmp_path, "p { }\n\n@import url(more.css);\n")
    result = site.build()
    assert result.returncode != 0
    assert "docs/extra.css:3: @import cannot be joined into the site's one stylesheet" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_missing_stylesheet_fails_the_build_naming_it(tmp_path: Path):
    site = _tiny_site_with_css(tmp_path, "p { }\n")
    (site.root / "docs/extra.css").unlink()
    result = site.build()
    assert result.returncode != 0
    assert "mkdocs.yml: extra_css: extra.css is neither in docs/ nor in overrides/" in (
        result.stderr
    )
