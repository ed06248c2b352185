"""Where the LanguageTool server comes from, in this order:

1. a URL: the rule's `url` option (config) or the `NEWSLINT_LANGUAGETOOL_URL` environment
   variable, e.g. a self-hosted LanguageTool in Docker;
2. else a local LanguageTool that `language-tool-python` (the optional `grammar` extra)
   downloads and starts; it needs Java 17+ and a network connection on first use.

`ServerUnavailable` carries the one-line reason the CLI prints as "grammar rules skipped: ...".
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable

URL_ENV = "NEWSLINT_LANGUAGETOOL_URL"
LOCAL_IDENTITY = "language-tool-python (local)"


class ServerUnavailable(Exception):
    pass


@dataclass
class Server:
    url: str
    # Stable name for the server across runs (the local one gets a new port every run);
    # the cache remembers LanguageTool's version under it.
    identity: str
    stop: Callable[[], None] = field(default=lambda: None)


def configured_url(option: str) -> str:
    return option.strip() or os.environ.get(URL_ENV, "").strip()


def resolve_server(url_option: str) -> Server:
    url = configured_url(url_option)
    if url:
        return Server(url, url)
    return start_local_server()


def start_local_server() -> Server:
    try:
        import language_tool_python  # noqa: PLC0415 - optional GPL extra, imported only when needed
    except ImportError:
        raise ServerUnavailable(
            f"no LanguageTool server configured (set {URL_ENV} or the rule's url option, "
            "or install newslint[grammar])") from None
    try:
        tool: Any = language_tool_python.LanguageTool("en-US")
    except Exception as exc:  # noqa: BLE001 - download, Java or start-up failure: all mean "absent"
        detail = " ".join(str(exc).split())[:160]
        raise ServerUnavailable(
            "could not start a local LanguageTool with language-tool-python (first use downloads "
            f"LanguageTool and needs Java 17+): {type(exc).__name__}: {detail}") from None
    return Server(tool.url, LOCAL_IDENTITY, stop=tool.close)
