"""Translation parity, `mark-translated`, and the build-time notice and missing-file warning."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from tiny_repo import SOURCE, Repo, repo_fixture  # noqa: F401

from healthsite.content.documents import body_hash

EN = "docs/articles/sample.en.md"
ZH = "docs/articles/sample.zh-Hant.md"
OUTDATED = (
    f"{EN}:14:1: error: translation is outdated: {ZH} changed since it was translated; "
    f"update the translation, then run `make mark-translated FILE={EN}`"
)


def test_missing_translation_is_an_error_naming_the_missing_file(repo: Repo):
    (repo.root / EN).unlink()
    repo.edit("docs/index.en.md", "[Article](articles/sample.md)", "")
    assert repo.content() == (
        [
            f"{ZH}:1:1: error: no English version: {EN} is missing; "
            f"copy templates/article.en.md to {EN} and translate this article"
        ],
        1,
    )


def test_missing_translation_fails_the_strict_build_naming_the_file(repo: Repo, tmp_path):
    (repo.root / EN).unlink()
    repo.edit("docs/index.en.md", "[Article](articles/sample.md)", "")
    result = repo.build(tmp_path / "site")
    assert result.returncode == 1
    assert f"{ZH}:1: no English version: {EN} is missing" in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param(
            "Text [@ost2018;",
            "Text [@ost2018; @extra2021;",
            f"{EN}:25:17: error: cites @extra2021, which {ZH} does not cite; "
            "cite the same sources in both languages",
            id="citation only in the translation, reported where it is",
        ),
        pytest.param(
            "Text [@ost2018; @lee2020, p. 5]",
            "Text [@ost2018]",
            f"{EN}:17:1: error: does not cite @lee2020, which {ZH}:22 cites; "
            "cite the same sources in both languages",
            id="citation missing from the translation, pointing at the source line",
        ),
        pytest.param(
            "## When to talk",
            "### When to talk",
            f"{EN}:23:1: error: heading outline differs from {ZH}: heading 2 is level 3 here but "
            f"level 2 at {ZH}:20; give both languages the same headings (same levels, same order)",
            id="heading outline difference",
        ),
    ],
)
def test_translation_differences_are_located(repo: Repo, old: str, new: str, message: str):
    repo.edit(EN, old, new)
    assert message in repo.lines("--only", "content")


def test_headings_in_code_blocks_do_not_count(repo: Repo):
    repo.edit(EN, "Text [@ost2018", "```text\n## not a heading\n```\n\nText [@ost2018")
    assert repo.check("--only", "content").returncode == 0


def test_changed_source_makes_the_translation_outdated(repo: Repo):
    repo.edit(ZH, "內容", "修訂後的內容")
    assert repo.content() == ([OUTDATED], 1)


def test_front_matter_edits_in_the_source_do_not_outdate_the_translation(repo: Repo):
    repo.edit(ZH, "last_reviewed: 2026-11-22", "last_reviewed: 2026-11-23")
    assert repo.check("--only", "content").returncode == 0


def test_mark_translated_round_trip(repo: Repo):
    repo.edit(ZH, "內容", "修訂後的內容")
    before = repo.read(EN)
    result = repo.check("--today", "2027-03-04", "mark-translated", EN)
    assert result.returncode == 0, result.stderr
    after = repo.read(EN)
    new_hash = body_hash(repo.read(ZH))
    assert new_hash != body_hash(SOURCE)
    changed = [
        (old, new)
        for old, new in zip(before.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    assert changed == [
        ("translated_on: 2026-11-22", "translated_on: 2027-03-04"),
        (f"translation_source_hash: {body_hash(SOURCE)}", f"translation_source_hash: {new_hash}"),
    ]
    assert repo.check("--only", "content").returncode == 0


def test_mark_translated_refuses_the_source_language(repo: Repo):
    result = repo.check("mark-translated", ZH)
    assert result.returncode == 2
    assert "source language zh-Hant" in result.stderr


def test_outdated_translation_fails_the_strict_build_as_make_check_does(repo: Repo, tmp_path):
    repo.edit(ZH, "內容", "修訂後的內容")
    result = repo.build(tmp_path / "site")
    message = (
        f"translations: {EN}:14: translation is outdated: {ZH} changed since it was translated; "
        f"update the translation, then run `make mark-translated FILE={EN}`"
    )
    assert result.returncode == 1
    assert message in result.stderr
    check = repo.check("--only", "content")
    assert check.returncode == 1
    assert f"{EN}:14:1: error: translation is outdated" in check.stdout


def test_citation_in_one_language_only_fails_the_strict_build(repo: Repo, tmp_path):
    repo.edit(EN, "Point one [@ost2018]", "Point one")
    repo.edit(EN, "Text [@ost2018; @lee2020, p. 5]", "Text [@lee2020, p. 5]")
    result = repo.build(tmp_path / "site")
    assert result.returncode == 1
    assert f"translations: {EN}:" in result.stderr
    assert "does not cite @ost2018, which docs/articles/sample.zh-Hant.md:" in result.stderr


def test_outdated_translation_page_shows_a_notice_linking_to_the_original(repo: Repo, tmp_path):
    repo.edit(ZH, "內容", "修訂後的內容")
    site = tmp_path / "site"
    result = repo.build(site, strict=False)  # as `make preview` shows it while it is updated
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((site / "en/articles/sample/index.html").read_text("utf-8"), "html.parser")
    h1 = soup.select_one("article h1")
    notice = h1.find_next_sibling()
    assert "admonition" in notice["class"] and "warning" in notice["class"]
    assert notice.select_one(".admonition-title").get_text() == (
        "This translation may be out of date"
    )
    link = notice.find("a", string="Read the original in Chinese")
    assert link["hreflang"] == "zh-Hant"
    target = (site / "en/articles/sample" / link["href"] / "index.html").resolve()
    assert target == (site / "articles/sample/index.html").resolve()
    assert "測試文章" in target.read_text("utf-8")
    zh = (site / "articles/sample/index.html").read_text("utf-8")
    assert "This translation may be out of date" not in zh


def test_current_translation_page_has_no_notice(repo: Repo, tmp_path):
    site = tmp_path / "site"
    assert repo.build(site).returncode == 0
    html = (site / "en/articles/sample/index.html").read_text("utf-8")
    assert "This translation may be out of date" not in html
