"""Where a hook is in a mkdocs-static-i18n build.

The i18n plugin builds the default language first, then calls MkDocs' `build()` again for every
other language from its `on_post_build`, so `on_config` runs once per language. Work that
belongs to the whole build (reading files, reporting problems) runs in the first pass only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def is_first_language_pass(config: MkDocsConfig) -> bool:
    """True unless the i18n plugin is building one of the other languages."""
    i18n = config.plugins.get("i18n")
    return not getattr(i18n, "building", False)


def page_language(config: MkDocsConfig) -> str:
    """The language being built (the i18n plugin sets the theme language per pass)."""
    return str(config.theme["language"])
