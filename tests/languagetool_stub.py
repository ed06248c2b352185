"""A stand-in LanguageTool server for the tests: NOT LanguageTool, a small http.server.

It implements the two documented endpoints the adapter uses, `GET /v2/languages` and
`POST /v2/check`, and answers with responses shaped like recorded LanguageTool 6.x answers
(same fields, UTF-16 offsets). Its "grammar" is a fixed table of trigger phrases, so tests know
exactly which spans must come back. It counts requests and can be made slow or failing.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]

# trigger phrase -> (span inside the phrase, rule id, category id, issue type, message, replacements)
RULES = {
    "a apple": ("a", "EN_A_VS_AN", "MISC", "misspelling",
                "Use “an” instead of ‘a’ if the following word starts with a vowel sound.", ["an"]),
    "she have": ("have", "HE_VERB_AGR", "GRAMMAR", "grammar",
                 "The pronoun ‘she’ is usually used with a third-person verb: “has”.", ["has", "had"]),
    "teh": ("teh", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling",
            "Possible spelling mistake found.", ["the", "ten"]),
}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def recorded_matches(text: str, disabled_categories: set[str]) -> list[dict[str, Any]]:
    matches = []
    lowered = text.lower()
    for phrase, (span, rule_id, category, issue, message, replacements) in RULES.items():
        if category in disabled_categories:
            continue
        at = lowered.find(phrase)
        while at >= 0:
            start = at + phrase.index(span)
            matches.append({
                "message": message, "shortMessage": "",
                "replacements": [{"value": r} for r in replacements],
                "offset": utf16_len(text[:start]), "length": utf16_len(span),
                "context": {"text": text[max(0, start - 20):start + 20], "offset": min(start, 20),
                            "length": utf16_len(span)},
                "sentence": text,
                "type": {"typeName": "Other"},
                "rule": {"id": rule_id, "description": message, "issueType": issue,
                         "category": {"id": category, "name": category.title()}},
                "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
            })
            at = lowered.find(phrase, at + 1)
    return sorted(matches, key=lambda m: m["offset"])


@dataclass
class StubLanguageTool:
    version: str = "6.4"
    delay: float = 0.0  # seconds /v2/check waits before answering
    status: int = 200  # an error status makes /v2/check fail
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    in_flight: int = 0
    peak_in_flight: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self.release = threading.Event()  # set at shutdown so slow handlers finish at once
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                stub._record(self.path, {})
                if self.path.rstrip("/") == "/v2/languages":
                    self._send(200, LANGUAGES)
                else:
                    self._send(404, {"error": "not found"})

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8")).items()}
                stub._record(self.path, form)
                if self.path.rstrip("/") != "/v2/check":
                    self._send(404, {"error": "not found"})
                    return
                with stub._lock:
                    stub.in_flight += 1
                    stub.peak_in_flight = max(stub.peak_in_flight, stub.in_flight)
                try:
                    if stub.delay:
                        stub.release.wait(stub.delay)
                    if stub.status != 200:
                        self._send(stub.status, {"error": "Internal Server Error"})
                        return
                    disabled = set(filter(None, form.get("disabledCategories", "").split(",")))
                    language = form.get("language", "auto")
                    self._send(200, {
                        "software": {"name": "LanguageTool", "version": stub.version, "buildDate": "2024-03-28",
                                     "apiVersion": 1, "premium": False, "status": ""},
                        "warnings": {"incompleteResults": False},
                        "language": {"name": language, "code": "en-US" if language == "auto" else language,
                                     "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.9}},
                        "matches": recorded_matches(form.get("text", ""), disabled),
                    })
                finally:
                    with stub._lock:
                        stub.in_flight -= 1

            def _send(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def _record(self, path: str, form: dict[str, str]) -> None:
        with self._lock:
            self.requests.append((path, form))

    def checks(self) -> list[dict[str, str]]:
        return [form for path, form in self.requests if path.rstrip("/") == "/v2/check"]

    def stop(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
