"""The prefetch child: it only warms the entry store, so builds give the same pages and
messages with it or without it, and the build does whatever the child did not."""

from __future__ import annotations

from pathlib import Path

import pytest
from citation_helpers import CITATIONS, SAMPLE_BIB, make_site

from healthsite.citations import bibliography as bibliography_module
from healthsite.citations import load_bibliography, load_labels, prefetch
from healthsite.citations.bibliography import Bibliography
from healthsite.citations.prefetch import Prefetch, needs_prefetch, written_keys
from healthsite.citations.render import EntryRenderer
from healthsite.citations.store import FORMATTED, PARSED, PROBLEMS, EntryStore

#: SAMPLE_BIB plus an uncited entry that breaks a rule (no title).
BIB = SAMPLE_BIB + "\n@article{untitled2021,\n  journal = {J},\n  year = {2021},\n}\n"
PAGES = {
    "a.zh-Hant.md": "# 甲\n\n文字 [@ost2018; @who2023, 頁 5]。\n",
    "a.en.md": "# A\n\nText [@ost2018; @who2023, p. 5] and @chen2020 [p. 3].\n",
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
    for name, text in PAGES.items():
        (docs / name).write_text(text, "utf-8")
    return bib, docs


def _formatted(bibliography: Bibliography, keys: list[str]) -> list[str]:
    renderer = EntryRenderer(bibliography, load_labels({}), report=lambda message: None)
    return [renderer.reference(bibliography.get(key), "en").html for key in keys]  # type: ignore[arg-type]


def test_written_keys_are_the_known_keys_in_reading_order(tmp_path: Path) -> None:
    _bib, docs = _write(tmp_path)
    (docs / "b.en.md").write_text("Mail me@example.org, see @Chen2020 and @nobody.\n", "utf-8")
    known = {"ost2018", "who2023", "chen2020", "smith2019"}
    assert written_keys(docs, known) == ["ost2018", "who2023", "chen2020"]


def test_the_child_parses_formats_and_checks_what_the_build_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bib, docs = _write(tmp_path)
    bibliography = _fresh(bib)
    assert needs_prefetch(bibliography)
    started = Prefetch.start(bibliography, load_labels({}), docs)
    assert started is not None
    started.finish()
    store = bibliography.store
    cited = ["ost2018", "who2023", "chen2020"]
    for key in cited:
        digest = bibliography.raw[key].digest
        assert store.get(PARSED, digest) is not None, key
        assert any(k.startswith(digest + ":") for k in store._records[FORMATTED]), key
    assert bibliography.raw["smith2019"].digest not in store._records[PARSED]  # not cited
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

    monkeypatch.setattr(prefetch, "written_keys", broken)  # the forked child inherits it
    bibliography = _fresh(bib)
    started = Prefetch.start(bibliography, load_labels({}), docs)
    assert started is not None
    started.finish()
    records = bibliography.store._records  # nothing came back:
    assert not records[FORMATTED] and not records[PROBLEMS]
    assert not {entry.digest for entry in bibliography.raw.values()} & set(records[PARSED])
    cited = ["ost2018", "who2023", "chen2020"]
    assert _formatted(bibliography, cited) == _formatted(_fresh(bib), cited)


def test_a_warm_store_starts_no_child(tmp_path: Path) -> None:
    bib, _docs = _write(tmp_path)
    bibliography = _fresh(bib)
    bibliography.problems()
    assert not needs_prefetch(bibliography)


@pytest.mark.parametrize("cache", [True, False])
def test_builds_with_and_without_the_child_are_the_same(tmp_path: Path, cache: bool) -> None:
    built = {}
    for on in (True, False):
        root = tmp_path / f"prefetch-{on}" / "site-src"
        root.parent.mkdir()
        settings = {**CITATIONS, "prefetch": on, "cache": cache}
        build = make_site(root, PAGES, bib=BIB, strict=False, citations=settings)
        assert build.returncode == 0, build.log
        pages = ("a/index.html", "en/a/index.html")
        built[on] = (
            [(root / "site" / page).read_text("utf-8") for page in pages],
            sorted(line for line in build.log.splitlines() if "citations:" in line),
        )
    assert built[True] == built[False]
    html, messages = built[True]
    assert "Ost P" in html[1] and "Clinical Epidemiology" not in html[1]
    assert any("references.bib:" in message and "untitled2021" in message for message in messages)
