"""The About and methodology page: where every dataset comes from, the KMH, and how figures are made."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.auth import Permission, can
from dashboard.common.attributes import Child
from dashboard.common.methodology import methodology_section
from dashboard.common.pages import PageContext
from dashboard.i18n import format_number, name_column, t
from dashboard.store import reference

SEED_FILES = {
    "004_fe997082141e9e19.txt": "about.sources.seed_page",
    "000_19e65c49756c727c.txt": "about.sources.brochure",
}


def _table(header: list[str], rows: list[list[Child]]) -> dbc.Table:
    return dbc.Table(
        [
            html.Thead(html.Tr([html.Th(cell, scope="col") for cell in header])),
            html.Tbody([html.Tr([html.Td(cell) for cell in row]) for row in rows]),
        ],
        bordered=False,
        striped=True,
        size="sm",
        responsive=True,
        className="small",
    )


def _source_cell(source: str) -> Component:
    if source.startswith("http"):
        return html.A(
            source, href=source, target="_blank", rel="noopener noreferrer", className="text-break"
        )
    return html.Code(source, className="text-break")


def batch_row(batch, lang: str, *, manager: bool) -> list[Child]:
    """One batch of the store: file (or generator), table, rows, date. An imported survey file's
    name and row count are for data managers only: the count is an exact figure of the survey,
    outside the protected release, and a name can say who was surveyed where."""
    if batch.origin == "import" and batch.table_name == "survey_responses" and not manager:
        return [
            t("about.batches.survey_file", lang),
            batch.table_name,
            "–",
            str(batch.loaded_at)[:16],
        ]
    return [
        batch.file_name or batch.description,
        batch.table_name,
        format_number(batch.row_count, lang),
        str(batch.loaded_at)[:16],
    ]


def data_section(context: PageContext) -> html.Section:
    """What kind of data the charts show, with the batches that put it in the store."""
    lang, catalog = context.lang, context.catalog
    batches = reference.data_batches(context.cursor)
    lead: Component
    if catalog.is_demo:
        lead = dcc.Markdown(
            t(
                "about.data.demo",
                lang,
                seed=catalog.info.get("demo_seed", "?"),
                rows=catalog.info.get("demo_rows", "?"),
            )
        )
    elif catalog.data_origin == "imported":
        lead = html.P(t("about.data.imported", lang))
    else:
        lead = html.P(t("about.data.empty", lang))
    rows = [
        batch_row(row, lang, manager=can(Permission.MANAGE_DATA)) for row in batches.itertuples()
    ]
    return html.Section(
        [
            html.H2(t("about.data.title", lang), className="h4"),
            lead,
            _table(
                [
                    t("about.batches.file", lang),
                    t("about.batches.table", lang),
                    t("about.batches.rows", lang),
                    t("about.batches.loaded", lang),
                ],
                rows,
            )
            if rows
            else html.Div(),
            html.P(t("about.data.published", lang)),
        ],
        className="mb-4",
    )


def sources_section(context: PageContext) -> html.Section:
    """The seed documents and the source of every reference table's rows."""
    lang = context.lang
    summary = reference.source_summary(context.cursor)
    return html.Section(
        [
            html.H2(t("about.sources.title", lang), className="h4"),
            html.P(t("about.sources.intro", lang)),
            html.Ul(
                [
                    html.Li([html.Code(name), " — ", t(key, lang)])
                    for name, key in SEED_FILES.items()
                ]
            ),
            _table(
                [
                    t("about.sources.table", lang),
                    t("about.sources.source", lang),
                    t("about.sources.rows", lang),
                ],
                [
                    [
                        row["table_name"],
                        _source_cell(row["source"]),
                        format_number(row["row_count"], lang),
                    ]
                    for row in summary.to_dict("records")
                ],
            ),
            html.P(t("about.sources.geometry", lang), className="small"),
            html.H3(t("about.disagreements.title", lang), className="h5"),
            html.P(t("about.disagreements.items", lang), className="small"),
        ],
        className="mb-4",
    )


def kmh_section(context: PageContext) -> html.Section:
    """The KMH and its four components, from the brochure."""
    lang = context.lang
    components = reference.kmh_components(context.cursor)
    return html.Section(
        [
            html.H2(t("about.kmh.title", lang), className="h4"),
            html.P(t("about.kmh.intro", lang)),
            html.Ol(
                [
                    html.Li(
                        [html.Strong(row[name_column(lang)]), html.Br(), row[f"description_{lang}"]]
                    )
                    for row in components.to_dict("records")
                ]
            ),
        ],
        className="mb-4",
    )


def indicators_section(context: PageContext) -> html.Section:
    """Indicator definitions and the pillar each belongs to."""
    lang, catalog = context.lang, context.catalog
    indicators = reference.indicators(context.cursor)
    return html.Section(
        [
            html.H2(t("about.indicators.title", lang), className="h4"),
            html.P(t("about.indicators.intro", lang)),
            _table(
                [
                    t("about.indicators.name", lang),
                    t("about.indicators.pillar", lang),
                    t("about.indicators.definition", lang),
                ],
                [
                    [
                        row[name_column(lang)],
                        catalog.pillars[int(row["pillar_no"])].name(lang),
                        row[f"definition_{lang}"],
                    ]
                    for row in indicators.to_dict("records")
                ],
            ),
            html.H3(t("about.import.title", lang), className="h5"),
            dcc.Markdown(t("about.import.text", lang)),
        ],
        className="mb-4",
    )


def eutf_section(lang: str) -> html.Section:
    """The EUTF sources, the acknowledgement their reuse asks for, and what the figures mean."""
    return html.Section(
        [
            html.H2(t("about.eutf.title", lang), className="h4"),
            dcc.Markdown(t("about.eutf.sources", lang)),
            html.P(t("about.eutf.acknowledgement", lang), className="small fst-italic"),
            html.H3(t("about.eutf.meaning_title", lang), className="h5"),
            dcc.Markdown(t("about.eutf.meaning", lang)),
        ],
        id="about-eutf",
        className="mb-4",
    )


def layout(context: PageContext) -> html.Div:
    """The page."""
    lang = context.lang
    return html.Div(
        [
            html.H1(t("about.title", lang), className="h3 mb-3"),
            html.P(t("about.intro", lang), className="lead"),
            dbc.Row(
                [
                    dbc.Col(
                        [data_section(context), sources_section(context), eutf_section(lang)], lg=7
                    ),
                    dbc.Col([kmh_section(context), indicators_section(context)], lg=5),
                ]
            ),
            html.Section(
                [
                    html.H2(t("about.methodology.title", lang), className="h4"),
                    methodology_section(lang, context.settings, context.catalog.release),
                ],
                id="about-methodology",
                className="mb-4",
            ),
            html.P(t("map.disclaimer", lang), className="small text-muted fst-italic"),
        ],
        id="about-page",
    )
