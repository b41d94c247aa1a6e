"""Mark English words inside Chinese pages with `lang="en"` (see embedded_latin.py).

Events: `on_config` (add the Markdown extension once per build), `on_page_markdown` (switch
it on for pages in a CJK language, off for the rest).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from build_language import is_first_language_pass, page_language

from healthsite.embedded_latin import EmbeddedLatinExtension

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# Page languages whose text is Chinese, Japanese or Korean.
CJK_LANGUAGES = ("zh", "ja", "ko")

_extension = EmbeddedLatinExtension(language="en")


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    if is_first_language_pass(config) and _extension not in config.markdown_extensions:
        config.markdown_extensions.append(_extension)  # type: ignore[arg-type]
    return config


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    _extension.enabled = page_language(page, config).split("-")[0] in CJK_LANGUAGES
    return None
