"""Entries kept between builds: pybtex parses and formats only what changed, same result."""

from __future__ import annotations

import marshal
from pathlib import Path

import markdown
import pytest
from citation_helpers import CITATIONS, SAMPLE_BIB, TEMPLATE, make_site

from healthsite.citations import (
    CitationExtension,
    PageContext,
    load_bibliography,
    load_labels,
    style,
)
from healthsite.citations import bibliography as bibliography_module
from healthsite.citations.bibliography import Bibliography, BibliographyError
from healthsite.citations.render import EntryRenderer
from healthsite.citations.store import FILE_NAME, EntryStore

TWO = "@article{a,\n  title = {Alpha},\n  journal = {J},\n}\n\n@book{b,\n  title = {Beta},\n}\n"


def _load(path: Path, cache: Path) -> bibliography_module.Bibliography:
    """A fresh build's view: new store object and no in-memory file cache."""
    bibliography_module._file_cache.clear()
    bibliography_module._merged_cache.clear()
    return load_bibliography([path], path.parent, EntryStore(cache))


def test_unchanged_file_is_not_parsed_again(tmp_path: Path, parsed_texts: list[str]) -> None:
    bib, cache = tmp_path / "refs.bib", tmp_path / ".cache"
    bib.write_text(TWO, "utf-8")
    first = _load(bib, cache)
    first.save_store()
    assert (cache / FILE_NAME).is_file()
    second = _load(bib, cache)
    assert len(parsed_texts) == 1
    assert [(e.key, e.type, e.line, dict(e.data.fields)) for e in second.entries.values()] == [
        (e.key, e.type, e.line, dict(e.data.fields)) for e in first.entries.values()
    ]


def test_only_a_changed_entry_is_parsed_and_lines_stay_right(
    tmp_path: Path, parsed_texts: list[str]
) -> None:
    bib, cache = tmp_path / "refs.bib", tmp_path / ".cache"
    bib.write_text(TWO, "utf-8")
    _load(bib, cache).save_store()
    bib.write_text(TWO.replace("Beta", "Beta, second edition"), "utf-8")
    second = _load(bib, cache)
    assert second.get("b").data.fields["title"] == "Beta, second edition"  # type: ignore[union-attr]
    assert "Alpha" not in parsed_texts[-1] and "second edition" in parsed_texts[-1]
    assert second.get("a").location == "refs.bib:1"  # type: ignore[union-attr]
    assert second.get("b").location == "refs.bib:6"  # type: ignore[union-attr]


def test_error_after_stored_entries_names_the_right_line(tmp_path: Path) -> None:
    bib, cache = tmp_path / "refs.bib", tmp_path / ".cache"
    bib.write_text(TWO, "utf-8")
    _load(bib, cache).save_store()
    bib.write_text(TWO + "\n@misc{c,\n  title = {C}\n  year = {2000}\n}\n", "utf-8")
    with pytest.raises(BibliographyError, match=r"^refs\.bib:12: BibTeX syntax error: .*'c'"):
        _load(bib, cache)


def test_a_changed_macro_invalidates_the_entries(tmp_path: Path) -> None:
    bib, cache = tmp_path / "refs.bib", tmp_path / ".cache"
    text = '@string{jco = "J Clin Oncol"}\n@article{a,\n  title = {A},\n  journal = jco,\n}\n'
    bib.write_text(text, "utf-8")
    _load(bib, cache).save_store()
    bib.write_text(text.replace("J Clin Oncol", "Journal of Clinical Oncology"), "utf-8")
    entry = _load(bib, cache).get("a")
    assert entry is not None and entry.data.fields["journal"] == "Journal of Clinical Oncology"


def _used(bibliography: Bibliography) -> Bibliography:
    """``bibliography`` after a build citing every entry (parsed) and checking them."""
    for key in list(bibliography.entries):
        bibliography.get(key)
    bibliography.problems()
    return bibliography


def test_removed_entries_leave_the_store(tmp_path: Path) -> None:
    bib, cache = tmp_path / "refs.bib", tmp_path / ".cache"
    bib.write_text(TWO, "utf-8")
    _used(_load(bib, cache)).save_store()
    assert len(marshal.loads((cache / FILE_NAME).read_bytes())["problems"]) == 2
    bib.write_text(TWO.split("@book")[0], "utf-8")
    _used(_load(bib, cache)).save_store()
    stored = marshal.loads((cache / FILE_NAME).read_bytes())
    assert [record for record in stored["parsed"].values() if record != ["context"]] == [
        ["article", [["title", "Alpha"], ["journal", "J"]]]
    ]
    assert len(stored["problems"]) == 1


@pytest.mark.parametrize(
    "damage",
    [b"{not marshal", marshal.dumps({"version": "old", "parsed": {}}), marshal.dumps([]), b""],
)
def test_damaged_or_outdated_store_is_ignored(
    tmp_path: Path, parsed_texts: list[str], damage: bytes
) -> None:
    bib, cache = tmp_path / "refs.bib", tmp_path / ".cache"
    bib.write_text(TWO, "utf-8")
    cache.mkdir()
    (cache / FILE_NAME).write_bytes(damage)
    assert _load(bib, cache).get("b") is not None
    assert [text for text in parsed_texts if "@" in text] == ["@book{b,\n  title = {Beta},\n}\n"]


def test_formatted_entries_are_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bib, cache = tmp_path / "refs.bib", tmp_path / ".cache"
    bib.write_text(SAMPLE_BIB, "utf-8")
    labels = load_labels()
    first = _load(bib, cache)
    expected = EntryRenderer(first, labels, print).reference(first.get("ost2018"), "en")  # type: ignore[arg-type]
    first.save_store()

    def fail(*args: object, **kwargs: object) -> str:
        raise AssertionError("formatted again")

    monkeypatch.setattr(style, "vancouver_html", fail)
    second = _load(bib, cache)
    entry = second.get("ost2018")
    assert entry is not None
    assert EntryRenderer(second, labels, print).reference(entry, "en") == expected
    assert "et al." in expected.html and "Ost P" in expected.html


def test_missing_fields_are_reported_on_every_build(tmp_path: Path) -> None:
    bib, cache = tmp_path / "refs.bib", tmp_path / ".cache"
    bib.write_text("@article{a,\n  title = {Alpha},\n}\n", "utf-8")
    for _build in range(2):
        bibliography, messages = _load(bib, cache), []
        EntryRenderer(bibliography, load_labels(), messages.append).reference(
            bibliography.get("a"),  # type: ignore[arg-type]
            "en",
        )
        bibliography.save_store()
        assert any("missing the required field author" in message for message in messages)


def test_stored_rule_checks_are_reported_at_the_entrys_current_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rule checks of unchanged entries come from the store (no check runs again), and each
    message names the line where the entry and field are now, even if the entry moved."""
    bib, cache = tmp_path / "refs.bib", tmp_path / ".cache"
    entry = "@article{a,\n  title = {Alpha},\n  year = {20x1},\n}\n"
    bib.write_text(entry, "utf-8")
    first = _load(bib, cache)
    assert first.problems() == [
        "refs.bib:1: @article{a} is missing the required field author; add author from the "
        "publisher's record, or list it in `x-unconfirmed = {...}` if it cannot be confirmed",
        "refs.bib:1: @article{a} is missing the required field journal; add journal from the "
        "publisher's record, or list it in `x-unconfirmed = {...}` if it cannot be confirmed",
        "refs.bib:3: year of @a is not a year: '20x1'; write the four-digit year of publication, "
        "e.g. year = {2021}; if the source gives none, leave year out and list it in "
        "`x-unconfirmed = {year}`",
    ]
    first.save_store()
    checked: list[str] = []
    original = bibliography_module.entry_rules.entry_problems
    monkeypatch.setattr(
        bibliography_module.entry_rules,
        "entry_problems",
        lambda key, *args: checked.append(key) or original(key, *args),
    )
    bib.write_text("@misc{b,\n  title = {Beta},\n  url = {https://example.org},\n}\n" + entry)
    moved = _load(bib, cache)
    assert [message.split(":", 2)[1] for message in moved.problems()] == ["5", "5", "7"]
    assert [message.split(":", 2)[2] for message in moved.problems()] == [
        message.split(":", 2)[2] for message in first.problems()
    ]
    assert checked == ["b"]  # only the new entry was checked; a's results came from the store


PAGES = {
    "a.en.md": "# A\n\nText [@ost2018; @chen2020].\n",
    "a.zh-Hant.md": "# A\n\n文字[@chen2020]。\n",
}


def test_second_build_from_the_store_gives_the_same_pages(tmp_path: Path) -> None:
    root = tmp_path / "site-src"
    first = make_site(root, PAGES)
    assert first.returncode == 0, first.log
    assert (root / ".cache" / "citations" / FILE_NAME).is_file()
    html = {
        rel: (root / "site" / rel).read_text("utf-8") for rel in ("a/index.html", "en/a/index.html")
    }
    second = make_site(root, PAGES)
    assert second.returncode == 0, second.log
    for rel, text in html.items():
        assert (root / "site" / rel).read_text("utf-8") == text


def test_cache_can_be_turned_off(tmp_path: Path) -> None:
    root = tmp_path / "site-src"
    built = make_site(root, PAGES, citations={**CITATIONS, "cache": False})
    assert built.returncode == 0, built.log
    assert not (root / ".cache").exists()


def _render_page(
    text: str, bib: Path, cache: Path, labels: dict[str, dict[str, str]] | None = None
) -> tuple[str, list[str], CitationExtension]:
    """One page rendered as a fresh build would: new store, empty in-memory caches."""
    bibliography = _load(bib, cache)
    messages: list[str] = []
    extension = CitationExtension(bibliography, load_labels(labels), TEMPLATE, messages.append)
    extension.begin_page(PageContext(path="docs/a.md", lang="en", source=text))
    html = markdown.markdown(text, extensions=[extension])
    bibliography.save_store()
    return html, messages, extension


PAGE = "# A [@chen2020]\n\nText [@ost2018; @who2023, p. 5].\n\n- item [@ost2018]\n"


def test_unchanged_page_is_taken_from_the_store(tmp_path: Path, monkeypatch) -> None:
    bib, cache = tmp_path / "refs.bib", tmp_path / ".cache"
    bib.write_text(SAMPLE_BIB, "utf-8")
    first, _, _ = _render_page(PAGE, bib, cache)

    def fail(*args: object, **kwargs: object) -> str:
        raise AssertionError("rendered again")

    monkeypatch.setattr(CitationExtension, "resolve_group", fail)
    second, _, extension = _render_page(PAGE, bib, cache)
    assert second == first
    assert [entry["key"] for entry in extension.cited_entries()] == [
        "chen2020",
        "ost2018",
        "who2023",
    ]


@pytest.mark.parametrize(
    ("change_bib", "labels", "page"),
    [
        (True, None, PAGE),  # a cited entry changed
        (False, {"en": {"references": "Sources"}}, PAGE),  # the labels changed
        (False, None, PAGE.replace("p. 5", "p. 6")),  # a locator changed
    ],
)
def test_page_is_rendered_again_when_what_it_shows_changed(
    tmp_path: Path, change_bib: bool, labels: dict[str, dict[str, str]] | None, page: str
) -> None:
    bib, cache = tmp_path / "refs.bib", tmp_path / ".cache"
    bib.write_text(SAMPLE_BIB, "utf-8")
    _render_page(PAGE, bib, cache)
    if change_bib:
        bib.write_text(SAMPLE_BIB.replace("{Hypertension}", "{High blood pressure}"), "utf-8")
    html, _, _ = _render_page(page, bib, cache, labels)
    if change_bib:
        assert "High blood pressure" in html
    if labels:
        assert ">Sources</h2>" in html
    if "p. 6" in page:
        assert "p. 6" in html and "p. 5" not in html


def test_page_with_an_unknown_key_reports_it_on_every_build(tmp_path: Path) -> None:
    bib, cache = tmp_path / "refs.bib", tmp_path / ".cache"
    bib.write_text(SAMPLE_BIB, "utf-8")
    for _build in range(2):
        _, messages, _ = _render_page("Text [@ost2019; @ost2018].\n", bib, cache)
        assert messages == [
            "docs/a.md:1:7: unknown citation key 'ost2019' (did you mean 'ost2018'?)"
        ]
