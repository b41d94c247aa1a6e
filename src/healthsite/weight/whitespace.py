"""Indentation out of built HTML, without changing what the page shows.

Material's templates indent every line and leave blank lines where Jinja blocks were; on an
article page that is about 4 KB. Between tags and in text, a run of white space that holds a
line break renders as one space, so it becomes one line break. Untouched: tags and comments
(attribute values keep their white space), and the content of elements where white space
shows or matters: ``pre``, ``textarea``, ``code`` and ``kbd`` (Material styles them
``white-space: pre-wrap``), ``script`` and ``style`` (the Content Security Policy hashes
inline scripts byte for byte).
"""

from __future__ import annotations

import re

# What is copied as is, tried in this order at each "<":
KEPT = re.compile(
    r"<!--.*?-->"  # a comment
    r"|<(?P<raw>pre|textarea|code|kbd|script|style)\b.*?</(?P=raw)\s*>"  # an element, whole
    r"|<[^>]*>",  # any other tag
    re.DOTALL | re.IGNORECASE,
)
# White space holding a line break (in text between the kept pieces).
LINE_BREAK_RUN = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")

# The kept pieces a line-break run could otherwise be found in: `KEPT` without the tags that
# hold neither a line break nor another "<". Such a tag can hold no run (a run is white space
# around a line break and cannot pass its ">"), and no other kept piece can start inside it, so
# the search steps over it as over text and the result is the same as with `KEPT`, with far
# fewer pieces to copy one by one.
_NEEDED = re.compile(
    r"<(?:!--.*?-->"
    r"|(?P<raw>pre|textarea|code|kbd|script|style)\b.*?</(?P=raw)\s*>"
    r"|[^>\n<]*+[\n<][^>]*>)",  # a tag with a line break or another "<" before its ">"
    re.DOTALL | re.IGNORECASE,
)


def compact_html(html: str) -> str:
    """``html`` with every white-space run that holds a line break, outside tags, comments
    and the elements named in the module docstring, replaced by one line break."""
    out = []
    position = 0
    for match in _NEEDED.finditer(html):
        out += [_compact_text(html[position : match.start()]), match.group()]
        position = match.end()
    out.append(_compact_text(html[position:]))
    return "".join(out)


#: White space (a `LINE_BREAK_RUN` is a longest run of these that holds a line break).
_SPACE = " \t\r\f"


def _compact_text(text: str) -> str:
    """`text` (between kept pieces) with each `LINE_BREAK_RUN` replaced by one line break.

    The same as ``LINE_BREAK_RUN.sub("\\n", text)``, done line by line: the expression, which
    starts with optional white space, is tried at every space of the text, which is slower.
    """
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    kept = [lines[0].rstrip(_SPACE)]
    kept += [line for line in (line.strip(_SPACE) for line in lines[1:-1]) if line]
    kept.append(lines[-1].lstrip(_SPACE))
    return "\n".join(kept)
