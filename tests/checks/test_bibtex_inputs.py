"""Bad BibTeX inputs (issue 14): each is a located error with a fix, worded the same by the
strict build (a warning, fatal under --strict; or an error for an unreadable file) and by
`make check`, because both come from `healthsite.citations.entry_rules`."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from tiny_repo import Repo, make_repo

BIB = "bibliography/references.bib"
MISSING_FIX = "`x-unconfirmed = {...}` if it cannot be confirmed"
YEAR_FIX = (
    "write the four-digit year of publication, e.g. year = {2021}; if the source gives none, "
    "leave year out and list it in `x-unconfirmed = {year}`"
)
TYPES = "@article, @book, @incollection, @inproceedings, @report, @techreport, @misc, @online"


@pytest.fixture(name="repo")
def cited_repo(tmp_path: Path) -> Repo:
    """The tiny repository with the citation hook on (as the real site has it)."""
    repo = make_repo(tmp_path)
    repo.add_hook(
        "citations.py",
        {"citations": {"bibliography": ["bibliography/references.bib"], "cache": False}},
    )
    return repo


def _both(repo: Repo, tmp_path: Path) -> tuple[list[str], str, int]:
    """`make check` lines (content only), the strict build's log and its exit code."""
    built = repo.build(tmp_path / "site")
    return repo.lines("--only", "content"), built.stdout + built.stderr, built.returncode


@pytest.mark.parametrize(
    ("old", "new", "line", "col", "message"),
    [
        pytest.param(
            "@article{ost2018,",
            "@artcle{ost2018,",
            1,
            9,
            "unknown entry type '@artcle' of 'ost2018' (did you mean '@article'?); use one of "
            f"{TYPES} (see CONTRIBUTING, Bibliography entries); an unknown type would lose fields",
            id="misspelled-type",
        ),
        pytest.param(
            "@article{ost2018,",
            "@artcle{\n  ost2018,",
            1,
            3,
            "unknown entry type '@artcle' of 'ost2018' (did you mean '@article'?); use one of "
            f"{TYPES} (see CONTRIBUTING, Bibliography entries); an unknown type would lose fields",
            id="key-on-the-next-line",
        ),
        pytest.param(
            "  year = {2018},",
            "  year = {n.d.},",
            5,
            1,
            f"year of @ost2018 is not a year: 'n.d.'; {YEAR_FIX}",
            id="year-n.d.",
        ),
        pytest.param(
            "  year = {2020},",
            "  year = {202x},",
            14,
            1,
            f"year of @lee2020 is not a year: '202x'; {YEAR_FIX}",
            id="year-202x",
        ),
        pytest.param(
            "  year = {2020},",
            "  date = {2020-13-45x},",
            14,
            1,
            "date of @lee2020 is not a date: '2020-13-45x'; write YYYY, YYYY-MM or YYYY-MM-DD "
            "(a range as YYYY-MM-DD/YYYY-MM-DD)",
            id="bad-date",
        ),
        pytest.param(
            "  publisher = {Press},",
            "  publisher = {Press},\n  crossref = {leee2020},",
            14,
            1,
            "crossref of @lee2020 names 'leee2020', which is not in the bibliography (did you "
            "mean 'lee2020'?); fix the key, or add the entry it inherits from (the book or "
            "proceedings)",
            id="dangling-crossref",
        ),
        pytest.param(
            "  publisher = {Press},",
            "  publisher = {Press},\n  url = {javascript:alert(document.cookie)},",
            14,
            1,
            "url of @lee2020 is not an http, https or mailto address: "
            "'javascript:alert(document.cookie)'; write the web address starting with https:// "
            "(other links are never published)",
            id="javascript-url",
        ),
        pytest.param(
            "  publisher = {Press},",
            "  publisher = {Press},\n  note = {See \\url{javascript:alert(1)}},",
            14,
            1,
            "\\url in note of @lee2020 is not an http, https or mailto address: "
            "'javascript:alert(1)'; write the web address starting with https:// "
            "(other links are never published)",
            id="javascript-url-in-note",
        ),
        pytest.param(
            "  publisher = {Press},",
            "  publisher = {Press},\n  howpublished = {\\href{JavaScript:x()}{Online}},",
            14,
            1,
            "\\url in howpublished of @lee2020 is not an http, https or mailto address: "
            "'JavaScript:x()'; write the web address starting with https:// "
            "(other links are never published)",
            id="javascript-href-in-howpublished",
        ),
        pytest.param(
            "  title = {A trial},",
            "  title = {A \\foo{randomised} trial},",
            3,
            1,
            "unknown LaTeX command '\\foo' in title of @ost2018 (the reference would show its "
            "argument without it); write the text without it; for formatting use \\emph, "
            "\\textit, \\textbf or \\textsc, for a link \\url{https://…}",
            id="unknown-latex-command",
        ),
        pytest.param(
            "  publisher = {Press},",
            "  publisher = {Press},\n  crossref = {lee2020},",
            14,
            1,
            "crossref of @lee2020 makes a cycle: @lee2020 → @lee2020; remove crossref from the "
            "entry that is the book or proceedings (only the chapter or paper names its parent)",
            id="crossref-cycle",
        ),
        pytest.param(
            "  author = {Ost, Piet and Other, Anne},",
            "  author = {Chong, B. M., Specia, L., & Mitkov, R.},",
            2,
            1,
            "author of @ost2018 is not a BibTeX name list: Too many commas in "
            "'Chong, B. M., Specia, L., & Mitkov, R.'; separate the names with 'and' and write "
            "each as 'Surname, Given': author = {Chong, B. M. and Specia, L. and Mitkov, R.}",
            id="name-list-with-ampersand",
        ),
        pytest.param(
            "  journal = {J Clin Oncol},\n",
            "",
            1,
            10,
            f"@article{{ost2018}} is missing the required field journal; add journal from the "
            f"publisher's record, or list it in {MISSING_FIX}",
            id="missing-required-field",
        ),
    ],
)
def test_build_and_check_report_the_same_located_error(
    repo: Repo, tmp_path: Path, old: str, new: str, line: int, col: int, message: str
) -> None:
    repo.edit(BIB, old, new)
    checked, log, returncode = _both(repo, tmp_path)
    assert f"{BIB}:{line}:{col}: error: {message}" in checked
    assert f"WARNING -  citations: {BIB}:{line}: {message}" in log
    assert returncode == 1
    assert "Traceback" not in log


def test_an_unsafe_url_never_reaches_html_or_json_ld(repo: Repo, tmp_path: Path) -> None:
    repo.edit(BIB, "  publisher = {Press},", "  publisher = {Press},\n  url = {javascript:x()},")
    site = tmp_path / "site"
    repo.build(site)
    for page in site.rglob("sample/index.html"):
        assert "javascript:" not in page.read_text("utf-8")
        assert BeautifulSoup(page.read_text("utf-8"), "html.parser").select_one("#ref-lee2020")


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        pytest.param(
            "  year = {2018},",
            "  year = {2018,",
            5,
            "unclosed brace in entry 'ost2018': the '{' on this line is never closed; add the "
            "missing '}' (BibTeX would read on into the entries after it)",
            id="unclosed-brace",
        ),
        pytest.param(
            "  title = {A trial},",
            "  title = {A trial}",
            4,
            "BibTeX syntax error: '}' expected (in entry 'ost2018'); check braces, commas and "
            "quotes in this entry and the one before it",
            id="missing-comma",
        ),
    ],
)
def test_an_unreadable_bib_is_the_same_located_error(
    repo: Repo, tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    repo.edit(BIB, old, new)
    checked, log, returncode = _both(repo, tmp_path)
    assert checked == [f"{BIB}:{line}:1: error: {message}"]
    assert f"{BIB}:{line}: {message}" in log
    assert returncode == 1
    assert "Traceback" not in log


def test_an_unsafe_url_in_a_text_field_is_never_a_link(repo: Repo, tmp_path: Path) -> None:
    repo.edit(
        BIB,
        "  title = {A book},",
        "  title = {A book at \\url{javascript:x()} or \\url{https://ok.example}},",
    )
    site = tmp_path / "site"
    repo.build(site, strict=False)
    pages = list(site.rglob("sample/index.html"))
    assert pages
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        hrefs = [a["href"] for a in soup.select("#ref-lee2020 a[href]")]
        assert "https://ok.example" in hrefs
        assert not [href for href in hrefs if "javascript" in href.lower()]


def test_a_bib_that_is_not_utf8_is_a_located_error(repo: Repo, tmp_path: Path) -> None:
    text = repo.read(BIB).replace("Other, Anne", "Müller, Anne")
    (repo.root / BIB).write_bytes(text.encode("latin-1"))
    checked, log, returncode = _both(repo, tmp_path)
    message = (
        "bibliography is not valid UTF-8; save the file as UTF-8 "
        "(in most editors: Save with Encoding, UTF-8)"
    )
    assert checked == [f"{BIB}:2:1: error: {message}"]
    assert f"{BIB}:2: {message}" in log
    assert returncode == 1
    assert "Traceback" not in log + "\n".join(checked)
