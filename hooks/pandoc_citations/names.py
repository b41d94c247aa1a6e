"""Decode LaTeX, detect scripts and languages, and format names the Vancouver way."""

from __future__ import annotations

import codecs
import re
import unicodedata

import latexcodec  # noqa: F401  (registers the "ulatex" codec; pybtex depends on it)
from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person

_CJK_RE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002ffff]")
_KANA_RE = re.compile(r"[\u3040-\u30ff]")
_HANGUL_RE = re.compile(r"[\uac00-\ud7af]")
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


def decode_latex(text: str) -> str:
    """Turn ``M{\\"u}ller \\& {Taiwan}`` into ``Müller & Taiwan`` (braces removed, case kept)."""
    if "\\" in text:
        text = codecs.decode(text.replace("%", "\\%").replace("\\\\%", "\\%"), "ulatex")
    elif "--" in text or "~" in text:
        text = text.replace("---", "\u2014").replace("--", "\u2013").replace("~", "\u00a0")
    text = text.replace("{", "").replace("}", "")
    return " ".join(text.split())


def has_cjk(text: str) -> bool:
    """True when ``text`` contains Han, kana or hangul characters."""
    return _CJK_RE.search(text) is not None or _KANA_RE.search(text) is not None


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


def split_names(raw: str) -> list[str]:
    """Split a BibTeX name list on top-level ``and``."""
    return [name.strip() for name in split_name_list(raw) if name.strip()]


def _initials(given: str) -> str:
    letters = []
    for part in re.split(r"[\s\-.\u2010]+", given):
        for char in part:
            if unicodedata.category(char).startswith("L"):
                letters.append(char.upper())
                break
    return "".join(letters)


def format_name(raw: str) -> str:
    """One name, Vancouver style: ``Ost P``, ``Müller HP``, ``陳大文``, ``{WHO}`` kept whole."""
    stripped = raw.strip()
    if stripped.startswith("{") and stripped.endswith("}") and _balanced(stripped[1:-1]):
        return decode_latex(stripped)  # corporate author, kept whole
    if has_cjk(stripped):
        if "," in stripped:
            family, _, given = stripped.partition(",")
            return decode_latex(family).replace(" ", "") + decode_latex(given).replace(" ", "")
        return decode_latex(stripped).replace(" ", "")
    person = Person(stripped)
    family = decode_latex(" ".join(person.prelast_names + person.last_names))
    given = decode_latex(" ".join(person.first_names + person.middle_names))
    lineage = decode_latex(" ".join(person.lineage_names))
    return " ".join(part for part in (family, _initials(given), lineage) if part)


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def format_name_list(raw: str, et_al: str, limit: int = 6) -> str:
    """``A, B, C, D, E, F, et al.``: up to ``limit`` names, then ``et_al``."""
    names = split_names(raw)
    truncated = len(names) > limit or any(n.lower() == "others" for n in names)
    names = [n for n in names if n.lower() != "others"][:limit]
    formatted = [format_name(name) for name in names]
    if truncated:
        formatted.append(et_al)
    return ", ".join(formatted)
