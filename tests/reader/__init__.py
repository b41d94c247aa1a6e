"""Tests of the article page (review box, cite this page, JSON-LD, hreflang, print, a11y)."""
