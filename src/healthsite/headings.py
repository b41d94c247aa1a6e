"""Headings for screen readers: permalinks out of their names, callout titles as headings.

A Python-Markdown extension that runs after the ``toc`` extension (which adds the ``¶``
permalinks and the table of contents):

- Each permalink (``<a class="headerlink">¶</a>``) gets the page language's title and
  accessible name, and its ``¶`` is hidden from assistive technology.
- Each heading with a permalink is named by its own text (``aria-labelledby`` on a ``<span>``
  around it, with a short id ``hn-1``, ``hn-2``... in page order, skipping ids already in the
  page): a link inside a heading is otherwise part of the heading's name ("Side effects ¶",
  or "Side effects Link to this section").
- The titles of the admonitions in ``HEADING_ADMONITIONS`` (key points, urgent help) become
  headings one level below the heading before them, so they are in the page's outline. They
  are not Markdown headings: the table of contents and the translation checks do not see them.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterator
from itertools import count

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

#: Admonition types whose title is a heading: ``!!! abstract "Key points"``, ``!!! urgent``.
HEADING_ADMONITIONS = frozenset({"abstract", "urgent"})

HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}

#: After the toc extension's treeprocessor (priority 5), which adds the permalinks.
PRIORITY = 4


class HeadingsExtension(Extension):
    """Set ``permalink_title`` to the page language's words before each page is converted."""

    def __init__(self, **kwargs: object) -> None:
        self.permalink_title = ""
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(HeadingsTreeprocessor(md, self), "healthsite_headings", PRIORITY)


class HeadingsTreeprocessor(Treeprocessor):
    """Does the work described in the module docstring, on the whole page's tree."""

    def __init__(self, md: Markdown, extension: HeadingsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        last_level = 1
        taken = {element.get("id") for element in root.iter()}
        self._name_ids = _unused_ids(taken)
        titles: list[tuple[etree.Element, int]] = []
        for element in root.iter():
            level = HEADING_TAGS.get(element.tag)
            if level is not None:
                last_level = level
                self._name_heading(element)
            elif element.tag == "div" and _heading_admonition(element):
                title = element[0]
                titles.append((title, min(last_level + 1, 6)))
        for title, level in titles:  # after the walk, so they do not count as headings above
            title.tag = f"h{level}"

    def _name_heading(self, heading: etree.Element) -> None:
        links = [child for child in heading if "headerlink" in child.get("class", "").split()]
        heading_id = heading.get("id")
        if len(links) != 1 or not heading_id or heading[-1] is not links[0] or links[0].tail:
            return  # only the toc extension's trailing permalink (not permalink_leading)
        link = links[0]
        if self.extension.permalink_title:
            # the title for the pointer; the label too, as Material's tooltips remove the title
            # while its tooltip shows, on hover and on keyboard focus (the link would be left
            # without a name just when a screen reader announces it): so not the title alone
            link.set("title", self.extension.permalink_title)
            link.set("aria-label", self.extension.permalink_title)
        symbol = etree.SubElement(link, "span", {"aria-hidden": "true"})
        symbol.text, link.text = link.text, None
        # everything but the link goes into a span the heading is named by
        name = etree.Element("span", {"id": next(self._name_ids)})
        name.text, heading.text = heading.text, None
        for child in [child for child in heading if child is not link]:
            heading.remove(child)
            name.append(child)
        heading.insert(0, name)
        heading.set("aria-labelledby", name.get("id", ""))


def _unused_ids(taken: set[str | None]) -> Iterator[str]:
    """Yield ``hn-1``, ``hn-2``... leaving out the ids in ``taken`` (e.g. a heading "HN 1")."""
    for number in count(1):
        if f"hn-{number}" not in taken:
            yield f"hn-{number}"


def _heading_admonition(element: etree.Element) -> bool:
    classes = element.get("class", "").split()
    return (
        "admonition" in classes
        and bool(HEADING_ADMONITIONS.intersection(classes))
        and len(element) > 0
        and element[0].tag == "p"
        and "admonition-title" in element[0].get("class", "").split()
    )
