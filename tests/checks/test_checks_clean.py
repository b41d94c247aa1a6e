"""A clean tiny repository passes every check and builds strictly."""

from __future__ import annotations

from tiny_repo import Repo, repo_fixture  # noqa: F401


def test_clean_tiny_repo_passes(repo: Repo):
    result = repo.check("--only", "content,markdown")
    assert result.stdout == ""
    assert result.returncode == 0, result.stderr


def test_clean_tiny_repo_builds(repo: Repo, tmp_path):
    result = repo.build(tmp_path / "site")
    print(result.stderr)
    assert result.returncode == 0
    assert 0
