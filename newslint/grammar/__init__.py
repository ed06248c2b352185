"""LanguageTool adapter for the grammar rules: server, HTTP client, batching, cache, offsets.

Nothing here imports `language_tool_python`; `server.py` imports it only when no server URL
is configured and a grammar rule actually needs LanguageTool (it is an optional, GPL-3.0
extra). The rule itself lives in `newslint/checks/grammar_languagetool.py`.
"""
