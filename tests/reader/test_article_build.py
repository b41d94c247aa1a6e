"""Strict builds of tiny sites: author mistakes fail with `file:line: message`."""

from __future__ import annotations

import pytest
from site_testing import project_config

from .conftest import ARTICLE_EN, ARTICLE_ZH

ZH_PAGE = "articles/sample-article.zh-Hant.md"
EN_PAGE = "articles/sample-article.en.md"


@pytest.mark.parametrize(
    ("page", "old", "new", "message", "reported_once"),
    [
        pytest.param(
            ZH_PAGE,
            "review_status: awaiting-clinical-review",
            "review_status: done",
            "front_matter: docs/articles/sample-article.zh-Hant.md:7: review_status 'done' is not "
            "allowed; use one of: awaiting-clinical-review, clinically-reviewed",
            "review_status 'done'",  # one schema, reported once
            id="unknown review status",
        ),
        pytest.param(
            EN_PAGE,
            "translated_on: 2026-11-22\n",
            "",
            "docs/articles/sample-article.en.md:19: required field 'translated_on' is missing; "
            "add it; see templates/article.en.md",
            "'translated_on' is missing",
            id="translation without a date",
        ),
        pytest.param(
            EN_PAGE,
            "reviewed_by: Dr Jane Doe, MD\n",
            "",
            "docs/articles/sample-article.en.md:7: review_status is clinically-reviewed but "
            "reviewed_by is missing",
            "reviewed_by is missing",
            id="clinically reviewed without a reviewer",
        ),
    ],
)
def test_front_matter_mistakes_fail_the_strict_build_with_file_and_line(
    tiny_site, page: str, old: str, new: str, message: str, reported_once: str
):
    source = ARTICLE_ZH if page == ZH_PAGE else ARTICLE_EN
    assert old in source
    build = tiny_site(pages={page: source.replace(old, new)})
    assert build.returncode != 0
    assert message in build.log
    assert build.log.count(reported_once) == 1


def _without_updated(labels: dict) -> dict:
    return {k: v for k, v in labels.items() if k != "updated"}


@pytest.mark.parametrize(
    ("english_labels", "message"),
    [
        pytest.param(
            lambda labels: {**labels, "translated": "From {langauge}"},
            "extra.article_page.labels.en.translated: bad placeholder 'langauge'",
            id="bad placeholder",
        ),
        pytest.param(
            _without_updated,
            "mkdocs.yml: extra.article_page.labels: Sub-option 'updated': Required configuration "
            "not provided.",
            id="missing label",
        ),
    ],
)
def test_a_bad_label_stops_the_build(tiny_site, english_labels, message: str):
    settings = project_config()["extra"]["article_page"]
    settings["labels"]["en"] = english_labels(settings["labels"]["en"])
    build = tiny_site(article_page=settings)
    assert build.returncode != 0
    assert message in build.log


def test_pages_outside_articles_are_never_articles(tiny_site):
    page = ARTICLE_EN.replace("slug: sample-article", "slug: elsewhere")
    build = tiny_site(pages={"about/reviewed.en.md": page, "about/reviewed.zh-Hant.md": page})
    assert build.returncode == 0, build.log
    assert build.site.soup("en/about/reviewed/").select_one(".article-review") is None
