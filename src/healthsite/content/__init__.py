"""Content rules shared by the contributor checks (`python -m checks`) and the build hooks.

Plain Python, no MkDocs: text in, `Finding`s out. The hooks `front_matter.py` and
`translations.py` and the `checks` package import the same modules, so a contributor gets the
same answer from `make check` and from the build. Citations are found with the citation
engine's own parser (`healthsite.citations`).
"""
