"""Markdown hygiene, Python code, and the GitHub Actions annotation format."""

from __future__ import annotations

import shutil

from tiny_repo import REPO_ROOT, Repo, repo_fixture  # noqa: F401

INDEX = "docs/index.en.md"


def test_markdown_faults_are_reported_in_the_same_format(repo: Repo):
    repo.write(
        INDEX,
        "# Home  \n\n### Skipped\n\n![](chart.png)\n\n<b>bold</b> <!-- bibliography -->\n",
    )
    result = repo.check("--only", "markdown")
    assert result.stdout.splitlines() == [
        f"{INDEX}:1:7: error: Trailing spaces [Expected: 0; Actual: 2] (MD009); "
        "delete the spaces at the end of the line (end a line with \\ for a line break)",
        f"{INDEX}:3:1: error: Heading levels should only increment by one level at a time. "
        "[Expected: h2; Actual: h3] (MD001); "
        "use the next heading level down (## after #, ### after ##); do not skip levels",
        f"{INDEX}:5:1: error: Images should have alternate text (alt text) (MD045); "
        "describe the image in its alt text: ![what it shows](file.png)",
        f"{INDEX}:7:1: error: Inline HTML [Element: b] (MD033); write it in Markdown instead "
        "of HTML (allowed: <sub>, <sup>, <span>, <kbd>, comments)",
    ]
    assert result.returncode == 1


def test_material_syntax_is_not_flagged(repo: Repo):
    repo.write(
        INDEX,
        '# 首頁\n\n!!! note "注意"\n\n    內容 <span lang="en">HCC</span>\n\n'
        "*[HCC]: Hepatocellular carcinoma\n",
    )
    result = repo.check("--only", "markdown")
    assert result.stdout == ""
    assert result.returncode == 0


def test_python_lint_and_format_faults_are_reported(repo: Repo):
    shutil.copy(REPO_ROOT / "pyproject.toml", repo.root / "pyproject.toml")
    repo.write("hooks/extra.py", "def f():\n    return undefined_name\n\n\nx  =  1\n")
    result = repo.check("--only", "code")
    assert result.stdout.splitlines() == [
        "hooks/extra.py:2:12: error: Undefined name `undefined_name` (F821); "
        "fix it by hand or run `.venv/bin/ruff check --fix`",
        "hooks/extra.py:5:3: error: file is not formatted; "
        "run `.venv/bin/ruff format hooks/extra.py`",
    ]
    assert result.returncode == 1


def test_github_actions_gets_annotations(repo: Repo):
    repo.edit("docs/articles/sample.zh-Hant.md", "內容", "修訂後的內容")
    result = repo.check("--only", "content", github=True)
    en = "docs/articles/sample.en.md"
    assert result.stdout.splitlines()[1] == (
        f"::error file={en},line=14,col=1::translation is outdated: "
        "docs/articles/sample.zh-Hant.md changed since it was translated; "
        f"update the translation, then run `make mark-translated FILE={en}`"
    )


def test_warnings_and_notices_become_warning_and_notice_annotations(repo: Repo):
    bib = "bibliography/references.bib"
    repo.write(
        bib, repo.read(bib) + "\n@misc{who2024,\n  title = {T},\n  url = {https://who.int},\n}\n"
    )
    result = repo.check("--only", "content", github=True)
    assert (
        f"::notice file={bib},line=17,col=7::"
        "@who2024 is not cited by any page; cite it or delete it" in result.stdout.splitlines()
    )
    assert result.returncode == 0


def test_annotation_escapes_newlines_and_property_separators():
    from checks.report import annotation
    from healthsite.content.findings import Finding

    finding = Finding("a,b:c.md", 3, 4, "warning", "50% done\nnext", "fix")
    assert annotation(finding) == "::warning file=a%2Cb%3Ac.md,line=3,col=4::50%25 done%0Anext; fix"
