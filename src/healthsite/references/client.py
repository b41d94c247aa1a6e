"""The only module that talks to the registries: Crossref's REST API and NCBI's E-utilities.

`requests` with urllib3's `Retry` (timeouts; 429 and 5xx retried with backoff, honouring
`Retry-After`), a descriptive User-Agent with a `mailto` as Crossref asks, NCBI's rate limit
(3 requests a second, 10 with an API key) and PMIDs batched 200 to a request. Anything that keeps
a registry from answering raises `RegistryUnavailable`, never a finding.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .cache import ResponseCache

CROSSREF_API_URL = "https://api.crossref.org"
NCBI_EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
USER_AGENT = "health-site-references/0.1 (+https://health.example.org/)"
#: PMIDs per esummary request (NCBI suggests at most 200 for GET).
BATCH = 200
#: Seconds between E-utilities requests: NCBI allows 3 a second, 10 with an API key.
NCBI_INTERVAL = 0.34
NCBI_INTERVAL_WITH_KEY = 0.1
#: Seconds between Crossref requests (its public pool asks for moderation).
CROSSREF_INTERVAL = 0.05
#: The longest `Retry-After` honoured; a registry asking for more is treated as not answering.
MAX_RETRY_AFTER = 30.0
#: Characters a DOI keeps unescaped in the URL path (Crossref takes `/works/10.1016/S0140-…(18)…`).
DOI_SAFE = "/()[];:@!$'*+,=&"


class RegistryUnavailable(Exception):
    """A registry did not answer (offline, timeout, refused, 5xx or 429 after retries)."""

    def __init__(self, registry: str, reason: str) -> None:
        super().__init__(f"{registry} did not answer: {reason}")
        self.registry = registry
        self.reason = reason


class _Retry(Retry):
    """urllib3's Retry with `Retry-After` capped, so a registry cannot stall a run for hours."""

    def get_retry_after(self, response: Any) -> float | None:
        seconds = super().get_retry_after(response)
        return None if seconds is None else min(seconds, MAX_RETRY_AFTER)


@dataclass
class RegistryClient:
    """Fetches Crossref works and PubMed summaries, through an optional on-disk cache."""

    crossref_url: str = CROSSREF_API_URL
    eutils_url: str = NCBI_EUTILS_URL
    api_key: str = ""
    mailto: str = ""
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 0.5
    cache: ResponseCache | None = None
    _session: requests.Session = field(init=False, repr=False)
    _last: dict[str, float] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.crossref_url = self.crossref_url.rstrip("/")
        self.eutils_url = self.eutils_url.rstrip("/")
        retry = _Retry(
            total=self.retries,
            backoff_factor=self.backoff,
            status_forcelist=(429, 500, 502, 503, 504),
            allowed_methods=("GET",),
            respect_retry_after_header=True,
        )
        self._session = requests.Session()
        self._session.mount("http://", HTTPAdapter(max_retries=retry))
        self._session.mount("https://", HTTPAdapter(max_retries=retry))
        agent = f"{USER_AGENT[:-1]}; mailto:{self.mailto})" if self.mailto else USER_AGENT
        self._session.headers.update({"User-Agent": agent, "Accept": "application/json"})

    @classmethod
    def from_environment(cls, **options: Any) -> RegistryClient:
        """Base URLs, API key and contact from CROSSREF_API_URL, NCBI_EUTILS_URL,
        NCBI_API_KEY and CROSSREF_MAILTO (defaults: the public registries)."""
        return cls(
            crossref_url=os.environ.get("CROSSREF_API_URL") or CROSSREF_API_URL,
            eutils_url=os.environ.get("NCBI_EUTILS_URL") or NCBI_EUTILS_URL,
            api_key=os.environ.get("NCBI_API_KEY", ""),
            mailto=os.environ.get("CROSSREF_MAILTO", ""),
            **options,
        )

    def crossref_work(self, doi: str) -> dict[str, Any] | None:
        """The `message` of `/works/{DOI}`, or None if Crossref has no such DOI (404)."""
        cached = self._cached("crossref", doi.lower())
        if cached is not None:
            return cached
        payload = self._get(
            "Crossref", f"{self.crossref_url}/works/{quote(doi, safe=DOI_SAFE)}", {}, "crossref"
        )
        if payload is None:
            return None
        message = payload.get("message")
        if not isinstance(message, dict):
            raise RegistryUnavailable("Crossref", f"unexpected answer for DOI {doi}")
        self._store("crossref", doi.lower(), message)
        return message

    def pubmed_summaries(self, pmids: list[str]) -> dict[str, Any]:
        """esummary's JSON `result` for these PMIDs (a PMID PubMed lacks is absent or has an
        `error`), asked 200 at a time; PMIDs answered within a week come from the cache."""
        result: dict[str, Any] = {}
        wanted = []
        for pmid in dict.fromkeys(pmids):
            cached = self._cached("pubmed", pmid)
            if cached is not None:
                result[pmid] = cached
            else:
                wanted.append(pmid)
        for start in range(0, len(wanted), BATCH):
            batch = wanted[start : start + BATCH]
            params = {"db": "pubmed", "id": ",".join(batch), "retmode": "json"}
            payload = self._get("PubMed", f"{self.eutils_url}/esummary.fcgi", params, "ncbi")
            answer = (payload or {}).get("result")
            if answer is None and isinstance((payload or {}).get("esummaryresult"), list):
                answer = {}  # NCBI's answer when no PMID of the batch exists ("Invalid uid …")
            if not isinstance(answer, dict):
                raise RegistryUnavailable("PubMed", "esummary gave no result")
            for pmid in batch:
                summary = answer.get(pmid)
                result[pmid] = summary
                if isinstance(summary, dict) and summary.get("title") and not summary.get("error"):
                    self._store("pubmed", pmid, summary)
        return result

    def pubmed_search_doi(self, doi: str) -> dict[str, Any]:
        """esearch's JSON for `DOI[doi]` (to find the PMID of a DOI)."""
        params = {"db": "pubmed", "term": f"{doi}[doi]", "retmode": "json"}
        return self._get("PubMed", f"{self.eutils_url}/esearch.fcgi", params, "ncbi") or {}

    def _get(
        self, registry: str, url: str, params: Mapping[str, str], pace: str
    ) -> dict[str, Any] | None:
        """GET JSON; None on 404; RegistryUnavailable when the registry does not answer."""
        if pace == "ncbi" and self.api_key:
            params = {**params, "api_key": self.api_key}
        if self.mailto and pace == "ncbi":
            params = {**params, "tool": "health-site-references", "email": self.mailto}
        self._wait(pace)
        try:
            response = self._session.get(url, params=params, timeout=self.timeout)
        except requests.exceptions.RetryError as error:
            raise RegistryUnavailable(registry, _retry_reason(error)) from error
        except requests.exceptions.RequestException as error:
            if _timed_out(error):
                reason = f"no answer within {self.timeout:g} s"
                raise RegistryUnavailable(registry, reason) from error
            raise RegistryUnavailable(registry, _short(error)) from error
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise RegistryUnavailable(registry, f"HTTP {response.status_code} from {url}")
        try:
            payload = response.json()
        except ValueError as error:
            raise RegistryUnavailable(registry, f"the answer from {url} is not JSON") from error
        if not isinstance(payload, dict):
            raise RegistryUnavailable(registry, f"the answer from {url} is not a JSON object")
        return payload

    def _wait(self, pace: str) -> None:
        if pace == "ncbi":
            interval = NCBI_INTERVAL_WITH_KEY if self.api_key else NCBI_INTERVAL
        else:
            interval = CROSSREF_INTERVAL
        last = self._last.get(pace)
        if last is not None:
            delay = interval - (time.monotonic() - last)
            if delay > 0:
                time.sleep(delay)
        self._last[pace] = time.monotonic()

    def _cached(self, registry: str, identifier: str) -> dict[str, Any] | None:
        if self.cache is None:
            return None
        return self.cache.get(self._base(registry), registry, identifier)

    def _store(self, registry: str, identifier: str, answer: dict[str, Any]) -> None:
        if self.cache is not None:
            self.cache.put(self._base(registry), registry, identifier, answer)

    def _base(self, registry: str) -> str:
        return self.crossref_url if registry == "crossref" else self.eutils_url


def _retry_reason(error: requests.exceptions.RetryError) -> str:
    text = str(error)
    for status in ("429", "500", "502", "503", "504"):
        if f"{status} error" in text or f"({status})" in text or f" {status} " in text:
            return f"HTTP {status} after retries"
    return "still failing after retries"


def _timed_out(error: requests.exceptions.RequestException) -> bool:
    """A timeout, raised directly or (after retries) as the reason of urllib3's MaxRetryError."""
    if isinstance(error, requests.exceptions.Timeout):
        return True
    reason = getattr(error.args[0] if error.args else None, "reason", None)
    # NewConnectionError (refused, unknown host) subclasses ConnectTimeoutError in urllib3 2.
    return isinstance(reason, urllib3.exceptions.TimeoutError) and not isinstance(
        reason, urllib3.exceptions.NewConnectionError
    )


def _short(error: Exception) -> str:
    """A one-line reason: the innermost cause (`[Errno 111] Connection refused`)."""
    cause: BaseException = error
    while cause.__context__ is not None and cause.__context__ is not cause:
        cause = cause.__context__
    text = str(cause) or type(cause).__name__
    return text.splitlines()[0][:200]
