"""What every API endpoint shares: the chart request a query describes (the same one a page's
chart answers), the kind of data a chart shows, and the store version for cache tags."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlencode

import pandas as pd

from dashboard.auth import current_user
from dashboard.build.release.utility import interval_coverage_text
from dashboard.common.charts import ChartRequest, ChartSpec
from dashboard.common.data_kinds import SURVEY_RELEASE, kind_code, kind_source, kind_text
from dashboard.common.describe import filter_summary
from dashboard.i18n import t
from dashboard.store.context import AppContext

from . import options as page_options
from .errors import ApiError
from .params import ApiQuery


@dataclass(frozen=True)
class ChartAnswer:
    """A chart's data for one query, with what the API says about it."""

    chart: ChartSpec
    request: ChartRequest
    frame: pd.DataFrame
    kind: str
    kind_label: str
    kind_code: str
    source: str


def store_version(context: AppContext) -> str:
    """The served store version this request is pinned to (a new import changes every ETag)."""
    return context.store_version


def permissions_key() -> str:
    """The current user's permissions: exact statistics differ by role, so cached answers do too."""
    return ",".join(sorted(current_user().permissions))


def chart_request(
    context: AppContext, query: ApiQuery, options: Mapping[str, str] | None = None
) -> ChartRequest:
    """The request a chart's data function answers, as the page's export builds it from its address."""
    return ChartRequest(
        cursor=context.cursor(),
        catalog=context.catalog,
        settings=context.settings,
        selection=query.selection,
        params=dict(query.options if options is None else options),
        lang=query.lang,
    )


def kind_of(chart: ChartSpec, request: ChartRequest, context: AppContext) -> tuple[str, str]:
    """(code, words) of the kind of data ``chart`` shows for ``request``, as its export header says."""
    kind = chart.kind_of(request)
    return kind, kind_text(kind, context.catalog, context.imported_files, request.lang)


def answer_chart(
    context: AppContext,
    chart: ChartSpec,
    query: ApiQuery,
    options: Mapping[str, str] | None = None,
    *,
    strict: bool = True,
) -> ChartAnswer:
    """The chart's data for ``query``, by the chart's own data function.

    Raises:
        ApiError: (``strict``) an option value the chart's page would ignore.
    """
    request = chart_request(context, query, options)
    resolved, dropped = page_options.resolve_options(chart.page, request)
    if strict and dropped:
        name, value = dropped[0]
        raise ApiError(
            400,
            f"Unknown value {value!r} for option {name!r} of the {chart.page} page.",
            parameter=name,
        )
    request = replace(request, params=resolved)
    kind, label = kind_of(chart, request, context)
    return ChartAnswer(
        chart,
        request,
        chart.data(request),
        kind,
        label,
        kind_code(kind, context.catalog),
        kind_source(kind, context.catalog, context.imported_files, request.lang),
    )


def filter_notes(chart: ChartSpec, selection, lang: str) -> list[str]:
    """Filters of the request that a chart does not apply, in words (the pillar filter on survey charts)."""
    if chart.page == "sustainability" and selection.pillars:
        return [t("filters.pillar_not_applicable", lang)]
    return []


def chart_notes(answer: ChartAnswer, selection, lang: str) -> list[str]:
    """What a chart's answer must say besides its numbers: filters it does not apply, and for
    figures of the protected release what their intervals leave out (the release's noise) and
    how often they held."""
    notes = filter_notes(answer.chart, selection, lang)
    if answer.kind == SURVEY_RELEASE:
        notes.append(intervals_note(lang))
    return notes


def intervals_note(lang: str) -> str:
    """What the survey figures' 95% intervals show, and their measured coverage."""
    return t("sustainability.intervals_note", lang, coverage=interval_coverage_text(lang))


def chart_meta(
    context: AppContext, answer: ChartAnswer, query: ApiQuery, page_paths: Mapping[str, str]
) -> dict[str, object]:
    """What the JSON answer says about a chart's data: title, kind, source, filters, links."""
    chart, lang = answer.chart, query.lang
    address = page_address(page_paths, chart.page, query.filter_items(), lang)
    return {
        "chart": chart.key,
        "page": chart.page,
        "title": t(chart.title_key, lang),
        "lang": lang,
        "kind_of_data": {"code": answer.kind_code, "label": answer.kind_label},
        "source": answer.source,
        "filters": dict(query.selection.to_query_items()),
        "options": dict(query.options),
        "filters_text": filter_summary(query.selection, context.catalog, lang),
        "suppression": {
            "min_group_size": context.settings.min_group_size,
            "note": "groups smaller than min_group_size carry no value (null); every group a view "
            "offers is listed, whether it holds nobody or a few",
        },
        "notes": chart_notes(answer, query.selection, lang),
        "dashboard_url": address,
        "embed_url": f"/embed/{chart.key}" + address.partition("?")[1] + address.partition("?")[2],
    }


def page_address(
    page_paths: Mapping[str, str], page: str, items: list[tuple[str, str]], lang: str
) -> str:
    """The dashboard address showing ``page`` with these filters and options."""
    return page_paths.get(page, "/") + "?" + urlencode([*items, ("lang", lang)], safe=",")
