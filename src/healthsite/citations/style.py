"""A Vancouver/NLM-like pybtex style written in pybtex's template language.

pybtex's template engine costs about half a millisecond per entry, most of a cold build's
citation time. The output depends on the field *values* only where they are put, so
:func:`vancouver_html` formats the first entry of each *shape* (entry kind, which fields are
there, whether each ends a sentence, whether each link is safe) with numbered tokens in place
of the values, keeps that skeleton, and fills it for every entry of the same shape.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

from pybtex import richtext
from pybtex.backends.html import Backend
from pybtex.database import Entry as PybtexEntry
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.template import FieldIsMissing, first_of, join, node, optional, sentence

from .entry_types import DOI_PREFIX_RE, EntryLike, entry_kind
from .latex import SAFE_LINK_RE, decode_markup, markup_to_html
from .metadata import LINK_URLS
from .names import format_name_list, split_names

#: Blocks of a reference are separated by spaces (pybtex's default ``toplevel`` uses newblocks).
toplevel = join(sep=" ")
_LINK_FIELDS = {"doi", "url", "pmid", "pmcid", "eprint"}
#: Markup markers (see :mod:`latex`), never kept in a link.
_MARKERS_RE = re.compile("[\ue010-\ue01f]")
#: A biblatex date (``2021``, ``2021-03``, ``2021-03-05``, a range after ``/``): its year.
_DATE_YEAR_RE = re.compile(r"^(\d{4})(?:-\d{2}(?:-\d{2})?)?(?:/|$)")


def _clean_url(value: str) -> str:
    value = _MARKERS_RE.sub("", value).strip()
    if value.startswith("\\url{") and value.endswith("}"):
        value = value[5:-1]
    return value.replace("\\_", "_").replace("\\%", "%").replace("\\&", "&").strip("{} ")


def clean_entry(entry: EntryLike) -> PybtexEntry:
    """A copy with LaTeX decoded and braces removed; names and links keep their raw text."""
    return PybtexEntry(entry.type, fields=clean_fields(entry))


def clean_fields(entry: EntryLike) -> dict[str, str]:
    """The fields of :func:`clean_entry` (lower-case names), without making a pybtex entry.

    Text is decoded with markup markers (see :mod:`latex`); a ``url`` that is not an http,
    https or mailto link is left out (``entry_rules`` reports it); biblatex's ``date`` gives
    the year when there is no ``year``."""
    fields: dict[str, str] = {}
    for name, value in entry.fields.items():
        key = name.lower()
        if key in ("author", "editor"):
            fields[key] = value
        elif key in _LINK_FIELDS:
            fields[key] = _clean_url(value)
        else:
            fields[key] = decode_markup(value)
    if fields.get("url") and not SAFE_LINK_RE.match(fields["url"]):
        del fields["url"]
    date = _DATE_YEAR_RE.match(fields.get("date", ""))
    if not fields.get("year") and date:
        fields["year"] = date.group(1)
    if "number" not in fields and fields.get("issue"):
        fields["number"] = fields["issue"]
    if "journal" not in fields and fields.get("journaltitle"):
        fields["journal"] = fields["journaltitle"]
    if "address" not in fields and fields.get("location"):
        fields["address"] = fields["location"]
    return fields


def _value(context: Mapping[str, Any], name: str) -> str:
    entry = context["entry"]
    value = entry.fields.get(name)
    if not value:
        raise FieldIsMissing(name, entry)
    return value


def _as_is(slot: Slot, value: str) -> str:
    return value


class Slot(NamedTuple):
    """Where a skeleton takes a value: ``kind`` is text, people, link (shown) or url (href)."""

    kind: str
    name: str


@node
def text(children: list[Any], context: Mapping[str, Any], name: str) -> richtext.Text:
    """A decoded field as escaped text (no sentence-casing: ``Taiwan`` stays ``Taiwan``)."""
    return richtext.String(context["put"](Slot("text", name), _value(context, name)))


@node
def label(children: list[Any], context: Mapping[str, Any], name: str) -> richtext.Text:
    """A translated word for the page language."""
    return richtext.String(context["labels"][name])


@node
def editor_word(children: list[Any], context: Mapping[str, Any]) -> richtext.Text:
    """ "editor" for one editor, "editors" for more (in the page language)."""
    many = len(split_names(_value(context, "editor"))) > 1
    return richtext.String(context["labels"]["editors" if many else "editor"])


@node
def people(children: list[Any], context: Mapping[str, Any], role: str = "author") -> richtext.Text:
    """Names, Vancouver style, 6 then "et al."/「等」 chosen by the source's language."""
    names = format_name_list(_value(context, role), context["et_al"])
    return richtext.String(context["put"](Slot("people", role), names))


@node
def link(children: list[Any], context: Mapping[str, Any], name: str) -> richtext.BaseText:
    """A DOI/PMID/PMCID/URL field shown as text and linked when the URL is safe."""
    value = _link_text(name, _value(context, name))
    shown = richtext.String(context["put"](Slot("link", name), value))
    target = LINK_URLS[name].format(value=value)
    if not SAFE_LINK_RE.match(target):
        return shown
    return richtext.HRef(context["put"](Slot("url", name), _href(target)), shown)


def _link_text(name: str, value: str) -> str:
    """A link field as shown: DOI without resolver prefix, PMCID with its ``PMC``."""
    if name == "doi":
        return DOI_PREFIX_RE.sub("", value)
    if name == "pmcid" and not value.upper().startswith("PMC"):
        return "PMC" + value
    return value


def _href(target: str) -> str:
    return html.escape(target, quote=True)


class VancouverStyle(BaseStyle):
    """Vancouver/NLM-like references for medical writing."""

    default_sorting_style = "none"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._templates: dict[str, Any] = {}

    def format_entry(  # type: ignore[override]
        self,
        label: str,
        entry: PybtexEntry,
        bib_data: Any = None,
        *,
        labels: Mapping[str, str],
        et_al: str,
        put: Callable[[Slot, str], str] = _as_is,
    ) -> FormattedEntry:
        """Format ``entry`` (already :func:`clean_entry`-ed) with page-language ``labels``.

        Every field value passes through ``put`` (which :class:`_Recorder` uses to put tokens
        in their place)."""
        context = {
            "entry": entry,
            "style": self,
            "bib_data": bib_data,
            "labels": labels,
            "et_al": et_al,
            "put": put,
        }
        kind = entry_kind(entry)
        template = self._templates.get(kind)
        if template is None:  # templates do not depend on the entry: build each once
            template = self._templates[kind] = getattr(self, f"get_{kind}_template")(entry)
        return FormattedEntry(entry.key, template.format_data(context), label)

    # pieces -----------------------------------------------------------------
    @property
    def creators(self) -> Any:
        return optional[
            sentence[
                first_of[
                    optional[people(role="author")],
                    optional[text("organization")],
                    optional[text("institution")],
                ]
            ]
        ]

    @property
    def title(self) -> Any:
        return optional[sentence[text("title")]]

    @property
    def links(self) -> Any:
        return join(sep=" ")[
            optional[sentence[join["doi:", link("doi")]]],
            optional[sentence[join["PMID: ", link("pmid")]]],
            optional[sentence[join["PMCID: ", link("pmcid")]]],
            optional[join[label("available_from"), ": ", link("url")]],
        ]

    @property
    def imprint(self) -> Any:
        """``Place: Publisher; Year``."""
        return optional[
            sentence[
                join(sep="; ")[
                    join(sep=": ")[
                        optional[text("address")],
                        first_of[
                            optional[text("publisher")],
                            optional[text("institution")],
                            optional[text("organization")],
                        ],
                    ],
                    optional[text("year")],
                ]
            ]
        ]

    @property
    def in_collection(self) -> Any:
        return join(sep=" ")[
            optional[sentence[join[label("in"), ": ", people(role="editor"), ", ", editor_word]]],
            optional[sentence[text("booktitle")]],
        ]

    @property
    def pages(self) -> Any:
        return optional[sentence[join["p. ", text("pages")]]]

    # templates --------------------------------------------------------------
    def get_article_template(self, e: PybtexEntry) -> Any:
        return toplevel[
            self.creators,
            self.title,
            optional[sentence[text("journal")]],
            optional[
                sentence[
                    join[
                        text("year"),
                        optional[join[";", text("volume")]],
                        optional[join["(", text("number"), ")"]],
                        optional[join[":", text("pages")]],
                    ]
                ]
            ],
            self.links,
        ]

    def get_book_template(self, e: PybtexEntry) -> Any:
        return toplevel[
            first_of[
                self.creators,
                optional[sentence[join[people(role="editor"), ", ", editor_word]]],
            ],
            self.title,
            optional[sentence[text("edition")]],
            self.imprint,
            self.links,
        ]

    def get_incollection_template(self, e: PybtexEntry) -> Any:
        return toplevel[
            self.creators, self.title, self.in_collection, self.imprint, self.pages, self.links
        ]

    get_inproceedings_template = get_incollection_template

    def get_report_template(self, e: PybtexEntry) -> Any:
        return toplevel[
            self.creators, self.title, self.imprint, optional[sentence[text("number")]], self.links
        ]

    get_techreport_template = get_report_template

    def get_misc_template(self, e: PybtexEntry) -> Any:
        return toplevel[
            self.creators,
            self.title,
            optional[
                sentence[
                    join(sep="; ")[
                        join(sep=": ")[
                            optional[text("address")],
                            first_of[optional[text("publisher")], optional[text("howpublished")]],
                        ],
                        join(sep=" ")[
                            optional[text("year")],
                            optional[join["[", label("cited"), " ", text("urldate"), "]"]],
                        ],
                    ]
                ]
            ],
            self.links,
        ]

    get_online_template = get_misc_template


def vancouver_html(entry: EntryLike, labels: Mapping[str, str], et_al: str) -> str:
    """Format one raw entry as escaped HTML, through the skeleton of its shape."""
    fields = clean_fields(entry)
    values = _slot_values(fields, et_al)
    shape = _shape(entry_kind(entry), values, fields)
    if shape is None:
        return format_directly(PybtexEntry(entry.type, fields=fields), labels, et_al)
    skeleton = _SKELETONS.get((shape, id(labels)))
    if skeleton is None or skeleton[0] is not labels:
        cleaned = PybtexEntry(entry.type, fields=fields)
        skeleton = (labels, _record_skeleton(cleaned, labels, et_al))
        _SKELETONS[(shape, id(labels))] = skeleton
    return markup_to_html(
        "".join(
            piece if type(piece) is str else _escaped(piece, values[piece]) for piece in skeleton[1]
        )
    )


def _escaped(slot: Slot, value: str) -> str:
    """A value escaped the way pybtex's HTML backend (or :func:`link`, for URLs) does."""
    return _href(value) if slot.kind == "url" else escape(value)


def format_directly(cleaned: PybtexEntry, labels: Mapping[str, str], et_al: str) -> str:
    """pybtex's template engine and HTML backend, no skeleton (the reference output)."""
    formatted = _STYLE.format_entry("", cleaned, labels=labels, et_al=et_al)
    return markup_to_html(formatted.text.render(_BACKEND))


#: Fields the templates read, by how a value is put into the output.
_TEXT_FIELDS = (
    "organization", "institution", "title", "journal", "year", "volume", "number", "pages",
    "edition", "address", "publisher", "booktitle", "howpublished", "urldate",
)  # fmt: skip


def _slot_values(fields: Mapping[str, str], et_al: str) -> dict[Slot, str]:
    """What each slot of an entry holds, as raw (unescaped) text; absent fields left out."""
    values = {Slot("text", name): fields[name] for name in _TEXT_FIELDS if fields.get(name)}
    for role in ("author", "editor"):
        if fields.get(role):
            values[Slot("people", role)] = format_name_list(fields[role], et_al)
    for name, url in LINK_URLS.items():
        if fields.get(name):
            shown = values[Slot("link", name)] = _link_text(name, fields[name])
            values[Slot("url", name)] = url.format(value=shown)
    return values


def _shape(
    kind: str, values: Mapping[Slot, str], fields: Mapping[str, str]
) -> tuple[Any, ...] | None:
    """What the output's structure depends on, or ``None`` to format without a skeleton."""
    editors = len(split_names(fields["editor"])) if fields.get("editor") else 0
    shape: list[Any] = [kind, min(editors, 2)]
    for slot, value in values.items():
        if not value or "\x01" in value:  # \x01 starts a token: format such values directly
            return None
        if slot.kind == "url":
            shape.append((slot.name, bool(SAFE_LINK_RE.match(value))))
        else:
            shape.append((slot.kind, slot.name, value[-1] in ".?!"))
    return tuple(shape)


class _Recorder:
    """Puts a numbered token where each value goes. A token ends in ``\\x02`` plus the
    value's last character when that ends a sentence (else in ``\\x03``), so pybtex adds
    periods after tokens just as it would after the values."""

    def __init__(self) -> None:
        self.tokens: dict[str, Slot] = {}

    def __call__(self, slot: Slot, value: str) -> str:
        number = len(self.tokens)
        last = value[-1]
        token = f"\x01{number}\x02{last}" if last in ".?!" else f"\x01{number}\x03"
        self.tokens[token] = slot
        return token


_TOKEN_RE = re.compile("(\x01\\d+(?:\x02[.?!]|\x03))")


def _record_skeleton(
    cleaned: PybtexEntry, labels: Mapping[str, str], et_al: str
) -> list[str | Slot]:
    """The HTML of ``cleaned`` as literal pieces and slots, values escaped at fill time."""
    recorder = _Recorder()
    formatted = _STYLE.format_entry("", cleaned, labels=labels, et_al=et_al, put=recorder)
    pieces = _TOKEN_RE.split(formatted.text.render(_BACKEND))
    skeleton = [recorder.tokens[piece] if i % 2 else piece for i, piece in enumerate(pieces)]
    unknown = set(recorder.tokens.values()) - set(_slot_values(cleaned.fields, et_al))
    if unknown:
        names = ", ".join(sorted(slot.name for slot in unknown))
        raise RuntimeError(
            f"the style reads field(s) {names} that style.py does not list: "
            "add each to _TEXT_FIELDS (or to LINK_URLS for a link)"
        )
    return skeleton


_STYLE = VancouverStyle()
_BACKEND = Backend()
_SKELETONS: dict[tuple[Any, int], tuple[Mapping[str, str], list[str | Slot]]] = {}
