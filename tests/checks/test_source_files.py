"""Bad source files: `make check` and the strict build give the same located message, never a
traceback, and a build that goes on (not strict) ships no live unsafe link."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from tiny_repo import Repo, repo_fixture  # noqa: F401

ZH = "docs/articles/sample.zh-Hant.md"
EN = "docs/articles/sample.en.md"
PAGE = "docs/about.en.md"
PAGE_ZH = "docs/about.zh-Hant.md"
UTF8_FIX = (
    "save the file as UTF-8 (in your editor: Save with Encoding → UTF-8; "
    "or `iconv -f BIG5 -t UTF-8 {path}` for a Big5 file)"
)
LINK_FIX = (
    "link only to http(s) pages, mailto: addresses or files of this site "
    "(the link is removed from the page)"
)


@pytest.fixture(name="site")
def site_fixture(repo: Repo) -> Repo:
    """The tiny repository with the source-file hook on, as in the real mkdocs.yml."""
    repo.add_hook("source_files.py")
    repo.write(PAGE_ZH, "# 關於\n\n內容。\n")
    repo.write(PAGE, "# About\n\nText.\n")
    return repo


def write_bytes(repo: Repo, relative: str, data: bytes) -> None:
    (repo.root / relative).write_bytes(data)


def assert_reported_by_both(site: Repo, tmp_path: Path, expected: str) -> None:
    """`make check` prints `expected` (path:line:col: error: …) and exits 1; the strict
    build prints the same location and text and fails, without a traceback."""
    check = site.check("--only", "content")
    assert expected in check.stdout.splitlines(), check.stdout + check.stderr
    assert check.returncode == 1
    assert "Traceback" not in check.stderr
    build = site.build(tmp_path / "site")
    location, _, text = expected.partition(": error: ")
    assert f"source_files: {location}: {text}" in build.stderr, build.stderr
    assert build.returncode == 1
    assert "Traceback" not in build.stderr


def test_a_page_that_is_not_utf8_is_located_and_the_build_goes_on(site: Repo, tmp_path: Path):
    write_bytes(site, PAGE, b"# About\n\nCaf" + b"\xe9 au lait.\n")
    assert_reported_by_both(
        site,
        tmp_path,
        f"{PAGE}:3:4: error: not UTF-8: byte 0xE9 cannot be read as text; "
        + UTF8_FIX.format(path=PAGE),
    )
    preview = site.build(tmp_path / "preview", strict=False)
    assert preview.returncode == 0, preview.stderr
    page = (tmp_path / "preview" / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert "Caf\ufffd au lait." in page  # shown, with the bad byte marked


def test_an_article_that_is_not_utf8_does_not_crash_the_other_checks(site: Repo, tmp_path: Path):
    text = site.read(EN).replace("Text [@ost2018", "Caf\udce9 [@ost2018")
    write_bytes(site, EN, text.encode("utf-8", errors="surrogateescape"))
    site.edit(ZH, "review_status: awaiting-clinical-review", "review_status: done")
    result = site.check("--only", "content,markdown")
    lines = result.stdout.splitlines()
    assert (
        f"{EN}:25:4: error: not UTF-8: byte 0xE9 cannot be read as text; "
        + UTF8_FIX.format(path=EN)
        in lines
    ), result.stdout
    assert any(line.startswith(f"{ZH}:7:1: error: review_status 'done'") for line in lines)
    assert "Traceback" not in result.stderr
    build = site.build(tmp_path / "site")
    assert "Traceback" not in build.stderr
    assert f"{EN}:25:4: not UTF-8" in build.stderr


def test_a_bom_is_named_at_1_1_without_misleading_lint(site: Repo, tmp_path: Path):
    write_bytes(site, PAGE, b"\xef\xbb\xbf---\ntitle: About\n---\n\n# About\n\n- one\n- two\n")
    assert_reported_by_both(
        site,
        tmp_path,
        f"{PAGE}:1:1: error: file starts with a BOM (an invisible byte-order mark); "
        "save the file as UTF-8 without BOM (in your editor: Save with Encoding → UTF-8)",
    )
    lint = site.check("--only", "markdown")
    assert lint.stdout == "", lint.stdout  # no list or heading errors caused by the BOM


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        pytest.param(
            "---\ntitle: About: us\n---\n",
            f"{PAGE}:2:13: error: front matter is not valid YAML: mapping values are not "
            "allowed in this context; fix the YAML syntax (quote values that contain ': ' "
            "or start with a symbol)",
            id="invalid-yaml",
        ),
        pytest.param(
            "---\ntitle: About\ndate: 2026-02-30\n---\n",
            f"{PAGE}:3:7: error: '2026-02-30' is not a date that exists (YAML reads it as one); "
            "write a real date as YYYY-MM-DD, or quote the value to keep it as text",
            id="impossible-date",
        ),
        pytest.param(
            "---\ntitle: About\n",
            f"{PAGE}:1:1: error: front matter is not closed: no line '---' after it; "
            "end the front matter with a line '---' (or remove this one)",
            id="unclosed",
        ),
        pytest.param(
            "Summary: what this page is about\n",
            f"{PAGE}:1:1: error: the first line 'Summary: what this page is about' is read as "
            "page metadata and the lines up to the first blank line are not shown; start the "
            "page with its # heading (front matter goes between --- lines)",
            id="multimarkdown-metadata",
        ),
    ],
)
def test_front_matter_of_any_page_is_checked(
    site: Repo, tmp_path: Path, front_matter: str, expected: str
):
    site.write(PAGE, front_matter + "\n# About\n\nText.\n")
    assert_reported_by_both(site, tmp_path, expected)


def test_an_impossible_date_does_not_stop_markdown_lint(site: Repo):
    site.edit(ZH, "date_published: 2026-11-22", "date_published: 2026-02-30")
    site.write(PAGE, "# About\n\nText.  \n")
    result = site.check("--only", "markdown")
    assert result.stdout.splitlines() == [
        f"{PAGE}:3:6: error: Trailing spaces [Expected: 0; Actual: 2] (MD009); "
        "delete the spaces at the end of the line (end a line with \\ for a line break)"
    ]
    assert ".pymarkdown.json" not in result.stdout
    content = site.check("--only", "content")
    assert content.stdout.splitlines() == [
        f"{ZH}:8:1: error: 'date_published' is not an ISO date: '2026-02-30'; "
        "write the date as YYYY-MM-DD, e.g. 2026-11-22"
    ]


UNSAFE = [
    pytest.param("[click](javascript:alert(1))", 9, "javascript", "javascript:alert(1)", id="js"),
    pytest.param("![chart](data:image/svg+xml,x)", 10, "data", "data:image/svg+xml,x", id="data"),
    pytest.param("[v](VBScript:msgbox)", 5, "vbscript", "VBScript:msgbox", id="vbscript"),
    pytest.param("[t](<java&#x09;script:x>)", 6, "javascript", "java&#x09;script:x", id="entity"),
    pytest.param(
        '<a href="javascript:go()">go</a>', 10, "javascript", "javascript:go()", id="html"
    ),
]


@pytest.mark.parametrize(("markdown", "col", "scheme", "url"), UNSAFE)
def test_unsafe_links_are_errors_and_never_ship(
    site: Repo, tmp_path: Path, markdown: str, col: int, scheme: str, url: str
):
    site.write(
        PAGE,
        f"# About\n\nSafe [site](https://example.org) [mail](mailto:a@b.org).\n\n{markdown} text\n",
    )
    assert_reported_by_both(
        site,
        tmp_path,
        f"{PAGE}:5:{col}: error: link to a '{scheme}:' URL is not allowed: '{url}'; {LINK_FIX}",
    )
    preview = site.build(tmp_path / "preview", strict=False)
    assert preview.returncode == 0, preview.stderr
    soup = BeautifulSoup(
        (tmp_path / "preview" / "en" / "about" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    article = soup.select_one("article")
    targets = [tag.get("href") or tag.get("src") for tag in article.select("[href], [src]")]
    assert [target for target in targets if ":" in target] == [
        "https://example.org",
        "mailto:a@b.org",
    ]
    assert "text" in article.get_text()  # the link text stays


def test_a_link_in_code_is_not_a_link(site: Repo):
    site.write(PAGE, "# About\n\n`[x](javascript:alert(1))`\n\n```text\n[y](data:x)\n```\n")
    result = site.check("--only", "content")
    assert result.stdout == "", result.stdout


@pytest.mark.parametrize(
    ("name", "fix"),
    [
        ("Sample Article", "rename it to sample-article.<language>.md"),
        ("肝癌", "rename it to a short English slug such as liver-cancer.<language>.md"),
        ("Sample", "rename it to sample.<language>.md"),
    ],
)
def test_article_file_names_are_slugs(site: Repo, tmp_path: Path, name: str, fix: str):
    for language in ("zh-Hant", "en"):
        old = site.root / f"docs/articles/sample.{language}.md"
        text = old.read_text(encoding="utf-8").replace("slug: sample", f"slug: {name}")
        old.unlink()
        site.write(f"docs/articles/{name}.{language}.md", text)
    site.edit("docs/index.en.md", "articles/sample.md", f"articles/{name}.md")
    site.edit("docs/index.zh-Hant.md", "articles/sample.md", f"articles/{name}.md")
    assert_reported_by_both(
        site,
        tmp_path,
        f"docs/articles/{name}.en.md:1:1: error: article file name '{name}' is not a slug "
        f"(ASCII lower-case letters, digits and hyphens); {fix} in every language, and set "
        "`slug:` to the same",
    )


BROKEN_LINK = (
    "Doc file 'about.en.md' contains a link 'missing.md', but the target is not found among "
    "documentation files; fix the link's target (a path relative to this file, ending in .md) "
    "or the heading its #anchor names"
)


def test_a_broken_internal_link_is_reported_at_its_line(site: Repo, tmp_path: Path):
    """`make build` prints MkDocs' own message at the link's line and column, as `make check`
    does (one library rule locates it for both)."""
    site.write(PAGE, "# About\n\nIntro.\n\nSee [the page](missing.md) for more.\n")
    result = site.check("--only", "site")
    assert f"{PAGE}:5:16: error: {BROKEN_LINK}" in result.stdout.splitlines(), result.stdout
    build = site.build(tmp_path / "site")
    assert f"WARNING -  {PAGE}:5:16: {BROKEN_LINK}" in build.stderr.splitlines(), build.stderr
    assert build.returncode == 1


def test_a_broken_anchor_to_a_chinese_heading_is_located(site: Repo):
    """lychee prints the fragment percent-encoded; the source has it in Chinese."""
    site.write(
        PAGE_ZH,
        '# 關於\n\n## 肝癌\n\n內容。\n\n<a href="#肝臟">往下</a>\n',
    )
    lines = site.lines("--only", "site")
    assert any(
        line.startswith(f"{PAGE_ZH}:7:10: error: broken link in the built page about/index.html")
        for line in lines
    ), lines


def test_a_page_without_language_suffix_beside_its_source_language_file(site: Repo, tmp_path: Path):
    """mkdocs-static-i18n would stop with a traceback; both paths are named, with the fix."""
    site.write("docs/about.md", "# About (old)\n")
    assert_reported_by_both(
        site,
        tmp_path,
        "docs/about.md:1:1: error: 'docs/about.md' and 'docs/about.zh-Hant.md' are the same "
        "page: a file without a language suffix is the zh-Hant version; keep one: move what "
        "you need into docs/about.zh-Hant.md and delete docs/about.md (the build uses "
        "docs/about.zh-Hant.md)",
    )
    preview = site.build(tmp_path / "preview", strict=False)
    assert preview.returncode == 0, preview.stderr
    assert preview.stderr.count("are the same page") == 1  # once, not once per language
    page = (tmp_path / "preview" / "about" / "index.html").read_text(encoding="utf-8")
    assert "關於" in page


def test_a_footnote_defined_twice_is_an_error_at_each_definition(site: Repo, tmp_path: Path):
    """Markdown keeps only the last definition: the first one's text would vanish silently."""
    site.write(PAGE, "# About\n\nText[^1].\n\n[^1]: First, citing @ost2018.\n[^1]: Second.\n")
    assert_reported_by_both(
        site,
        tmp_path,
        f"{PAGE}:5:1: error: footnote [^1] is defined 2 times (lines 5, 6); only the last is "
        "shown; give each footnote its own label, or merge the definitions",
    )
