"""M101 title-site-name: a site name glued to the headline."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule
from newslint.titles import SiteSplit, block_comparison_keys, comparison_key, looks_like_site_name, site_splits


class TitleSiteName(Rule):
    """
    ## What it does
    Finds a site name glued to the headline: " - Example News" or " | Example Wire" after
    it, or "Example Wire: " before it. It checks the record's title field when there is
    one, otherwise the text's first block when that reads as a headline. When the bare
    headline also occurs in the text, the split is certain and the fix, which strips the
    site name, is safe. A pipe before a short capitalised name is reported without that
    evidence, at info level and with an unsafe fix, since headlines rarely contain pipes.

    ## Why is this bad?
    The site name is page chrome, not part of the headline: it breaks title matching and
    deduplication and leaks the source into training text.

    ## Example
    ```text
    Storm closes schools across the region - Example News

    Storm closes schools across the region
    ```

    ## Use instead
    ```text
    Storm closes schools across the region

    Storm closes schools across the region
    ```
    """

    code = "M101"
    name = "title-site-name"
    category = Category.METADATA
    severity = Severity.WARNING
    summary = "Site name glued to the headline (' - Site', ' | Site', 'Site: ')"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        title = doc.title
        if not title:
            return
        head = doc.title_block
        offset = head.start if head is not None else 0
        field = None if head is not None else "title"
        block_keys = block_comparison_keys(doc)
        others = {block_keys[b.index] for b in doc.blocks if head is None or b.index != head.index}
        for split in site_splits(title):
            if not looks_like_site_name(split.site):
                continue
            if comparison_key(split.headline) in others:
                yield self._finding(split, offset, field, Fix.safe, Severity.WARNING,
                                    "the bare headline occurs in the text")
                return
        pipes = [s for s in site_splits(title) if s.kind == "suffix" and s.separator == "|"
                 and looks_like_site_name(s.site)]
        if pipes:
            yield self._finding(pipes[0], offset, field, Fix.unsafe, Severity.INFO, "a pipe before a short name")

    def _finding(self, split: SiteSplit, offset: int, field: str | None, make, severity: Severity,
                 evidence: str) -> Diagnostic:
        edit = Edit(offset + split.cut_start, offset + split.cut_end)
        where = "after" if split.kind == "suffix" else "before"
        diag = self.diagnostic(
            offset + split.cut_start, offset + split.cut_end,
            f"Site name '{split.site}' {where} the headline ({evidence})",
            fix=make(f"Strip '{split.site}' from the headline", edit),
            field=field, site=split.site)
        diag.severity = severity
        return diag
