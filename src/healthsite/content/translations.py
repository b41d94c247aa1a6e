"""Translation parity: both languages exist, cite the same sources, share a heading outline and
the translation is current with its source (`translation_source_hash`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .citations import citations
from .documents import FENCE_RE, Document, body_hash, headings, normalise, read_document
from .findings import Finding

#: The page title: a level-1 ATX heading.
H1_RE = re.compile(r"^ {0,3}#[ \t]+\S")


@dataclass(frozen=True)
class Article:
    """One language version of an article: repo-relative path, raw text, parsed document."""

    path: str
    text: str

    @property
    def document(self) -> Document:
        return read_document(self.text)


def outdated(translation: Document, source_text: str) -> bool:
    """True if the source body changed since the translation recorded its hash."""
    return str(translation.data.get("translation_source_hash", "")) != body_hash(source_text)


def outdated_finding(path: str, translation: Document, source_path: str) -> Finding:
    """The message for an outdated translation, at its `translation_source_hash` line."""
    line, col = translation.where("translation_source_hash")
    return Finding.error(
        path,
        line,
        col,
        f"translation is outdated: {source_path} changed since it was translated",
        f"update the translation, then run `make mark-translated FILE={path}`",
    )


def missing_finding(existing: str, missing: str, language_name: str) -> Finding:
    """The message for an article that exists in one language only."""
    language = missing.rsplit(".", 2)[-2]
    return Finding.error(
        existing,
        1,
        1,
        f"no {language_name} version: {missing} is missing",
        f"copy templates/article.{language}.md to {missing} and translate this article",
    )


def check_pair(
    source: Article, translation: Article, *, check_current: bool = True
) -> list[Finding]:
    """Citation, outline and currency parity of one source/translation pair."""
    findings: list[Finding] = []
    source_doc, translation_doc = source.document, translation.document
    findings += _cited_keys(source, translation, translation_doc)
    findings += _outline(source, source_doc, translation, translation_doc)
    if (
        check_current
        and translation_doc.yaml_error is None
        and translation_doc.data.get("translation_source_hash")
        and outdated(translation_doc, source.text)
    ):
        findings.append(outdated_finding(translation.path, translation_doc, source.path))
    return findings


def translation_findings(
    path: str,
    language: str,
    *,
    languages: Mapping[str, str],
    source_language: str,
    read: Callable[[str], str | None],
) -> tuple[list[Finding], bool]:
    """What the build reports for the article at `path` (`…/<slug>.<language>.md`): a missing
    other-language version, and for a translation the same parity rules as `make check`
    (`check_pair`). Also whether the translation is outdated. `read(path)` returns a file's
    text, or None when it does not exist."""
    if language == source_language:
        findings = [
            missing_finding(path, twin, name)
            for other, name in languages.items()
            if other != language
            and read(twin := path.replace(f".{language}.md", f".{other}.md")) is None
        ]
        return findings, False
    source_path = path.replace(f".{language}.md", f".{source_language}.md")
    source_text, text = read(source_path), read(path) or ""
    if source_text is None:
        return [missing_finding(path, source_path, languages[source_language])], False
    findings = check_pair(Article(source_path, source_text), Article(path, text))
    document = read_document(text)
    stale = document.yaml_error is None and outdated(document, source_text)
    return findings, stale


def insert_after_h1(markdown: str, block: str) -> str:
    """`block` after the first `# H1` outside code (at the top if there is none)."""
    lines = markdown.split("\n")
    fence = False
    for index, line in enumerate(lines):
        if FENCE_RE.match(line):
            fence = not fence
        elif not fence and H1_RE.match(line):
            return "\n".join([*lines[: index + 1], "", block, *lines[index + 1 :]])
    return f"{block}\n{markdown}"


def _cited_keys(source: Article, translation: Article, translation_doc: Document) -> list[Finding]:
    findings: list[Finding] = []
    source_cites = {c.key: c for c in reversed(citations(source.text))}
    translation_cites = {c.key: c for c in reversed(citations(translation.text))}
    fix = "cite the same sources in both languages"
    for key, cite in translation_cites.items():
        if key not in source_cites:
            findings.append(
                Finding.error(
                    translation.path,
                    cite.line,
                    cite.col,
                    f"cites @{key}, which {source.path} does not cite",
                    fix,
                )
            )
    first = headings(translation_doc)
    line = first[0].line if first else translation_doc.body_start_line
    for key, cite in source_cites.items():
        if key not in translation_cites:
            findings.append(
                Finding.error(
                    translation.path,
                    line,
                    1,
                    f"does not cite @{key}, which {source.path}:{cite.line} cites",
                    fix,
                )
            )
    return findings


def _outline(
    source: Article, source_doc: Document, translation: Article, translation_doc: Document
) -> list[Finding]:
    ours, theirs = headings(translation_doc), headings(source_doc)
    fix = "give both languages the same headings (same levels, same order)"
    for index, (mine, other) in enumerate(zip(ours, theirs, strict=False)):
        if mine.level != other.level:
            return [
                Finding.error(
                    translation.path,
                    mine.line,
                    1,
                    f"heading outline differs from {source.path}: heading {index + 1} is level "
                    f"{mine.level} here but level {other.level} at {source.path}:{other.line}",
                    fix,
                )
            ]
    if len(ours) != len(theirs):
        line = ours[-1].line if ours else translation_doc.body_start_line
        return [
            Finding.error(
                translation.path,
                line,
                1,
                f"heading outline differs from {source.path}: {len(ours)} headings here, "
                f"{len(theirs)} there",
                fix,
            )
        ]
    return []


#: A top-level front-matter line `name: value`.
def _field_re(name: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(name)}[ \t]*:.*$", re.M)


def mark_translated(text: str, *, source_text: str, source_language: str, today: dt.date) -> str:
    """`text` with `translation_source_hash` and `translated_on` set; nothing else changes."""
    text = normalise(text)
    document = read_document(text)
    if not document.has_front_matter:
        raise ValueError("the file has no front matter")
    lines = text.split("\n")
    end = document.front_matter_end_line - 1  # index of the closing `---`
    front = "\n".join(lines[1:end])
    values = {
        "translated_from": source_language,
        "translated_on": today.isoformat(),
        "translation_source_hash": body_hash(source_text),
    }
    for name, value in values.items():
        pattern = _field_re(name)
        if pattern.search(front):
            if name != "translated_from":
                front = pattern.sub(f"{name}: {value}", front, count=1)
        else:
            front = f"{front}\n{name}: {value}" if front else f"{name}: {value}"
    return "\n".join([lines[0], front, *lines[end:]])
