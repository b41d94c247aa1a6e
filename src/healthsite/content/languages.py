"""The site's languages as mkdocs-static-i18n configures them (read duck-typed, no import)."""

from __future__ import annotations

from typing import Any


def site_languages(plugins: Any) -> tuple[dict[str, str], str]:
    """(locale -> name, source locale) from the `i18n` plugin; the default is the source."""
    plugin = plugins.get("i18n") if plugins is not None else None
    languages = getattr(getattr(plugin, "config", None), "languages", None) or []
    names = {str(lang.locale): str(lang.name or lang.locale) for lang in languages}
    defaults = [str(lang.locale) for lang in languages if lang.default]
    if not names:
        return {"zh-Hant": "繁體中文", "en": "English"}, "zh-Hant"
    return names, defaults[0] if defaults else next(iter(names))
