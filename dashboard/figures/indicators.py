"""Indicator pictures: headline cards, quarterly trends, country rankings, completion rates, and
the table of published figures (real figures, never plotted with demo values)."""

from __future__ import annotations

import math
from urllib.parse import urlparse

import pandas as pd
import plotly.graph_objects as go
from dash import html

from dashboard import theme
from dashboard.figures.common import base_layout, new_figure
from dashboard.figures.pillars import balanced_wrap, empty_chart, fit_title, wrap
from dashboard.i18n import TEXT, format_number, format_percent, normalise_language, t
from dashboard.i18n import quarter_label as quarter_text

# Cards and their table follow the pillars (1 to 6); within a pillar the headline indicators
# (the ones managers ask for) come first.
HEADLINE_ORDER = (
    "returns_assisted", "reintegration_started", "reintegration_completed", "community_projects",
    "people_reached_awareness", "migrants_protected", "arrival_assistance", "officials_trained",
    "migrants_surveyed", "stabilisation_projects",
)
SEX_ORDER = ("female", "male", "all")
# Marker shapes per line, so lines differ by more than colour.
MARKER_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "cross", "star", "triangle-down")
GROUP_COLOURS = {"region": theme.REGION_COLOURS, "action": theme.ACTION_COLOURS}
# Long region names break onto two lines, so the bars keep their room on a phone.
GROUP_LABEL_WIDTH = 22
# Room above the ranking for the sex legend, which stacks on a phone.
LEGEND_ROOM = 30
RATE_TICK = 0.5
AXIS_TITLE_WIDTH = 30


def _label(key: str, lang: str, fallback: str, **values: object) -> str:
    """``t(key)`` when the key exists, else ``fallback`` (for codes a newer file may add)."""
    return t(key, lang, **values) if key in TEXT else fallback


def unit_label(unit: str, lang: str) -> str:
    """'people' / 'personnes', 'projects' / 'projets'."""
    return _label(f"pillars.unit.{unit}", lang, unit)


def value_axis_title(indicator_name: str, unit: str, lang: str) -> str:
    """'Migrants assisted to return (people)'."""
    return f"{indicator_name} ({unit_label(unit, lang)})"


def quarter_label(period: object) -> str:
    """A quarter start date as '2019-Q3'."""
    stamp = pd.Timestamp(period)
    return f"{stamp.year}-Q{(stamp.month - 1) // 3 + 1}"


def _group_order(codes: list[str], group_by: str) -> list[str]:
    order = list(GROUP_COLOURS.get(group_by, {}))
    return sorted(set(codes), key=lambda code: (order.index(code) if code in order else len(order), code))


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


# ---------------------------------------------------------------- cards
def headline_cards(frame: pd.DataFrame, *, lang: str, demo: bool) -> html.Div:
    """One card per applicable indicator with its total, definition on hover and focus
    (``queries.indicators.indicator_totals``)."""
    if frame.empty:
        return html.Div(html.P(t("pillars.cards.empty", lang), className="text-muted mb-0"))
    suffix = normalise_language(lang)
    position = {code: index for index, code in enumerate(HEADLINE_ORDER)}
    ordered = frame.assign(_order=frame["indicator_code"].map(lambda code: position.get(code, len(position))))
    ordered = ordered.sort_values(["pillar_no", "_order", "indicator_code"], kind="stable")
    cards = [_card(row, lang, suffix) for row in ordered.to_dict("records")]
    header = [html.Span(t("pillars.cards.hint", lang), className="small text-muted")]
    if demo:
        header.insert(0, html.Span(t("chart.demo_mark", lang), className="badge pillars-demo-badge me-2"))
    return html.Div([html.Div(header, className="mb-2"), html.Div(cards, className="pillars-cards")])


def _card(row: dict, lang: str, suffix: str) -> html.Div:
    definition = t("pillars.cards.definition", lang, text=row[f"definition_{suffix}"])
    missing = _is_missing(row["total"])
    value = "–" if missing else format_number(row["total"], lang)
    detail = t("pillars.cards.no_data", lang) if missing else unit_label(row["unit"], lang)
    return html.Div(
        [
            html.Div(t("pillars.cards.pillar", lang, no=int(row["pillar_no"])), className="small text-muted"),
            html.Div(value, className="pillars-card-value"),
            html.Div(row[f"name_{suffix}"], className="pillars-card-name"),
            html.Div(detail, className="small text-muted"),
            html.Span(definition, className="visually-hidden"),
        ],
        className="card pillars-card" + (" pillars-card-empty" if missing else ""),
        title=definition, tabIndex="0", role="group",
        **{"data-indicator": row["indicator_code"], "aria-label": f"{row[f'name_{suffix}']}: {value}"},
    )


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


# ---------------------------------------------------------------- published figures
def published_value(indicator: str, value: float, lang: str) -> str:
    """A published value with its unit: euros for ``*_eur``, percent for ``*_pct``."""
    if indicator.endswith("_eur"):
        number = format_number(value, lang)
        return f"{number}\u00a0€" if normalise_language(lang) == "fr" else f"€{number}"
    if indicator.endswith("_pct"):
        return format_percent(value / 100, lang)
    return format_number(value, lang)


def _source_link(url: str, lang: str) -> html.A:
    host = urlparse(url).netloc.removeprefix("www.") or url
    return html.A([host, html.Span(" " + t("pillars.published.new_tab", lang), className="visually-hidden")],
                  href=url, target="_blank", rel="noopener noreferrer", className="pillars-source-link")


def _published_action(row: dict, lang: str, suffix: str) -> str:
    if row["action_code"] == "JI-ALL":
        return t("pillars.published.ji_all", lang)
    name = row[f"short_name_{suffix}"]
    return str(row["action_code"]) if _is_missing(name) else str(name)


def _published_scope(row: dict, lang: str, suffix: str) -> str:
    if row["scope"] == "all":
        return t("pillars.published.scope_all", lang)
    name = row[f"scope_name_{suffix}"]
    return str(row["scope"]) if _is_missing(name) else str(name)


def _qualifier(qualifier: object, lang: str) -> str:
    return _label(f"pillars.qualifier.{str(qualifier).replace(' ', '_')}", lang, str(qualifier))


def published_table(frame: pd.DataFrame, *, lang: str) -> html.Div:
    """The published figures as a table with date, qualifier and source link
    (``queries.indicators.published_figures``)."""
    if frame.empty:
        return html.Div(html.P(t("pillars.published.empty", lang), className="text-muted mb-0"))
    suffix = normalise_language(lang)
    columns = ("action", "scope", "indicator", "value", "qualifier", "as_of", "source", "note")
    header = html.Tr([html.Th(t(f"pillars.published.col.{column}", lang), scope="col") for column in columns])
    rows = []
    for row in frame.to_dict("records"):
        note = "" if _is_missing(row["note"]) else str(row["note"])
        rows.append(html.Tr([
            html.Td(_published_action(row, lang, suffix)),
            html.Td(_published_scope(row, lang, suffix)),
            html.Td(_label(f"pillars.pub.{row['indicator']}", lang, row["indicator"])),
            html.Td(published_value(row["indicator"], float(row["value"]), lang), className="text-end text-nowrap"),
            html.Td(_qualifier(row["qualifier"], lang)),
            html.Td(pd.Timestamp(row["as_of"]).date().isoformat(), className="text-nowrap"),
            html.Td(_source_link(row["source_url"], lang)),
            html.Td(note, lang="en", className="small"),
        ], **{"data-figure-id": str(int(row["figure_id"]))}))
    return html.Div(html.Table([html.Thead(header), html.Tbody(rows)],
                               className="table table-sm table-striped pillars-published-table mb-0"),
                    className="table-responsive")


# ---------------------------------------------------------------- text summaries
def _extremes(totals: pd.Series) -> tuple[tuple[str, float], tuple[str, float]]:
    """(name, value) of the largest and smallest entries, ties broken by name."""
    ordered = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return ordered[0], ordered[-1]


def _highest_lowest(totals: pd.Series, lang: str, formatter) -> str:
    (top, top_value), (bottom, bottom_value) = _extremes(totals)
    if len(totals) == 1:
        return t("pillars.summary.only", lang, name=top, value=formatter(top_value))
    return t("pillars.summary.extremes", lang, top=top, top_value=formatter(top_value), bottom=bottom,
             bottom_value=formatter(bottom_value))


def indicator_trend_summary(frame: pd.DataFrame, *, lang: str, indicator_name: str, group_by: str) -> str:
    """'Migrants assisted to return by region, Q1 2017 to Q1 2023: highest … (96,769), lowest … (1,210).'"""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    totals = frame.groupby(f"name_{suffix}")["value"].sum()
    first, last = (quarter_text(quarter_label(period), lang) for period in (frame["period"].min(), frame["period"].max()))
    lead = t(f"pillars.summary.trend.{group_by}", lang, indicator=indicator_name, first=first, last=last)
    return f"{lead}{t('pillars.colon', lang)}{_highest_lowest(totals, lang, lambda v: format_number(v, lang))}."


def country_ranking_summary(frame: pd.DataFrame, *, lang: str, indicator_name: str, by_sex: bool) -> str:
    """Countries ranked: how many, highest and lowest; totals per sex when split."""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    countries = frame.drop_duplicates("iso3").set_index(f"name_{suffix}")["country_total"]
    lead = t("pillars.summary.ranking", lang, indicator=indicator_name,
             countries=format_number(len(countries), lang))
    text = f"{lead}{t('pillars.colon', lang)}{_highest_lowest(countries, lang, lambda v: format_number(v, lang))}."
    if by_sex:
        per_sex = frame.groupby("sex")["value"].sum()
        parts = [f"{t(f'sex.{sex}', lang)}{t('pillars.colon', lang)}{format_number(per_sex[sex], lang)}"
                 for sex in SEX_ORDER if sex in per_sex.index]
        text += " " + t("pillars.list_separator", lang).join(parts) + "."
    return text


def completion_rate_summary(frame: pd.DataFrame, *, lang: str, group_by: str) -> str:
    """Highest and lowest share of reintegration completed over started."""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    rated = frame[frame["rate"].notna()]
    lead = t(f"pillars.rates.title.{group_by}", lang)
    if rated.empty:
        return f"{lead}{t('pillars.colon', lang)}{t('pillars.rates.no_start', lang)}."
    rates = rated.set_index(f"name_{suffix}")["rate"].astype(float)
    text = f"{lead}{t('pillars.colon', lang)}{_highest_lowest(rates, lang, lambda v: format_percent(v, lang))}."
    missing = len(frame) - len(rated)
    if missing:
        text += " " + t("pillars.summary.no_start_groups", lang, count=format_number(missing, lang))
    return text


# ---------------------------------------------------------------- data behind the charts
def _column(key: str, lang: str, **values: object) -> str:
    return t(f"pillars.col.{key}", lang, **values)


def _value_column(unit: str, lang: str) -> str:
    return _column("value_unit", lang, unit=unit_label(unit, lang))


def indicator_totals_data(frame: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """The headline cards as a table, in card order (``queries.indicators.indicator_totals``)."""
    suffix = normalise_language(lang)
    position = {code: index for index, code in enumerate(HEADLINE_ORDER)}
    ordered = frame.assign(_order=frame["indicator_code"].map(lambda code: position.get(code, len(position))))
    ordered = ordered.sort_values(["pillar_no", "_order", "indicator_code"], kind="stable")
    return pd.DataFrame({
        _column("indicator_code", lang): ordered["indicator_code"].astype(str).tolist(),
        _column("indicator", lang): ordered[f"name_{suffix}"].astype(str).tolist(),
        _column("pillar_no", lang): ordered["pillar_no"].astype(int).tolist(),
        _column("unit", lang): [unit_label(unit, lang) for unit in ordered["unit"]],
        _column("total", lang): [None if _is_missing(total) else float(total) for total in ordered["total"]],
        _column("definition", lang): ordered[f"definition_{suffix}"].astype(str).tolist(),
    })


def indicator_trend_data(frame: pd.DataFrame, *, lang: str, indicator: str, indicator_name: str, unit: str,
                         group_by: str) -> pd.DataFrame:
    """The trend's points, one row per group and quarter, in legend order
    (``queries.indicators.indicator_trend``)."""
    suffix = normalise_language(lang)
    order = {code: index for index, code in enumerate(_group_order(frame["group_code"].tolist(), group_by))}
    ordered = frame.assign(_order=frame["group_code"].map(order)).sort_values(["_order", "period"], kind="stable")
    periods = [pd.Timestamp(period) for period in ordered["period"]]
    return pd.DataFrame({
        _column(f"{group_by}_code", lang): ordered["group_code"].astype(str).tolist(),
        _column(group_by, lang): ordered[f"name_{suffix}"].astype(str).tolist(),
        _column("quarter", lang): [quarter_text(quarter_label(period), lang) for period in periods],
        _column("quarter_start", lang): [period.date().isoformat() for period in periods],
        _column("indicator_code", lang): [indicator] * len(ordered),
        _column("indicator", lang): [indicator_name] * len(ordered),
        _value_column(unit, lang): ordered["value"].astype(float).tolist(),
    })


def country_ranking_data(frame: pd.DataFrame, *, lang: str, indicator: str, indicator_name: str, unit: str,
                         by_sex: bool) -> pd.DataFrame:
    """The ranking's bars, largest country first; one row per country and sex when split
    (``queries.indicators.country_ranking``)."""
    suffix = normalise_language(lang)
    columns = {
        _column("country_code", lang): frame["iso3"].astype(str).tolist(),
        _column("country", lang): frame[f"name_{suffix}"].astype(str).tolist(),
        _column("indicator_code", lang): [indicator] * len(frame),
        _column("indicator", lang): [indicator_name] * len(frame),
    }
    if by_sex:
        columns[_column("sex", lang)] = [t(f"sex.{sex}", lang) for sex in frame["sex"]]
        columns[_value_column(unit, lang)] = frame["value"].astype(float).tolist()
        columns[_column("country_total", lang, unit=unit_label(unit, lang))] = frame["country_total"].astype(float).tolist()
    else:
        columns[_value_column(unit, lang)] = frame["value"].astype(float).tolist()
    return pd.DataFrame(columns)


def completion_rate_data(frame: pd.DataFrame, *, lang: str, group_by: str) -> pd.DataFrame:
    """Started, completed and their share per group, in bar order (``queries.indicators.completion_rates``)."""
    suffix = normalise_language(lang)
    codes = _group_order(frame["group_code"].tolist(), group_by)
    rows = frame.set_index("group_code").loc[codes].reset_index() if codes else frame
    return pd.DataFrame({
        _column(f"{group_by}_code", lang): rows["group_code"].astype(str).tolist(),
        _column(group_by, lang): rows[f"name_{suffix}"].astype(str).tolist(),
        t("pillars.rates.started", lang): rows["started"].astype(float).tolist(),
        t("pillars.rates.completed", lang): rows["completed"].astype(float).tolist(),
        _column("rate", lang): [None if _is_missing(rate) else float(rate) for rate in rows["rate"]],
    })


def published_unit(indicator: str, lang: str) -> str:
    """What a published value counts: euros, percent or a number of people or things."""
    if indicator.endswith("_eur"):
        return t("pillars.unit.eur", lang)
    if indicator.endswith("_pct"):
        return t("pillars.unit.percent", lang)
    return t("pillars.unit.count", lang)


def published_data(frame: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """The published figures with their qualifier, date and source address
    (``queries.indicators.published_figures``)."""
    suffix = normalise_language(lang)
    rows = frame.to_dict("records")
    return pd.DataFrame({
        _column("figure_id", lang): [int(row["figure_id"]) for row in rows],
        _column("action_code", lang): [str(row["action_code"]) for row in rows],
        _column("action", lang): [_published_action(row, lang, suffix) for row in rows],
        _column("scope_code", lang): [str(row["scope"]) for row in rows],
        _column("scope", lang): [_published_scope(row, lang, suffix) for row in rows],
        _column("figure_code", lang): [str(row["indicator"]) for row in rows],
        _column("figure", lang): [_label(f"pillars.pub.{row['indicator']}", lang, row["indicator"]) for row in rows],
        _column("value", lang): [float(row["value"]) for row in rows],
        _column("unit", lang): [published_unit(str(row["indicator"]), lang) for row in rows],
        _column("qualifier", lang): [_qualifier(row["qualifier"], lang) for row in rows],
        _column("as_of", lang): [pd.Timestamp(row["as_of"]).date().isoformat() for row in rows],
        _column("source_url", lang): [str(row["source_url"]) for row in rows],
        _column("note", lang): ["" if _is_missing(row["note"]) else str(row["note"]) for row in rows],
    }, columns=[_column(key, lang) for key in ("figure_id", "action_code", "action", "scope_code", "scope",
                                                "figure_code", "figure", "value", "unit", "qualifier", "as_of",
                                                "source_url", "note")])
