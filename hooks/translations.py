"""Translation notices at build time.

Events: `on_config` (validate `extra.translations`, reset de-duplication) and `on_page_markdown`
(articles only). A source-language article whose translation is missing is a `log.warning`
naming the missing file (fatal under `--strict`). A translation whose source changed since
`translation_source_hash` was recorded gets a warning admonition right after its `# H1`, linking
to the source-language page, so a stale translation never passes as current; labels come from
`extra.translations.labels.<lang>` in mkdocs.yml.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from build_language import article_file
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from healthsite.content.documents import FENCE_RE, read_document
from healthsite.content.languages import site_languages
from healthsite.content.translations import missing_finding, outdated, outdated_finding

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(Path(__file__).stem)

#: The page title: a level-1 ATX heading.
H1_RE = re.compile(r"^ {0,3}#[ \t]+\S")


class Labels(base.Config):
    """Notice texts in one language."""

    outdated_title = c.Type(str)
    outdated_text = c.Type(str)
    original_link = c.Type(str)


class TranslationsConfig(base.Config):
    """`extra.translations` in mkdocs.yml."""

    labels = c.DictOfItems(c.SubConfig(Labels))


_labels: dict[str, Labels] = {}
_reported: set[str] = set()
_templates = jinja2.Environment(autoescape=True)  # its loader is the theme's folders


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    _reported.clear()
    settings = TranslationsConfig(config_file_path=config.config_file_path)
    settings.load_dict(copy.deepcopy(dict(config.extra.get("translations") or {})))
    errors, _warnings = settings.validate()
    if errors:
        details = "; ".join(f"{name}: {error}" for name, error in errors)
        raise PluginError(f"mkdocs.yml: extra.translations is invalid: {details}")
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
    return None


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    article = article_file(page, config)
    if article is None:
        return None
    path, slug, language = article
    languages, source_language = site_languages(config.plugins)
    here = Path(page.file.abs_src_path or "")
    if language == source_language:
        for other, name in languages.items():
            twin = here.with_name(f"{slug}.{other}.md")
            if other != language and not twin.exists():
                _warn(missing_finding(path, path.replace(f".{language}.md", f".{other}.md"), name))
        return None
    source = here.with_name(f"{slug}.{source_language}.md")
    source_path = path.replace(f".{language}.md", f".{source_language}.md")
    if not source.exists():
        _warn(missing_finding(path, source_path, languages[source_language]))
        return None
    document = read_document(here.read_text(encoding="utf-8"))
    if not outdated(document, source.read_text(encoding="utf-8")):
        return None
    finding = outdated_finding(path, document, source_path)
    if finding.build_style() not in _reported:
        _reported.add(finding.build_style())
        log.info(finding.build_style())
    link = get_relative_url(_url_in(page.url, language), page.url)
    return _insert_after_h1(markdown, _notice(_labels[language], link, source_language))


def _warn(finding) -> None:
    message = finding.build_style()
    if message not in _reported:
        _reported.add(message)
        log.warning(message)


def _url_in(url: str, language: str) -> str:
    """The same page's URL in the source language (served at the site root)."""
    return url.removeprefix(f"{language}/")


def _notice(labels: Labels, link: str, source_language: str) -> str:
    """The notice as an HTML block (`partials/translation-outdated.html`, autoescaped)."""
    template = _templates.get_template("partials/translation-outdated.html")
    html = template.render(labels=labels, link=link, source_language=source_language)
    return html.strip() + "\n"


def _insert_after_h1(markdown: str, block: str) -> str:
    """`block` after the first `# H1` outside code (at the top if there is none)."""
    lines = markdown.split("\n")
    fence = False
    for index, line in enumerate(lines):
        if FENCE_RE.match(line):
            fence = not fence
        elif not fence and H1_RE.match(line):
            return "\n".join([*lines[: index + 1], "", block, *lines[index + 1 :]])
    return f"{block}\n{markdown}"
