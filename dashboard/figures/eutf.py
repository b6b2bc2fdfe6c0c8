"""Real EUTF results as charts and tables: a country's target vs actual, and target vs actual by
country for each numbered Common Output Indicator. Pure builders from ``queries.eutf`` frames.

Every figure says where its numbers come from ("EUTF, reported by 17 Dec 2021") and which
framework and level; target and actual are drawn side by side, never added.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.common import base_layout, empty_figure, new_figure
from dashboard.i18n import format_number, t

TARGET_COLOUR = "#E69F00"
ACTUAL_COLOUR = "#0072B2"


def _label(number: str, indicator: str, limit: int = 60) -> str:
    text = str(indicator).removeprefix(number).strip().removeprefix("Number of ").strip()
    text = text[:1].upper() + text[1:]
    return f"{number} {text[:limit]}{'…' if len(text) > limit else ''}"


def _value_text(value: object, lang: str) -> str:
    if value is None or pd.isna(value):
        return "–"
    value = float(value)
    return format_number(value, lang, 0 if value.is_integer() else 2)


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


def country_results_frame(results: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``queries.eutf.country_results`` rows with a short label per indicator."""
    frame = results.copy()
    frame["label"] = [_label(number, indicator, 38) for number, indicator in zip(frame["indicator_number"],
                                                                                  frame["indicator"], strict=True)]
    return frame


def country_results_chart(results: pd.DataFrame, *, country: str, lang: str) -> go.Figure:
    """A country's own Common Output Indicator results, target vs actual."""
    title = t("eutf.profile.chart_title", lang, country=country)
    return target_actual_chart(country_results_frame(results, lang), title=title, label_column="label", lang=lang)


def country_results_table(results: pd.DataFrame, *, iso3: str, country: str, lang: str) -> pd.DataFrame:
    """The country chart's rows: indicator, level and projects counted, target, actual, pillar
    (the dashboard's correspondence), framework and source."""
    return pd.DataFrame({
        t("map.col.country_code", lang): [iso3] * len(results),
        t("map.col.country", lang): [country] * len(results),
        t("eutf.col.number", lang): results["indicator_number"].tolist(),
        t("eutf.col.indicator", lang): results["indicator"].tolist(),
        t("eutf.hover.level", lang): [t(f"eutf.level.{level}", lang) for level in results["level"]],
        t("map.amount.col.ids", lang): results["iati_ids"].tolist(),
        t("eutf.value.target", lang): results["target"].tolist(),
        t("eutf.value.actual", lang): results["actual"].tolist(),
        t("eutf.col.pillar", lang): [None if pd.isna(pillar) else int(pillar) for pillar in results["pillar_no"]],
        t("map.amount.col.source", lang): [t("eutf.source_line", lang, date="2021-12-17",
                                             framework=t("eutf.framework.coi", lang, number=number))
                                           for number in results["indicator_number"]],
    })


def country_results_summary(results: pd.DataFrame, *, country: str, lang: str) -> str:
    """One sentence: how many indicators, how many with a target, the source."""
    if results.empty:
        return t("eutf.profile.summary.none", lang, country=country)
    with_target = int(results["target"].notna().sum())
    parts = "; ".join(f"{number}: {_value_text(actual, lang)}" for number, actual
                      in zip(results["indicator_number"], results["actual"], strict=True))
    return t("eutf.profile.summary", lang, country=country, count=len(results), targets=with_target, values=parts)


def pillar_results_chart(rows: pd.DataFrame, *, pillar: str, lang: str) -> go.Figure:
    """Target vs actual by country for the indicators of one pillar (country rows only)."""
    frame = rows[rows["scope"] == "country"].copy()
    frame["label"] = [f"{place} · {number}" for place, number in zip(frame["place"], frame["indicator_number"],
                                                                      strict=True)]
    return target_actual_chart(frame, title=pillar, label_column="label", lang=lang)


def pillar_results_table(rows: pd.DataFrame, *, pillar_names: dict[int, str], lang: str) -> pd.DataFrame:
    """``queries.eutf.pillar_results`` rows as a table in ``lang``, regional rows included and
    marked; the pillar column says the correspondence is the dashboard's."""
    return pd.DataFrame({
        t("eutf.col.pillar", lang): [pillar_names.get(int(number), str(number)) for number in rows["pillar_no"]],
        t("eutf.col.number", lang): rows["indicator_number"].tolist(),
        t("eutf.col.indicator", lang): rows["indicator"].tolist(),
        t("eutf.col.scope", lang): [t(f"eutf.scope.{scope}", lang) for scope in rows["scope"]],
        t("map.col.country_code", lang): rows["iso3"].tolist(),
        t("eutf.col.place", lang): rows["place"].tolist(),
        t("eutf.hover.level", lang): [t(f"eutf.level.{level}", lang) for level in rows["level"]],
        t("eutf.value.target", lang): rows["target"].tolist(),
        t("eutf.value.actual", lang): rows["actual"].tolist(),
    })

