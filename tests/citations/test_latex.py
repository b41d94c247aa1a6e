"""LaTeX decoding: the direct decoder for common accents agrees with latexcodec."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthsite.citations.latex import decode_common_latex, decode_latex, decode_with_latexcodec

COMMON = [
    r"M{\"u}ller",
    r"M\"uller",
    r"\"{U}ber",
    r"\" o",
    r"Val{\'e}rie",
    r"Garc{\'i}a",
    r"Fran\c{c}ois",
    r"Fran{\c c}ois",
    r"\v{S}koda",
    r"Pe{\~n}a",
    r"Espa\~na",
    r"S{\o}rensen",
    r"\O ster",
    r"{\L}{\'o}d{\'z}",
    r"Stra\ss e",
    r"{\aa}",
    r"{\ae}",
    r"\oe uvre",
    r"\^o \`a \=a \.z \u{g} \H{o} \k{a} \r{a}",
    r"Cancer \& Society",
    r"50\% of adults",
    r"a\_b \#",
    r"pages 1--5 \& 7---9",
    r"a~b \& c",
]


def _braces_and_spaces_removed(text: str) -> str:
    return " ".join(text.replace("{", "").replace("}", "").split())


@pytest.mark.parametrize("latex", COMMON)
def test_common_latex_is_decoded_directly_like_latexcodec(latex: str) -> None:
    direct = decode_common_latex(latex)
    assert direct is not None, "should not need latexcodec"
    assert _braces_and_spaces_removed(direct) == _braces_and_spaces_removed(
        decode_with_latexcodec(latex)
    )


@pytest.mark.parametrize(
    "latex", [r"\textit{in vivo}", r"$\alpha$-fetoprotein", r"\'{\i}", r"\emph{x}"]
)
def test_other_latex_goes_to_latexcodec(latex: str) -> None:
    assert decode_common_latex(latex) is None
    assert decode_latex(latex) == _braces_and_spaces_removed(decode_with_latexcodec(latex))


LETTERS_AND_TEXT = [*"aeoiSnzxYU", " ", "{", "}", ".", "--", "~"]
COMMANDS = ["\\&", "\\%", "\\_", "\\#", '\\"', "\\'", "\\`", "\\^", "\\~", "\\=", "\\."]
WORD_COMMANDS = ["\\c", "\\v", "\\u", "\\H", "\\k", "\\r", "\\o", "\\O", "\\l", "\\ss", "\\aa"]
TOKENS = st.sampled_from([*LETTERS_AND_TEXT, *COMMANDS, *WORD_COMMANDS])


@settings(max_examples=500)
@given(st.lists(TOKENS, max_size=12).map("".join))
def test_any_mix_of_common_pieces_decodes_like_latexcodec(latex: str) -> None:
    if latex.count("{") != latex.count("}"):
        return  # unbalanced braces are a BibTeX error long before decoding
    direct = decode_common_latex(latex)
    if direct is not None:
        assert _braces_and_spaces_removed(direct) == _braces_and_spaces_removed(
            decode_with_latexcodec(latex)
        )
