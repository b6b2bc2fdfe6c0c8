"""Real EUTF results as charts and tables: a country's target vs actual, and target vs actual by
country for each numbered Common Output Indicator. Pure builders from ``queries.eutf`` frames.

Every figure says where its numbers come from ("EUTF, reported by 17 Dec 2021") and which
framework and level; target and actual are drawn side by side, never added.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.common import base_layout, empty_figure, new_figure
from dashboard.frames.eutf import country_results_frame
from dashboard.i18n import t
from dashboard.labels.eutf import _value_text

TARGET_COLOUR = "#E69F00"
ACTUAL_COLOUR = "#0072B2"


def target_actual_chart(frame: pd.DataFrame, *, title: str, label_column: str, lang: str) -> go.Figure:
    """Horizontal bars, target and actual side by side for each row of ``frame`` (columns
    ``label_column``, target, actual), on a logarithmic axis (values span 1 to 400,000).

    Rows keep ``frame``'s order, first at the top; a missing value draws no bar and reads "–".
    """
    if frame.empty:
        return empty_figure(t("eutf.chart.empty", lang), lang=lang)
    labels = list(frame[label_column])
    figure = new_figure()
    for column, colour, pattern in (("target", TARGET_COLOUR, "/"), ("actual", ACTUAL_COLOUR, "")):
        values = [None if pd.isna(value) or float(value) <= 0 else float(value) for value in frame[column]]
        figure.add_bar(
            y=labels, x=values, orientation="h", name=t(f"eutf.value.{column}", lang),
            marker={"color": colour, "pattern": {"shape": pattern}},
            text=[_value_text(value, lang) for value in frame[column]], textposition="outside", cliponaxis=False,
            hovertemplate="%{y}<br>" + t(f"eutf.value.{column}", lang) + t("map.colon", lang) + "%{text}<extra></extra>",
        )
    base_layout(figure, title=title, lang=lang, demo=False)
    figure.update_layout(
        barmode="group", height=max(240, 56 * len(labels) + 110),
        xaxis={"type": "log", "title": {"text": t("eutf.chart.axis", lang)}},
        yaxis={"autorange": "reversed", "automargin": True},
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "xanchor": "left"},
        margin={"l": 8, "r": 48, "t": 96, "b": 40},
        meta={"demo": False, "kind": "eutf"},
    )
    return figure


def country_results_chart(results: pd.DataFrame, *, country: str, lang: str) -> go.Figure:
    """A country's own Common Output Indicator results, target vs actual."""
    title = t("eutf.profile.chart_title", lang, country=country)
    return target_actual_chart(country_results_frame(results, lang), title=title, label_column="label", lang=lang)


def pillar_results_chart(rows: pd.DataFrame, *, pillar: str, lang: str) -> go.Figure:
    """Target vs actual by country for the indicators of one pillar (country rows only)."""
    frame = rows[rows["scope"] == "country"].copy()
    frame["label"] = [f"{place} · {number}" for place, number in zip(frame["place"], frame["indicator_number"],
                                                                      strict=True)]
    return target_actual_chart(frame, title=pillar, label_column="label", lang=lang)


