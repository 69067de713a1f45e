"""Plotly figures of the dashboard. Pure builders: numbers in, ``go.Figure`` out.

Every builder takes the language so axis titles, number separators (``1.234,5``
in German) and dates follow it. Colours come from :mod:`palette`, so a pillar
looks the same on every chart.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.components.palette import (
    BAND_COLOURS,
    OFFICIAL_COLOUR,
    PILLAR_COLOURS,
    PILLAR_DASHES,
    STORED_COLOUR,
    TOTAL_COLOUR,
)
from scoring.bands import LAGGARD_BELOW, LEADER_ABOVE
from scoring.compare import percentile_of
from scoring.i18n import Lang, t
from scoring.present import PERCENT_UNITS
from scoring.results import PILLAR_MAX, PILLARS, SCORE_FIELDS, Score

FONT = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"


def _separators(lang: Lang) -> str:
    """Plotly's ``separators``: decimal mark then thousands mark."""
    return ",." if lang == "de" else ".,"


def _layout(
    fig: go.Figure, lang: Lang, *, height: int = 360, title: str | None = None
) -> go.Figure:
    # The top margin holds plotly's toolbar (and the title), so that on a phone, where the
    # toolbar is always shown, it does not cover the plot.
    fig.update_layout(
        separators=_separators(lang),
        height=height,
        margin={"l": 8, "r": 8, "t": 72 if title else 44, "b": 8},
        title=(
            {
                "text": title,
                "x": 0,
                "xanchor": "left",
                "y": 0.98,
                "yanchor": "top",
                "font": {"size": 16},
            }
            if title
            else None
        ),
        font={"family": FONT, "size": 14},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        hoverlabel={"namelength": -1},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
    )
    # Tick labels make room for themselves: the small margins above are only a minimum.
    # Streamlit's theme does this on the page; the HTML report has no theme, and without
    # it plotly cut the labels to their last letters ("d / e / s / s", "0" for 100).
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig


def _date_axis(fig: go.Figure, lang: Lang) -> None:
    fig.update_xaxes(tickformat="%d.%m.%Y" if lang == "de" else "%Y-%m-%d", title=None)


def gauge(total: float, lang: Lang) -> go.Figure:
    """The total 0–100 as a gauge with LinkedIn's laggard (<30) and leader (>70) bands."""
    steps = [
        {"range": [0, LAGGARD_BELOW], "color": BAND_COLOURS["laggard"]},
        {"range": [LAGGARD_BELOW, LEADER_ABOVE], "color": BAND_COLOURS["average"]},
        {"range": [LEADER_ABOVE, 100], "color": BAND_COLOURS["leader"]},
    ]
    fig = go.Figure(
        go.Indicator(
            mode="gauge+number",
            value=total,
            number={
                "valueformat": ".2f",
                "suffix": " / 100",
                "font": {"size": 40, "color": TOTAL_COLOUR},
            },
            gauge={
                "axis": {"range": [0, 100], "tickvals": [0, LAGGARD_BELOW, LEADER_ABOVE, 100]},
                "bar": {"color": TOTAL_COLOUR, "thickness": 0.3},
                "steps": steps,
                "borderwidth": 0,
            },
            # Inset: the arc's end labels "0" and "100" sit outside the arc, and at full
            # width a phone cut them off.
            domain={"x": [0.1, 0.9], "y": [0.12, 1]},
        )
    )
    # Short band names: the full ones ("Laggard (below 30)") overlap on a phone.
    for band_name, x in (("laggard", 0.1), ("average", 0.5), ("leader", 0.9)):
        fig.add_annotation(
            text=t(f"dashboard.band_short.{band_name}", lang),
            x=x,
            y=0.02,
            showarrow=False,
            font={"size": 12},
        )
    return _layout(fig, lang, height=300)


def pillar_bars(
    score: Score,
    lang: Lang,
    references: Mapping[str, float] | None = None,
    reference_label: str | None = None,
) -> go.Figure:
    """The four pillars as bars out of 25; ``references`` (pillar → value) as markers.

    ``reference_label`` names the markers in the legend (a group average, today's value).
    """
    names = [t(f"pillar_short.{p}", lang) for p in PILLARS]
    values = [score.pillars[p].score for p in PILLARS]
    fig = go.Figure(
        go.Bar(
            x=values,
            y=names,
            orientation="h",
            marker_color=[PILLAR_COLOURS[p] for p in PILLARS],
            text=[f"{v:.2f}" for v in values],
            texttemplate="%{x:.2f}",
            textposition="outside",
            name=t("dashboard.chart.you", lang),
            # Four colours under one "You" in the legend read as one series: the pillar
            # names on the axis already say what each bar is.
            showlegend=False,
            hovertemplate="%{y}: %{x:.2f} / 25<extra></extra>",
        )
    )
    if references:
        fig.add_trace(
            go.Scatter(
                x=[references[p] for p in PILLARS],
                y=names,
                mode="markers",
                marker={
                    "symbol": "line-ns",
                    "size": 26,
                    "line": {"width": 3, "color": TOTAL_COLOUR},
                },
                name=reference_label,
                hovertemplate="%{y}: %{x:.2f}<extra></extra>",
            )
        )
    fig.update_xaxes(range=[0, PILLAR_MAX * 1.12], dtick=5)
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, lang, height=260)


def score_lines(
    history: pd.DataFrame,
    lang: Lang,
    *,
    stored: pd.DataFrame | None = None,
    official: pd.DataFrame | None = None,
    columns: Sequence[str] = SCORE_FIELDS,
    title: str | None = None,
) -> go.Figure:
    """The reconstructed score over time; stored imports and official readings as markers.

    ``history`` has ``as_of`` and the score columns; ``stored`` and ``official``
    have ``as_of`` and ``total``. A chart with the total has LinkedIn's 30 and 70 band
    lines; ``title`` defaults to what the columns are ("Total score (0–100)", …).
    """
    fig = go.Figure()
    for column in columns:
        is_total = column == "total"
        fig.add_trace(
            go.Scatter(
                x=history["as_of"],
                y=history[column],
                mode="lines",
                name=t("common.total", lang) if is_total else t(f"pillar_short.{column}", lang),
                line={
                    "color": TOTAL_COLOUR if is_total else PILLAR_COLOURS[column],
                    "width": 3 if is_total else 2,
                    "dash": "solid" if is_total else PILLAR_DASHES[column],
                },
                hovertemplate="%{x}: %{y:.2f}<extra>%{fullData.name}</extra>",
            )
        )
    for frame, colour, symbol, label in (
        (stored, STORED_COLOUR, "circle", "dashboard.chart.stored"),
        (official, OFFICIAL_COLOUR, "diamond", "dashboard.chart.official"),
    ):
        if frame is not None and not frame.empty:
            fig.add_trace(
                go.Scatter(
                    x=frame["as_of"],
                    y=frame["total"],
                    mode="markers",
                    marker={"color": colour, "symbol": symbol, "size": 11, "line": {"width": 1}},
                    name=t(label, lang),
                    hovertemplate="%{x}: %{y:.2f}<extra>%{fullData.name}</extra>",
                )
            )
    if "total" in columns:
        # LinkedIn's bands: leaders above 70, laggards below 30, each line labelled on
        # its band's side.
        for y, band_name, side in (
            (LEADER_ABOVE, "leader", "top"),
            (LAGGARD_BELOW, "laggard", "bottom"),
        ):
            fig.add_hline(
                y=y,
                line={"color": "#8A949E", "width": 1, "dash": "dot"},
                annotation_text=t(f"band.{band_name}", lang),
                annotation_position=f"{side} left",
                annotation_font={"size": 12, "color": "#4A5560"},
            )
    fig.update_yaxes(range=[0, 100] if "total" in columns else [0, PILLAR_MAX], title=None)
    _date_axis(fig, lang)
    return _layout(fig, lang, title=title or t(_lines_title(columns), lang))


def _lines_title(columns: Sequence[str]) -> str:
    """The catalogue key of a line chart's title: the total, the pillars, or both."""
    if "total" not in columns:
        return "dashboard.chart.title_pillars"
    return "dashboard.chart.title_total" if len(columns) == 1 else "dashboard.chart.title_all"


#: How far back a sub-metric's chart starts: the last year (zoom out for the rest).
ACTIVITY_DAYS = 365


def nice_step(top: float, *, integer: bool = False, ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` ticks.

    ``integer`` steps are whole numbers (a count has no 1.33 on its axis).
    """
    if not math.isfinite(top) or top <= 0:
        return 1.0
    rough = top / ticks
    power = 10.0 ** math.floor(math.log10(rough))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        step = factor * power
        if step >= rough and (not integer or float(step).is_integer()):
            return step
    return 10.0 * power


def _value_axis(values: pd.Series, unit: str) -> dict[str, object]:
    if unit in PERCENT_UNITS:
        return {"tickformat": ".0%", "range": [0, max(1.0, float(values.max() or 0)) * 1.05]}
    top = float(values.max()) if values.notna().any() else 0.0
    whole = bool(values.dropna().map(float.is_integer).all())
    step = nice_step(top, integer=whole)
    return {"tick0": 0, "dtick": step, "range": [0, max(top, step) * 1.05]}


def metric_activity(
    history: pd.DataFrame,
    key: str,
    pillar: str,
    lang: Lang,
    *,
    unit: str = "count",
    days: int | None = ACTIVITY_DAYS,
) -> go.Figure:
    """One sub-metric over time: its measured value (shaded area) and its points (line).

    A ``share`` or ``ratio`` value is drawn in per cent, as the table above the chart
    shows it (``100 %``, not ``1``); a count gets whole-number ticks. The chart opens
    on the last ``days`` (None: everything); the rest is a zoom-out away.
    """
    value_format = ".0%" if unit in PERCENT_UNITS else ",.2f"
    values = history[f"value.{key}"].astype(float)
    points = history[f"points.{key}"].astype(float)
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=history["as_of"],
            y=values,
            name=t("dashboard.chart.value", lang),
            mode="lines",
            line={"color": PILLAR_COLOURS[pillar], "width": 1, "shape": "hv"},
            fill="tozeroy",
            opacity=0.45,
            hovertemplate=f"%{{x}}: %{{y:{value_format}}}<extra>%{{fullData.name}}</extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=history["as_of"],
            y=points,
            name=t("dashboard.chart.points", lang),
            mode="lines",
            line={"color": TOTAL_COLOUR, "width": 2},
            yaxis="y2",
            hovertemplate="%{x}: %{y:.2f}<extra>%{fullData.name}</extra>",
        )
    )
    top_points = float(points.max()) if points.notna().any() else 0.0
    points_step = nice_step(top_points)
    fig.update_layout(
        yaxis={"title": t("dashboard.chart.value", lang), **_value_axis(values, unit)},
        yaxis2={
            "title": t("dashboard.chart.points", lang),
            "overlaying": "y",
            "side": "right",
            "tick0": 0,
            "dtick": points_step,
            "range": [0, max(top_points, points_step) * 1.05],
            "showgrid": False,
        },
    )
    _date_axis(fig, lang)
    if days is not None and not history.empty:
        last = pd.Timestamp(history["as_of"].iloc[-1])
        first = max(pd.Timestamp(history["as_of"].iloc[0]), last - pd.Timedelta(days=days))
        fig.update_xaxes(range=[first, last])
    return _layout(fig, lang, height=260)


def bin_shares(quantiles: np.ndarray, top: float, bins: int = 20) -> tuple[np.ndarray, np.ndarray]:
    """Bin centres and the percent of the group in each bin, from a distribution's quantiles.

    The shares are differences of ``percentile_of`` at the bin edges; the outer
    edges lie just outside 0 and ``top`` so that people exactly at 0 (many, for
    the activity pillars) are counted whole.
    """
    edges = np.linspace(0.0, top, bins + 1)
    below = np.array([percentile_of(e, quantiles) for e in (-1.0, *edges[1:-1], top + 1.0)])
    return (edges[:-1] + edges[1:]) / 2, np.diff(below)


#: A vertical line's label just above the plot area, clear of the bars.
_LINE_LABEL = {"yref": "paper", "y": 1.0, "yanchor": "bottom", "showarrow": False}


def sample_shares(
    scores: Sequence[float], top: float, bins: int = 20
) -> tuple[np.ndarray, np.ndarray]:
    """Bin centres and the percent of ``scores`` in each bin (the top score in the last)."""
    edges = np.linspace(0.0, top, bins + 1)
    counts, _ = np.histogram(np.clip(np.asarray(scores, dtype=float), 0.0, top), bins=edges)
    return (edges[:-1] + edges[1:]) / 2, counts / max(len(scores), 1) * 100.0


def distribution_bars(
    quantiles: np.ndarray,
    value: float,
    average: float,
    measure: str,
    lang: Lang,
    *,
    scores: Sequence[float] | None = None,
) -> go.Figure:
    """A group's distribution of ``measure`` as bars, with the user's value and the average.

    The bars come from the group's ``scores`` when given (a team or peer file: a few
    people, each in their bin), otherwise from its ``quantiles`` (a modelled group).
    """
    top = 100.0 if measure == "total" else PILLAR_MAX
    centres, shares = sample_shares(scores, top) if scores else bin_shares(quantiles, top)
    colour = TOTAL_COLOUR if measure == "total" else PILLAR_COLOURS[measure]
    fig = go.Figure(
        go.Bar(
            x=centres,
            y=shares,
            width=top / 20 * 0.92,
            marker_color=colour,
            opacity=0.55,
            name=t("dashboard.chart.group_share", lang),
            hovertemplate="%{x:.1f}: %{y:.1f} %<extra></extra>",
        )
    )
    # Labels sit above the plot, each on the outer side of its line: inside, they covered
    # the tallest bars and ran into each other when the user is close to the average.
    you_side, average_side = ("left", "right") if value >= average else ("right", "left")
    fig.add_vline(
        x=value,
        line={"color": OFFICIAL_COLOUR, "width": 3},
        annotation={**_LINE_LABEL, "xanchor": you_side, "text": t("dashboard.chart.you", lang)},
    )
    fig.add_vline(
        x=average,
        line={"color": TOTAL_COLOUR, "width": 2, "dash": "dash"},
        annotation={
            **_LINE_LABEL,
            "xanchor": average_side,
            "text": t("dashboard.chart.average", lang),
        },
    )
    fig.update_xaxes(range=[0, top], title=None)
    fig.update_yaxes(title=t("dashboard.chart.percent_of_group", lang), rangemode="tozero")
    fig.update_layout(showlegend=False)
    return _layout(fig, lang, height=240 if measure != "total" else 300)
