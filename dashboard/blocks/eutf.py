"""The EUTF part of a country profile: the projects and contracts that cover the country, as HTML.

Real figures (EUTF Akvo export of 17 Dec 2021, EUTF projects database of January 2022). The
country's own projects and contracts come first; regional ones follow under their own heading,
since their budgets are not the country's.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.i18n import TEXT, format_number, t


def _date(value: object) -> str | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()


def _dates(start: object, end: object, lang: str) -> str:
    """"from 2016-08-04 to 2019-08-04"; a missing date is said in words, never written "–"."""
    start, end = _date(start), _date(end)
    if start and end:
        return t("eutf.profile.dates", lang, start=start, end=end)
    if start or end:
        return t("eutf.profile.dates.start" if start else "eutf.profile.dates.end", lang, start=start, end=end)
    return t("eutf.profile.dates.none", lang)


def _action_link(code: str, lang: str) -> str:
    """The dashboard's classification in ``lang`` (Action codes stay as they are)."""
    key = f"eutf.action_link.{code}"
    return t(key, lang) if key in TEXT else code


def _item(row: dict, lang: str) -> html.Li:
    budget = row["budget_eur"]
    budget_text = "–" if budget is None or pd.isna(budget) else f"{format_number(float(budget), lang)} EUR"
    link = (html.A(t("eutf.profile.document", lang), href=row["action_document_url"], target="_blank",
                   rel="noopener noreferrer", title=t("map.profile.new_tab", lang))
            if row["action_document_url"] else html.Span(t("eutf.profile.no_document", lang), className="text-muted"))
    return html.Li(
        [
            html.Div([html.Strong(row["title"]), " ", html.Span(f"({row['iati_id']}, {t('eutf.level.' + row['level'], lang)})",
                                                               className="text-muted")]),
            html.Div([t("eutf.profile.budget", lang), html.Strong(budget_text), " · ",
                      _dates(row["date_start"], row["date_end"], lang)]),
            html.Div([t("eutf.profile.partners", lang), row["implementing_partners"] or "–"]),
            html.Div([t("eutf.profile.action_link", lang, link=_action_link(row["action_link"], lang)), " · ", link]),
        ],
        className="mb-2", **{"data-iati-id": row["iati_id"]},
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
        blocks.append(html.Ul([_item(row, lang) for row in own.to_dict("records")], className="small ps-3 mb-1"))
    if len(regional):
        blocks += [html.Div(t("eutf.profile.regional", lang), className="small fw-semibold"),
                   html.Ul([_item(row, lang) for row in regional.to_dict("records")], className="small ps-3 mb-1")]
    blocks.append(html.P(t("eutf.profile.classification", lang), className="small text-muted"))
    return blocks
