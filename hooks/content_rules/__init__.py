"""Content rules shared by the contributor checks (`python -m checks`) and the build hooks.

Plain Python, no MkDocs: text in, `Finding`s out. The hooks `front_matter.py` and
`translations.py` import these modules as siblings (MkDocs puts `hooks/` on `sys.path` while
loading a hook); the `checks` package imports them as `hooks.content_rules`. Modules import each
other relatively so both names work.
"""
