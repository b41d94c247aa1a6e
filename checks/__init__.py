"""Contributor checks: `python -m checks` finds every content problem, compiler style.

The content rules themselves live in the installed library (`healthsite.content`) so that the
build hooks run exactly the same validation; this package finds the files, runs the rules and
the external linters (pymarkdown, ruff, the strict build and lychee) and reports.
"""
