"""HTML blocks of the map page built from data: the country profile, its EUTF projects and contracts,
and the global-component note.

The EUTF part holds real figures (EUTF Akvo export of 17 Dec 2021, EUTF projects database of January
2022). The country's own projects and contracts come first; regional ones follow under their own
heading, since their budgets are not the country's."""

from __future__ import annotations

import pandas as pd
from dash import html
from dash.development.base_component import Component

from dashboard.cells import iso_date, number, timestamp
from dashboard.common.attributes import Child, Children, attributes
from dashboard.common.data_kinds import MAPPED_PILLAR_ACTIONS
from dashboard.i18n import TEXT, format_number, format_percent, t, with_unit
from dashboard.map.labels import lang_column, pillar_numbers, role_text
from dashboard.store.catalog import Catalog


def global_note(components: pd.DataFrame, *, lang: str) -> list:
    """The note about components that have no country (the Pilot Action's KMH), or []."""
    if components.empty:
        return []
    items = []
    for row in components.to_dict("records"):
        stamp = timestamp(row["established"])
        established = "–" if stamp is None else stamp.year
        items.append(
            html.P(
                [
                    html.Strong(
                        t(
                            "map.global.text",
                            lang,
                            name=row[lang_column("name", lang)],
                            action=row[lang_column("action_short", lang)],
                            year=established,
                        )
                    ),
                    " ",
                    row[lang_column("note", lang)] or "",
                ],
                className="mb-0",
            )
        )
    return [html.Div(t("map.global.heading", lang), className="fw-semibold"), *items]


def published_label(code: str, catalog: Catalog, lang: str) -> str:
    """The name of a published figure's indicator: the store's indicator name, else the page's."""
    if code in catalog.indicators:
        return catalog.indicators[code].name(lang)
    key = f"map.pub.{code}"
    return t(key, lang) if key in TEXT else code.replace("_", " ")


def published_value(code: str, value: float, qualifier: str, lang: str) -> str:
    """'more than 15,000', 'exactly €18,000,000', '84%': the qualifier then the value in its unit."""
    if code.endswith("_pct"):
        number = format_percent(value / 100, lang)
    elif code.endswith("_eur"):
        number = t("map.unit.eur", lang, value=format_number(value, lang))
    else:
        number = format_number(value, lang)
    key = f"map.qualifier.{qualifier}"
    return f"{t(key, lang)} {number}" if key in TEXT else f"{qualifier} {number}"


def _date_range(start: str | None, end: str | None, lang: str) -> str:
    """ "2017-05-01 to 2023-02-28"; a date not published is said in words ("du non publiée" reads wrong)."""
    if start and end:
        return t("map.profile.date_range", lang, start=start, end=end)
    if start or end:
        return t(
            "map.profile.date_start" if start else "map.profile.date_end",
            lang,
            start=start,
            end=end,
        )
    return t("map.profile.date_unknown", lang)


def _definition_list(pairs: list[tuple[str, Children]]) -> html.Dl:
    children: list = []
    for term, description in pairs:
        children += [
            html.Dt(term, className="col-4 fw-normal text-muted"),
            html.Dd(description, className="col-8 mb-1"),
        ]
    return html.Dl(children, className="row small mb-2")


def _facts_block(facts: pd.DataFrame, catalog: Catalog, lang: str) -> list:
    blocks: list[Component] = []
    for row in facts.to_dict("records"):
        start, end = iso_date(row["start_date"]), iso_date(row["end_date"])
        dates: list = [_date_range(start, end, lang)]
        if row["dates_source"]:
            dates += [
                " (",
                html.A(
                    t("map.profile.dates_source", lang),
                    href=row["dates_source"],
                    target="_blank",
                    rel="noopener noreferrer",
                    title=t("map.profile.new_tab", lang),
                ),
                ")",
            ]
        blocks.append(
            _definition_list(
                [
                    (
                        t("map.profile.action", lang),
                        [
                            html.Strong(row[lang_column("action_short", lang)]),
                            html.Br(),
                            html.Span(
                                row[lang_column("action_name", lang)], className="text-muted"
                            ),
                        ],
                    ),
                    (t("map.profile.region", lang), row[lang_column("region_name", lang)]),
                    (t("map.profile.status", lang), row[lang_column("status_name", lang)]),
                    (t("map.profile.role", lang), role_text(row["role"], lang)),
                    (t("map.profile.dates", lang), dates),
                ]
            )
        )
        pillars = pillar_numbers(row["pillars"])
        mapped = row["action_code"] in MAPPED_PILLAR_ACTIONS
        blocks.append(
            html.H3(
                [
                    t("map.profile.pillars", lang),
                    html.Small(
                        f" ({t('pillars.mapped_mark', lang)})", className="text-muted fw-normal"
                    )
                    if mapped and pillars
                    else None,
                ],
                className="h6 mt-2",
            )
        )
        blocks.append(
            html.Ul(
                [
                    html.Li(
                        catalog.pillars[number].name(lang)
                        if number in catalog.pillars
                        else str(number),
                        **attributes({"data-pillar": str(number)}),
                    )
                    for number in pillars
                ],
                className="small mb-1 map-profile-pillars",
            )
            if pillars
            else html.P(t("map.profile.pillars_none", lang), className="small")
        )
        note = row[lang_column("pillar_note", lang)]
        if isinstance(note, str) and note:
            blocks.append(html.P(note, className="small text-muted fst-italic"))
    return blocks


def _headline_block(headline: pd.DataFrame, lang: str, demo: bool) -> list:
    heading: list[Child] = [t("map.profile.headline", lang)]
    if demo:
        heading += [
            " ",
            html.Span(
                t("chart.demo_mark", lang),
                className="badge text-bg-warning align-middle",
                title=t("map.profile.demo_note", lang),
            ),
        ]
    blocks: list = [html.H3(heading, className="h6 mt-3")]
    if headline.empty:
        return blocks + [
            html.P(t("map.profile.headline_empty", lang), className="small text-muted")
        ]
    items = []
    for row in headline.to_dict("records"):
        items.append(
            html.Li(
                [
                    html.Span(row[lang_column("name", lang)]),
                    t("map.colon", lang),
                    html.Strong(
                        format_number(row["value"], lang),
                        **attributes({"data-indicator": row["indicator_code"]}),
                    ),
                    html.Br(),
                    html.Small(row[lang_column("definition", lang)], className="text-muted"),
                ],
                className="mb-1",
            )
        )
    blocks.append(html.Ul(items, className="list-unstyled small mb-1 map-profile-headline"))
    if demo:
        blocks.append(html.P(t("map.profile.demo_note", lang), className="small text-muted mb-1"))
    return blocks


def _published_block(
    published: pd.DataFrame, facts: pd.DataFrame, catalog: Catalog, lang: str
) -> list:
    blocks: list = [
        html.H3(t("map.profile.published", lang), className="h6 mt-3"),
        html.P(t("map.profile.published_caption", lang), className="small text-muted mb-1"),
    ]
    if published.empty:
        return blocks + [html.P(t("map.profile.published_empty", lang), className="small")]
    country = facts.iloc[0][lang_column("country_name", lang)] if not facts.empty else ""
    groups = []
    for level in ("country", "action", "initiative"):
        rows = published[published["level"] == level]
        for action_code, action_rows in rows.groupby("action_code", sort=False):
            action_code = str(action_code)
            action = (
                catalog.actions[action_code].name(lang)
                if action_code in catalog.actions
                else action_code
            )
            label = t(f"map.profile.level.{level}", lang, country=country, action=action)
            items = [
                html.Li(
                    [
                        published_label(row["indicator"], catalog, lang),
                        t("map.colon", lang),
                        html.Strong(
                            published_value(row["indicator"], row["value"], row["qualifier"], lang)
                        ),
                        " ",
                        html.Span(
                            t("map.profile.as_of", lang, date=iso_date(row["as_of"])),
                            className="text-muted",
                        ),
                        " · ",
                        html.A(
                            t("map.profile.source", lang),
                            href=row["source_url"],
                            target="_blank",
                            rel="noopener noreferrer",
                            title=t("map.profile.new_tab", lang),
                        ),
                    ],
                    **attributes({"data-figure-id": str(row["figure_id"])}),
                )
                for row in action_rows.to_dict("records")
            ]
            groups.append(
                html.Div(
                    [
                        html.Div(label, className="small fw-semibold"),
                        html.Ul(items, className="small mb-2 map-profile-published"),
                    ],
                    **attributes({"data-level": level}),
                )
            )
    return blocks + groups


def country_profile(
    facts: pd.DataFrame,
    headline: pd.DataFrame,
    published: pd.DataFrame,
    *,
    catalog: Catalog,
    lang: str,
    demo: bool,
) -> tuple[str, list, list]:
    """The title of the country profile panel, its body above the trend chart (facts and
    headline indicators) and its part under the trend (published figures).

    Args:
        facts: ``queries.country_facts`` rows (empty: the hint is shown instead).
        headline: ``queries.country_headline`` rows under the current filters.
        published: ``queries.published_for_country`` rows, shown apart and never combined
            with ``headline``.
        catalog: names of pillars, Actions and indicators.
        lang: interface language.
        demo: whether the indicator values are demo data.
    """
    if facts.empty:
        return (
            t("map.profile.heading", lang),
            [html.P(t("map.profile.hint", lang), className="small text-muted screen-only")],
            [],
        )
    country = str(facts.iloc[0][lang_column("country_name", lang)])
    body = [*_facts_block(facts, catalog, lang), *_headline_block(headline, lang, demo)]
    return country, body, _published_block(published, facts, catalog, lang)


def _dates(start: object, end: object, lang: str) -> str:
    """ "from 2016-08-04 to 2019-08-04"; a missing date is said in words, never written "–"."""
    start, end = iso_date(start), iso_date(end)
    if start and end:
        return t("eutf.profile.dates", lang, start=start, end=end)
    if start or end:
        return t(
            "eutf.profile.dates.start" if start else "eutf.profile.dates.end",
            lang,
            start=start,
            end=end,
        )
    return t("eutf.profile.dates.none", lang)


def _action_link(code: str, lang: str) -> str:
    """The dashboard's classification in ``lang`` (Action codes stay as they are)."""
    key = f"eutf.action_link.{code}"
    return t(key, lang) if key in TEXT else code


def _item(row: dict, lang: str) -> html.Li:
    budget = number(row["budget_eur"])
    budget_text = "–" if budget is None else with_unit(format_number(budget, lang), "EUR", lang)
    link = (
        html.A(
            t("eutf.profile.document", lang),
            href=row["action_document_url"],
            target="_blank",
            rel="noopener noreferrer",
            title=t("map.profile.new_tab", lang),
        )
        if row["action_document_url"]
        else html.Span(t("eutf.profile.no_document", lang), className="text-muted")
    )
    return html.Li(
        [
            html.Div(
                [
                    html.Strong(row["title"]),
                    " ",
                    html.Span(
                        f"({row['iati_id']}, {t('eutf.level.' + row['level'], lang)})",
                        className="text-muted",
                    ),
                ]
            ),
            html.Div(
                [
                    t("eutf.profile.budget", lang),
                    html.Strong(budget_text),
                    " · ",
                    _dates(row["date_start"], row["date_end"], lang),
                ]
            ),
            html.Div([t("eutf.profile.partners", lang), row["implementing_partners"] or "–"]),
            html.Div(
                [
                    t(
                        "eutf.profile.action_link",
                        lang,
                        link=_action_link(row["action_link"], lang),
                    ),
                    " · ",
                    link,
                ]
            ),
        ],
        className="mb-2",
        **attributes({"data-iati-id": row["iati_id"]}),
    )


def contracts_block(contracts: pd.DataFrame, *, lang: str) -> list:
    """Heading, the country's own projects and contracts, then the regional ones, with the source."""
    heading = html.H3(t("eutf.profile.heading", lang), className="h6 mt-2 mb-1")
    source = html.P(t("kind.eutf", lang), className="small text-muted mb-1")
    if contracts.empty:
        return [heading, html.P(t("eutf.profile.none", lang), className="small"), source]
    own = contracts[contracts["country_count"] == 1]
    regional = contracts[contracts["country_count"] > 1]
    blocks = [heading, source]
    if len(own):
        blocks.append(
            html.Ul(
                [_item(row, lang) for row in own.to_dict("records")], className="small ps-3 mb-1"
            )
        )
    if len(regional):
        blocks += [
            html.Div(t("eutf.profile.regional", lang), className="small fw-semibold"),
            html.Ul(
                [_item(row, lang) for row in regional.to_dict("records")],
                className="small ps-3 mb-1",
            ),
        ]
    blocks.append(html.P(t("eutf.profile.classification", lang), className="small text-muted"))
    return blocks
