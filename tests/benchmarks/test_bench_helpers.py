"""Pure helpers of the harness: ratios, medians, the mkdocs-bibtex rewrite, config variants."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

import pybtex.errors
import pytest
from pybtex.database import parse_string

from benchmarks import mkbibtex, runner, static_server, stats, variants, weight
from benchmarks.report import Figure, markdown_table


@pytest.mark.parametrize(
    ("values", "expected"),
    [([3.0, 1.0, 2.0], 2.0), ([4.0, 1.0], 2.5), ([5.0], 5.0), ([], None)],
)
def test_median(values: list[float], expected: float | None) -> None:
    assert stats.median(values) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [(10.3, 10.0, 1.03), (3.0, 2.0, 1.5), (1.0, 0.0, None), (None, 1.0, None), (1.0, None, None)],
)
def test_ratio(a: float | None, b: float | None, expected: float | None) -> None:
    result = stats.ratio(a, b)
    assert result == pytest.approx(expected) if expected is not None else result is None


@pytest.mark.parametrize(
    ("on", "off", "expected"),
    [
        ([7.4, 9.0, 9.0], [7.3, 8.7, 7.9], 9.0 / 8.7),  # the drift between rounds cancels out
        ([10.0, 12.0], [10.0, 10.0], 1.1),
        ([10.0, 5.0], [0.0, 5.0], 1.0),  # a ratio that cannot be taken is left out
        ([], [], None),
    ],
)
def test_paired_ratio(on: list[float], off: list[float], expected: float | None) -> None:
    result = stats.paired_ratio(on, off)
    assert result == pytest.approx(expected) if expected is not None else result is None


def test_side_by_side_runs_abba(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    order: list[str] = []

    def run_build(build: runner.Build, site_dir: Path) -> runner.BuildResult:
        order.append(build.label)
        return runner.BuildResult(build.label, 1.0, 1.0, 0, 0, 0, site_dir)

    monkeypatch.setattr(runner, "run_build", run_build)
    builds = [runner.Build(label, Path("python"), Path("mkdocs.yml")) for label in "abc"]
    results = runner.run_side_by_side(builds, 3, tmp_path)
    assert "".join(order) == "abccbaabc"
    assert {label: len(runs) for label, runs in results.items()} == {"a": 3, "b": 3, "c": 3}


@pytest.mark.parametrize(
    ("ours", "theirs", "expected"),
    [
        ((10.5, 10.0), (20.0, 10.0), 20.0),  # +0.5 s vs +10 s
        ((11.0, 10.0), (15.0, 10.0), 5.0),
        ((10.0, 10.0), (20.0, 10.0), None),  # ours within noise: no ratio
        ((9.9, 10.0), (20.0, 10.0), None),
        ((None, 10.0), (20.0, 10.0), None),
    ],
)
def test_overhead_ratio(ours, theirs, expected) -> None:
    result = stats.overhead_ratio(*ours, *theirs)
    assert result == pytest.approx(expected) if expected is not None else result is None


@pytest.mark.parametrize(
    ("total", "count", "expected"), [(10.0, 400, 0.025), (1.0, 0, None), (None, 3, None)]
)
def test_per_item(total, count, expected) -> None:
    assert stats.per_item(total, count) == expected


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("A [@a, p. 5; @b] b.", "A [@a; @b] b."),
        ("治療[@ost2018]。", "治療[@ost2018]。"),
        ("x [see @a, pp. 3-4, emphasis added] y", "x [@a] y"),
        ("[@a; @b; @c]", "[@a; @b; @c]"),
        ("a [link](x.md) and [@k, chap. 2]", "a [link](x.md) and [@k]"),
        ("mail me@example.org [not @cite](url)", "mail me@example.org [not @cite](url)"),
        ("end\n\n<!-- bibliography -->\n", "end\n\n\\bibliography\n"),
    ],
)
def test_mkdocs_bibtex_rewrite(markdown: str, expected: str) -> None:
    assert mkbibtex.rewrite_markdown(markdown) == expected


def test_mkdocs_bibtex_bib_rewrite_keeps_it_parseable() -> None:
    bib = (
        "@online{who2020x,\n  author = {{WHO}},\n  title = {{T}},\n  year = {2020},\n"
        "  url = {https://example.org/a?b=1&c=2}\n}\n"
    )
    rewritten = mkbibtex.rewrite_bib(bib)
    assert rewritten.startswith("@misc{who2020x,")
    assert "howpublished = {\\url{https://example.org/a?b=1&c=2}}" in rewritten
    pybtex.errors.set_strict_mode(True)
    entry = parse_string(rewritten, "bibtex").entries["who2020x"]
    assert entry.type == "misc"


def test_variant_inherits_and_replaces_lists(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nhooks:\n  - hooks/glossary.py\n  - hooks/citations.py\n"
        "markdown_extensions:\n  - toc:\n"
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
        "        kwds: {case: lower}\nplugins:\n  - search:\n      separator: x\n  - i18n:\n"
        "      docs_structure: suffix\n  - other\n",
        encoding="utf-8",
    )
    config = variants.read_config(tmp_path / "mkdocs.yml")
    assert variants.hooks_without_citations(config["hooks"]) == ["hooks/glossary.py"]
    assert variants.citation_hooks(config["hooks"]) == ["hooks/citations.py"]
    plain = variants.plain_plugins(config["plugins"])
    assert plain == ["search", {"i18n": {"docs_structure": "suffix"}}]
    path = variants.write_variant(tmp_path, "nocite", {"hooks": ["hooks/glossary.py"]})
    child = variants.read_config(path)
    assert child["hooks"] == ["hooks/glossary.py"]
    assert child["site_name"] == "x"


@pytest.mark.parametrize(
    ("data", "compressed"),
    [(b"a" * 1000, False), (gzip.compress(b"x" * 1000, mtime=0), True)],  # same bytes each run
    ids=["text", "gzip"],  # pytest-xdist workers must collect the same test names
)
def test_gzip_size_counts_precompressed_files_as_they_are(data: bytes, compressed: bool) -> None:
    size = weight.gzip_size(data)
    assert (size == len(data)) is compressed
    assert size <= len(data)


def test_first_visit_follows_css_fonts_and_skips_other_hosts(tmp_path: Path) -> None:
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<link rel="stylesheet" href="../s.css"><script src="../j.js"></script>'
        '<script src="https://cdn.example.com/x.js"></script><a href="../other/">x</a>',
        encoding="utf-8",
    )
    (tmp_path / "s.css").write_text("@font-face{src:url(f/x.woff2)}", encoding="utf-8")
    (tmp_path / "j.js").write_text("1", encoding="utf-8")
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "x.woff2").write_bytes(b"12345")
    visit = weight.first_visit(tmp_path, page)
    assert visit["files"] == ["a/index.html", "f/x.woff2", "j.js", "s.css"]
    assert visit["external"] == ["https://cdn.example.com/x.js"]
    assert visit["raw"] == sum((tmp_path / f).stat().st_size for f in visit["files"])


@pytest.mark.parametrize(("met", "verdict"), [(True, "yes"), (False, "**no**"), (None, "—")])
def test_table_row(met: bool | None, verdict: str) -> None:
    table = markdown_table([Figure("f|1", "2×", "≤ 3×", met)])
    assert table.splitlines()[2] == f"| f\\|1 | 2× | ≤ 3× | {verdict} |"


def test_lighthouse_figure_says_why_it_is_missing(tmp_path, monkeypatch) -> None:
    from benchmarks import lighthouse
    from benchmarks.suite import Settings, _lighthouse

    monkeypatch.setattr(lighthouse, "CLI", tmp_path / "nowhere" / "index.js")
    monkeypatch.setattr(
        "benchmarks.suite._typical_articles", lambda site: {"zh-Hant": site / "a" / "index.html"}
    )
    [figure] = _lighthouse(tmp_path, None, Settings.quick())
    assert figure.name.startswith("5c. Lighthouse mobile performance of an article, zh-Hant")
    assert figure.value == (
        "n/a: lighthouse not installed (`npm ci` in benchmarks/, as `make bench` does)"
    )
    assert figure.met is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("gzip, deflate, br", True),
        ("br;q=1.0, gzip;q=0.8", True),
        ("*", True),
        ("gzip;q=0", False),
        ("identity", False),
        (None, False),
    ],
)
def test_static_server_reads_accept_encoding(header: str | None, expected: bool) -> None:
    assert static_server.accepts_gzip(header) is expected


def test_static_server_gzips_text_only_when_accepted(tmp_path: Path) -> None:
    page = "<!doctype html><title>x</title>" + "<p>repeated text</p>" * 200
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "style.css").write_text("p { color: red }\n" * 100, encoding="utf-8")
    (tmp_path / "font.woff2").write_bytes(b"wOF2" + bytes(range(256)) * 4)

    def fetch(base: str, path: str, encoding: str | None) -> tuple[str | None, bytes]:
        headers = {"Accept-Encoding": encoding} if encoding else {}
        with urllib.request.urlopen(urllib.request.Request(base + path, headers=headers)) as r:
            return r.headers.get("Content-Encoding"), r.read()

    with static_server.serve(tmp_path) as base:
        coding, body = fetch(base, "a/", "gzip, br")
        assert coding == "gzip" and gzip.decompress(body).decode() == page
        assert len(body) < len(page) // 10
        coding, body = fetch(base, "style.css", "gzip")
        assert coding == "gzip" and gzip.decompress(body) == (tmp_path / "style.css").read_bytes()
        assert fetch(base, "a/", None) == (None, page.encode())  # a client without gzip
        assert fetch(base, "a/", "gzip;q=0") == (None, page.encode())
        font = fetch(base, "font.woff2", "gzip")  # fonts and images go as they are
        assert font == (None, (tmp_path / "font.woff2").read_bytes())
