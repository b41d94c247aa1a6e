"""MkDocs hook: a Content Security Policy in every built page (``healthsite.security.csp``).

Events handled:

- ``on_startup``: remember whether this process is ``mkdocs serve`` (``hook_support``).
- ``on_config``: under ``mkdocs serve``, say once that inline scripts are allowed there.
- ``on_post_page``: after every other hook has finished with a page's HTML, hash its inline
  scripts and write ``<meta http-equiv="Content-Security-Policy">`` into its ``<head>``. Runs in
  every language pass of mkdocs-static-i18n, so both languages are covered, and under
  ``--dirty`` only the rebuilt pages are touched (the others keep the policy they were written
  with).
- ``on_post_template``: the same for theme templates rendered outside any page (``404.html``).

Under ``mkdocs serve`` script-src allows inline scripts ('unsafe-inline', no hashes), because the
livereload script MkDocs injects into every served page differs on each request; ``mkdocs
build`` and ``gh-deploy`` never do. Inline scripts in the page's Markdown content are never
hashed (an escaping bug cannot allow the script it lets through). Inline content the policy
blocks in the Markdown content (scripts, event-handler or ``style`` attributes, ``javascript:``
links, files from other hosts) is a warning naming the Markdown file and line, so a strict
build fails instead of shipping a page that silently misbehaves.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hook_support import (
    OncePerBuild,
    is_first_language_pass,
    is_serving,
    page_path,
    remember_command,
)
from mkdocs.plugins import event_priority, get_plugin_logger

from healthsite.security.csp import Blocked, blocked_description, secure_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

#: Named after the file, not __name__ (MkDocs names hook modules by their absolute path).
log = get_plugin_logger(Path(__file__).stem)

#: Each warning once per build (a theme template is rendered once per language).
report = OncePerBuild(log)


def on_startup(*, command: str, dirty: bool) -> None:
    remember_command(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    if is_first_language_pass(config):
        report.reset()
        if is_serving():
            log.info(
                "mkdocs serve: the Content Security Policy allows inline scripts (livereload); "
                "`make build` does not"
            )
    return None


@event_priority(-1000)  # last: after every hook and plugin that edits the page's HTML
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    secured = secure_page(
        output, content_html=page.content or "", allow_inline_scripts=is_serving()
    )
    source = _source_text(page) if secured.blocked else ""  # read only to report
    for item in secured.blocked:
        _report(page_path(page, config), _source_line(source, item), item)
    return secured.html


@event_priority(-1000)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    secured = secure_page(output_content, allow_inline_scripts=is_serving())
    for item in secured.blocked:
        _report(f"theme template {template_name}", None, item)
    return secured.html


def _report(where: str, line: int | None, item: Blocked) -> None:
    location = f"{where}:{line}" if line else where
    report.warning(f"{location}: {blocked_description(item)}")


def _source_text(page: Page) -> str:
    """The Markdown file as written (front matter included, so line numbers match)."""
    source = page.file.abs_src_path
    if not source or not Path(source).is_file():
        return ""
    return Path(source).read_text(encoding="utf-8-sig")


def _source_line(source: str, item: Blocked) -> int | None:
    """The first line of the Markdown file holding the blocked attribute and its value; None
    when the HTML came from the theme or a hook, not from the file."""
    value = item.value.strip().splitlines()[0][:40] if item.value.strip() else ""
    for number, line in enumerate(source.splitlines(), start=1):
        if item.attribute in line.lower() and value in line:
            return number
    return None
