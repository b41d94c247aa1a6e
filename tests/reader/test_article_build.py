"""Strict builds of tiny sites: author mistakes fail with `file:line: message`."""

from __future__ import annotations

from .conftest import ARTICLE_EN, ARTICLE_ZH, repo_config


def test_unknown_review_status_fails_the_strict_build_with_file_and_line(tiny_site):
    broken = ARTICLE_ZH.replace("review_status: awaiting-clinical-review", "review_status: done")
    build = tiny_site(pages={"articles/sample-article.zh-Hant.md": broken})
    assert build.returncode != 0
    assert (
        "front_matter: docs/articles/sample-article.zh-Hant.md:7: review_status 'done' is not "
        "allowed; use one of: awaiting-clinical-review, clinically-reviewed" in build.log
    )
    assert build.log.count("review_status 'done'") == 1  # one schema, reported once


def test_translation_without_a_date_fails_with_file_and_line(tiny_site):
    broken = ARTICLE_EN.replace("translated_on: 2026-11-22\n", "")
    build = tiny_site(pages={"articles/sample-article.en.md": broken})
    assert build.returncode != 0
    assert (
        "docs/articles/sample-article.en.md:19: required field 'translated_on' is missing; "
        "add it; see templates/article.en.md" in build.log
    )


def test_clinically_reviewed_needs_a_reviewer(tiny_site):
    broken = ARTICLE_EN.replace("reviewed_by: Dr Jane Doe, MD\n", "")
    build = tiny_site(pages={"articles/sample-article.en.md": broken})
    assert build.returncode != 0
    assert (
        "docs/articles/sample-article.en.md:7: review_status is clinically-reviewed but "
        "reviewed_by is missing" in build.log
    )


def test_a_label_with_a_bad_placeholder_stops_the_build(tiny_site):
    settings = repo_config()["extra"]["article_page"]
    settings["labels"]["en"] = {**settings["labels"]["en"], "translated": "From {langauge}"}
    build = tiny_site(article_page=settings)
    assert build.returncode != 0
    assert "extra.article_page.labels.en.translated: bad placeholder 'langauge'" in build.log


def test_a_missing_label_stops_the_build(tiny_site):
    settings = repo_config()["extra"]["article_page"]
    settings["labels"]["en"] = {k: v for k, v in settings["labels"]["en"].items() if k != "updated"}
    build = tiny_site(article_page=settings)
    assert build.returncode != 0
    assert (
        "mkdocs.yml: extra.article_page.labels: Sub-option 'updated': Required configuration "
        "not provided." in build.log
    )


def test_pages_outside_articles_are_never_articles(tiny_site):
    page = ARTICLE_EN.replace("slug: sample-article", "slug: elsewhere")
    build = tiny_site(pages={"about/reviewed.en.md": page, "about/reviewed.zh-Hant.md": page})
    assert build.returncode == 0, build.log
    assert build.site.soup("en/about/reviewed/").select_one(".article-review") is None
