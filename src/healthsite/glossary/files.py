"""Reading glossary files: Python-Markdown abbreviation definitions, one per line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# `*[SBRT]: Stereotactic body radiotherapy`
DEFINITION = re.compile(
    r"^\*\[(?P<term>[^\]\n]+)\]:"  # the term in *[...]: form
    r"[ \t]*(?P<text>\S.*?)[ \t]*$"  # its explanation: non-empty, trimmed
)
# Lines that are neither definitions nor content: blanks and HTML comments.
IGNORABLE = re.compile(r"^\s*(?:<!--.*-->)?\s*$")


class GlossaryError(ValueError):
    """A glossary file that cannot be read; the message names file and line."""


@dataclass(frozen=True)
class Glossary:
    """The definitions of one language's glossary file, in file order."""

    shown_as: str
    definitions: dict[str, str]


def read_glossary(path: Path, shown_as: str) -> Glossary:
    """Parse `path`; errors name it as `shown_as` (a path relative to the project)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise GlossaryError(f"{shown_as}: cannot read glossary file ({error.strerror})") from None
    definitions: dict[str, str] = {}
    first_seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if IGNORABLE.match(line):
            continue
        match = DEFINITION.match(line)
        if not match:
            raise GlossaryError(
                f"{shown_as}:{number}: not a glossary definition; "
                f"write it as '*[TERM]: explanation'"
            )
        term = match["term"].strip()
        if term in definitions:
            raise GlossaryError(
                f"{shown_as}:{number}: '{term}' is already defined on line {first_seen[term]}; "
                f"keep one definition"
            )
        definitions[term] = match["text"]
        first_seen[term] = number
    return Glossary(shown_as, definitions)
