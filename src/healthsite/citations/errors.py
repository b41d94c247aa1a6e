"""Exception types raised by the citation library."""

from __future__ import annotations


class CitationError(Exception):
    """A problem the author must fix; the message names file:line and what is wrong."""
