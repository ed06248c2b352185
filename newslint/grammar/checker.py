"""One LanguageTool session per run: cache first, then batched parallel requests.

The server is found and probed (`/v2/languages`) only when a paragraph is missing from the
cache, so a fully cached re-run sends nothing and starts nothing. Failures are turned into
one-line run-level notices through the `notice` callback (deduplicated by the rule), and
the server being absent into `unavailable`, the reason the CLI prints once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from newslint.grammar.batching import SEPARATOR, GrammarMatch, pack, split_matches
from newslint.grammar.cache import ResultCache, cache_key
from newslint.grammar.client import LanguageToolClient, LanguageToolError, Unreachable
from newslint.grammar.server import LOCAL_IDENTITY, Server, ServerUnavailable, configured_url, resolve_server

# After this many failed requests in a row the run stops asking, so a dead or hung server
# costs a few timeouts, not one per document of a corpus.
MAX_FAILURES_IN_A_ROW = 5


@dataclass(frozen=True)
class CheckerSettings:
    url: str = ""  # empty: NEWSLINT_LANGUAGETOOL_URL, else language-tool-python
    timeout: float = 10.0
    max_parallel: int = 4
    batch_chars: int = 2000
    cache_dir: Path | None = None  # None: no cache
    params: dict[str, str] = field(default_factory=dict)  # extra /v2/check parameters


def normalize_language(code: str | None) -> str:
    """`en_us` -> `en-US`; empty or `auto` -> `auto`."""
    text = (code or "").strip().replace("_", "-")
    if not text or text.lower() == "auto":
        return "auto"
    first, *rest = text.split("-")
    return "-".join([first.lower(), *(part.upper() if len(part) == 2 else part for part in rest)])


class LanguageToolChecker:
    def __init__(self, settings: CheckerSettings, notice: Callable[[str], None]) -> None:
        self.settings = settings
        self.notice = notice
        self.unavailable: str | None = None
        self._options = json.dumps(sorted(settings.params.items()))
        self._identity = configured_url(settings.url) or LOCAL_IDENTITY
        self._cache = self._open_cache(settings.cache_dir)
        self._version = self._cache.remembered_version(self._identity) if self._cache else None
        self._connected = False
        self._server: Server | None = None
        self._client: LanguageToolClient | None = None
        self._languages: dict[str, str] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._failures = 0
        self._stopped = False

    def check(self, paragraphs: Sequence[str], language: str | None) -> list[list[GrammarMatch]]:
        """Matches per paragraph; paragraphs that could not be checked get none."""
        lang = normalize_language(language)
        results: list[list[GrammarMatch] | None] = [self._cached(text, lang) for text in paragraphs]
        pending = [i for i, found in enumerate(results) if found is None]
        if pending and not self._stopped and self._connect():
            server_lang = self._supported(lang)
            if server_lang is not None:
                self._request(paragraphs, pending, lang, server_lang, results)
        return [found or [] for found in results]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self._server is not None:
            self._server.stop()
        if self._cache is not None:
            self._cache.close()

    # -- cache -------------------------------------------------------------------------------

    def _open_cache(self, directory: Path | None) -> ResultCache | None:
        if directory is None:
            return None
        try:
            return ResultCache(directory)
        except Exception as exc:  # noqa: BLE001 - an unusable cache slows the run, never stops it
            self.notice(f"LanguageTool cache at {directory} is unusable ({type(exc).__name__}: {exc}); running without it")
            return None

    def _key(self, text: str, lang: str, version: str) -> str:
        return cache_key(text, lang, version, self._options)

    def _cached(self, text: str, lang: str) -> list[GrammarMatch] | None:
        if self._cache is None or self._version is None:
            return None
        stored = self._cache.get(self._key(text, lang, self._version))
        return None if stored is None else [GrammarMatch.from_json(m) for m in stored]

    # -- server ------------------------------------------------------------------------------

    def _connect(self) -> bool:
        if self._connected:
            return self.unavailable is None
        self._connected = True
        try:
            self._server = resolve_server(self.settings.url)
            self._client = LanguageToolClient(self._server.url, self.settings.timeout)
            languages = self._client.languages()
        except (ServerUnavailable, LanguageToolError) as exc:
            self.unavailable = str(exc)
        if self.unavailable is not None:
            return False
        for entry in languages:
            for key in ("code", "longCode"):
                if isinstance(entry.get(key), str):
                    self._languages[entry[key].lower()] = entry[key]
        self._pool = ThreadPoolExecutor(max_workers=max(1, self.settings.max_parallel),
                                        thread_name_prefix="languagetool")
        return True

    def _supported(self, lang: str) -> str | None:
        if lang == "auto":
            return lang
        exact = self._languages.get(lang.lower()) or self._languages.get(lang.split("-")[0].lower())
        if exact is None:
            self.notice(f"LanguageTool at {self._server.url if self._server else '?'} has no language "
                        f"'{lang}'; documents in it were not checked")
        return exact

    def _request(self, paragraphs: Sequence[str], pending: list[int], lang: str, server_lang: str,
                 results: list[list[GrammarMatch] | None]) -> None:
        assert self._pool is not None and self._client is not None
        texts = [paragraphs[i] for i in pending]
        batches = pack([len(t) for t in texts], self.settings.batch_chars)
        futures = [self._pool.submit(self._client.check, SEPARATOR.join(texts[j] for j in batch), server_lang, self.settings.params)
                   for batch in batches]
        for batch, future in zip(batches, futures):
            try:
                response = future.result()
            except LanguageToolError as exc:
                self._failed(exc)
                continue
            self._failures = 0
            if response.version != self._version:
                self._version = response.version
                if self._cache is not None:
                    self._cache.remember_version(self._identity, response.version)
            per_paragraph = split_matches([texts[j] for j in batch], response.matches)
            for j, matches in zip(batch, per_paragraph):
                results[pending[j]] = matches
            if self._cache is not None:
                self._cache.put_many([(self._key(texts[j], lang, response.version), [m.to_json() for m in matches])
                                      for j, matches in zip(batch, per_paragraph)])

    def _failed(self, exc: LanguageToolError) -> None:
        if isinstance(exc, Unreachable) and self._client is not None:
            reason = f"LanguageTool at {self._client.url} stopped answering"
        else:
            reason = str(exc)
        self.notice(f"{reason}; the paragraphs in those requests were not checked")
        self._failures += 1
        if self._failures >= MAX_FAILURES_IN_A_ROW and not self._stopped:
            self._stopped = True
            self.notice(f"grammar checks stopped for this run after {MAX_FAILURES_IN_A_ROW} "
                        "failed LanguageTool requests in a row")
