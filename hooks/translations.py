"""MkDocs hook: translations are complete and current, or the build says so.

- ``on_config``: validate ``extra.translations`` (notice texts per language); ``mkdocs build``
  starts a child that checks every article ahead, on the second core (``on_post_build``
  stops it).
- ``on_page_markdown`` (articles only): the rules of ``make check``
  (``healthsite.content.translations``): a missing other-language version, citations or
  headings that differ from the source, and a translation whose source changed since
  ``translation_source_hash`` was recorded are each a ``log.warning`` at ``file:line`` (fatal
  under ``--strict``, so a stale or mismatched translation cannot be deployed). An outdated
  translation also gets a notice under its H1 linking to the source-language page
  (``partials/translation-outdated.html``, autoescaped), which is what ``make preview``
  (not strict) shows while the translation is being updated.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from hook_support import (
    ArticleFile,
    ArticlesAhead,
    OncePerBuild,
    article_file,
    is_first_language_pass,
    load_section,
    site_root,
)
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from healthsite.content.findings import Finding
from healthsite.content.languages import site_languages
from healthsite.content.translations import insert_after_h1, translation_findings
from healthsite.forked import NOT_READY

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(Path(__file__).stem)
report = OncePerBuild(log)


class Labels(base.Config):
    """Notice texts in one language."""

    outdated_title = c.Type(str)
    outdated_text = c.Type(str)
    original_link = c.Type(str)


class TranslationsConfig(base.Config):
    """`extra.translations` in mkdocs.yml."""

    labels = c.DictOfItems(c.SubConfig(Labels))


_labels: dict[str, Labels] = {}
_root: list[Path] = []  # the site's folder, for the child
_templates = jinja2.Environment(autoescape=True)  # loader: the theme's folders, then ours


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    if is_first_language_pass(config):
        report.reset()
        _root[:] = [site_root(config)]
    settings = load_section(config, "translations", TranslationsConfig, log)
    languages, source = site_languages(config.plugins)
    missing = [lang for lang in languages if lang != source and lang not in settings.labels]
    if missing:
        raise PluginError(
            "mkdocs.yml: extra.translations.labels has no notice texts for "
            + ", ".join(missing)
            + " (outdated_title, outdated_text, original_link)"
        )
    _labels.clear()
    _labels.update(settings.labels)
    # A theme override (overrides/partials/…) wins over the library's default template.
    _templates.loader = jinja2.ChoiceLoader(
        [jinja2.FileSystemLoader(config.theme.dirs), jinja2.PackageLoader("healthsite")]
    )
    if is_first_language_pass(config):
        ahead.start(config)  # once the settings are valid: a rejected config forks nothing
    return None


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    article = article_file(page, config)
    if article is None:
        return None
    found = ahead.take(article)
    if found is NOT_READY:
        found = _findings(page.file.abs_src_path or "", article)
    findings, stale = found
    for finding in findings:
        report.warning(finding.build_style())
    if not stale:
        return None
    link = get_relative_url(page.url.removeprefix(f"{article.language}/"), page.url)
    notice = _templates.get_template("partials/translation-outdated.html").render(
        labels=_labels[article.language], link=link, source_language=article.source_language
    )
    return insert_after_h1(markdown, notice.strip() + "\n")


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every other language
def on_post_build(*, config: MkDocsConfig) -> None:
    if is_first_language_pass(config):
        ahead.stop()


def _findings(_source: str, article: ArticleFile) -> tuple[list[Finding], bool]:
    """The article's translation findings and whether it is outdated (build or child)."""
    root = _root[0]
    return translation_findings(
        article.path,
        article.language,
        languages=article.languages,
        source_language=article.source_language,
        read=lambda relative: _read(root / relative),
    )


ahead = ArticlesAhead("translations", _findings)


def _read(path: Path) -> str | None:
    """A file's text, or None if it does not exist (undecodable bytes are replaced; the
    front-matter hook reports the encoding)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
