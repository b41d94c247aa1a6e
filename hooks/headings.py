"""Headings in the page's language for screen readers (see healthsite/headings.py).

Events: `on_config` (validate `extra.headings`, add the Markdown extension once per build),
`on_page_markdown` (give it the page language's permalink title).
Syntax read: `extra.headings.labels.<language>.permalink` in mkdocs.yml, the title of the `¶`
beside each heading (the toc extension's `permalink_title` is one setting for every language).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hook_support import add_extension_once, load_section, page_language
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from healthsite.content.languages import site_languages
from healthsite.headings import HeadingsExtension

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


class HeadingsConfig(Config):
    """`extra.headings` in mkdocs.yml: language code -> {permalink: title}."""

    labels = config_options.Type(dict, default={})


log = get_plugin_logger(Path(__file__).stem)
_extension = HeadingsExtension()
_titles: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    settings = load_section(config, "headings", HeadingsConfig, log)
    _titles.clear()
    for language in site_languages(config.plugins)[0]:
        words = settings.labels.get(language)
        if not isinstance(words, dict) or not str(words.get("permalink") or "").strip():
            raise PluginError(
                f"mkdocs.yml: extra.headings.labels.{language}.permalink: missing; give the "
                f"title of the link beside each heading in {language}"
            )
        _titles[language] = str(words["permalink"])
    add_extension_once(config, _extension)
    return config


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    _extension.permalink_title = _titles.get(page_language(page, config), "")
    return None
