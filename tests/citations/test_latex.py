"""LaTeX decoding: pylatexenc for everything, the direct decoder for common accents agrees with
it, and commands that format become markup (then HTML)."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthsite.citations.latex import (
    decode_common_latex,
    decode_latex,
    decode_markup,
    decode_with_parser,
    link_addresses,
    markup_to_html,
    unknown_commands,
)

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
def test_common_latex_is_decoded_directly_like_the_parser(latex: str) -> None:
    direct = decode_common_latex(latex)
    assert direct is not None, "should not need the parser"
    assert _braces_and_spaces_removed(direct) == _braces_and_spaces_removed(
        decode_with_parser(latex)
    )


@pytest.mark.parametrize(
    "latex", [r"\textit{in vivo}", r"$\alpha$-fetoprotein", r"\'{\i}", r"\emph{x}"]
)
def test_other_latex_goes_to_the_parser(latex: str) -> None:
    assert decode_common_latex(latex) is None
    plain = decode_latex(latex)
    assert plain == _braces_and_spaces_removed(decode_latex(decode_with_parser(latex)))
    assert "\\" not in plain


LETTERS_AND_TEXT = [*"aeoiSnzxYU", " ", "{", "}", ".", "--", "~"]
COMMANDS = ["\\&", "\\%", "\\_", "\\#", '\\"', "\\'", "\\`", "\\^", "\\~", "\\=", "\\."]
WORD_COMMANDS = ["\\c", "\\v", "\\u", "\\H", "\\k", "\\r", "\\o", "\\O", "\\l", "\\ss", "\\aa"]
TOKENS = st.sampled_from([*LETTERS_AND_TEXT, *COMMANDS, *WORD_COMMANDS])


@settings(max_examples=500)
@given(st.lists(TOKENS, max_size=12).map("".join))
def test_any_mix_of_common_pieces_decodes_like_the_parser(latex: str) -> None:
    if latex.count("{") != latex.count("}"):
        return  # unbalanced braces are a BibTeX error long before decoding
    direct = decode_common_latex(latex)
    if direct is not None:
        assert _braces_and_spaces_removed(direct) == _braces_and_spaces_removed(
            decode_with_parser(latex)
        )


#: What a reader sees (HTML, after escaping) for LaTeX in a BibTeX field: issue 15's cases and
#: biblatex's text commands.
RENDERED = [
    (r"\emph{In vivo} study", "<em>In vivo</em> study"),
    (r"\textit{E. coli}", "<i>E. coli</i>"),
    (r"\textbf{Bold} claim", "<b>Bold</b> claim"),
    (r"\textsc{who} report", '<span style="font-variant: small-caps">who</span> report'),
    (r"\mkbibquote{Quoted}", "\u201cQuoted\u201d"),
    (r"\mkbibemph{x}", "<em>x</em>"),
    ("``Double quotes''", "\u201cDouble quotes\u201d"),
    (r"\mbox{Type 2} diabetes", "Type 2 diabetes"),
    (r"{\noopsort{b}}Zed", "Zed"),
    (r"The {\BibTeX} book", "The BibTeX book"),
    (r"A \LaTeX{} guide", "A LaTeX guide"),
    (r"See \url{https://example.org/a_b?x=1&y=2}", 'See <a href="https://example.org/a_b?x=1&amp;y=2">'
     "https://example.org/a_b?x=1&amp;y=2</a>"),
    (r"\url{mailto:info@example.org}",
     '<a href="mailto:info@example.org">mailto:info@example.org</a>'),
    (r"\url{javascript:alert(1)}", "javascript:alert(1)"),
    (r"Jim{\'{\i}}nez", "Jim\u00ednez"),
    (r"CO\textsubscript{2} and m\textsuperscript{2}", "CO<sub>2</sub> and m<sup>2</sup>"),
    (r"\emph{Is it safe?}", "<em>Is it safe</em>?"),
    (r"<script> \& \emph{<b>}", "&lt;script&gt; &amp; <em>&lt;b&gt;</em>"),
    ("\ue010not markup\ue011", "not markup"),
    (r"50% of adults", "50% of adults"),
]  # fmt: skip


@pytest.mark.parametrize(("latex", "expected"), RENDERED)
def test_formatting_commands_become_html(latex: str, expected: str) -> None:
    assert markup_to_html(escape(decode_markup(latex))) == expected


@pytest.mark.parametrize(("latex", "expected"), RENDERED)
def test_plain_text_has_no_markup_and_no_latex(latex: str, expected: str) -> None:
    plain = decode_latex(latex)
    assert "\\" not in plain and "<" not in plain.replace("<script>", "").replace("<b>", "")
    assert not any("\ue010" <= char <= "\ue01f" for char in plain)


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        # pylatexenc's parser and converter disagree on these commands' arguments; each used
        # to stop the build with a traceback (IndexError, KeyError, AttributeError)
        (
            r"Read \href{https://a.org/x\_y}{the page}",
            'Read the page (<a href="https://a.org/x_y">https://a.org/x_y</a>)',
        ),
        (r"\href{javascript:x()}{Click}", "Click (javascript:x())"),
        (r"A \textcolor{red}{red} word", "A red word"),
        (r"\footnote{note}", "[note]"),
        (r"Title \title", "Title"),
        (r"\sqrt", ""),
        (r"Trailing \verb", r"Trailing \verb"),
    ],
)
def test_commands_pylatexenc_cannot_convert_keep_their_text(latex: str, expected: str) -> None:
    assert markup_to_html(decode_markup(latex)) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                r"\href",
                r"\url",
                r"\verb",
                r"\footnote",
                r"\textcolor",
                r"\sqrt",
                r"\foo",
                r"\emph",
                "{",
                "}",
                "[",
                "]",
                "x",
                " ",
                "$",
                "\\",
                "%",
                "|",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_no_field_text_raises(latex: str) -> None:
    markup_to_html(decode_markup(latex))


@pytest.mark.parametrize(
    ("text", "unknown", "addresses"),
    [
        (r"A \foo{bar} and \emph{x}, \'e, \\ \LaTeX", ["foo"], []),
        (r"\relax\foo \foo", ["relax", "foo"], []),
        (r"see \url{javascript:alert(1)}", [], ["javascript:alert(1)"]),
        (r"\href{ https://x.org/a\_b }{t}", [], ["https://x.org/a_b"]),
        ("plain text", [], []),
    ],
)
def test_unknown_commands_and_link_addresses(
    text: str, unknown: list[str], addresses: list[str]
) -> None:
    assert unknown_commands(text) == unknown
    assert link_addresses(text) == addresses
