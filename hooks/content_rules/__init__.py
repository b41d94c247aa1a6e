"""Content rules shared by the contributor checks (`python -m checks`) and the build hooks.

Plain Python, no MkDocs: text in, `Finding`s out. The hooks `front_matter.py` and
`translations.py` import these modules as siblings (MkDocs puts `hooks/` on `sys.path` while
loading a hook); the `checks` package puts `hooks/` on `sys.path` and imports them the same way.
Citations are found with the citation engine's own parser (`pandoc_citations`).
"""
