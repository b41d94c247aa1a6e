"""Validate article front matter at build time, with the same rules as `make check`.

Events: `on_config` (reset de-duplication; `mkdocs build` starts a child that checks every
article ahead, on the second core), `on_page_markdown` (articles only:
`docs/articles/<slug>.<lang>.md`, not `index.*.md`: the child's findings, or checked here if
it has not sent them), `on_post_build` (stop the child). Errors are `log.warning` (fatal under
`mkdocs build --strict`), `path:line: what is wrong; how to fix it` with lines counted in the file
as written; warnings such as an overdue review are `log.info`, so a date passing never breaks a
deploy.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from hook_support import (
    ArticleFile,
    ArticlesAhead,
    OncePerBuild,
    article_file,
    is_first_language_pass,
)
from mkdocs.plugins import event_priority, get_plugin_logger

from healthsite.content.documents import read_document
from healthsite.content.findings import Finding
from healthsite.content.front_matter import check_front_matter
from healthsite.forked import NOT_READY

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

report = OncePerBuild(get_plugin_logger(Path(__file__).stem))


def _findings(source: str, article: ArticleFile) -> list[Finding]:
    """What is wrong with the article's front matter (in the build or in the child)."""
    text = Path(source).read_text(encoding="utf-8")
    return check_front_matter(
        article.path,
        read_document(text),
        language=article.language,
        source_language=article.source_language,
        today=dt.date.today(),
    )


ahead = ArticlesAhead("front-matter", _findings)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    if is_first_language_pass(config):
        report.reset()
        ahead.start(config)
    return None


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    article = article_file(page, config)
    if article is None:
        return None
    findings = ahead.take(article)
    if findings is NOT_READY:
        findings = _findings(page.file.abs_src_path or "", article)
    for finding in findings:
        report.finding(finding)
    return None


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every other language
def on_post_build(*, config: MkDocsConfig) -> None:
    if is_first_language_pass(config):
        ahead.stop()
