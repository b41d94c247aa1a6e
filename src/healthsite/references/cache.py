"""Registry answers kept on disk for a week, keyed by registry, base URL and identifier."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: How long an answer is trusted before the registry is asked again.
MAX_AGE = dt.timedelta(days=7)


@dataclass
class ResponseCache:
    """One JSON file per answer under `folder` (`.cache/references/` in a site repository):
    `{"fetched": "YYYY-MM-DD", "base": url, "id": identifier, "answer": {...}}`."""

    folder: Path
    today: dt.date

    def get(self, base: str, registry: str, identifier: str) -> dict[str, Any] | None:
        """The answer if it was fetched from this base URL less than a week ago."""
        path = self._path(base, registry, identifier)
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            fetched = dt.date.fromisoformat(stored["fetched"])
            answer = stored["answer"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not isinstance(answer, dict) or not (dt.timedelta(0) <= self.today - fetched < MAX_AGE):
            return None
        return answer

    def put(self, base: str, registry: str, identifier: str, answer: dict[str, Any]) -> None:
        path = self._path(base, registry, identifier)
        path.parent.mkdir(parents=True, exist_ok=True)
        stored = {
            "fetched": self.today.isoformat(),
            "base": base,
            "id": identifier,
            "answer": answer,
        }
        path.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")

    def _path(self, base: str, registry: str, identifier: str) -> Path:
        digest = hashlib.sha256(f"{base}\n{identifier}".encode()).hexdigest()[:24]
        return self.folder / registry / f"{digest}.json"
