"""Tell a source's language: language tags, babel names and the script of its text."""

from __future__ import annotations

import re

#: Any CJK character: radicals to Han ideographs (kana included, U+3040-30FF), hangul
#: syllables, compatibility ideographs, and Han extension planes B-F.
_CJK_RE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002ffff]")
#: Hiragana and katakana: Japanese.
_KANA_RE = re.compile(r"[\u3040-\u30ff]")
#: Hangul syllables: Korean.
_HANGUL_RE = re.compile(r"[\uac00-\ud7af]")
#: A language tag: a 2-3 letter language, then subtags (`zh-Hant-TW`, `en_GB`).
_LANG_TAG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")

#: babel/polyglossia language names used in ``langid``/``language`` fields.
_BABEL = {
    "english": "en",
    "american": "en",
    "british": "en",
    "usenglish": "en",
    "ukenglish": "en",
    "chinese": "zh-Hant",
    "traditionalchinese": "zh-Hant",
    "simplifiedchinese": "zh-Hans",
    "german": "de",
    "ngerman": "de",
    "french": "fr",
    "spanish": "es",
    "italian": "it",
    "japanese": "ja",
    "korean": "ko",
    "dutch": "nl",
    "portuguese": "pt",
    "russian": "ru",
}
_ZH_HANT = {"zh", "zh-hant", "zh-tw", "zh-hk", "zh-mo", "zh-hant-tw", "zh-hant-hk"}
_ZH_HANS = {"zh-hans", "zh-cn", "zh-sg", "zh-hans-cn"}


def has_cjk(text: str) -> bool:
    """True when ``text`` contains Han, kana or hangul characters."""
    return _CJK_RE.search(text) is not None


def normalize_lang(value: str) -> str | None:
    """Map ``langid`` values (``chinese``, ``zh-TW``, ``en``) to a BCP 47 tag."""
    value = value.strip().replace("_", "-")
    lowered = value.lower()
    if lowered in _BABEL:
        return _BABEL[lowered]
    if lowered in _ZH_HANT:
        return "zh-Hant"
    if lowered in _ZH_HANS:
        return "zh-Hans"
    if _LANG_TAG_RE.match(value):
        return lowered.split("-")[0] if len(lowered) <= 3 else value
    return None


def script_lang(text: str) -> str | None:
    """Guess a language from the script of ``text`` (only CJK is decided this way)."""
    if _KANA_RE.search(text):
        return "ja"
    if _HANGUL_RE.search(text):
        return "ko"
    if _CJK_RE.search(text):
        return "zh-Hant"
    return None


def is_chinese(lang: str) -> bool:
    """True for ``zh``, ``zh-Hant``, ``zh-Hans``...."""
    return lang.lower().split("-")[0] == "zh"
