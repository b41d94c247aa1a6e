"""Mark English words inside Chinese pages with `lang="en"` (see embedded_latin.py).

Events: `on_config` (add the Markdown extension once per build), `on_page_markdown` (switch
it on for pages in a CJK language, off for the rest).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hook_support import add_extension_once, page_language

from healthsite.embedded_latin import EmbeddedLatinExtension

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# Page languages whose text is Chinese, Japanese or Korean.
CJK_LANGUAGES = ("zh", "ja", "ko")

_extension = EmbeddedLatinExtension(language="en")


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    add_extension_once(config, _extension)
    return config


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    _extension.enabled = page_language(page, config).split("-")[0] in CJK_LANGUAGES
    return None
