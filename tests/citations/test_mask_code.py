"""`mask_code` skips an expression when its opening characters are absent: same result as
running all three (checked on random Markdown made of the characters that matter)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from healthsite.citations import locate

PIECES = ["`", "```", "~~~", "<!--", "-->", "\n", " ", "@key", "text", "\\", "~", "<", "-"]


def _every_expression(text: str) -> str:
    for pattern in (locate._FENCE_RE, locate._CODE_SPAN_RE, locate._COMMENT_RE):
        text = pattern.sub(locate._blank, text)
    return text


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_mask_code_equals_running_every_expression(pieces):
    text = "".join(pieces)
    assert locate.mask_code(text) == _every_expression(text)


def test_code_and_comments_are_still_masked():
    text = "a `@x` b\n```\n@y\n```\n<!-- @z -->\n@w"
    masked = locate.mask_code(text)
    assert "@x" not in masked and "@y" not in masked and "@z" not in masked
    assert "@w" in masked and len(masked) == len(text)
