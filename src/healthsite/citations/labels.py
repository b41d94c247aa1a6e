"""Translated words used in citations and bibliographies (defaults live in labels.json)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DEFAULTS_FILE = Path(__file__).with_name("labels.json")

#: Used for languages nobody configured (e.g. a German source's "et al.").
FALLBACK_LANG = "en"

#: Every label the engine needs; each configured language must end up with all of them.
LABEL_NAMES = (
    "references",
    "reference_number",
    "back_to_citation",
    "back_to_citation_number",
    "unresolved",
    "et_al",
    "cited",
    "available_from",
    "in",
    "editor",
    "editors",
    "in_text_et_al",
    "in_text_and",
)


@dataclass(frozen=True)
class Labels:
    """Labels per language tag, looked up with language-tag fallback."""

    by_lang: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def for_lang(self, lang: str) -> Mapping[str, str]:
        """Labels for ``lang``: exact tag, then same primary subtag, then English, then any."""
        if lang in self.by_lang:
            return self.by_lang[lang]
        lowered = {tag.lower(): tag for tag in self.by_lang}
        if lang.lower() in lowered:
            return self.by_lang[lowered[lang.lower()]]
        primary = lang.split("-")[0].lower()
        for tag, labels in self.by_lang.items():
            if tag.split("-")[0].lower() == primary:
                return labels
        return self.by_lang.get(FALLBACK_LANG) or next(iter(self.by_lang.values()), {})

    def get(self, lang: str, name: str) -> str:
        """One label; an unknown name raises ``KeyError``."""
        return self.for_lang(lang)[name]

    def fingerprint(self) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
        """Hashable snapshot, used in cache keys."""
        return tuple((lang, tuple(sorted(v.items()))) for lang, v in sorted(self.by_lang.items()))


def load_labels(overrides: Mapping[str, Mapping[str, str]] | None = None) -> Labels:
    """Merge configured labels over the shipped defaults, language by language."""
    merged: dict[str, dict[str, str]] = {
        lang: dict(values)
        for lang, values in json.loads(DEFAULTS_FILE.read_text(encoding="utf-8")).items()
    }
    for lang, values in (overrides or {}).items():
        base = Labels(merged).for_lang(lang) if merged else {}
        merged[lang] = {**base, **merged.get(lang, {}), **{k: str(v) for k, v in values.items()}}
    return Labels(merged)
