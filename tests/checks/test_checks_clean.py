"""A clean tiny repository passes and builds; the real repository passes `python -m checks`."""

from __future__ import annotations

import os
import subprocess
import sys

from tiny_repo import REPO_ROOT, Repo, repo_fixture  # noqa: F401


def test_clean_tiny_repo_passes_the_content_and_markdown_checks(repo: Repo):
    result = repo.check("--only", "content,markdown")
    assert result.stdout == ""
    assert result.returncode == 0, result.stderr


def test_clean_tiny_repo_builds_strictly_with_the_hooks(repo: Repo, tmp_path):
    result = repo.build(tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def test_the_real_repository_passes_every_check():
    """`python -m checks` on the repo root: content, Markdown, code, strict build, lychee."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "false"}
    result = subprocess.run(
        [sys.executable, "-m", "checks"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "checks passed: 0 errors" in result.stderr
