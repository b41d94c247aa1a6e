"""Normalize titles, journals, names and pages so that a BibTeX entry and a registry record that
say the same thing compare equal (case, punctuation, LaTeX, HTML, accents, a trailing period)."""

from __future__ import annotations

import html
import re
import unicodedata

from healthsite.citations.latex import decode_latex

#: An HTML or MathML tag, as Crossref titles carry them (`<i>`, `<sub>`, `<mml:math>`).
TAG_RE = re.compile(r"<[^<>]+>")
#: Anything that is neither a letter nor a digit (punctuation, dashes, brackets, spaces).
NON_WORD_RE = re.compile(r"[\W_]+")
#: A parenthesized part of a journal title: `HPB (Oxford)`.
PARENTHESIZED_RE = re.compile(r"\([^()]*\)")
#: Initials at the end of a PubMed author name: `Ost P`, `van de Beek D`.
INITIALS_RE = re.compile(r"\s+[A-Z]{1,4}$")
#: The label publishers put before a retracted paper's title (`RETRACTED: …`, `[Retracted] …`).
RETRACTED_RE = re.compile(r"^\W*retracted(?: article)?\W*\s", re.I)
#: Greek letters that titles spell either way (`IFN-γ` / `IFN-gamma`).
GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
}


def plain(text: str) -> str:
    """LaTeX decoded, HTML tags dropped and entities unescaped, spaces collapsed."""
    text = decode_latex(text) if ("\\" in text or "{" in text) else text
    text = html.unescape(TAG_RE.sub("", text))
    return " ".join(text.split())


def _fold(text: str) -> str:
    """Case-folded, accents removed, Greek letters spelled out, punctuation turned into spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = "".join(GREEK.get(char, char) for char in text)
    return " ".join(NON_WORD_RE.sub(" ", text).split())


def normalize_title(text: str) -> str:
    """`A {Phase II} Trial.` and `a phase II trial` both become `a phase ii trial`; a
    `RETRACTED:` label in front is not part of the title."""
    return _fold(RETRACTED_RE.sub("", plain(text), count=1))


def normalize_journal(text: str) -> str:
    """Journal titles compared without case, punctuation, `&`/`and`, a leading `The` or a
    parenthesized part: `The Lancet` = `Lancet`, `J. Clin. Oncol.` = `J Clin Oncol`."""
    folded = _fold(PARENTHESIZED_RE.sub(" ", plain(text).replace("&", " and ")))
    return folded.removeprefix("the ")


def journal_variants(title: str) -> set[str]:
    """The title and its parts before ` : ` or `. ` (PubMed's `The Lancet. Oncology`, or
    `Journal of clinical oncology : official journal of …`), normalized."""
    variants = {normalize_journal(title)}
    head = plain(title).split(" : ")[0]
    variants.add(normalize_journal(head))
    return {variant for variant in variants if variant}


#: Words an abbreviated journal title leaves out (`J Clin Oncol` = `Journal of Clinical Oncology`).
STOPWORDS = frozenset({"of", "the", "and", "in", "for", "on", "de", "la", "und", "der", "fur"})


def journals_match(ours: str, theirs: str) -> bool:
    """Equal once normalized, or one is the other abbreviated word by word (`Br J Cancer` =
    `British Journal of Cancer`, `Lancet Oncol` = `The Lancet Oncology`, not `The Lancet`)."""
    if ours == theirs:
        return True
    short, full = sorted(
        (
            [w for w in ours.split() if w not in STOPWORDS],
            [w for w in theirs.split() if w not in STOPWORDS],
        ),
        key=lambda words: sum(map(len, words)),
    )
    return len(short) == len(full) > 0 and all(
        long.startswith(word) for word, long in zip(short, full, strict=True)
    )


def surname_key(surname: str) -> str:
    """A surname as letters only: `van de Beek` -> `vandebeek`, `Müller` -> `muller`."""
    return _fold(plain(surname)).replace(" ", "")


def pubmed_surname(name: str) -> str:
    """The surname of a PubMed author name: `van de Beek D` -> `van de Beek`."""
    return INITIALS_RE.sub("", name.strip())


def ascii_letters(text: str) -> str:
    """Lower-case ASCII letters only, for a citation key: `Oquiñena` -> `oquinena`."""
    return re.sub(r"[^a-z]", "", _fold(plain(text)))


def expand_pages(pages: str) -> str:
    """PubMed's `339-47` -> `339--347`; `e123` and `446-453` keep their digits; `-` -> `--`."""
    match = re.fullmatch(r"\s*(\w*?)(\d+)\s*[-\u2013]+\s*(\w*?)(\d+)\s*", pages)
    if not match:
        return pages.strip()
    prefix, start, end_prefix, end = match.groups()
    if len(end) < len(start) and not end_prefix:
        end = start[: len(start) - len(end)] + end
    return f"{prefix}{start}--{end_prefix}{end}"
