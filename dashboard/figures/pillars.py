"""Pillar coverage pictures: the Action x pillar matrix, one Action's countries x pillars, the
counts per pillar, and the accessible tables that go with them.

The matrix draws reference facts (real, from the seed page), never demo data. Meaning is carried
by symbols and text in every cell, with colour only as a second cue.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go
from dash import html

from dashboard import theme
from dashboard.figures.common import base_layout, new_figure, no_data_figure
from dashboard.i18n import TEXT, format_number, normalise_language, t

# Cell state -> (symbol, fill colour, hover label key, level for the discrete colour scale).
CELL_STATES = {
    "none": ("", "#f4f5f7", "pillars.basis.none", 0),
    "excluded": ("✕", "#fbe1dd", "pillars.basis.excluded", 1),
    "mapped": ("◐", "#fde7c5", "pillars.basis.mapped", 2),
    "country exception": ("◆", "#d4efe1", "pillars.basis.country_exception", 3),
    "stated": ("●", "#cfe3f5", "pillars.basis.stated", 4),
}
LEVELS = len(CELL_STATES)
EMPTY_HEIGHT = 280
HOVER_WIDTH = 60
LABEL_WIDTH = 14
# Titles and legend lines short enough for a 390 px wide phone screen.
TITLE_WIDTH = 44
TITLE_LINE_HEIGHT = 22
LEGEND_WIDTH = 64
SUBTITLE_LINE_HEIGHT = 16


def empty_chart(lang: str) -> go.Figure:
    """The shared no-data figure, kept short so an empty page does not scroll for nothing."""
    return no_data_figure(lang).update_layout(height=EMPTY_HEIGHT)


def _discrete_colourscale() -> list[list[object]]:
    """A colour scale giving each integer level 0..LEVELS-1 one flat colour (zmin=-0.5)."""
    scale: list[list[object]] = []
    for _, colour, _, level in sorted(CELL_STATES.values(), key=lambda state: state[3]):
        scale += [[level / LEVELS, colour], [(level + 1) / LEVELS, colour]]
    return scale


def wrap(text: str | None, width: int = HOVER_WIDTH, separator: str = "<br>") -> str:
    """Text broken into lines of at most ``width`` characters (paragraphs kept)."""
    if not text:
        return ""
    return separator.join(
        separator.join(textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)) for paragraph in str(text).split("\n") if paragraph
    )


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


def fit_title(figure: go.Figure, *, width: int = TITLE_WIDTH) -> go.Figure:
    """Break a long title into lines that fit a phone screen (plotly does not wrap titles) and
    make room for the extra lines above the plot."""
    text = figure.layout.title.text or ""
    wrapped = balanced_wrap(text, width)
    extra_lines = wrapped.count("<br>")
    # Pinned to the top, so the demo mark above the plot never runs into it; plotly anchors a
    # title of several lines by its last line, hence the padding grows with the lines.
    figure.update_layout(title={"text": wrapped, "yref": "container", "y": 1, "yanchor": "top",
                                "pad": {"t": 10 + TITLE_LINE_HEIGHT * extra_lines}})
    if extra_lines:
        top = figure.layout.margin.t if figure.layout.margin.t is not None else 80
        figure.update_layout(margin_t=top + TITLE_LINE_HEIGHT * extra_lines)
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


def pillar_label(pillar_no: int, name: str, *, width: int | None = LABEL_WIDTH) -> str:
    """'1. Capacity building', wrapped for an axis when ``width`` is given."""
    label = f"{int(pillar_no)}. {name}"
    return wrap(label, width) if width else label


def _state(basis: object) -> str:
    return basis if isinstance(basis, str) and basis in CELL_STATES else "none"


def _cell_hover(row: dict, lang: str, row_label: str) -> str:
    """Hover text of one cell: row, pillar name and description, basis, and for mapped cells
    the objectives and the project's reasoning."""
    suffix = normalise_language(lang)
    state = _state(row["basis"])
    parts = [
        f"<b>{row_label}</b>",
        f"<b>{pillar_label(row['pillar_no'], row[f'pillar_name_{suffix}'], width=None)}</b>",
        wrap(row[f"description_{suffix}"]),
        f"<i>{t(CELL_STATES[state][2], lang)}</i>",
    ]
    objectives = row.get(f"objectives_{suffix}")
    if state == "mapped" and isinstance(objectives, str) and objectives:
        parts += [f"<b>{t('pillars.hover.objectives', lang)}</b>", wrap(objectives),
                  f"<b>{t('pillars.hover.rationale', lang)}</b>", wrap(row[f"rationale_{suffix}"])]
    return "<br>".join(parts)


def _grid_figure(frame: pd.DataFrame, *, row_key: str, row_labels: dict[str, str], lang: str,
                 title: str, legend_keys: tuple[str, ...], row_axis_key: str) -> go.Figure:
    """A rows x pillars heatmap with one symbol per cell, rows in the order of ``row_labels``."""
    suffix = normalise_language(lang)
    pillars = frame.drop_duplicates("pillar_no").sort_values("pillar_no")
    columns = [pillar_label(row.pillar_no, getattr(row, f"pillar_name_{suffix}")) for row in pillars.itertuples()]
    column_index = {int(number): position for position, number in enumerate(pillars["pillar_no"])}
    row_index = {code: position for position, code in enumerate(row_labels)}
    levels = [[0] * len(columns) for _ in row_labels]
    symbols = [[""] * len(columns) for _ in row_labels]
    hovers = [[""] * len(columns) for _ in row_labels]
    for row in frame.to_dict("records"):
        i, j = row_index[row[row_key]], column_index[int(row["pillar_no"])]
        symbol, _, _, level = CELL_STATES[_state(row["basis"])]
        levels[i][j], symbols[i][j] = level, symbol
        hovers[i][j] = _cell_hover(row, lang, row_labels[row[row_key]])
    figure = new_figure(go.Heatmap(
        z=levels, x=columns, y=list(row_labels.values()), text=symbols, texttemplate="%{text}",
        textfont={"size": 18, "color": theme.TEXT}, customdata=hovers,
        hovertemplate="%{customdata}<extra></extra>", colorscale=_discrete_colourscale(),
        zmin=-0.5, zmax=LEVELS - 0.5, showscale=False, xgap=3, ygap=3,
        name=t("pillars.axis.pillar", lang),
    ))
    base_layout(figure, title=title, lang=lang, demo=False)
    legend = legend_lines([t(key, lang) for key in legend_keys])
    figure.update_layout(
        title_subtitle_text=legend,
        height=190 + 46 * len(row_labels), margin={"t": 84 + SUBTITLE_LINE_HEIGHT * legend.count("<br>"), "b": 24},
        xaxis={"title": {"text": t("pillars.axis.pillar", lang)}, "side": "bottom", "showgrid": False,
               "fixedrange": True, "tickangle": 0, "tickfont": {"size": 11}},
        yaxis={"title": {"text": t(row_axis_key, lang)}, "autorange": "reversed", "showgrid": False,
               "fixedrange": True},
        plot_bgcolor="white", hoverlabel={"align": "left"},
    )
    return fit_title(figure)


def pillar_matrix_chart(frame: pd.DataFrame, *, lang: str) -> go.Figure:
    """Actions (rows, frame order) by pillars (columns) from ``queries.pillars.action_pillar_matrix``."""
    if frame.empty:
        return empty_chart(lang)
    suffix = normalise_language(lang)
    actions = frame.drop_duplicates("action_code")
    labels = dict(zip(actions["action_code"], actions[f"short_name_{suffix}"], strict=True))
    legend = ("pillars.legend.stated", "pillars.legend.mapped", "pillars.legend.none")
    return _grid_figure(frame, row_key="action_code", row_labels=labels, lang=lang,
                        title=t("pillars.matrix.title", lang), legend_keys=legend,
                        row_axis_key="pillars.axis.action")


def country_label(name: str, role: object, lang: str) -> str:
    """A country name, with its role in the Action when the source gives one."""
    if isinstance(role, str) and role:
        return f"{name} ({t(f'role.{role}', lang)})"
    return name


def country_pillar_chart(frame: pd.DataFrame, *, lang: str, action_name: str) -> go.Figure:
    """One Action's countries (rows, by name) by pillars, from ``queries.pillars.country_pillar_matrix``."""
    if frame.empty:
        return empty_chart(lang)
    suffix = normalise_language(lang)
    countries = frame.drop_duplicates("iso3").sort_values(f"name_{suffix}")
    labels = {row["iso3"]: country_label(row[f"name_{suffix}"], row["role"], lang)
              for row in countries.to_dict("records")}
    states = set(frame["basis"].dropna())
    legend = tuple(key for key, state in (
        ("pillars.legend.stated", "stated"), ("pillars.legend.mapped", "mapped"),
        ("pillars.legend.exception", "country exception"), ("pillars.legend.excluded", "excluded"),
    ) if state in states) + ("pillars.legend.none",)
    return _grid_figure(frame, row_key="iso3", row_labels=labels, lang=lang,
                        title=t("pillars.drill.title", lang, action=action_name), legend_keys=legend,
                        row_axis_key="pillars.axis.country")


def pillar_counts_chart(frame: pd.DataFrame, *, lang: str) -> go.Figure:
    """Grouped horizontal bars: Actions and countries applying each pillar, pillar 1 on top
    (``queries.pillars.pillar_counts``)."""
    if frame.empty or (frame["actions"].sum() == 0 and frame["countries"].sum() == 0):
        return empty_chart(lang)
    suffix = normalise_language(lang)
    labels = [pillar_label(row.pillar_no, getattr(row, f"name_{suffix}"), width=24) for row in frame.itertuples()]
    figure = new_figure()
    series = (("actions", "pillars.counts.actions", 0), ("countries", "pillars.counts.countries", 1))
    for column, name_key, index in series:
        name = t(name_key, lang)
        hover = "%{y}<br>" + name + t("pillars.colon", lang) + "%{x}"
        if column == "actions":
            customdata = [wrap(names, 50) for names in frame[f"action_names_{suffix}"]]
            hover += "<br>%{customdata}"
        else:
            customdata = None
        figure.add_bar(
            y=labels, x=frame[column].tolist(), name=name, orientation="h",
            text=[format_number(value, lang) for value in frame[column]], textposition="outside",
            marker={"color": theme.QUALITATIVE[index], "pattern": {"shape": theme.PATTERNS[index]}},
            customdata=customdata, hovertemplate=hover + "<extra></extra>", cliponaxis=False,
        )
    base_layout(figure, title=t("pillars.counts.title", lang), lang=lang, demo=False)
    note = wrap(t("pillars.mapped_note", lang), 50)  # the chart is narrower than the page on a phone
    top = max(int(frame["actions"].max()), int(frame["countries"].max()))
    # As tall as the pillar matrix beside it (six Actions), so neither leaves a hole under it; room
    # above the plot for the note and a legend that takes two lines on a phone.
    figure.update_layout(
        title_subtitle_text=note,
        barmode="group", height=190 + 46 * len(labels),
        margin={"t": 84 + SUBTITLE_LINE_HEIGHT * (note.count("<br>") + 2), "r": 40},
        legend={"orientation": "h", "y": 1.0, "x": 0, "xref": "container", "yanchor": "bottom",
                "traceorder": "normal"},
        xaxis={"title": {"text": t("pillars.counts.axis", lang)}, "range": [0, top * 1.15 + 1]},
        yaxis={"title": {"text": t("pillars.axis.pillar", lang)}, "autorange": "reversed",
               "tickfont": {"size": 11}},
    )
    return fit_title(figure)


def _hidden(text: str) -> html.Span:
    return html.Span(text, className="visually-hidden")


def pillar_matrix_table(frame: pd.DataFrame, *, lang: str) -> html.Table | html.P:
    """The Action x pillar matrix as an HTML table (symbols plus their meaning for screen readers)."""
    if frame.empty:
        return html.P(t("chart.empty", lang), className="text-muted")
    suffix = normalise_language(lang)
    pillars = frame.drop_duplicates("pillar_no").sort_values("pillar_no")
    header = html.Tr(
        [html.Th(t("pillars.axis.action", lang), scope="col")]
        + [html.Th(pillar_label(row.pillar_no, getattr(row, f"pillar_name_{suffix}"), width=None), scope="col",
                   title=getattr(row, f"description_{suffix}"))
           for row in pillars.itertuples()]
    )
    body = []
    for action_code, cells in frame.groupby("action_code", sort=False):
        row_cells = [html.Th(cells.iloc[0][f"short_name_{suffix}"], scope="row")]
        for cell in cells.sort_values("pillar_no").to_dict("records"):
            symbol, _, label_key, _ = CELL_STATES[_state(cell["basis"])]
            row_cells.append(html.Td([html.Span(symbol, **{"aria-hidden": "true"}), _hidden(t(label_key, lang))],
                                     className=f"pillars-cell pillars-cell-{_state(cell['basis']).replace(' ', '-')}",
                                     title=t(label_key, lang)))
        body.append(html.Tr(row_cells, **{"data-action": action_code}))
    return html.Table([html.Thead(header), html.Tbody(body)],
                      className="table table-sm table-bordered pillars-matrix-table mb-0")


def objective_mapping_table(frame: pd.DataFrame, *, lang: str) -> html.Table | html.P:
    """Objectives or result areas with the pillar this project maps each to
    (``queries.pillars.objective_mappings``)."""
    if frame.empty:
        return html.P(t("pillars.mapping.none", lang), className="text-muted")
    suffix = normalise_language(lang)
    header = html.Tr([html.Th(t(f"pillars.mapping.col.{column}", lang), scope="col")
                      for column in ("action", "objective", "pillar", "rationale")])
    rows = []
    for row in frame.to_dict("records"):
        kind_key = f"pillars.kind.{row['kind']}"
        kind = t(kind_key, lang, no=int(row["objective_no"])) if kind_key in TEXT else str(row["kind"])
        rows.append(html.Tr([
            html.Td(row[f"short_name_{suffix}"]),
            html.Td([html.Strong(kind), html.Br(), row[f"text_{suffix}"]]),
            html.Td(["◐ ", pillar_label(row["pillar_no"], row[f"pillar_name_{suffix}"], width=None)]),
            html.Td(row[f"rationale_{suffix}"]),
        ]))
    return html.Table([html.Thead(header), html.Tbody(rows)],
                      className="table table-sm table-striped pillars-mapping-table mb-0")


def exception_notes(frame: pd.DataFrame, *, lang: str) -> html.Div:
    """The country exceptions of one Action, each with its note in ``lang``
    (``queries.pillars.country_exceptions``)."""
    if frame.empty:
        return html.Div(html.P(t("pillars.drill.no_exception", lang), className="text-muted small mb-0"))
    suffix = normalise_language(lang)
    items = []
    for row in frame.to_dict("records"):
        pillars = ", ".join(part for part in str(row["applicable_pillars"]).split(";") if part)
        items.append(html.Li([
            html.Strong(f"{row[f'name_{suffix}']} ({t('pillars.drill.exception_pillars', lang, pillars=pillars)})"),
            " ", row[f"note_{suffix}"],
        ]))
    return html.Div([html.H3(t("pillars.drill.exceptions", lang), className="h6"), html.Ul(items, className="mb-0")])



# ---------------------------------------------------------------- text summaries
def _names(values: list[str], lang: str) -> str:
    return ", ".join(values) if values else t("pillars.summary.none", lang)


def pillar_matrix_summary(frame: pd.DataFrame, *, lang: str) -> str:
    """One sentence on the Action x pillar matrix: its size, cells by basis, the widest pillar."""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    states = frame["basis"].map(_state)
    covered = frame[states != "none"]
    widest = covered.groupby("pillar_no")["action_code"].nunique().sort_values(ascending=False, kind="stable")
    top = ""
    if not widest.empty:
        number = int(widest.index[0])
        name = frame.loc[frame["pillar_no"] == number, f"pillar_name_{suffix}"].iloc[0]
        top = " " + t("pillars.summary.matrix_top", lang, pillar=pillar_label(number, name, width=None),
                      count=format_number(int(widest.iloc[0]), lang))
    return t("pillars.summary.matrix", lang, actions=format_number(frame["action_code"].nunique(), lang),
             pillars=format_number(frame["pillar_no"].nunique(), lang),
             stated=format_number(int((states == "stated").sum()), lang),
             mapped=format_number(int((states == "mapped").sum()), lang),
             none=format_number(int((states == "none").sum()), lang)) + top


def pillar_counts_summary(frame: pd.DataFrame, *, lang: str) -> str:
    """One sentence on the counts per pillar: most and least applied pillar."""
    if frame.empty or (frame["actions"].sum() == 0 and frame["countries"].sum() == 0):
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    ranked = frame.sort_values(["countries", "actions", "pillar_no"], ascending=[False, False, True], kind="stable")

    def describe(row: pd.Series) -> dict[str, str]:
        return {"pillar": pillar_label(row["pillar_no"], row[f"name_{suffix}"], width=None),
                "actions": format_number(int(row["actions"]), lang),
                "countries": format_number(int(row["countries"]), lang)}

    text = t("pillars.summary.counts_top", lang, **describe(ranked.iloc[0]))
    if len(ranked) > 1:
        text += " " + t("pillars.summary.counts_bottom", lang, **describe(ranked.iloc[-1]))
    return text


def country_pillar_summary(frame: pd.DataFrame, *, lang: str, action_name: str) -> str:
    """One sentence on one Action's countries by pillar: how many countries, which have exceptions."""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    exceptional = frame[frame["basis"].isin(["country exception", "excluded"])]
    names = sorted(set(exceptional[f"name_{suffix}"]))
    return t("pillars.summary.drill", lang, action=action_name,
             countries=format_number(frame["iso3"].nunique(), lang), exceptions=_names(names, lang))


# ---------------------------------------------------------------- data behind the charts
def _column(key: str, lang: str) -> str:
    return t(f"pillars.col.{key}", lang)


def _basis_label(basis: object, lang: str) -> str:
    return t(CELL_STATES[_state(basis)][2], lang)


def _text_or_empty(value: object) -> str:
    return value if isinstance(value, str) else ""


def pillar_matrix_data(frame: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """The matrix's cells as a table: Action, pillar, coverage in words, and for mapped cells the
    objectives and this project's reasoning (``queries.pillars.action_pillar_matrix``)."""
    suffix = normalise_language(lang)
    return pd.DataFrame({
        _column("action_code", lang): frame["action_code"].astype(str),
        _column("action", lang): frame[f"short_name_{suffix}"].astype(str),
        _column("pillar_no", lang): frame["pillar_no"].astype(int),
        _column("pillar", lang): frame[f"pillar_name_{suffix}"].astype(str),
        _column("coverage", lang): [_basis_label(basis, lang) for basis in frame["basis"]],
        _column("objectives", lang): [_text_or_empty(text) for text in frame[f"objectives_{suffix}"]],
        _column("rationale", lang): [_text_or_empty(text) for text in frame[f"rationale_{suffix}"]],
    })


def pillar_counts_data(frame: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """Actions and countries applying each pillar, with the Actions' names
    (``queries.pillars.pillar_counts``)."""
    suffix = normalise_language(lang)
    if frame.empty or (frame["actions"].sum() == 0 and frame["countries"].sum() == 0):
        frame = frame.iloc[0:0]
    return pd.DataFrame({
        _column("pillar_no", lang): frame["pillar_no"].astype(int),
        _column("pillar", lang): frame[f"name_{suffix}"].astype(str),
        _column("actions", lang): frame["actions"].astype(int),
        _column("countries", lang): frame["countries"].astype(int),
        _column("action_names", lang): frame[f"action_names_{suffix}"].astype(str),
    })


def country_pillar_data(frame: pd.DataFrame, *, lang: str, action_code: str | None,
                        action_name: str) -> pd.DataFrame:
    """One Action's countries by pillar, coverage in words (``queries.pillars.country_pillar_matrix``)."""
    suffix = normalise_language(lang)
    ordered = frame.sort_values([f"name_{suffix}", "pillar_no"], kind="stable")
    roles = [t(f"role.{role}", lang) if isinstance(role, str) and role else t("role.none", lang)
             for role in ordered["role"]]
    return pd.DataFrame({
        _column("action_code", lang): [action_code or ""] * len(ordered),
        _column("action", lang): [action_name] * len(ordered),
        _column("country_code", lang): ordered["iso3"].astype(str).tolist(),
        _column("country", lang): ordered[f"name_{suffix}"].astype(str).tolist(),
        _column("role", lang): roles,
        _column("pillar_no", lang): ordered["pillar_no"].astype(int).tolist(),
        _column("pillar", lang): ordered[f"pillar_name_{suffix}"].astype(str).tolist(),
        _column("coverage", lang): [_basis_label(basis, lang) for basis in ordered["basis"]],
    })
