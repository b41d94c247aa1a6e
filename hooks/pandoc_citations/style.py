"""A Vancouver/NLM-like pybtex style written in pybtex's template language."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from pybtex import richtext
from pybtex.backends.html import Backend
from pybtex.database import Entry as PybtexEntry
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.template import FieldIsMissing, first_of, join, node, optional, sentence

from .entry_types import EntryLike, entry_kind
from .latex import decode_latex
from .names import format_name_list

#: Blocks of a reference are separated by spaces (pybtex's default ``toplevel`` uses newblocks).
toplevel = join(sep=" ")
_LINK_FIELDS = {"doi", "url", "pmid", "pmcid", "eprint"}
_SAFE_URL_RE = re.compile(r"^(?:https?|ftp)://", re.I)


def _clean_url(value: str) -> str:
    return value.replace("\\_", "_").replace("\\%", "%").replace("\\&", "&").strip("{} ")


def clean_entry(entry: EntryLike) -> PybtexEntry:
    """A copy with LaTeX decoded and braces removed; names and links keep their raw text."""
    fields: dict[str, str] = {}
    for name, value in entry.fields.items():
        key = name.lower()
        if key in ("author", "editor"):
            fields[key] = value
        elif key in _LINK_FIELDS:
            fields[key] = _clean_url(value)
        else:
            fields[key] = decode_latex(value)
    if "year" not in fields and fields.get("date"):
        fields["year"] = fields["date"][:4]
    if "number" not in fields and fields.get("issue"):
        fields["number"] = fields["issue"]
    if "journal" not in fields and fields.get("journaltitle"):
        fields["journal"] = fields["journaltitle"]
    if "address" not in fields and fields.get("location"):
        fields["address"] = fields["location"]
    return PybtexEntry(entry.type, fields=fields)


def _value(context: Mapping[str, Any], name: str) -> str:
    entry = context["entry"]
    value = entry.fields.get(name)
    if not value:
        raise FieldIsMissing(name, entry)
    return value


@node
def text(children: list[Any], context: Mapping[str, Any], name: str) -> richtext.Text:
    """A decoded field as escaped text (no sentence-casing: ``Taiwan`` stays ``Taiwan``)."""
    return richtext.String(_value(context, name))


@node
def label(children: list[Any], context: Mapping[str, Any], name: str) -> richtext.Text:
    """A translated word for the page language."""
    return richtext.String(context["labels"][name])


@node
def people(children: list[Any], context: Mapping[str, Any], role: str = "author") -> richtext.Text:
    """Names, Vancouver style, 6 then "et al."/「等」 chosen by the source's language."""
    return richtext.String(format_name_list(_value(context, role), context["et_al"]))


@node
def link(children: list[Any], context: Mapping[str, Any], name: str, url: str) -> richtext.BaseText:
    """A DOI/PMID/PMCID/URL field shown as text and linked when the URL is safe."""
    value = _value(context, name)
    if name == "doi":
        value = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", value, flags=re.I)
    elif name == "pmcid" and not value.upper().startswith("PMC"):
        value = "PMC" + value
    target = url.format(value=value)
    if not _SAFE_URL_RE.match(target):
        return richtext.String(value)
    return richtext.HRef(html.escape(target, quote=True), richtext.String(value))


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
    ) -> FormattedEntry:
        """Format ``entry`` (already :func:`clean_entry`-ed) with page-language ``labels``."""
        context = {
            "entry": entry,
            "style": self,
            "bib_data": bib_data,
            "labels": labels,
            "et_al": et_al,
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
            optional[sentence[join["doi:", link("doi", url="https://doi.org/{value}")]]],
            optional[
                sentence[
                    join["PMID: ", link("pmid", url="https://pubmed.ncbi.nlm.nih.gov/{value}/")]
                ]
            ],
            optional[
                sentence[
                    join[
                        "PMCID: ",
                        link("pmcid", url="https://pmc.ncbi.nlm.nih.gov/articles/{value}/"),
                    ]
                ]
            ],
            optional[join[label("available_from"), ": ", link("url", url="{value}")]],
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
            optional[
                sentence[join[label("in"), ": ", people(role="editor"), ", ", label("editors")]]
            ],
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
                optional[sentence[join[people(role="editor"), ", ", label("editors")]]],
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
    """Format one raw pybtex entry as escaped HTML (pybtex's HTML backend escapes text)."""
    formatted = _STYLE.format_entry("", clean_entry(entry), labels=labels, et_al=et_al)
    return formatted.text.render(_BACKEND)


_STYLE = VancouverStyle()
_BACKEND = Backend()
