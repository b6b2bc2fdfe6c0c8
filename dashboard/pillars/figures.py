"""Figures of the pillars page: the Action x pillar matrix, one Action's countries x pillars, the
counts per pillar; indicator trends, country rankings and completion rates.

The matrix draws reference facts (real, from the seed page), never demo data. Meaning is carried
by symbols and text in every cell, with colour only as a second cue."""

from __future__ import annotations

import math
import re
import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.common import theme
from dashboard.common.eutf import target_actual_chart
from dashboard.common.figures import (
    PlainFigure,
    plain_base_layout,
    plain_figure,
    plain_no_data_figure,
    trace,
    update_plain_layout,
)
from dashboard.i18n import format_number, format_percent, normalise_language, t
from dashboard.i18n import quarter_label as quarter_text
from dashboard.pillars.kept import kept
from dashboard.pillars.labels import (
    CELL_STATES,
    GROUP_COLOURS,
    SEX_ORDER,
    cell_state,
    group_order,
    is_missing,
    optional_text,
    pillar_label,
    quarter_label,
    unit_label,
    wrap,
)
from dashboard.pillars.records import records

LEVELS = len(CELL_STATES)
EMPTY_HEIGHT = 280
# Titles and legend lines short enough for a 390 px wide phone screen.
TITLE_WIDTH = 34
TITLE_LINE_HEIGHT = 22
LEGEND_WIDTH = 64
SUBTITLE_LINE_HEIGHT = 16


def empty_chart(lang: str) -> PlainFigure:
    """The shared no-data figure, kept short so an empty page does not scroll for nothing."""
    return update_plain_layout(plain_no_data_figure(lang), height=EMPTY_HEIGHT)


def _discrete_colourscale() -> list[list[object]]:
    """A colour scale giving each integer level 0..LEVELS-1 one flat colour (zmin=-0.5)."""
    scale: list[list[object]] = []
    for _, colour, _, level in sorted(CELL_STATES.values(), key=lambda state: state[3]):
        scale += [[level / LEVELS, colour], [(level + 1) / LEVELS, colour]]
    return scale


def balanced_wrap(text: str, width: int) -> str:
    """``text`` on as few lines of at most ``width`` characters as possible, of similar lengths
    (no lone last word)."""
    if len(text) <= width:
        return text
    lines = math.ceil(len(text) / width)
    for target in range(math.ceil(len(text) / lines), width + 1):
        wrapped = textwrap.wrap(text, target, break_long_words=False, break_on_hyphens=False)
        if len(wrapped) <= lines:
            return "<br>".join(wrapped)
    return wrap(text, width)


def fit_title(figure: PlainFigure, *, width: int = TITLE_WIDTH) -> PlainFigure:
    """Break a long title into lines that fit a phone screen (plotly does not wrap titles) and
    make room for the extra lines above the plot."""
    layout = figure["layout"]
    text = layout.get("title", {}).get("text") or ""
    wrapped = balanced_wrap(text, width)
    extra_lines = wrapped.count("<br>")
    # Pinned to the top, so the demo mark above the plot never runs into it; plotly anchors a
    # title of several lines by its last line, hence the padding grows with the lines.
    update_plain_layout(
        figure,
        title={
            "text": wrapped,
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 10 + TITLE_LINE_HEIGHT * extra_lines},
        },
    )
    if extra_lines:
        top = layout.get("margin", {}).get("t")
        top = top if top is not None else 80
        update_plain_layout(figure, margin={"t": top + TITLE_LINE_HEIGHT * extra_lines})
    return figure


def legend_lines(items: list[str], width: int = LEGEND_WIDTH) -> str:
    """Legend entries on as few lines of at most ``width`` characters as possible, never split."""
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 3 + len(item) <= width:
            lines[-1] += "   " + item
        else:
            lines.append(item)
    return "<br>".join(lines)


def _cell_hover(row: dict, lang: str, row_label: str) -> str:
    """Hover text of one cell: row, pillar name and description, basis, and for mapped cells
    the objectives and the project's reasoning."""
    suffix = normalise_language(lang)
    state = cell_state(row["basis"])
    parts = [
        f"<b>{row_label}</b>",
        f"<b>{pillar_label(row['pillar_no'], row[f'pillar_name_{suffix}'], width=None)}</b>",
        wrap(row[f"description_{suffix}"]),
        f"<i>{t(CELL_STATES[state][2], lang)}</i>",
    ]
    objectives = row.get(f"objectives_{suffix}")
    if state == "mapped" and isinstance(objectives, str) and objectives:
        parts += [
            f"<b>{t('pillars.hover.objectives', lang)}</b>",
            wrap(objectives),
            f"<b>{t('pillars.hover.rationale', lang)}</b>",
            wrap(row[f"rationale_{suffix}"]),
        ]
    return "<br>".join(parts)


def _grid_figure(
    frame: pd.DataFrame,
    *,
    row_key: str,
    row_labels: dict[str, str],
    lang: str,
    title: str,
    legend_keys: tuple[str, ...],
    row_axis_key: str,
    min_height: int = 0,
) -> PlainFigure:
    """A rows x pillars heatmap with one symbol per cell, rows in the order of ``row_labels``, at
    least ``min_height`` px tall."""
    suffix = normalise_language(lang)
    pillars = frame.drop_duplicates("pillar_no").sort_values("pillar_no")
    columns = [
        pillar_label(row["pillar_no"], row[f"pillar_name_{suffix}"]) for row in records(pillars)
    ]
    column_index = {int(number): position for position, number in enumerate(pillars["pillar_no"])}
    row_index = {code: position for position, code in enumerate(row_labels)}
    levels = [[0] * len(columns) for _ in row_labels]
    symbols = [[""] * len(columns) for _ in row_labels]
    hovers = [[""] * len(columns) for _ in row_labels]
    for row in records(frame):
        i, j = row_index[row[row_key]], column_index[int(row["pillar_no"])]
        symbol, _, _, level = CELL_STATES[cell_state(row["basis"])]
        levels[i][j], symbols[i][j] = level, symbol
        hovers[i][j] = _cell_hover(row, lang, row_labels[row[row_key]])
    figure = plain_figure(
        trace(
            "heatmap",
            z=levels,
            x=columns,
            y=list(row_labels.values()),
            text=symbols,
            texttemplate="%{text}",
            textfont={"size": 18, "color": theme.TEXT},
            customdata=hovers,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=_discrete_colourscale(),
            zmin=-0.5,
            zmax=LEVELS - 0.5,
            showscale=False,
            xgap=3,
            ygap=3,
            name=t("pillars.axis.pillar", lang),
        )
    )
    plain_base_layout(figure, title=title, lang=lang, demo=False)
    legend = legend_lines([t(key, lang) for key in legend_keys])
    update_plain_layout(
        figure,
        title={"subtitle": {"text": legend}},
        height=max(190 + 46 * len(row_labels), min_height),
        margin={"t": 84 + SUBTITLE_LINE_HEIGHT * legend.count("<br>"), "b": 24},
        xaxis={
            "title": {"text": t("pillars.axis.pillar", lang)},
            "side": "bottom",
            "showgrid": False,
            "fixedrange": True,
            "tickangle": 0,
            "tickfont": {"size": 11},
        },
        yaxis={
            "title": {"text": t(row_axis_key, lang)},
            "autorange": "reversed",
            "showgrid": False,
            "fixedrange": True,
        },
        plot_bgcolor="white",
        hoverlabel={"align": "left"},
    )
    return fit_title(figure)


@kept
def pillar_matrix_chart(frame: pd.DataFrame, *, lang: str) -> PlainFigure:
    """Actions (rows, frame order) by pillars (columns) from ``queries.action_pillar_matrix``."""
    if frame.empty:
        return empty_chart(lang)
    suffix = normalise_language(lang)
    actions = frame.drop_duplicates("action_code")
    labels = dict(zip(actions["action_code"], actions[f"short_name_{suffix}"], strict=True))
    legend = ("pillars.legend.stated", "pillars.legend.mapped", "pillars.legend.none")
    return _grid_figure(
        frame,
        row_key="action_code",
        row_labels=labels,
        lang=lang,
        title=t("pillars.matrix.title", lang),
        legend_keys=legend,
        row_axis_key="pillars.axis.action",
        # As tall as the pillar counts beside it, so neither leaves a hole under it.
        min_height=pillar_counts_height(frame["pillar_no"].nunique()),
    )


def country_label(name: str, role: object, lang: str) -> str:
    """A country name, with its role in the Action when the source gives one."""
    if isinstance(role, str) and role:
        return f"{name} ({t(f'role.{role}', lang)})"
    return name


@kept
def country_pillar_chart(frame: pd.DataFrame, *, lang: str, action_name: str) -> PlainFigure:
    """One Action's countries (rows, by name) by pillars, from ``queries.country_pillar_matrix``."""
    if frame.empty:
        return empty_chart(lang)
    suffix = normalise_language(lang)
    countries = frame.drop_duplicates("iso3").sort_values(f"name_{suffix}")
    labels = {
        row["iso3"]: country_label(row[f"name_{suffix}"], row["role"], lang)
        for row in records(countries)
    }
    states = set(frame["basis"].dropna())
    legend = tuple(
        key
        for key, state in (
            ("pillars.legend.stated", "stated"),
            ("pillars.legend.mapped", "mapped"),
            ("pillars.legend.exception", "country exception"),
            ("pillars.legend.excluded", "excluded"),
        )
        if state in states
    ) + ("pillars.legend.none",)
    return _grid_figure(
        frame,
        row_key="iso3",
        row_labels=labels,
        lang=lang,
        title=t("pillars.drill.title", lang, action=action_name),
        legend_keys=legend,
        row_axis_key="pillars.axis.country",
    )


LEGEND_LINE_HEIGHT = 20
BAR_SLOT = 15  # px a bar of the pillar counts takes, its count written beside it at 10 px


def pillar_counts_height(pillars: int) -> int:
    """The pillar counts chart's height: each of its four bars a pillar thick enough for its count
    written at 10 px beside it, and room above the plot for its note and legend."""
    return 310 + 4 * BAR_SLOT * pillars


@kept
def pillar_counts_chart(frame: pd.DataFrame, *, lang: str) -> PlainFigure:
    """Grouped horizontal bars: Actions and countries applying each pillar, as the source
    documents state it (plain) and as the dashboard mapped it (hatched, lighter), side by side and
    never stacked, pillar 1 on top (``queries.pillar_counts``)."""
    columns = ["actions_stated", "countries_stated", "actions_mapped", "countries_mapped"]
    if frame.empty or not frame[columns].to_numpy().sum():
        return empty_chart(lang)
    suffix = normalise_language(lang)
    labels = [
        pillar_label(row["pillar_no"], row[f"name_{suffix}"], width=24) for row in records(frame)
    ]
    figure = plain_figure()
    # (column, colour, pattern): Actions blue, countries orange; the dashboard's mapping hatched.
    series = (
        ("actions_stated", theme.QUALITATIVE[0], ""),
        ("countries_stated", theme.QUALITATIVE[1], ""),
        ("actions_mapped", theme.QUALITATIVE[0], "/"),
        ("countries_mapped", theme.QUALITATIVE[1], "/"),
    )
    for column, colour, pattern in series:
        name = t(f"pillars.counts.{column}", lang)
        hover = "%{y}<br>" + name + t("pillars.colon", lang) + "%{x}"
        customdata = None
        if column.startswith("actions"):
            basis = column.removeprefix("actions_")
            customdata = [wrap(names, 50) for names in frame[f"action_names_{basis}_{suffix}"]]
            hover += "<br>%{customdata}"
        marker = {
            "color": colour,
            "pattern": {
                "shape": pattern,
                "fillmode": "overlay",
                "fgcolor": "white",
                "solidity": 0.4,
            },
        }
        figure["data"].append(
            trace(
                "bar",
                y=labels,
                x=frame[column].tolist(),
                name=name,
                orientation="h",
                text=[format_number(value, lang) if value else "" for value in frame[column]],
                textposition="outside",
                # Four bars a pillar: at their own thickness plotly shrank the counts to 6 px.
                constraintext="none",
                textfont={"size": 10},
                marker=marker,
                customdata=customdata,
                hovertemplate=hover + "<extra></extra>",
                cliponaxis=False,
            )
        )
    plain_base_layout(figure, title=t("pillars.counts.title", lang), lang=lang, demo=False)
    note = wrap(
        t("pillars.mapped_note", lang), 50
    )  # the chart is narrower than the page on a phone
    top = max(int(frame[column].max()) for column in columns)
    # As tall as the pillar matrix beside it (which follows this height), so neither leaves a hole.
    update_plain_layout(
        figure,
        title={"subtitle": {"text": note}},
        barmode="group",
        height=pillar_counts_height(len(labels)),
        # Four legend entries (two kinds of data apart) stack on a narrow chart: room for them.
        margin={
            "t": 84 + LEGEND_LINE_HEIGHT * 2 + SUBTITLE_LINE_HEIGHT * (note.count("<br>") + 2),
            "r": 40,
        },
        # Above the plot, from its left edge: a legend placed against the container's edge made
        # plotly widen the left margin by the legend's width (a plot 75 px wide at 1280 px).
        legend={
            "orientation": "h",
            "y": 1.0,
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
            "yanchor": "bottom",
            "traceorder": "normal",
        },
        xaxis={"title": {"text": t("pillars.counts.axis", lang)}, "range": [0, top * 1.15 + 1]},
        yaxis={
            "title": {"text": t("pillars.axis.pillar", lang)},
            "autorange": "reversed",
            "tickfont": {"size": 11},
        },
    )
    return fit_title(figure)


# Marker shapes per line, so lines differ by more than colour.
MARKER_SYMBOLS = (
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "x",
    "cross",
    "star",
    "triangle-down",
)
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
def indicator_trend_chart(
    frame: pd.DataFrame, *, lang: str, demo: bool, indicator_name: str, unit: str, group_by: str
) -> PlainFigure:
    """Quarterly lines of one indicator, one per region or Action
    (``queries.indicator_trend``)."""
    if frame.empty:
        return empty_chart(lang)
    suffix = normalise_language(lang)
    colours = GROUP_COLOURS.get(group_by, {})
    colon = t("pillars.colon", lang)
    figure = plain_figure()
    for index, code in enumerate(group_order(frame["group_code"].tolist(), group_by)):
        rows = frame[frame["group_code"] == code].sort_values("period")
        name = str(rows.iloc[0][f"name_{suffix}"])
        figure["data"].append(
            trace(
                "scatter",
                x=rows["period"].tolist(),
                y=rows["value"].tolist(),
                name=name,
                mode="lines+markers",
                line={"color": theme.colour_for(code, colours, index), "width": 2},
                marker={"symbol": MARKER_SYMBOLS[index % len(MARKER_SYMBOLS)], "size": 7},
                customdata=[quarter_text(quarter_label(period), lang) for period in rows["period"]],
                hovertemplate=f"<b>{name}</b><br>%{{customdata}}{colon}%{{y:,.0f}}<extra></extra>",
            )
        )
    title_key = f"pillars.trend.title.{group_by}"
    plain_base_layout(
        figure,
        title=optional_text(title_key, lang, indicator_name, indicator=indicator_name),
        lang=lang,
        demo=demo,
    )
    update_plain_layout(
        figure,
        # The legend at the chart's foot, under the axis title (its entries stack on a phone); the
        # axis title on two lines, no taller than the plot.
        height=480,
        hovermode="closest",
        margin={"t": 72, "b": 140},
        showlegend=True,
        legend={"orientation": "h", "yref": "container", "y": 0, "x": 0, "yanchor": "bottom"},
        xaxis={
            "title": {"text": t("chart.quarter", lang)},
            "tickformat": "%Y",
            "dtick": "M12",
            "tickfont": {"size": 10},
        },  # a year a tick, apart even on a phone
        yaxis={
            "title": {
                "text": balanced_wrap(
                    value_axis_title(indicator_name, unit, lang), AXIS_TITLE_WIDTH
                )
            },
            "rangemode": "tozero",
            "tickformat": ",.0f",
        },
    )
    return fit_title(figure)


def country_ranking_chart(
    frame: pd.DataFrame, *, lang: str, demo: bool, indicator_name: str, unit: str, by_sex: bool
) -> PlainFigure:
    """Countries ranked by one indicator, largest on top; stacked by sex when ``by_sex``
    (``dashboard.common.queries.country_ranking``)."""
    if frame.empty:
        return empty_chart(lang)
    suffix = normalise_language(lang)
    countries = frame.drop_duplicates("iso3")
    names = dict(zip(countries["iso3"], countries[f"name_{suffix}"], strict=True))
    order = [names[code] for code in countries["iso3"]]
    colon = t("pillars.colon", lang)
    figure = plain_figure()
    if by_sex:
        for index, sex in enumerate(sex for sex in SEX_ORDER if sex in set(frame["sex"])):
            rows = frame[frame["sex"] == sex]
            label = t(f"sex.{sex}", lang)
            figure["data"].append(
                trace(
                    "bar",
                    x=rows["value"].tolist(),
                    y=[names[code] for code in rows["iso3"]],
                    name=label,
                    orientation="h",
                    marker={
                        "color": theme.SEX_COLOURS[sex],
                        "pattern": {"shape": ("", "/", ".")[index]},
                    },
                    hovertemplate=f"%{{y}}<br>{label}{colon}%{{x:,.0f}}<extra></extra>",
                )
            )
        totals = countries
        figure["data"].append(
            trace(
                "scatter",
                x=totals["country_total"].tolist(),
                y=order,
                mode="text",
                name=t("pillars.ranking.total", lang),
                text=[format_number(value, lang) for value in totals["country_total"]],
                textposition="middle right",
                showlegend=False,
                hoverinfo="skip",
                cliponaxis=False,
            )
        )
        title = t("pillars.ranking.title_sex", lang, indicator=indicator_name)
    else:
        figure["data"].append(
            trace(
                "bar",
                x=countries["value"].tolist(),
                y=order,
                name=t("pillars.ranking.total", lang),
                orientation="h",
                marker={"color": theme.QUALITATIVE[0]},
                text=[format_number(value, lang) for value in countries["value"]],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=f"%{{y}}{colon}%{{x:,.0f}}<extra></extra>",
            )
        )
        title = t("pillars.ranking.title", lang, indicator=indicator_name)
    plain_base_layout(figure, title=title, lang=lang, demo=demo)
    top = float(countries["country_total"].max())
    update_plain_layout(
        figure,
        barmode="stack",
        height=max(320, 150 + 26 * len(order)),
        margin={"t": 72 + (LEGEND_ROOM if by_sex else 0), "r": 56},
        showlegend=by_sex,
        legend={"orientation": "h", "y": 1.0, "x": 0, "xref": "container", "yanchor": "bottom"},
        xaxis={
            "title": {
                "text": balanced_wrap(
                    value_axis_title(indicator_name, unit, lang), AXIS_TITLE_WIDTH
                )
            },
            "range": [0, top * 1.18 or 1],
            "tickformat": ",.0f",
            "nticks": 4,
        },  # amounts such as "15,000" apart on a phone
        yaxis={
            "title": {"text": t("pillars.axis.country", lang)},
            "categoryorder": "array",
            "categoryarray": order,
            "autorange": "reversed",
        },
    )
    return fit_title(figure)


def completion_rate_chart(
    frame: pd.DataFrame, *, lang: str, demo: bool, group_by: str
) -> PlainFigure:
    """Reintegration completed as a share of started per region or Action, counts on hover
    (``queries.completion_rates``)."""
    if frame.empty:
        return empty_chart(lang)
    suffix = normalise_language(lang)
    colours = GROUP_COLOURS.get(group_by, {})
    codes = group_order(frame["group_code"].tolist(), group_by)
    rows = frame.set_index("group_code").loc[codes].reset_index()
    rates = [None if is_missing(rate) else float(rate) for rate in rows["rate"]]
    labels = [
        format_percent(rate, lang) if rate is not None else t("pillars.rates.no_start", lang)
        for rate in rates
    ]
    started, completed, share = (
        t(f"pillars.rates.{key}", lang) for key in ("started", "completed", "share")
    )
    colon = t("pillars.colon", lang)
    names = rows[f"name_{suffix}"].tolist()
    figure = plain_figure(
        trace(
            "bar",
            x=[rate or 0.0 for rate in rates],
            y=names,
            orientation="h",
            name=share,
            text=labels,
            textposition="outside",
            cliponaxis=False,
            marker={
                "color": [
                    theme.colour_for(code, colours, index) for index, code in enumerate(codes)
                ]
            },
            customdata=[
                [format_number(s, lang), format_number(c, lang)]
                for s, c in zip(rows["started"], rows["completed"], strict=True)
            ],
            hovertemplate=(
                f"<b>%{{y}}</b><br>{started}{colon}%{{customdata[0]}}<br>{completed}{colon}%{{customdata[1]}}"
                f"<br>{share}{colon}%{{text}}<extra></extra>"
            ),
        )
    )
    plain_base_layout(
        figure,
        title=optional_text(f"pillars.rates.title.{group_by}", lang, share),
        lang=lang,
        demo=demo,
    )
    highest = max([rate for rate in rates if rate is not None], default=1.0)
    top = max(1.0, highest) * 1.2
    ticks = [step * RATE_TICK for step in range(int(top / RATE_TICK) + 1)]
    update_plain_layout(
        figure,
        height=max(240, 130 + 44 * len(codes)),
        margin={"t": 64, "r": 90},
        showlegend=False,
        xaxis={
            "title": {"text": balanced_wrap(t("pillars.rates.axis", lang), AXIS_TITLE_WIDTH)},
            "range": [0, top],
            "tickvals": ticks,
            "ticktext": [format_percent(tick, lang) for tick in ticks],
        },
        yaxis={
            "autorange": "reversed",
            "automargin": True,
            "tickvals": names,
            "ticktext": [wrap(name, GROUP_LABEL_WIDTH) for name in names],
        },
        hoverlabel={"align": "left"},
    )
    # plotly's add_vline on a figure without subplots: a line from the foot to the top of the plot.
    update_plain_layout(
        figure,
        shapes=[
            {
                "type": "line",
                "x0": 1.0,
                "x1": 1.0,
                "xref": "x",
                "y0": 0,
                "y1": 1,
                "yref": "y domain",
                "line": {"color": theme.MUTED, "dash": "dot", "width": 1},
            }
        ],
    )
    return fit_title(figure)


def _title_parts(text: str) -> tuple[str, str]:
    """A title written "title<br><span ...>subtitle</span>" as its two plain parts."""
    head, _, tail = text.partition("<br>")
    return head, re.sub(r"<[^>]+>", "", tail)


def pillar_results_chart(rows: pd.DataFrame, *, pillar: str, lang: str) -> go.Figure:
    """Target vs actual by country for the indicators of one pillar (country rows only);
    ``pillar``: the chart's title, its subtitle after a ``<br>``."""
    frame = rows[rows["scope"] == "country"].copy()
    frame["label"] = [
        f"{place} · {number}"
        for place, number in zip(frame["place"], frame["indicator_number"], strict=True)
    ]
    title, subtitle = _title_parts(pillar)
    return target_actual_chart(
        frame, title=title, subtitle=subtitle, label_column="label", lang=lang
    )
