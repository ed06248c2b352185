"""G001: grammar findings from LanguageTool (opt-in; needs a LanguageTool server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.grammar.cache import default_cache_dir
from newslint.grammar.checker import CheckerSettings, LanguageToolChecker
from newslint.grammar.prose import prose_blocks
from newslint.rule import Rule


class LanguageToolGrammar(Rule):
    """Reports what LanguageTool finds in the article's prose paragraphs.

    ## What it does
    Sends the document's prose paragraphs (not the title, headings or lines another rule
    flagged as boilerplate) to a LanguageTool server and reports each match with its
    LanguageTool rule id (`lt_rule`), category (`lt_category`) and suggested replacements.
    The first replacement is offered as an unsafe fix.

    Off by default: select it with `--select grammar` (or `G`, `G001`, `languagetool`).
    The server is the `url` option, else `NEWSLINT_LANGUAGETOOL_URL`, else a local LanguageTool
    started by the optional `language-tool-python` package (see docs/grammar.md). When none
    can be reached the rule is skipped with one warning and the other rules run.

    The language is the record's language field, else the `language` option (default `auto`).
    Results are cached on disk by paragraph text, language and LanguageTool version.

    ## Why is this bad?
    Machine-translated and re-written reposts carry agreement errors and wrong word forms
    that no pattern rule catches; they mark the text as low quality.

    ## Example
    ```text
    The ministers has agreed on a plan that were announced on Monday.
    ```

    ## Use instead
    ```text
    The ministers have agreed on a plan that was announced on Monday.
    ```
    """

    code = "G001"
    name = "languagetool"
    category = Category.GRAMMAR
    severity = Severity.WARNING
    summary = "Grammar findings from a LanguageTool server (opt-in)."
    default_enabled = False
    needs_prior = True
    options = ("url", "language", "timeout", "max_parallel", "batch_chars", "cache", "cache_dir",
               "disabled_categories", "disabled_rules", "level", "min_words")

    url = ""  # empty: NEWSLINT_LANGUAGETOOL_URL, else language-tool-python
    language = "auto"  # used when the record has no language field
    timeout = 10.0  # seconds per request
    max_parallel = 4  # requests in flight at once
    batch_chars = 2000  # paragraphs are joined into requests of at most this many characters
    cache = True
    cache_dir = ""  # empty: $XDG_CACHE_HOME/newslint/languagetool (~/.cache/...)
    # Precision first. Spelling flags the names news is full of; style, redundancy and
    # typography are advice, not errors; casing and punctuation overlap newslint's own S and P
    # families, which know scraped text. What is left: grammar, confused words, collocations.
    disabled_categories = ("TYPOS", "STYLE", "REDUNDANCY", "TYPOGRAPHY", "CASING", "PUNCTUATION")
    disabled_rules: tuple[str, ...] = ()
    level = "default"  # or "picky"
    min_words = 4  # shorter blocks are not sent

    _checker: LanguageToolChecker | None = None

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        return self.check_with_prior(doc, [])

    def check_with_prior(self, doc: Document, prior: list[Diagnostic]) -> Iterator[Diagnostic]:
        if self.unavailable:
            return
        blocks = prose_blocks(doc, prior, self.min_words)
        if not blocks:
            return
        checker = self._session()
        found = checker.check([b.text for b in blocks], doc.language or self.language)
        if checker.unavailable:
            self.unavailable = checker.unavailable
            return
        for block, matches in zip(blocks, found):
            for match in matches:
                start, end = block.start + match.start, block.start + match.end
                fix = None
                if match.replacements:
                    first = match.replacements[0]
                    fix = Fix.unsafe(f"Replace with '{first}'", Edit(start, end, first))
                yield self.diagnostic(start, end, f"{match.message} [{match.rule_id}]", fix=fix,
                                      lt_rule=match.rule_id, lt_category=match.category_id,
                                      replacements=list(match.replacements))

    def close(self) -> None:
        if self._checker is not None:
            self._checker.close()
            self._checker = None

    def _session(self) -> LanguageToolChecker:
        if self._checker is None:
            self._checker = LanguageToolChecker(self._settings(), self.notice)
        return self._checker

    def _settings(self) -> CheckerSettings:
        params = {"level": self.level}
        if self.disabled_categories:
            params["disabledCategories"] = ",".join(self.disabled_categories)
        if self.disabled_rules:
            params["disabledRules"] = ",".join(self.disabled_rules)
        cache_dir = (Path(self.cache_dir).expanduser() if self.cache_dir else default_cache_dir()) if self.cache else None
        return CheckerSettings(url=self.url, timeout=self.timeout, max_parallel=self.max_parallel,
                               batch_chars=self.batch_chars, cache_dir=cache_dir, params=params)
