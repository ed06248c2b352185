"""Find and validate newslint's configuration.

`newslint.toml` (top-level keys) or `[tool.newslint]` in `pyproject.toml`, the first found
from the current folder upward. Every key is listed in `KEYS`; an unknown key or a value of
the wrong type is a `ConfigError` naming the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


class ConfigError(ValueError):
    pass


@dataclass
class Config:
    path: Path | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    rules_dirs: list[Path] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    extensions: list[str] | None = None
    exclude: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    text_field: str = "text"
    title_field: str = "title"
    id_field: str = "id"


# key -> (type check, description for errors)
KEYS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "select": (list, "a list of codes, prefixes, slugs or categories"),
    "ignore": (list, "a list of codes, prefixes, slugs or categories"),
    "extend-select": (list, "a list of codes, prefixes, slugs or categories"),
    "per-file-ignores": (dict, "a table of glob = [selectors]"),
    "rules-dirs": (list, "a list of folders of rule packs"),
    "severity": (dict, "a table of code-or-slug = \"error\" | \"warning\" | \"info\""),
    "rules": (dict, "a table of per-rule option tables, keyed by code or slug"),
    "extensions": (list, "a list of file suffixes to check in folders, e.g. [\".txt\"]"),
    "exclude": (list, "a list of folder or file names to skip"),
    "fail-on": (str, "\"error\", \"warning\" or \"info\""),
    "text-field": (str, "a JSONL field name"),
    "title-field": (str, "a JSONL field name"),
    "id-field": (str, "a JSONL field name"),
}
_LEVELS = ("error", "warning", "info")


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest newslint.toml, or pyproject.toml with a [tool.newslint] table."""
    for folder in [start, *start.parents]:
        candidate = folder / "newslint.toml"
        if candidate.is_file():
            return candidate, _read(candidate)
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            table = _read(candidate).get("tool", {}).get("newslint")
            if table is not None:
                return candidate, table
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def parse_config(path: Path, table: dict[str, Any]) -> Config:
    def fail(key: str, why: str) -> ConfigError:
        return ConfigError(f"{path}: key '{key}': {why}")

    for key, value in table.items():
        if key not in KEYS:
            raise fail(key, f"unknown key (known keys: {', '.join(KEYS)})")
        expected, description = KEYS[key]
        if not isinstance(value, expected):
            raise fail(key, f"must be {description}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise fail(key, f"must be {description}")
    config = Config(path=path)
    base = path.parent
    config.select = table.get("select")
    config.ignore = table.get("ignore", [])
    config.extend_select = table.get("extend-select", [])
    for glob, selectors in table.get("per-file-ignores", {}).items():
        if not isinstance(selectors, list) or not all(isinstance(s, str) for s in selectors):
            raise fail(f"per-file-ignores.{glob}", "must be a list of selectors")
        config.per_file_ignores[glob] = selectors
    config.rules_dirs = [(base / d).resolve() for d in table.get("rules-dirs", [])]
    for code, level in table.get("severity", {}).items():
        if level not in _LEVELS:
            raise fail(f"severity.{code}", "must be \"error\", \"warning\" or \"info\"")
        config.severity[code] = level
    for code, options in table.get("rules", {}).items():
        if not isinstance(options, dict):
            raise fail(f"rules.{code}", "must be a table of options")
        config.rules[code] = options
    config.extensions = table.get("extensions")
    config.exclude = table.get("exclude", [])
    config.fail_on = table.get("fail-on", "warning")
    if config.fail_on not in _LEVELS:
        raise fail("fail-on", "must be \"error\", \"warning\" or \"info\"")
    config.text_field = table.get("text-field", "text")
    config.title_field = table.get("title-field", "title")
    config.id_field = table.get("id-field", "id")
    return config


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    if explicit is not None:
        table = _read(explicit)
        if explicit.name == "pyproject.toml":
            table = table.get("tool", {}).get("newslint", {})
        return parse_config(explicit, table)
    found = find_config((start or Path.cwd()).resolve())
    return parse_config(*found) if found else Config()
