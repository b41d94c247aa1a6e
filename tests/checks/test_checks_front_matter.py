"""Front-matter schema: each planted fault gives its exact message, location and exit code."""

from __future__ import annotations

import pytest
from tiny_repo import Repo, assert_reported, repo_fixture  # noqa: F401

EN = "docs/articles/sample.en.md"
ZH = "docs/articles/sample.zh-Hant.md"

CASES = [
    pytest.param(
        ZH,
        "description: 一句話摘要。\n",
        "",
        f"{ZH}:11:1: error: required field 'description' is missing; add it; "
        "see templates/article.zh-Hant.md",
        id="missing-field",
    ),
    pytest.param(
        EN,
        "translated_on: 2026-11-22\n",
        "",
        f"{EN}:14:1: error: required field 'translated_on' is missing; add it; "
        "see templates/article.en.md",
        id="missing-translation-field",
    ),
    pytest.param(
        ZH,
        "last_reviewed: 2026-11-22",
        "last_reviewed: 22/11/2026",
        f"{ZH}:5:1: error: 'last_reviewed' is not an ISO date: '22/11/2026'; "
        "write the date as YYYY-MM-DD, e.g. 2026-11-22",
        id="not-iso-date",
    ),
    pytest.param(
        ZH,
        "date_published: 2026-11-22",
        "date_published: 2026-02-30",
        f"{ZH}:8:1: error: 'date_published' is not an ISO date: '2026-02-30'; "
        "write the date as YYYY-MM-DD, e.g. 2026-11-22",
        id="impossible-date",
    ),
    pytest.param(
        ZH,
        "next_review: 2999-11-22",
        "next_review: 2026-11-22",
        f"{ZH}:6:1: error: next_review 2026-11-22 is not after last_reviewed 2026-11-22; "
        "set next_review to a later date (usually one year after last_reviewed)",
        id="next-review-not-after-last",
    ),
    pytest.param(
        ZH,
        "review_status: awaiting-clinical-review",
        "review_status: reviewed",
        f"{ZH}:7:1: error: review_status 'reviewed' is not allowed; "
        "use one of: awaiting-clinical-review, clinically-reviewed",
        id="bad-review-status",
    ),
    pytest.param(
        ZH,
        "review_status: awaiting-clinical-review",
        "review_status: clinically-reviewed",
        f"{ZH}:7:1: error: review_status is clinically-reviewed but reviewed_by is missing; "
        "add `reviewed_by: Name, credentials` of the clinician who reviewed it",
        id="reviewed-by-missing",
    ),
    pytest.param(
        ZH,
        "    summary: 首次發布。\n",
        "",
        f"{ZH}:10:5: error: changes entry 1 has no summary; "
        "write each entry as `- date: YYYY-MM-DD` with `summary: what changed`",
        id="change-without-summary",
    ),
    pytest.param(
        ZH,
        "  - date: 2026-11-22",
        "  - date: soon",
        f"{ZH}:10:5: error: changes entry 1 has no ISO date (got 'soon'); "
        "write each entry as `- date: YYYY-MM-DD` with `summary: what changed`",
        id="change-without-date",
    ),
    pytest.param(
        EN,
        "slug: sample",
        "slug: other",
        f"{EN}:4:1: error: slug 'other' does not match the file name 'sample'; "
        "set `slug: sample` or rename the file (in both languages)",
        id="slug-mismatch",
    ),
    pytest.param(
        ZH,
        "title: 測試文章",
        "title: 測試: 文章: x",
        f"{ZH}:2:10: error: front matter is not valid YAML: "
        "mapping values are not allowed in this context; "
        "fix the YAML syntax (quote values that contain ': ' or start with a symbol)",
        id="yaml-syntax",
    ),
    pytest.param(
        ZH,
        "slug: sample\n",
        "slug: sample\ntranslated_from: en\n",
        f"{ZH}:5:1: error: 'translated_from' in a zh-Hant (source-language) article; "
        "remove it; only translations record what they were translated from",
        id="translation-field-in-source",
    ),
]


@pytest.mark.parametrize(("path", "old", "new", "expected"), CASES)
def test_planted_front_matter_fault_is_reported(repo: Repo, path, old, new, expected):
    assert_reported(repo, path, old, new, expected)


def test_overdue_review_is_a_warning_naming_the_article_and_does_not_fail(repo: Repo):
    repo.edit(ZH, "next_review: 2999-11-22", "next_review: 2026-11-23")
    repo.edit(ZH, "last_reviewed: 2026-11-22", "last_reviewed: 2025-11-22")
    result = repo.check("--only", "content", "--today", "2027-01-01")
    assert result.stdout.splitlines() == [
        f"{ZH}:6:1: warning: review overdue since 2026-11-23: '測試文章'; review the article "
        "against current evidence, then update last_reviewed and next_review "
        "(and add a changes entry if anything changed)"
    ]
    assert result.returncode == 0


def test_build_time_front_matter_error_fails_the_strict_build_at_file_line(repo: Repo, tmp_path):
    repo.edit(EN, "review_status: awaiting-clinical-review", "review_status: reviewed")
    result = repo.build(tmp_path / "site")
    assert result.returncode == 1
    assert (
        f"WARNING -  front_matter: {EN}:7: review_status 'reviewed' is not allowed; "
        "use one of: awaiting-clinical-review, clinically-reviewed"
    ) in result.stderr.splitlines()


def test_build_counts_lines_in_the_file_as_written(repo: Repo, tmp_path):
    """A CRLF file with a BOM still points at the right line."""
    text = repo.read(ZH).replace("slug: sample", "slug: wrong")
    (repo.root / ZH).write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode("utf-8"))
    result = repo.build(tmp_path / "site")
    assert result.returncode == 1
    assert f"{ZH}:4: slug 'wrong' does not match the file name 'sample'" in result.stderr
