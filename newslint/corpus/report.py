"""`--report report.html`: one self-contained page (inline CSS and SVG, no scripts, no network).

Charts: rate per rule and per category, findings per document, dirtiest sources, document
length; then the gate's verdict (if any) and a sample of findings with their context.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from newslint.corpus.gate import Check
from newslint.corpus.summary import CorpusSummary

_BAR_COLOUR = "#3b6ea8"
_FAIL_COLOUR = "#b23b3b"
_CSS = """
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}.card{background:#fafafa;border:1px solid #e4e4e4;
border-radius:6px;padding:.8rem}.kpis{display:flex;gap:1rem;flex-wrap:wrap}.kpi{background:#f1f5fa;border-radius:6px;
padding:.6rem 1rem}.kpi b{display:block;font-size:1.3rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.25rem .4rem;text-align:left;vertical-align:top}
mark{background:#ffe08a}.ctx{font-family:ui-monospace,monospace;font-size:12px;white-space:pre-wrap}
.pass{color:#2c7a3f}.fail{color:#b23b3b;font-weight:600}svg text{font-size:11px;fill:#333}
"""


def _hbar_chart(rows: list[tuple[str, float, str]], *, highlight: set[str] = frozenset(), width: int = 500) -> str:
    """Horizontal bars: (label, value in 0..1 or any scale, value text)."""
    if not rows:
        return "<p>None.</p>"
    label_w, bar_h, gap = 170, 16, 6
    top = max(v for _, v, _ in rows) or 1.0
    height = len(rows) * (bar_h + gap) + gap
    parts = [f'<svg role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'xmlns="http://www.w3.org/2000/svg">']
    for i, (label, value, text) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = max(1.0, (width - label_w - 70) * value / top)
        colour = _FAIL_COLOUR if label in highlight else _BAR_COLOUR
        parts.append(f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end">{escape(label[:28])}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}">'
                     f'<title>{escape(label)}: {escape(text)}</title></rect>'
                     f'<text x="{label_w + w + 4:.1f}" y="{y + 12}">{escape(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _column_chart(bins: dict[str, int], width: int = 480, height: int = 180) -> str:
    if not bins or not any(bins.values()):
        return "<p>None.</p>"
    top = max(bins.values()) or 1
    slot = (width - 20) / len(bins)
    parts = [f'<svg role="img" width="{width}" height="{height + 30}" viewBox="0 0 {width} {height + 30}" '
             f'xmlns="http://www.w3.org/2000/svg">']
    for i, (label, value) in enumerate(bins.items()):
        h = (height - 20) * value / top
        x = 10 + i * slot
        parts.append(f'<rect x="{x + 4:.1f}" y="{height - h:.1f}" width="{slot - 8:.1f}" height="{h:.1f}" '
                     f'fill="{_BAR_COLOUR}"><title>{escape(label)}: {value:,}</title></rect>'
                     f'<text x="{x + slot / 2:.1f}" y="{height - h - 4:.1f}" text-anchor="middle">{value:,}</text>'
                     f'<text x="{x + slot / 2:.1f}" y="{height + 16}" text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _verdict_html(checks: list[Check] | None) -> str:
    if not checks:
        return ""
    failed = [c for c in checks if not c.passed]
    head = ('<p class="fail">Gate FAILED</p>' if failed else '<p class="pass">Gate passed</p>')
    rows = "".join(
        f'<tr><td class="{"pass" if c.passed else "fail"}">{"✓" if c.passed else "✗"}</td>'
        f"<td>{escape(c.label)}</td><td>{c.rate:.2%}</td><td>{c.limit:.2%}</td><td>{escape(c.why)}</td></tr>"
        for c in sorted(checks, key=lambda c: c.passed))
    return (f"<h2>Gate</h2>{head}<table><tr><th></th><th>threshold</th><th>rate</th><th>limit</th>"
            f"<th>from</th></tr>{rows}</table>")


def _samples_html(summary: CorpusSummary) -> str:
    rows = []
    for code, entry in sorted(summary.rules.items(), key=lambda kv: -kv[1]["documents"]):
        for _key, label, message, (before, span, after) in entry["samples"]:
            rows.append(f"<tr><td>{escape(code)}<br><small>{escape(entry['rule'])}</small></td>"
                        f"<td>{escape(str(label))}</td><td>{escape(message)}<div class=ctx>…{escape(before)}"
                        f"<mark>{escape(span)}</mark>{escape(after)}…</div></td></tr>")
    if not rows:
        return "<p>No findings.</p>"
    return "<table><tr><th>rule</th><th>record</th><th>finding and context</th></tr>" + "".join(rows) + "</table>"


def render(summary: CorpusSummary, title: str = "newslint corpus report", checks: list[Check] | None = None) -> str:
    docs = summary.documents or 1
    failed_labels = {c.label.split()[0] for c in checks or [] if not c.passed}
    rule_rows = sorted(summary.rules.items(), key=lambda kv: (-kv[1]["documents"], kv[0]))[:25]
    rules_chart = _hbar_chart([(f"{code} {e['rule']}", e["documents"] / docs, f"{e['documents'] / docs:.1%}")
                               for code, e in rule_rows],
                              highlight={f"{code} {e['rule']}" for code, e in rule_rows if code in failed_labels})
    category_chart = _hbar_chart([(name, e["documents"] / docs, f"{e['documents'] / docs:.1%}")
                                  for name, e in sorted(summary.categories.items(),
                                                        key=lambda kv: -kv[1]["documents"])],
                                 highlight=failed_labels)
    sources_chart = _hbar_chart([(name, affected / total, f"{affected / total:.0%} of {total:,}")
                                 for name, total, affected, _ in summary.dirtiest_sources(15)])
    rule_table = "".join(
        f"<tr><td>{escape(code)}</td><td>{escape(e['rule'])}</td><td>{escape(e['category'])}</td>"
        f"<td>{e['findings']:,}</td><td>{e['documents']:,}</td><td>{e['documents'] / docs:.2%}</td>"
        f"<td>{escape(', '.join(str(label) for _, label in e['examples']))}</td></tr>"
        for code, e in sorted(summary.rules.items()))
    kpis = "".join(f'<div class="kpi"><b>{value}</b>{escape(name)}</div>' for name, value in (
        ("documents", f"{summary.documents:,}"),
        ("with findings", f"{summary.documents_with_findings:,} ({summary.documents_with_findings / docs:.1%})"),
        ("findings", f"{summary.findings:,}"),
        ("characters", f"{summary.characters:,}"),
        ("unreadable rows", f"{summary.input_error_count:,}")))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head>
<body><h1>{escape(title)}</h1><div class="kpis">{kpis}</div>
{_verdict_html(checks)}
<h2>Rates</h2><div class="grid">
<div class="card"><h3>Documents affected, per rule</h3>{rules_chart}</div>
<div class="card"><h3>Documents affected, per category</h3>{category_chart}</div>
<div class="card"><h3>Findings per document</h3>{_column_chart(summary.to_dict()["findings_histogram"])}</div>
<div class="card"><h3>Document length (characters)</h3>{_column_chart(summary.to_dict()["length_histogram"])}</div>
</div>
<h2>Dirtiest sources</h2><div class="card">{sources_chart}</div>
<h2>Rules</h2><table><tr><th>code</th><th>rule</th><th>category</th><th>findings</th><th>documents</th>
<th>rate</th><th>example records</th></tr>{rule_table}</table>
<h2>Sample findings</h2>{_samples_html(summary)}
</body></html>
"""


def write_report(summary: CorpusSummary, path: Path, checks: list[Check] | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(summary, checks=checks), encoding="utf-8")
