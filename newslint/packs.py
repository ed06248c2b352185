"""Declarative rules: YAML (or TOML) files in a rules folder, each file one rule, as in Vale.

Two kinds:

- `phrase`: a list of literal `phrases` and/or regex `patterns`. With `match: line` a block
  is reported when it *is* one of them (after case, quote and edge-punctuation folding);
  with `match: inside` every occurrence inside a block is reported.
  With `match: line`, `prefixes` lists phrases a widget line *starts with* ("Share on
  Facebook Share on X Email", "Read more: <headline>"): a block of at most `max_words`
  words (25 when unset) whose normalised text begins with one, at a word boundary, is
  reported too. A prefix hit is weaker evidence than a whole-line match, so its fix uses
  `prefix_applicability` (default `unsafe`) and it is reported at `prefix_severity`
  (default `info`). Prefixes share the pack's one automaton.
- `substitution`: `swap` maps a bad form to a good one; each occurrence is reported with a
  fix that writes the good form.

The keys are documented in docs/rule-packs.md. A file that does not validate raises
`PackError` naming the file and the key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import regex
import yaml

from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.framing import framed_blocks
from newslint.matching import PhraseMatcher
from newslint.pattern_anchors import anchors
from newslint.rule import Rule

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

PACK_SUFFIXES = (".yaml", ".yml", ".toml")
_CODE = re.compile(r"^[A-Z]{1,3}[0-9]{3,4}$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_COMMON_KEYS = {
    "code": str, "name": str, "kind": str, "category": str, "severity": str, "message": str,
    "summary": str, "description": str, "example": dict, "language": str, "enabled": bool,
    "ignore_case": bool,
}
_KIND_KEYS = {
    "phrase": {"phrases": list, "patterns": list, "match": str, "fix": str, "applicability": str,
               "max_words": int, "pattern_max_chars": int, "prefixes": list, "prefix_applicability": str,
               "prefix_severity": str},
    "substitution": {"swap": dict},
}
_FIX_MODES = ("none", "remove-block", "remove-match")


class PackError(ValueError):
    pass


def _fail(path: Path, key: str, why: str) -> PackError:
    return PackError(f"{path}: key '{key}': {why}")


def read_pack_file(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_text(encoding="utf-8")
        data = tomllib.loads(raw) if path.suffix == ".toml" else yaml.safe_load(raw)
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read: {exc}") from exc
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
        raise PackError(f"{path}: not valid {path.suffix[1:].upper()}: {exc}".replace("\n", " ")) from exc
    if not isinstance(data, dict):
        raise PackError(f"{path}: a rule file must be a mapping of keys to values")
    return data


def validate(path: Path, data: dict[str, Any]) -> None:
    for key in ("code", "name", "kind", "category", "message"):
        if key not in data:
            raise _fail(path, key, "is required")
    kind = data["kind"]
    if kind not in _KIND_KEYS:
        raise _fail(path, "kind", f"must be one of {', '.join(_KIND_KEYS)}, not {kind!r}")
    allowed = {**_COMMON_KEYS, **_KIND_KEYS[kind]}
    for key, value in data.items():
        if key not in allowed:
            raise _fail(path, key, f"is not a key of a {kind} rule (keys: {', '.join(sorted(allowed))})")
        if not isinstance(value, allowed[key]):
            raise _fail(path, key, f"must be a {allowed[key].__name__}, not {type(value).__name__}")
    if not _CODE.match(data["code"]):
        raise _fail(path, "code", "must be 1-3 capital letters and 3-4 digits, e.g. B201")
    if not _SLUG.match(data["name"]):
        raise _fail(path, "name", "must be a lower-case slug, e.g. share-widget")
    if data["category"] not in {c.value for c in Category}:
        raise _fail(path, "category", f"must be one of {', '.join(c.value for c in Category)}")
    for key, default in (("severity", "warning"), ("prefix_severity", "info")):
        if data.get(key, default) not in {s.value for s in Severity}:
            raise _fail(path, key, "must be error, warning or info")
    for key in ("phrases", "patterns", "prefixes"):
        for i, item in enumerate(data.get(key, [])):
            if not isinstance(item, str):
                raise _fail(path, f"{key}[{i}]", "must be a string")
    for i, pattern in enumerate(data.get("patterns", [])):
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise _fail(path, f"patterns[{i}]", f"is not a valid regex: {exc}") from exc
    if kind == "phrase":
        if not data.get("phrases") and not data.get("patterns") and not data.get("prefixes"):
            raise _fail(path, "phrases", "a phrase rule needs phrases, prefixes or patterns")
        if data.get("prefixes") and data.get("match", "line") != "line":
            raise _fail(path, "prefixes", "prefixes only apply to 'match: line' rules")
        if data.get("match", "line") not in ("line", "inside"):
            raise _fail(path, "match", "must be 'line' or 'inside'")
        if data.get("fix", "none") not in _FIX_MODES:
            raise _fail(path, "fix", f"must be one of {', '.join(_FIX_MODES)}")
        for key, default in (("applicability", "safe"), ("prefix_applicability", "unsafe")):
            if data.get(key, default) not in ("safe", "unsafe"):
                raise _fail(path, key, "must be 'safe' or 'unsafe'")
    if kind == "substitution":
        if not data.get("swap"):
            raise _fail(path, "swap", "a substitution rule needs a non-empty swap mapping")
        for bad, good in data["swap"].items():
            if not isinstance(bad, str) or not isinstance(good, str):
                raise _fail(path, f"swap.{bad}", "bad and good forms must be strings")
    example = data.get("example", {})
    for key in example:
        if key not in ("bad", "good"):
            raise _fail(path, f"example.{key}", "example takes 'bad' and 'good'")


def _documentation(data: dict[str, Any]) -> str:
    parts = ["## What it does\n" + data.get("description", data.get("summary", data["message"])).strip()]
    example = data.get("example", {})
    if "bad" in example:
        parts.append("## Example\n```text\n" + str(example["bad"]).rstrip() + "\n```")
    if "good" in example:
        parts.append("## Use instead\n```text\n" + str(example["good"]).rstrip() + "\n```")
    return "\n\n".join(parts)


class PackRule(Rule):
    """Base of rules built from a pack file; subclasses are made per file by `load_pack_file`."""

    data: dict[str, Any] = {}

    @classmethod
    def documentation(cls) -> str:
        return _documentation(cls.data)

    def message_for(self, matched: str) -> str:
        return self.data["message"].replace("{match}", matched).replace("%s", matched)


class PhraseRule(PackRule):
    DEFAULT_PREFIX_MAX_WORDS = 25

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.matcher = PhraseMatcher(self.data.get("phrases", []), self.data.get("patterns", []),
                                     ignore_case=self.data.get("ignore_case", True),
                                     prefixes=self.data.get("prefixes", []),
                                     pattern_max_chars=self.data.get("pattern_max_chars", 300))
        self.match_mode = self.data.get("match", "line")
        self.fix_mode = self.data.get("fix", "remove-block" if self.match_mode == "line" else "none")
        self.applicability = self.data.get("applicability", "safe")
        self.prefix_applicability = self.data.get("prefix_applicability", "unsafe")
        self.prefix_severity = Severity(self.data.get("prefix_severity", "info"))
        self.max_words = self.data.get("max_words", 0)
        self.prefix_max_words = self.max_words or self.DEFAULT_PREFIX_MAX_WORDS
        for pattern in self.unanchored_patterns():
            self.notice(f"{self.code} ({self.name}): pattern '{pattern}' has no literal text to look for "
                        "first, so the pack's patterns are tried on every line (slow); see docs/rule-packs.md, "
                        "'Fast patterns'")

    def unanchored_patterns(self) -> list[str]:
        """Whole-line patterns that `pattern_anchors` finds no literal in. A case-insensitive
        line pack tries its patterns only on lines holding one of their literals, unless one
        of them has none (matching.PhraseMatcher anchors all of a pack's patterns or none)."""
        if self.match_mode != "line" or not self.matcher.ignore_case:
            return []
        return [pattern for pattern in self.data.get("patterns", []) if anchors(pattern) is None]

    def _fix(self, doc: Document, start: int, end: int, first_line: int, last_line: int,
             applicability: str | None = None) -> Fix | None:
        make = Fix.safe if (applicability or self.applicability) == "safe" else Fix.unsafe
        if self.fix_mode == "remove-block":
            s, e = doc.removal_span(first_line, last_line)
            return make("Remove the line", Edit(s, e))
        if self.fix_mode == "remove-match":
            return make("Remove the phrase", Edit(start, end))
        return None

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if self.match_mode == "line":
            yield from self._check_lines(doc)
            return
        for block in doc.blocks:
            for m in self.matcher.find(doc.text, block.start, block.end):
                yield self.diagnostic(
                    m.start, m.end, self.message_for(doc.text[m.start:m.end]),
                    fix=self._fix(doc, m.start, m.end, block.first_line, block.last_line),
                    matched=m.value,
                )

    def _check_lines(self, doc: Document) -> Iterator[Diagnostic]:
        keys = framed_blocks(doc).key_list
        for index, (matched, is_prefix) in sorted(self.matcher.match_blocks(doc).items()):
            n_words = keys[index].count(" ") + 1
            if (self.max_words and n_words > self.max_words) or (is_prefix and n_words > self.prefix_max_words):
                continue
            block = doc.blocks[index]
            applicability = self.prefix_applicability if is_prefix else self.applicability
            yield self.diagnostic(
                doc.lines[block.first_line].start, doc.lines[block.last_line].end,
                self.message_for(block.stripped),
                fix=self._fix(doc, block.start, block.end, block.first_line, block.last_line, applicability),
                severity=self.prefix_severity if is_prefix else self.severity, matched=matched,
            )


class SubstitutionRule(PackRule):
    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        swap: dict[str, str] = self.data["swap"]
        self.ignore_case = self.data.get("ignore_case", False)
        self.swap = {(k.lower() if self.ignore_case else k): v for k, v in swap.items()}
        self.matcher = PhraseMatcher(swap.keys(), ignore_case=self.ignore_case)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for block in doc.blocks:
            for m in self.matcher.find(doc.text, block.start, block.end):
                bad = doc.text[m.start:m.end]
                good = self.swap[m.value.lower() if self.ignore_case else m.value]
                if bad == good:
                    continue
                message = self.data["message"].replace("{bad}", bad).replace("{good}", good)
                yield self.diagnostic(m.start, m.end, message,
                                      fix=Fix.safe(f"Replace with '{good}'", Edit(m.start, m.end, good)))


_KIND_CLASSES: dict[str, type[PackRule]] = {"phrase": PhraseRule, "substitution": SubstitutionRule}


def load_pack_file(path: Path) -> type[Rule]:
    data = read_pack_file(path)
    validate(path, data)
    base = _KIND_CLASSES[data["kind"]]
    attrs = {
        "code": data["code"],
        "name": data["name"],
        "category": Category(data["category"]),
        "severity": Severity(data.get("severity", "warning")),
        "summary": data.get("summary", data["message"].replace("{match}", "…")),
        # Style packs are opt-in, like Vale styles; `enabled` overrides.
        "default_enabled": data.get("enabled", data["category"] != "style"),
        "origin": str(path),
        "data": data,
        "language": data.get("language", "en"),
    }
    class_name = "".join(part.title() for part in data["name"].split("-")) + "Pack"
    return type(class_name, (base,), attrs)


def iter_pack_files(folder: Path) -> Iterator[Path]:
    """Rule files under `folder`, recursively, in a stable order."""
    for path in sorted(folder.rglob("*")):
        if path.suffix in PACK_SUFFIXES and path.is_file() and not path.name.startswith("."):
            yield path


def load_packs(folders: Iterable[Path]) -> list[type[Rule]]:
    rules: list[type[Rule]] = []
    for folder in folders:
        if not folder.is_dir():
            raise PackError(f"{folder}: rules folder does not exist")
        rules.extend(load_pack_file(path) for path in iter_pack_files(folder))
    return rules


def builtin_packs_dir() -> Path:
    """rules/ as shipped in the wheel (newslint/_rules), or beside the package in a checkout."""
    here = Path(__file__).resolve().parent
    shipped = here / "_rules"
    return shipped if shipped.is_dir() else here.parent / "rules"
