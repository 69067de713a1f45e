"""The downloadable HTML report: one self-contained file with the numbers and the charts.

Plotly's JavaScript is embedded once (``include_plotlyjs=True`` on the first
chart), so the file opens offline, can be mailed, and needs nothing from the
internet. Every chart sits in a ``<figure>`` with its alt text as ``aria-label``
and caption.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from dashboard.components import charts
from dashboard.components.literal import html as escape
from dashboard.components.widgets import PLOTLY_CONFIG
from scoring.bands import band
from scoring.i18n import Lang, fmt_date, fmt_number, fmt_signed, t
from scoring.model.attribution import ScoreChange
from scoring.present import metric_value_text
from scoring.results import PILLARS, Score

STYLE = """
body{font-family:"Source Sans Pro","Segoe UI",Helvetica,Arial,sans-serif;color:#1B1F24;
margin:0;background:#fff;line-height:1.45}
main{max-width:1000px;margin:0 auto;padding:1.5rem}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:2px solid #E8ECF0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #E8ECF0;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1rem 0}figcaption{color:#4A5560;font-size:.9rem}
.note{color:#4A5560;font-size:.9rem}
table.change td.num{width:5.5rem}tr.pillar td{padding-top:.7rem}
@media (max-width:600px){main{padding:.75rem}th,td{padding:.25rem}}
@page{size:A4;margin:12mm}
@media print{main{max-width:none;padding:0}figure,table,h3{break-inside:avoid}
h2{break-after:avoid}}
"""
#: Charts are drawn at a fixed width that fits an A4 page (186 mm between 12 mm margins
#: is 703 px): plotly lays a chart out once, so a wider screen layout would be cut off
#: when printed.
FIGURE_WIDTH = 680


@dataclass(frozen=True)
class ReportInputs:
    """Everything the report shows, computed by the page before the button is drawn."""

    label: str
    score: Score
    history: pd.DataFrame
    change_text: str
    lang: Lang
    #: (heading, lines) blocks shown under "Compared with others".
    comparisons: Sequence[tuple[str, Sequence[str]]] = field(default_factory=tuple)
    #: One line per tip, best first.
    tips: Sequence[str] = field(default_factory=tuple)
    #: Why the score moved (``scoring.model.attribution.explain_change``), if known.
    change: ScoreChange | None = None


def _figure(fig: go.Figure, alt: str, *, first: bool) -> str:
    fig.update_layout(width=FIGURE_WIDTH, autosize=False)
    config = {**PLOTLY_CONFIG, "responsive": False, "displayModeBar": False}
    body = fig.to_html(full_html=False, include_plotlyjs=first, config=config)
    return (
        f'<figure role="img" aria-label="{escape(alt)}">{body}'
        f"<figcaption>{escape(alt)}</figcaption></figure>"
    )


def _head(*columns: tuple[str, str], lang: Lang) -> str:
    """A table's header cells: (catalogue key, CSS class) per column."""
    return "".join(f'<th class="{cls}">{escape(t(key, lang))}</th>' for key, cls in columns)


def _metrics_table(score: Score, pillar: str, lang: Lang) -> str:
    head = _head(
        ("score.heading.metric", ""),
        ("score.heading.value", "num"),
        ("score.heading.target", "num"),
        ("score.heading.points", "num"),
        lang=lang,
    )
    rows = "".join(
        "<tr>"
        f"<td>{escape(t(f'metric.{m.key}.label', lang))}</td>"
        f'<td class="num">{escape(metric_value_text(m.value, m.unit, lang))}</td>'
        f'<td class="num">{escape(metric_value_text(m.target, m.unit, lang))}</td>'
        f'<td class="num">{fmt_number(m.points, lang, 2)} / '
        f"{fmt_number(m.max_points, lang, 2)}</td>"
        "</tr>"
        for m in score.pillars[pillar].metrics
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def change_section(change: ScoreChange, lang: Lang) -> str:
    """ "Why did my score move?": the total's change, then per pillar its parts with reasons.

    The parts are exact two-decimal differences, so the rows add up to the total's
    change shown above them (``explain_change`` guarantees it).
    """
    parts = [
        f"<h2>{escape(t('dashboard.report.change', lang))}</h2>",
        f'<p class="note">{escape(change.title(lang))}</p>'
        f"<p><strong>{escape(change.summary(lang))}</strong></p>",
    ]
    if not change.metrics:
        return "".join([*parts, f"<p>{escape(t('change.nothing', lang))}</p>"])
    head = _head(
        ("dashboard.report.change_points", "num"),
        ("score.heading.metric", ""),
        ("dashboard.report.change_reason", ""),
        lang=lang,
    )
    rows = []
    for pillar in PILLARS:
        moved = sorted(
            (m for m in change.metrics if m.pillar == pillar), key=lambda m: -abs(m.points)
        )
        if not moved:
            continue
        rows.append(
            f'<tr class="pillar"><td class="num"><strong>'
            f"{escape(fmt_signed(change.pillars[pillar], lang, 2))}</strong></td>"
            f'<td colspan="2"><strong>{escape(t(f"pillar.{pillar}", lang))}</strong></td></tr>'
        )
        rows.extend(
            f'<tr><td class="num">{escape(fmt_signed(m.points, lang, 2))}</td>'
            f"<td>{escape(t(f'metric.{m.key}.label', lang))}</td>"
            f"<td>{escape(m.reason(lang))}</td></tr>"
            for m in moved
        )
    body = "".join(rows)
    parts.append(
        f'<table class="change"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )
    return "".join(parts)


def build(inputs: ReportInputs, today: date | None = None) -> str:
    """The report as one HTML document in ``inputs.lang``."""
    lang, score = inputs.lang, inputs.score
    total = fmt_number(score.total, lang, 2)
    title = t("dashboard.report.title", lang, label=inputs.label)
    parts = [
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body><main>",
        f"<h1>{escape(title)}</h1>",
        '<p class="note">'
        + escape(
            t(
                "dashboard.overview.as_of",
                lang,
                date=fmt_date(score.as_of, lang, long=True),
                days=score.window_days,
                count=score.window_days,
                label=inputs.label,
            )
        )
        + "</p>",
        f"<p><strong>{escape(t('common.out_of_100', lang, value=total))}</strong> · "
        f"{escape(t(f'band.{band(score.total)}', lang))} · {escape(inputs.change_text)}</p>",
        _figure(
            charts.gauge(score.total, lang),
            t(
                "dashboard.overview.gauge_alt",
                lang,
                total=total,
                band=t(f"band.{band(score.total)}", lang),
            ),
            first=True,
        ),
        _figure(
            charts.pillar_bars(score, lang),
            t(
                "dashboard.overview.bars_alt",
                lang,
                **{p: fmt_number(score.pillars[p].score, lang, 2) for p in PILLARS},
            ),
            first=False,
        ),
    ]
    if inputs.change is not None:
        parts.append(change_section(inputs.change, lang))
    if inputs.comparisons:
        parts.append(f"<h2>{escape(t('dashboard.report.compared', lang))}</h2>")
        for heading, lines in inputs.comparisons:
            items = "".join(f"<li>{escape(line)}</li>" for line in lines)
            parts.append(f"<h3>{escape(heading)}</h3><ul>{items}</ul>")
    if inputs.tips:
        items = "".join(f"<li>{escape(line)}</li>" for line in inputs.tips)
        parts.append(f"<h2>{escape(t('dashboard.report.tips', lang))}</h2><ol>{items}</ol>")
    parts.append(f"<h2>{escape(t('dashboard.report.history', lang))}</h2>")
    parts.append(
        _figure(
            charts.score_lines(inputs.history, lang),
            t(
                "dashboard.history.alt",
                lang,
                start=_first_date(inputs.history, lang),
                end=fmt_date(score.as_of, lang),
            ),
            first=False,
        )
    )
    parts.append(f"<h2>{escape(t('dashboard.report.details', lang))}</h2>")
    for pillar in PILLARS:
        points = fmt_number(score.pillars[pillar].score, lang, 2)
        heading = t(
            "dashboard.pillars.heading", lang, pillar=t(f"pillar.{pillar}", lang), score=points
        )
        parts.append(f"<h3>{escape(heading)}</h3>{_metrics_table(score, pillar, lang)}")
    parts.append(
        '<p class="note">'
        + escape(
            t(
                "dashboard.report.footer",
                lang,
                version=score.model_version,
                date=fmt_date(today, lang),
            )
        )
        + "</p></main></body></html>"
    )
    return "".join(parts)


def _first_date(history: pd.DataFrame, lang: Lang) -> str:
    return fmt_date(history["as_of"].iloc[0], lang) if not history.empty else "–"
