"""A small client for LanguageTool's documented HTTP API (`/v2/check`, `/v2/languages`).

Standard library only (urllib). Each call raises one of three errors so callers can report
a failure once per run instead of once per paragraph: `Unreachable` (nothing listening, DNS),
`Timeout`, and `ServerError` (an HTTP error status or a body that is not LanguageTool's JSON).
"""

from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any


class LanguageToolError(Exception):
    pass


class Unreachable(LanguageToolError):
    pass


class Timeout(LanguageToolError):
    pass


class ServerError(LanguageToolError):
    pass


@dataclass(frozen=True)
class CheckResponse:
    matches: list[dict[str, Any]]
    version: str  # LanguageTool's software.version, part of the cache key


def api_base(url: str) -> str:
    """`http://host:8010`, `.../`, `.../v2` and `.../v2/` all give `http://host:8010/v2/`."""
    base = url.strip().rstrip("/")
    if not base.endswith("/v2"):
        base += "/v2"
    return base + "/"


class LanguageToolClient:
    def __init__(self, url: str, timeout: float) -> None:
        self.url = url
        self.base = api_base(url)
        self.timeout = timeout

    def languages(self) -> list[dict[str, Any]]:
        body = self._request("languages")
        if not isinstance(body, list):
            raise ServerError(f"LanguageTool at {self.url} sent an unexpected /v2/languages answer")
        return body

    def check(self, text: str, language: str, params: dict[str, str]) -> CheckResponse:
        form = {"text": text, "language": language, **params}
        body = self._request("check", urllib.parse.urlencode(form).encode("utf-8"))
        if not isinstance(body, dict) or not isinstance(body.get("matches"), list):
            raise ServerError(f"LanguageTool at {self.url} sent an unexpected /v2/check answer")
        version = str((body.get("software") or {}).get("version") or "unknown")
        return CheckResponse(body["matches"], version)

    def _request(self, endpoint: str, data: bytes | None = None) -> Any:
        request = urllib.request.Request(self.base + endpoint, data=data, headers={"Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - configured URL
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise ServerError(f"LanguageTool at {self.url} answered HTTP {exc.code}") from exc
        except (TimeoutError, socket.timeout) as exc:
            raise Timeout(f"LanguageTool at {self.url} did not answer within {self.timeout:g} s") from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise Timeout(f"LanguageTool at {self.url} did not answer within {self.timeout:g} s") from exc
            raise Unreachable(f"no LanguageTool server at {self.url}") from exc
        except http.client.HTTPException as exc:
            raise ServerError(f"LanguageTool at {self.url} broke off its answer ({type(exc).__name__})") from exc
        except OSError as exc:
            raise Unreachable(f"no LanguageTool server at {self.url}") from exc
        try:
            return json.loads(raw)
        except ValueError as exc:
            raise ServerError(f"LanguageTool at {self.url} sent a body that is not JSON") from exc
