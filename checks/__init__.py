"""Contributor checks: `python -m checks` finds every content problem, compiler style.

The content rules themselves live in `hooks/content_rules/` so that the build hooks run exactly
the same validation; this package finds the files, runs the rules and the external linters
(pymarkdown, ruff, the strict build and lychee) and reports.
"""

import sys
from pathlib import Path

# The hook libraries (`content_rules`, `pandoc_citations`) are imported the way MkDocs makes
# them importable for the hooks: with `hooks/` on sys.path.
HOOKS_DIR = Path(__file__).resolve().parent.parent / "hooks"
if str(HOOKS_DIR) not in sys.path:
    sys.path.insert(0, str(HOOKS_DIR))
