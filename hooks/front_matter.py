"""Validate article front matter at build time, with the same rules as `make check`.

Events: `on_config` (reset de-duplication), `on_page_markdown` (articles only:
`docs/articles/<slug>.<lang>.md`, not `index.*.md`). Errors are `log.warning` (fatal under
`mkdocs build --strict`), `path:line: what is wrong; how to fix it` with lines counted in the file
as written; warnings such as an overdue review are `log.info`, so a date passing never breaks a
deploy.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from hook_support import OncePerBuild, article_file, is_first_language_pass
from mkdocs.plugins import get_plugin_logger

from healthsite.content.documents import read_document
from healthsite.content.front_matter import check_front_matter

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

report = OncePerBuild(get_plugin_logger(Path(__file__).stem))


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    if is_first_language_pass(config):
        report.reset()
    return None


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    article = article_file(page, config)
    if article is None:
        return None
    text = Path(page.file.abs_src_path or "").read_text(encoding="utf-8")
    findings = check_front_matter(
        article.path,
        read_document(text),
        language=article.language,
        source_language=article.source_language,
        today=dt.date.today(),
    )
    for finding in findings:
        report.finding(finding)
    return None
