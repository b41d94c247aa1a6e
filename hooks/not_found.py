"""MkDocs hook: a "page not found" page per language.

- ``on_template_context`` (``404.html``): the language switcher leads to each language's home
  page (mkdocs-static-i18n leaves it pointing at whichever page was built last).
- ``on_post_template`` (``404.html``): the default language's page stays at ``/404.html``
  (what static hosts serve for any missing address); every other language's is written to
  ``/<lang>/404.html`` (served there by hosts that look for the nearest 404 page) instead of
  overwriting it.

The page itself is ``overrides/404.html``; its words are in ``partials/languages/*.html``.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hook_support import is_first_language_pass
from mkdocs.plugins import event_priority, get_plugin_logger

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(Path(__file__).stem)

TEMPLATE = "404.html"


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any] | None:
    """Point the 404 page's language switcher at the home pages."""
    if template_name != TEMPLATE:
        return None
    homes = getattr(config.plugins.get("i18n"), "extra_alternate", None)
    if homes:
        # As the plugin sets it: an attribute, which templates read before the dict item.
        config.extra.alternate = copy.deepcopy(homes)
    return context


@event_priority(-1100)  # after the Content Security Policy hook (-1000) has added its <meta>
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str | None:
    """Write other languages' 404 pages under their own folder; keep the default's at the root."""
    if template_name != TEMPLATE or is_first_language_pass(config):
        return None
    language = str(config.theme["language"])
    target = Path(config.site_dir) / language / TEMPLATE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    log.debug(f"{language}: wrote {target}")
    return ""  # MkDocs writes nothing for empty output: the default language's page stays
