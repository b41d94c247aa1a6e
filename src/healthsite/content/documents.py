"""Read a Markdown file: front matter with line numbers, body, body hash, heading outline."""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

#: Front matter: `---` on the first line, YAML, then `---` or `...` on a line of its own.
FRONT_MATTER_RE = re.compile(
    r"\A---[ \t]*\n"  # opening fence
    r"(?P<yaml>.*?\n)??"  # the YAML (may be empty)
    r"(?:---|\.\.\.)[ \t]*(?:\n|\Z)",  # closing fence
    re.S,
)
#: A fenced code block opening or closing line: up to 3 spaces, 3+ backticks or tildes.
FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
#: An ATX heading: up to 3 spaces, 1-6 `#`, then a space or the end of the line.
HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")

#: Characters YAML's reader refuses (control characters other than tab and line breaks).
_UNREADABLE_RE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
#: Positions are keyed by the path of keys/indices from the top of the front matter.
Path = tuple[str | int, ...]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML, but dates stay strings so invalid ones can be reported, not crash.
    libyaml's parser when PyYAML has it: the pure-Python one cost seconds per build."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class FrontMatterError:
    """The YAML could not be read; `line` and `col` are 1-based in the file."""

    line: int
    col: int
    problem: str


@dataclass
class Document:
    """A Markdown file split into front matter and body, keeping file line numbers."""

    text: str
    has_front_matter: bool = False
    data: dict[str, Any] = field(default_factory=dict)
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    yaml_error: FrontMatterError | None = None
    body: str = ""
    body_start_line: int = 1
    front_matter_end_line: int = 0

    def where(self, *path: str | int) -> tuple[int, int]:
        """File line and column of a front-matter key (or of the closest parent), else 1:1."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return (1, 1)


def normalise(text: str) -> str:
    """Unix line endings, no byte-order mark."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_document(text: str) -> Document:
    """Split `text` into front matter (parsed, with positions) and body.

    A build reads each article several times (source checks, front matter, translation
    parity, the translation's source hash): the same text gives the same `Document`, parsed
    once, which callers read and never modify."""
    return _read_document(text)


@functools.lru_cache(maxsize=1024)  # keyed on the whole text: an edited file is a new key
def _read_document(text: str) -> Document:
    text = normalise(text)
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        return Document(text=text, body=text)
    yaml_text = match["yaml"] or ""
    body_start_line = text.count("\n", 0, match.end()) + 1
    document = Document(
        text=text,
        has_front_matter=True,
        body=text[match.end() :],
        body_start_line=body_start_line,
        front_matter_end_line=body_start_line - 1,
    )
    bad = _UNREADABLE_RE.search(yaml_text)
    if bad is not None:  # YAML's reader refuses control characters before parsing anything
        line = yaml_text.count("\n", 0, bad.start()) + 2
        col = bad.start() - (yaml_text.rfind("\n", 0, bad.start()) + 1) + 1
        problem = f"control character U+{ord(bad[0]):04X} is not allowed"
        document.yaml_error = FrontMatterError(line, col, problem)
        return document
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 2, mark.column + 1) if mark else (2, 1)
        document.yaml_error = FrontMatterError(line, col, error.problem or str(error))
        return document
    except yaml.YAMLError as error:
        document.yaml_error = FrontMatterError(2, 1, str(error).split("\n", 1)[0])
        return document
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        document.yaml_error = FrontMatterError(2, 1, "front matter is not a mapping of fields")
        return document
    document.data = data
    if node is not None:
        _record_positions(node, (), document.positions)
    return document


def _record_positions(node: yaml.Node, path: Path, out: dict[Path, tuple[int, int]]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*path, str(key_node.value))
            out[child] = (key_node.start_mark.line + 2, key_node.start_mark.column + 1)
            _record_positions(value_node, child, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            out[child] = (item.start_mark.line + 2, item.start_mark.column + 1)
            _record_positions(item, child, out)


def body_hash(text: str) -> str:
    """First 12 hex digits of the SHA-256 of the body (after the front matter)."""
    body = read_document(text).body
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Heading:
    """An ATX heading outside code: level, text, 1-based file line."""

    level: int
    title: str
    line: int


def headings(document: Document) -> list[Heading]:
    """ATX headings of the body, skipping fenced code blocks."""
    found: list[Heading] = []
    fence: str | None = None
    for offset, line in enumerate(document.body.split("\n")):
        fence_match = FENCE_RE.match(line)
        if fence is not None:
            if fence_match and fence_match[1][0] == fence[0] and len(fence_match[1]) >= len(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match[1]
            continue
        match = HEADING_RE.match(line)
        if match:
            level = len(match[1])
            found.append(
                Heading(level, (match[2] or "").strip(), document.body_start_line + offset)
            )
    return found
