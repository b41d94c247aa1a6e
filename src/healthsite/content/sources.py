"""Rules for a Markdown source file as a whole: its encoding and its front matter.

One place for the build (the `source_files` hook reads every page through `read_source`) and
for `make check` (`checks/content.py`), so both name the same file, line and column:

- bytes that are not UTF-8: located at the first bad byte, the text still read (with U+FFFD in
  its place) so the build goes on and every other problem is still reported;
- a byte-order mark at the top (invisible in editors, it hides the front matter from the
  Markdown linter);
- front matter that is not valid YAML, or a date that does not exist, on any page (MkDocs
  itself would silently publish such front matter as text). Articles get the full schema in
  `front_matter.py`; this module only adds what other pages need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from healthsite.citations.locate import line_col, mask_code

from .articles import slug_finding
from .documents import FRONT_MATTER_RE, read_document
from .findings import Finding
from .links import unsafe_links

BOM = "\ufeff"
#: MkDocs' second metadata syntax (its META_RE): `Key: value` lines at the very top.
MULTIMARKDOWN_META_RE = re.compile(r"^ {0,3}[A-Za-z0-9_-]+:")
#: An opening front-matter fence.
OPENING_FENCE_RE = re.compile(r"^---[ \t]*$")


@dataclass(frozen=True)
class Source:
    """A decoded Markdown file: its text (BOM removed, bad bytes as U+FFFD) and findings."""

    text: str
    findings: list[Finding]
    #: False if the bytes were not UTF-8 (the text then has U+FFFD where they were).
    decoded: bool = True
    #: How many links to unsafe URLs the file has (each is also a finding).
    unsafe_links: int = 0


def read_source(path: str, data: bytes) -> Source:
    """Decode the file `path` (repo-relative, for messages) from `data`, reporting encoding
    problems at the line and column where they are."""
    findings: list[Finding] = []
    try:
        text = data.decode("utf-8")
        decoded = True
    except UnicodeDecodeError as error:
        decoded = False
        text = data.decode("utf-8", errors="replace")
        line, col = _position(data, error.start)
        findings.append(
            Finding.error(
                path,
                line,
                col,
                f"not UTF-8: byte 0x{data[error.start]:02X} cannot be read as text",
                "save the file as UTF-8 (in your editor: Save with Encoding → UTF-8; "
                f"or `iconv -f BIG5 -t UTF-8 {path}` for a Big5 file)",
            )
        )
    if text.startswith(BOM):
        text = text[len(BOM) :]
        findings.append(
            Finding.error(
                path,
                1,
                1,
                "file starts with a BOM (an invisible byte-order mark)",
                "save the file as UTF-8 without BOM (in your editor: Save with Encoding → UTF-8)",
            )
        )
    return Source(text, findings, decoded)


def check_source(path: str, data: bytes, *, article_slug: str | None) -> Source:
    """Every file-level problem of the Markdown file `path`: encoding, BOM, links to unsafe
    URLs and, for an article (`article_slug` given), its file name; for any other page, its
    front matter (an article's is checked by its schema)."""
    source = read_source(path, data)
    findings = list(source.findings)
    if article_slug is not None:
        wrong_name = slug_finding(path, article_slug)
        findings += [wrong_name] if wrong_name else []
    else:
        findings += page_front_matter(path, source.text)
    findings += duplicate_footnotes(path, source.text)
    links = unsafe_links(path, source.text)
    return Source(source.text, findings + links, source.decoded, len(links))


def check_source_file(path: str, file: Path, *, article_slug: str | None) -> Source:
    """`check_source` of the file `file`, shown as `path`; a file that cannot be read is one
    finding (and no text)."""
    try:
        data = file.read_bytes()
    except OSError as error:
        reason = f"cannot be read ({error.strerror})"
        return Source("", [Finding.error(path, 1, 1, reason, "check the file's permissions")])
    return check_source(path, data, article_slug=article_slug)


#: A footnote definition at the start of a line: `[^label]: text`.
FOOTNOTE_DEFINITION_RE = re.compile(r"^ {0,3}\[\^([^\]\n]+)\]:", re.M)


def duplicate_footnotes(path: str, text: str) -> list[Finding]:
    """A footnote label defined more than once: Markdown shows only the last definition, and
    the earlier ones' text (citations included) silently disappears. One error at each."""
    places: dict[str, list[tuple[int, int]]] = {}
    for match in FOOTNOTE_DEFINITION_RE.finditer(mask_code(text)):
        places.setdefault(match[1], []).append(line_col(text, match.start(1) - 2))
    return [
        Finding.error(
            path,
            line,
            col,
            f"footnote [^{label}] is defined {len(where)} times (lines "
            f"{', '.join(str(at[0]) for at in where)}); only the last is shown",
            "give each footnote its own label, or merge the definitions",
        )
        for label, where in places.items()
        if len(where) > 1
        for line, col in where
    ]


def page_front_matter(path: str, text: str) -> list[Finding]:
    """Front-matter problems of any page that MkDocs would otherwise publish as text.

    Not for articles: their schema (`check_front_matter`) reports these and more."""
    document = read_document(text)
    fix = "fix the YAML syntax (quote values that contain ': ' or start with a symbol)"
    if not document.has_front_matter:
        first = document.text.split("\n", 1)[0]
        if OPENING_FENCE_RE.match(first):
            return [
                Finding.error(
                    path,
                    1,
                    1,
                    "front matter is not closed: no line '---' after it",
                    "end the front matter with a line '---' (or remove this one)",
                )
            ]
        if MULTIMARKDOWN_META_RE.match(first):
            return [
                Finding.error(
                    path,
                    1,
                    1,
                    f"the first line '{first.strip()[:40]}' is read as page metadata and "
                    "the lines up to the first blank line are not shown",
                    "start the page with its # heading (front matter goes between --- lines)",
                )
            ]
        return []
    if document.yaml_error is not None:
        error = document.yaml_error
        return [
            Finding.error(
                path,
                error.line,
                error.col,
                f"front matter is not valid YAML: {error.problem}",
                fix,
            )
        ]
    match = FRONT_MATTER_RE.match(document.text)
    yaml_text = (match and match["yaml"]) or ""
    return [
        Finding.error(
            path,
            line,
            col,
            f"'{value}' is not a date that exists (YAML reads it as one)",
            "write a real date as YYYY-MM-DD, or quote the value to keep it as text",
        )
        for line, col, value in invalid_dates(yaml_text)
    ]


def invalid_dates(yaml_text: str) -> list[tuple[int, int, str]]:
    """(file line, column, value) of each value YAML reads as a date that does not exist
    (`2026-02-30`): MkDocs' loader fails on it and drops the whole front matter."""
    try:
        node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []  # reported as a syntax error by read_document
    found: list[tuple[int, int, str]] = []
    stack = [node] if node is not None else []
    constructor = yaml.SafeLoader("")
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack += [key, value]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value
        elif current.tag == "tag:yaml.org,2002:timestamp":
            try:
                constructor.construct_yaml_timestamp(current)
            except (ValueError, OverflowError):
                mark = current.start_mark
                found.append((mark.line + 2, mark.column + 1, str(current.value)))
    return sorted(found)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of byte `offset`."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    prefix = data[line_start:offset].decode("utf-8", errors="replace")
    return data.count(b"\n", 0, offset) + 1, len(prefix) + 1
