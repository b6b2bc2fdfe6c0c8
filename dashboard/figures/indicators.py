"""Indicator pictures: headline cards, quarterly trends, country rankings, completion rates, and
the table of published figures (real figures, never plotted with demo values)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import theme
from dashboard.figures.common import base_layout, new_figure
from dashboard.figures.pillars import balanced_wrap, empty_chart, fit_title
from dashboard.i18n import format_number, format_percent, normalise_language, t
from dashboard.i18n import quarter_label as quarter_text
from dashboard.labels.indicators import (
    GROUP_COLOURS,
    SEX_ORDER,
    _group_order,
    _is_missing,
    _label,
    quarter_label,
    unit_label,
)
from dashboard.labels.pillars import wrap

# Marker shapes per line, so lines differ by more than colour.
MARKER_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "cross", "star", "triangle-down")
# Long region names break onto two lines, so the bars keep their room on a phone.
GROUP_LABEL_WIDTH = 22
# Room above the ranking for the sex legend, which stacks on a phone.
LEGEND_ROOM = 30
RATE_TICK = 0.5
AXIS_TITLE_WIDTH = 30


def value_axis_title(indicator_name: str, unit: str, lang: str) -> str:
    """'Migrants assisted to return (people)'."""
    return f"{indicator_name} ({unit_label(unit, lang)})"


# ---------------------------------------------------------------- charts
def indicator_trend_chart(frame: pd.DataFrame, *, lang: str, demo: bool, indicator_name: str,
                          unit: str, group_by: str) -> go.Figure:
    """Quarterly lines of one indicator, one per region or Action
    (``queries.indicators.indicator_trend``)."""
    if frame.empty:
        return empty_chart(lang)
    suffix = normalise_language(lang)
    colours = GROUP_COLOURS.get(group_by, {})
    colon = t("pillars.colon", lang)
    figure = new_figure()
    for index, code in enumerate(_group_order(frame["group_code"].tolist(), group_by)):
        rows = frame[frame["group_code"] == code].sort_values("period")
        name = str(rows.iloc[0][f"name_{suffix}"])
        figure.add_scatter(
            x=rows["period"].tolist(), y=rows["value"].tolist(), name=name, mode="lines+markers",
            line={"color": theme.colour_for(code, colours, index), "width": 2},
            marker={"symbol": MARKER_SYMBOLS[index % len(MARKER_SYMBOLS)], "size": 7},
            customdata=[quarter_text(quarter_label(period), lang) for period in rows["period"]],
            hovertemplate=f"<b>{name}</b><br>%{{customdata}}{colon}%{{y:,.0f}}<extra></extra>",
        )
    title_key = f"pillars.trend.title.{group_by}"
    base_layout(figure, title=_label(title_key, lang, indicator_name, indicator=indicator_name), lang=lang, demo=demo)
    figure.update_layout(
        height=460, hovermode="closest", margin={"t": 72, "b": 120}, showlegend=True,
        legend={"orientation": "h", "y": -0.24, "x": 0, "yanchor": "top"},
        xaxis={"title": {"text": t("chart.quarter", lang)}, "tickformat": "%Y", "dtick": "M12"},
        yaxis={"title": {"text": value_axis_title(indicator_name, unit, lang)}, "rangemode": "tozero",
               "tickformat": ",.0f"},
    )
    return fit_title(figure)


def country_ranking_chart(frame: pd.DataFrame, *, lang: str, demo: bool, indicator_name: str,
                          unit: str, by_sex: bool) -> go.Figure:
    """Countries ranked by one indicator, largest on top; stacked by sex when ``by_sex``
    (``queries.indicators.country_ranking``)."""
    if frame.empty:
        return empty_chart(lang)
    suffix = normalise_language(lang)
    countries = frame.drop_duplicates("iso3")
    names = dict(zip(countries["iso3"], countries[f"name_{suffix}"], strict=True))
    order = [names[code] for code in countries["iso3"]]
    colon = t("pillars.colon", lang)
    figure = new_figure()
    if by_sex:
        for index, sex in enumerate(sex for sex in SEX_ORDER if sex in set(frame["sex"])):
            rows = frame[frame["sex"] == sex]
            label = t(f"sex.{sex}", lang)
            figure.add_bar(
                x=rows["value"].tolist(), y=[names[code] for code in rows["iso3"]], name=label, orientation="h",
                marker={"color": theme.SEX_COLOURS[sex], "pattern": {"shape": ("", "/", ".")[index]}},
                hovertemplate=f"%{{y}}<br>{label}{colon}%{{x:,.0f}}<extra></extra>",
            )
        totals = countries
        figure.add_scatter(
            x=totals["country_total"].tolist(), y=order, mode="text", name=t("pillars.ranking.total", lang),
            text=[format_number(value, lang) for value in totals["country_total"]], textposition="middle right",
            showlegend=False, hoverinfo="skip", cliponaxis=False,
        )
        title = t("pillars.ranking.title_sex", lang, indicator=indicator_name)
    else:
        figure.add_bar(
            x=countries["value"].tolist(), y=order, name=t("pillars.ranking.total", lang), orientation="h",
            marker={"color": theme.QUALITATIVE[0]},
            text=[format_number(value, lang) for value in countries["value"]], textposition="outside",
            cliponaxis=False, hovertemplate=f"%{{y}}{colon}%{{x:,.0f}}<extra></extra>",
        )
        title = t("pillars.ranking.title", lang, indicator=indicator_name)
    base_layout(figure, title=title, lang=lang, demo=demo)
    top = float(countries["country_total"].max())
    figure.update_layout(
        barmode="stack", height=max(320, 150 + 26 * len(order)),
        margin={"t": 72 + (LEGEND_ROOM if by_sex else 0), "r": 56},
        showlegend=by_sex, legend={"orientation": "h", "y": 1.0, "x": 0, "xref": "container", "yanchor": "bottom"},
        xaxis={"title": {"text": balanced_wrap(value_axis_title(indicator_name, unit, lang), AXIS_TITLE_WIDTH)},
               "range": [0, top * 1.18 or 1],
               "tickformat": ",.0f"},
        yaxis={"title": {"text": t("pillars.axis.country", lang)}, "categoryorder": "array",
               "categoryarray": order, "autorange": "reversed"},
    )
    return fit_title(figure)


def completion_rate_chart(frame: pd.DataFrame, *, lang: str, demo: bool, group_by: str) -> go.Figure:
    """Reintegration completed as a share of started per region or Action, counts on hover
    (``queries.indicators.completion_rates``)."""
    if frame.empty:
        return empty_chart(lang)
    suffix = normalise_language(lang)
    colours = GROUP_COLOURS.get(group_by, {})
    codes = _group_order(frame["group_code"].tolist(), group_by)
    rows = frame.set_index("group_code").loc[codes].reset_index()
    rates = [None if _is_missing(rate) else float(rate) for rate in rows["rate"]]
    labels = [format_percent(rate, lang) if rate is not None else t("pillars.rates.no_start", lang) for rate in rates]
    started, completed, share = (t(f"pillars.rates.{key}", lang) for key in ("started", "completed", "share"))
    colon = t("pillars.colon", lang)
    names = rows[f"name_{suffix}"].tolist()
    figure = new_figure(go.Bar(
        x=[rate or 0.0 for rate in rates], y=names, orientation="h",
        name=share, text=labels, textposition="outside", cliponaxis=False,
        marker={"color": [theme.colour_for(code, colours, index) for index, code in enumerate(codes)]},
        customdata=[[format_number(s, lang), format_number(c, lang)] for s, c in zip(rows["started"], rows["completed"], strict=True)],
        hovertemplate=(f"<b>%{{y}}</b><br>{started}{colon}%{{customdata[0]}}<br>{completed}{colon}%{{customdata[1]}}"
                       f"<br>{share}{colon}%{{text}}<extra></extra>"),
    ))
    base_layout(figure, title=_label(f"pillars.rates.title.{group_by}", lang, share), lang=lang, demo=demo)
    highest = max([rate for rate in rates if rate is not None], default=1.0)
    top = max(1.0, highest) * 1.2
    ticks = [step * RATE_TICK for step in range(int(top / RATE_TICK) + 1)]
    figure.update_layout(
        height=max(240, 130 + 44 * len(codes)), margin={"t": 64, "r": 90}, showlegend=False,
        xaxis={"title": {"text": t("pillars.rates.axis", lang)}, "range": [0, top],
               "tickvals": ticks, "ticktext": [format_percent(tick, lang) for tick in ticks]},
        yaxis={"autorange": "reversed", "automargin": True, "tickvals": names,
               "ticktext": [wrap(name, GROUP_LABEL_WIDTH) for name in names]},
        hoverlabel={"align": "left"},
    )
    figure.add_vline(x=1.0, line={"color": theme.MUTED, "dash": "dot", "width": 1})
    return fit_title(figure)
