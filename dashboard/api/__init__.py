"""The open-data surface of the dashboard: the read-only API (``/api/v1``), the "download all
data" zip, embeddable charts (``/embed/<chart>``) and the page where analysts manage API tokens.

``install_api`` is called once by ``create_app`` with the chart registry the pages use, so every
chart of every page is served, documented and embeddable without code of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException

from dashboard.auth.rate_limits import RateLimits, spend_export
from dashboard.common.charts import ChartSpec
from dashboard.i18n import LANGUAGES
from dashboard.store.context import AppContext

from .bundle import build_bundle, bundle_filename
from .docs import docs_page
from .embed import install_embeds
from .errors import ApiError
from .openapi import openapi_document
from .options import option_params
from .params import parse_query
from .render import json_response
from .routes import PREFIX, endpoint, install_routes
from .tokens_page import install_tokens_page

__all__ = ["ApiError", "install_api"]


def method_not_allowed(error: HTTPException) -> Response | HTTPException:
    """The API is read-only: another method than GET gets a JSON 405 there (other paths as before)."""
    if request.path.startswith(PREFIX):
        response = json_response({"error": "The API is read-only: use GET.", "status": 405}, 405)
        response.headers["Allow"] = "GET, HEAD, OPTIONS"
        return response
    return error


def install_api(
    server: Flask,
    context: AppContext,
    charts: Mapping[str, ChartSpec],
    page_paths: Mapping[str, str],
    limits: RateLimits,
) -> None:
    """Add the API, the zip download, the embeds and the tokens page to ``server``.

    Args:
        charts: every chart of every page, by key (the pages' ``CHARTS`` registries).
        page_paths: each page's address, by page key (links back to the dashboard).
        limits: the app's rate limits (API per client, embeds per address, the zip as an export).
    """

    def download_all() -> Response:
        spend_export()
        all_options = sorted(
            {name for chart in charts.values() for name in option_params(chart.page)}
        )
        query = parse_query(
            request.query_string.decode("latin-1"),
            context.catalog,
            default_lang=context.settings.language,
            options=all_options,
            extra=("hxl",),
        )
        hxl = request.args.get("hxl", "") not in ("", "0", "false", "no")
        content = build_bundle(context, charts, query, hxl=hxl)
        response = Response(content, mimetype="application/zip")
        name = bundle_filename(context, query, hxl=hxl, on=dt.datetime.now(dt.UTC).date())
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def openapi() -> Response:
        return json_response(openapi_document(charts, request.host_url))

    def docs() -> tuple[str, int]:
        lang = request.args.get("lang")
        lang = lang if lang in LANGUAGES else context.settings.language
        return docs_page(charts, lang, request.host_url.rstrip("/")), 200

    server.add_url_rule(
        PREFIX + "/download.zip",
        "api_download_all",
        limits.api_limit()(endpoint(context)(download_all)),
        methods=["GET"],
    )
    server.add_url_rule(PREFIX + "/openapi.json", "api_openapi", openapi, methods=["GET"])
    server.add_url_rule(PREFIX + "/docs", "api_docs", docs, methods=["GET"])
    install_routes(server, context, charts, limits.api_limit(), page_paths)
    install_embeds(server, context, charts, page_paths, limits.embed_limit())
    server.register_error_handler(405, method_not_allowed)
    install_tokens_page(server, context.settings)
