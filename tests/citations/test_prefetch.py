"""The prefetch child: it only warms the entry store (entries parsed, formatted and checked,
pages' citations rendered), so builds give the same pages and messages with it or without
it, and the build does whatever the child did not."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from citation_helpers import CITATIONS, REPO, SAMPLE_BIB, TEMPLATE, make_site
from mkdocs.config import load_config

from healthsite.citations import (
    CitationExtension,
    PageContext,
    load_bibliography,
    load_labels,
    prefetch,
)
from healthsite.citations import bibliography as bibliography_module
from healthsite.citations.bibliography import Bibliography
from healthsite.citations.locate import source_groups
from healthsite.citations.page_memo import Group
from healthsite.citations.prefetch import (
    Prefetch,
    SiteSources,
    needs_prefetch,
    pages_in_build_order,
)
from healthsite.citations.render import EntryRenderer
from healthsite.citations.store import FORMATTED, PAGES, PARSED, PROBLEMS, EntryStore

#: SAMPLE_BIB plus an uncited entry that breaks a rule (no title).
BIB = SAMPLE_BIB + "\n@article{untitled2021,\n  journal = {J},\n  year = {2021},\n}\n"
SITE_PAGES = {
    "a.zh-Hant.md": "# 甲\n\n文字 [@ost2018; @who2023, 頁 5]。\n",
    "a.en.md": "# A\n\nText [@ost2018; @who2023, p. 5] and @chen2020 [p. 3].\n",
    "b.en.md": (
        '---\nnocite: "@smith2019"\n---\n\n# B [@who2023]\n\n!!! note\n    Noted [@chen2020].\n\n'
        "A footnote.[^1]\n\n```text\n[@ost2018] in code\n```\n\n[^1]: Cited [@ost2018].\n"
    ),
}


def _fresh(bib: Path) -> Bibliography:
    """A new build's bibliography: in-memory store, per-process caches emptied."""
    bibliography_module._file_cache.clear()
    bibliography_module._merged_cache.clear()
    return load_bibliography([bib], bib.parent, EntryStore())


def _write(tmp_path: Path) -> tuple[Path, Path]:
    bib, docs = tmp_path / "refs.bib", tmp_path / "docs"
    bib.write_text(BIB, "utf-8")
    docs.mkdir()
    for name, text in SITE_PAGES.items():
        (docs / name).write_text(text, "utf-8")
    return bib, docs


def _sources(docs: Path) -> SiteSources:
    return SiteSources(docs, "zh-Hant", ["zh-Hant", "en"])


def _extension(bibliography: Bibliography, messages: list[str] | None = None) -> CitationExtension:
    report = messages.append if messages is not None else (lambda message: None)
    return CitationExtension(bibliography, load_labels({}), TEMPLATE, report)


def _convert(extension: CitationExtension, docs: Path, name: str, lang: str) -> str:
    text = (docs / name).read_text("utf-8")
    extension.begin_page(PageContext(path=f"docs/{name}", lang=lang, source=text))
    return markdown.markdown(text, extensions=["admonition", "attr_list", extension])


def _formatted(bibliography: Bibliography, keys: list[str]) -> list[str]:
    renderer = EntryRenderer(bibliography, load_labels({}), report=lambda message: None)
    return [renderer.reference(bibliography.get(key), "en").html for key in keys]  # type: ignore[arg-type]


def test_the_child_parses_formats_and_checks_what_the_build_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bib, docs = _write(tmp_path)
    bibliography = _fresh(bib)
    assert needs_prefetch(bibliography)
    started = Prefetch.start(_extension(bibliography), _sources(docs))
    assert started is not None
    started.finish()
    store = bibliography.store
    cited = ["ost2018", "who2023", "chen2020"]
    for key in cited:
        digest = bibliography.raw[key].digest
        assert store.get(PARSED, digest) is not None, key
        assert any(k.startswith(digest + ":") for k in store._records[FORMATTED]), key
    assert bibliography.raw["untitled2021"].digest not in store._records[PARSED]  # not cited
    for entry in bibliography.raw.values():  # every entry checked, cited or not
        assert store.get(PROBLEMS, entry.digest) is not None, entry.key
    assert not needs_prefetch(bibliography)

    # what the build does next takes it all from the store: no pybtex, same HTML as without
    def no_pybtex(*args: object, **kwargs: object) -> None:
        raise AssertionError("pybtex ran in the build")

    reference = _fresh(bib)
    expected = _formatted(reference, cited), reference.problems()
    monkeypatch.setattr(bibliography_module, "_parse", no_pybtex)
    assert (_formatted(bibliography, cited), bibliography.problems()) == expected
    assert any("untitled2021" in message for message in expected[1])


def test_a_child_that_fails_leaves_the_work_to_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bib, docs = _write(tmp_path)

    def broken(*args: object) -> list[str]:
        raise RuntimeError("the child broke")

    monkeypatch.setattr(prefetch, "pages_in_build_order", broken)  # the fork inherits it
    bibliography = _fresh(bib)
    started = Prefetch.start(_extension(bibliography), _sources(docs))
    assert started is not None
    started.finish()
    records = bibliography.store._records  # nothing came back:
    assert not records[FORMATTED] and not records[PROBLEMS] and not records[PAGES]
    assert not {entry.digest for entry in bibliography.raw.values()} & set(records[PARSED])
    cited = ["ost2018", "who2023", "chen2020"]
    assert _formatted(bibliography, cited) == _formatted(_fresh(bib), cited)


def test_pages_come_in_the_order_the_build_reads_them(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for name in ("b.en.md", "b.zh-Hant.md", "a.en.md", "a.zh-Hant.md", "c.md"):
        (docs / name).parent.mkdir(exist_ok=True)
        (docs / name).write_text("x", "utf-8")
    assert [(path.name, lang) for path, lang in pages_in_build_order(_sources(docs))] == [
        ("a.zh-Hant.md", "zh-Hant"),
        ("b.zh-Hant.md", "zh-Hant"),
        ("c.md", "zh-Hant"),
        ("a.en.md", "en"),
        ("b.en.md", "en"),
    ]


def test_pages_rendered_by_the_child_are_taken_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bib, docs = _write(tmp_path)
    (docs / "b.en.md").write_text(
        '---\ntitle: B\nnocite: "@smith2019"\n---\n\n# B\n\n!!! note\n    In a note '
        "[see @chen2020, ch. 2].\n\nAnd @ost2018 [p. 4; @nobody] here.\n",
        "utf-8",
    )
    expected = {}
    for name, lang in (("a.en.md", "en"), ("a.zh-Hant.md", "zh-Hant"), ("b.en.md", "en")):
        messages: list[str] = []
        html = _convert(_extension(_fresh(bib), messages), docs, name, lang)
        expected[name] = (html, messages)

    bibliography = _fresh(bib)
    extension = _extension(bibliography)
    started = Prefetch.start(extension, _sources(docs))
    assert started is not None
    started.finish()
    assert len(bibliography.store._records[PAGES]) == 2  # b.en.md cites an unknown key

    def no_rendering(*args: object, **kwargs: object) -> None:
        raise AssertionError("the build rendered a page the child had rendered")

    for name, lang in (("a.en.md", "en"), ("a.zh-Hant.md", "zh-Hant")):
        with monkeypatch.context() as patch:
            patch.setattr(CitationExtension, "resolve_group", no_rendering)
            assert (_convert(extension, docs, name, lang), []) == expected[name]
    messages = []
    extension.report = messages.append
    assert (_convert(extension, docs, "b.en.md", "en"), messages) == expected["b.en.md"]
    assert any("nobody" in message for message in messages)


def test_a_warm_store_starts_no_child(tmp_path: Path) -> None:
    bib, _docs = _write(tmp_path)
    bibliography = _fresh(bib)
    bibliography.problems()
    assert not needs_prefetch(bibliography)


def test_builds_with_and_without_the_child_are_the_same(tmp_path: Path) -> None:
    built = {}
    for on in (True, False):
        root = tmp_path / f"prefetch-{on}" / "site-src"
        root.parent.mkdir()
        settings = {**CITATIONS, "prefetch": on}
        build = make_site(root, SITE_PAGES, bib=BIB, strict=False, citations=settings)
        assert build.returncode == 0, build.log
        pages = ("a/index.html", "en/a/index.html", "en/b/index.html")
        built[on] = (
            [(root / "site" / page).read_text("utf-8") for page in pages],
            sorted(line for line in build.log.splitlines() if "citations:" in line),
        )
    assert built[True] == built[False]
    html, messages = built[True]
    assert "Ost P" in html[1] and "Clinical Epidemiology" not in html[1]
    assert any("references.bib:" in message and "untitled2021" in message for message in messages)


def test_the_childs_guess_is_what_the_build_reads_on_every_page_of_the_site(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The child finds each page's groups in the source; on the site's own pages that is
    exactly what the build reads from them (else the build renders them itself)."""
    config = load_config(str(REPO / "mkdocs.yml"))
    extension = _extension(_fresh(REPO / "bibliography" / "references.bib"))
    seen: list[list[Group]] = []
    monkeypatch.setattr(
        CitationExtension, "render_page", lambda self, groups: seen.append(list(groups))
    )
    pages = sorted((REPO / "docs").rglob("*.md"))
    cited = 0
    for path in pages:
        text = path.read_text("utf-8")
        body = prefetch.MKDOCS_FRONT_MATTER_RE.sub("", text, count=1).lstrip("\n")
        seen.clear()
        extension.begin_page(PageContext(path=str(path), source=body))
        converter = markdown.Markdown(
            extensions=[*config.markdown_extensions, extension],
            extension_configs=config.mdx_configs,
        )
        converter.convert(body)
        guessed = [
            Group(i, items, heading) for i, (items, heading) in enumerate(source_groups(body))
        ]
        assert seen == [guessed], path
        cited += bool(guessed)
    assert cited >= 4  # the articles, in both languages
