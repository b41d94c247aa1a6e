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


def compact_html(html: str) -> str:
    """``html`` with every white-space run that holds a line break, outside tags, comments
    and the elements named in the module docstring, replaced by one line break."""
    out = []
    position = 0
    for match in KEPT.finditer(html):
        out.append(LINE_BREAK_RUN.sub("\n", html[position : match.start()]))
        out.append(match.group())
        position = match.end()
    out.append(LINE_BREAK_RUN.sub("\n", html[position:]))
    return "".join(out)
