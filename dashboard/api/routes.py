"""``/api/v1``: the data behind every chart and the reference tables, as JSON or CSV.

Every endpoint goes through the API's rate limit (Flask-Limiter, ``dashboard.auth.rate_limits``: one
budget per client for every worker and server) and ``endpoint``: errors as JSON with a 4xx
status (nothing else reaches the client: an unexpected failure is a 500 JSON without details),
and cache headers (an ETag of the store version, the path, the query and the user's permissions).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from functools import wraps

from flask import Flask, Response, request

from dashboard.auth import Permission, can
from dashboard.common.charts import ChartSpec
from dashboard.common.data_kinds import kind_code, kind_source, kind_text
from dashboard.i18n import plain_texts, t
from dashboard.store.context import AppContext
from dashboard.store.door import QueryTimeout

from . import options as page_options
from .errors import ApiError
from .params import ApiQuery, parse_query
from .reference import reference_tables
from .render import entity_tag, json_response, not_modified, table_response
from .service import answer_chart, chart_meta, permissions_key, store_version

PREFIX = "/api/v1"
LOG = logging.getLogger(__name__)


def endpoint(context: AppContext, *, permission: Permission = Permission.EXPORT):
    """Wrap a view: permission, JSON errors, cache headers and 304 answers.

    The ETag covers the store version, the path, the query, the Accept header and the user's
    permissions: everything an answer depends on.
    """

    def wrap(view: Callable[..., Response]) -> Callable[..., Response]:
        @wraps(view)
        def run(**kwargs: object) -> Response:
            try:
                if not can(permission):
                    raise ApiError(
                        403, "Your role does not allow downloading data through the API."
                    )
                tag = entity_tag(
                    store_version(context),
                    request.path,
                    request.query_string.decode("latin-1"),
                    request.headers.get("Accept", ""),
                    permissions_key(),
                )
                if not_modified(tag):
                    response = Response(status=304)
                else:
                    with plain_texts():  # files and answers keep their texts' plain spelling
                        response = view(**kwargs)
                response.headers["ETag"] = tag
                response.headers["Cache-Control"] = cache_control(context)
                response.headers["Vary"] = "Accept, Authorization, Cookie"
                return response
            except ApiError as error:
                response = json_response(error.body(), error.status)
                response.headers.update(error.headers)
                response.headers["Cache-Control"] = "no-store"
                return response
            except QueryTimeout as error:  # the store's time limit: one line, try again or narrow
                response = json_response({"error": str(error), "status": 503}, 503)
                response.headers["Cache-Control"] = "no-store"
                response.headers["Retry-After"] = "5"
                return response
            except Exception:  # no traceback reaches a client
                LOG.exception("API request failed: %s", request.full_path)
                response = json_response(
                    {"error": "The server could not answer this request.", "status": 500}, 500
                )
                response.headers["Cache-Control"] = "no-store"
                return response

        return run

    return wrap


def cache_control(context: AppContext) -> str:
    """Public caching for the open demo; a private deployment's answers stay private and revalidated."""
    return "public, max-age=300" if context.settings.auth_mode == "open" else "private, no-cache"


def checked_query(
    context: AppContext, chart: ChartSpec | None = None, extra: tuple[str, ...] = ()
) -> ApiQuery:
    """The request's query, checked for a chart's page options (or none)."""
    options = page_options.option_params(chart.page) if chart is not None else ()
    return parse_query(
        request.query_string.decode("latin-1"),
        context.catalog,
        accept=request.headers.get("Accept", ""),
        default_lang=context.settings.language,
        options=options,
        extra=extra,
    )


def kept_items(query: ApiQuery) -> list[tuple[str, str]]:
    """Parameters the paging links repeat."""
    items = [*query.filter_items(), ("lang", query.lang)]
    return [*items, ("format", query.format)] if query.format != "json" else items


def install_routes(
    server: Flask,
    context: AppContext,
    charts: Mapping[str, ChartSpec],
    rate_limit: Callable,
    page_paths: Mapping[str, str],
) -> None:
    """Add the chart and reference endpoints to ``server``, each under ``rate_limit``."""
    tables = reference_tables()

    def index() -> Response:
        query = checked_query(context)
        return json_response(
            {
                "title": t("app.title", query.lang),
                "version": "v1",
                "openapi": f"{PREFIX}/openapi.json",
                "docs": f"{PREFIX}/docs",
                "charts": f"{PREFIX}/charts",
                "reference": f"{PREFIX}/reference",
                "download_all": f"{PREFIX}/download.zip",
            }
        )

    def chart_list() -> Response:
        query = checked_query(context)
        listed = [
            {
                "chart": chart.key,
                "page": chart.page,
                "title": t(chart.title_key, query.lang),
                "options": list(page_options.option_params(chart.page)),
                "url": f"{PREFIX}/charts/{chart.key}",
                "embed": f"/embed/{chart.key}",
            }
            for chart in charts.values()
        ]
        return json_response({"charts": listed})

    def chart_data(key: str) -> Response:
        chart = charts.get(key)
        if chart is None:
            raise ApiError(
                404,
                f"Unknown chart {key[:64]!r}; the list is at {PREFIX}/charts.",
                parameter="chart",
            )
        query = checked_query(context, chart)
        answer = answer_chart(context, chart, query)
        return table_response(
            answer.frame,
            query,
            chart_meta(context, answer, query, page_paths),
            kind_label=answer.kind_label,
            kind_code=answer.kind_code,
            keep=kept_items(query),
        )

    def reference_list() -> Response:
        query = checked_query(context)
        return json_response(
            {
                "tables": [
                    {
                        "name": table.name,
                        "description": t(f"api.reference.{table.name}", query.lang),
                        "kind_of_data": kind_code(table.kind, context.catalog),
                        "url": f"{PREFIX}/reference/{table.name}",
                    }
                    for table in tables.values()
                ]
            }
        )

    def reference_data(name: str) -> Response:
        table = tables.get(name)
        if table is None:
            raise ApiError(
                404,
                f"Unknown reference table {name[:64]!r}; the list is at {PREFIX}/reference.",
                parameter="table",
            )
        query = checked_query(context)
        if query.filter_items():
            raise ApiError(
                400, "Reference tables take no filters.", parameter=query.filter_items()[0][0]
            )
        frame = table.query(context.cursor())
        label = kind_text(table.kind, context.catalog, context.imported_files, query.lang)
        code = kind_code(table.kind, context.catalog)
        meta = {
            "table": table.name,
            "description": t(f"api.reference.{table.name}", query.lang),
            "lang": query.lang,
            "kind_of_data": {"code": code, "label": label},
            "source": kind_source(table.kind, context.catalog, context.imported_files, query.lang),
        }
        return table_response(
            frame, query, meta, kind_label=label, kind_code=code, keep=kept_items(query)
        )

    def unknown(rest: str = "") -> Response:
        raise ApiError(
            404, f"No such API address; the endpoints are listed at {PREFIX}/openapi.json."
        )

    view_only, data = Permission.VIEW, Permission.EXPORT
    routes = (
        ("", "api_index", index, view_only),
        ("/charts", "api_charts", chart_list, view_only),
        ("/charts/<path:key>", "api_chart", chart_data, data),
        ("/reference", "api_reference", reference_list, view_only),
        ("/reference/<path:name>", "api_reference_table", reference_data, data),
        ("/<path:rest>", "api_unknown", unknown, view_only),
    )
    for path, name, view, permission in routes:
        server.add_url_rule(
            PREFIX + path,
            name,
            rate_limit(endpoint(context, permission=permission)(view)),
            methods=["GET"],
        )
    server.add_url_rule(
        "/api/<path:rest>",
        "api_unknown_version",
        rate_limit(endpoint(context, permission=view_only)(unknown)),
        methods=["GET"],
    )
