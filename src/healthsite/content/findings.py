"""A problem found in a file, printed like compiler output."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "notice"]

#: Order used for sorting and for the summary line.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "notice")


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at `path:line:col`; `fix` tells the author what to do about it."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    fix: str = ""

    @classmethod
    def error(cls, path: str, line: int, col: int, message: str, fix: str = "") -> Finding:
        """An error at `path:line:col` (fails `make check` and the strict build)."""
        return cls(path, line, col, "error", message, fix)

    @property
    def text(self) -> str:
        """`what is wrong; how to fix it`."""
        return f"{self.message}; {self.fix}" if self.fix else self.message

    def compiler_style(self) -> str:
        """`path:line:col: severity: what is wrong; how to fix it` (the `make check` line)."""
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.text}"

    def build_style(self) -> str:
        """`path:line: what is wrong; how to fix it` for the build log (the log has the level)."""
        return f"{self.path}:{self.line}: {self.text}"

    def located(self) -> str:
        """`path:line:col: what is wrong; how to fix it` for the build log, with the column."""
        return f"{self.path}:{self.line}:{self.col}: {self.text}"
