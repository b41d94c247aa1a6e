"""The glossary's term pattern looks at the next character before trying the terms: it finds
the same matches as the plain alternation it replaced (kept here as the reference)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from site_testing import REPO_ROOT

from healthsite.glossary import extension
from healthsite.glossary.files import read_glossary


def reference_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """The first implementation of `extension._pattern`."""
    alternatives = "|".join(re.escape(term) for term in terms)
    return re.compile(
        f"{extension.LATIN_BOUNDARY_BEFORE}(?:{alternatives}){extension.LATIN_BOUNDARY_AFTER}"
    )


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


#: Characters of terms and text: Latin letters and digits (boundaries), Han, and characters that
#: mean something inside a character class or an expression.
ALPHABET = "AaBC1-肝癌治療 ]^\\[.*"


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.text(alphabet=ALPHABET, max_size=4), min_size=1, max_size=6),
    st.text(alphabet=ALPHABET, max_size=60),
)
def test_the_pattern_matches_as_the_reference_on_random_terms(terms, text):
    ordered = tuple(sorted(set(terms), key=len, reverse=True))
    extension._pattern.cache_clear()
    assert spans(extension._pattern(ordered), text) == spans(reference_pattern(ordered), text)


def test_the_pattern_matches_as_the_reference_on_the_real_glossaries_and_pages():
    for language in ("zh-Hant", "en"):
        path = REPO_ROOT / "glossary" / f"{language}.md"
        glossary = read_glossary(path, str(path)).definitions
        terms = tuple(sorted(glossary, key=len, reverse=True))
        assert len(terms) > 10
        pattern, reference = extension._pattern(terms), reference_pattern(terms)
        pages = sorted((REPO_ROOT / "docs").rglob(f"*.{language}.md"))
        assert pages
        found = 0
        for page in pages:
            for line in page.read_text(encoding="utf-8").splitlines():
                assert spans(pattern, line) == spans(reference, line), page
                found += len(spans(reference, line))
        assert found > 0
