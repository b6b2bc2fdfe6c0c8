"""The OpenAPI 3 document of ``/api/v1``, built from the chart registry and the reference tables,
so a chart added to a page is documented without more code."""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.common.charts import ChartSpec
from dashboard.i18n import LANGUAGES, t
from dashboard.selection import URL_KEYS

from . import options as page_options
from .params import DEFAULT_LIMIT, MAX_CSV_ROWS, MAX_LIMIT
from .reference import reference_tables

FILTER_HELP = {
    "region": "Region codes, comma-separated (see /api/v1/reference/regions).",
    "status": "Action statuses, comma-separated (see /api/v1/reference/statuses).",
    "action": "Action codes, comma-separated (see /api/v1/reference/actions).",
    "country": "ISO3 country codes, comma-separated (see /api/v1/reference/countries).",
    "pillar": "Pillar numbers 1-6, comma-separated.",
    "from": "First quarter, e.g. 2019-Q1.",
    "to": "Last quarter, e.g. 2021-Q4.",
}


def _parameter(name: str, description: str, schema: dict | None = None) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


def common_parameters() -> list[dict]:
    """Language, format and paging, taken by every data endpoint."""
    return [
        _parameter(
            "lang", "Language of labels: en or fr.", {"type": "string", "enum": list(LANGUAGES)}
        ),
        _parameter(
            "format",
            "json (default) or csv; an Accept: text/csv header also asks for CSV.",
            {"type": "string", "enum": ["json", "csv"]},
        ),
        _parameter(
            "limit",
            f"Rows per page (default {DEFAULT_LIMIT} in JSON; a CSV without limit holds every "
            f"row, up to {MAX_CSV_ROWS}).",
            {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
        ),
        _parameter("offset", "Rows to skip.", {"type": "integer", "minimum": 0}),
    ]


def filter_parameters() -> list[dict]:
    """The page address's filters."""
    return [_parameter(key, FILTER_HELP[key]) for key in URL_KEYS.values()]


ERRORS = {
    "400": {
        "description": "A bad parameter: unknown name, unknown filter value, bad number.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    },
    "401": {
        "description": "Sign-in is on: send Authorization: Bearer <token> (create one on /tokens).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    },
    "404": {
        "description": "Unknown chart or table.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    },
    "429": {
        "description": "Rate limit: wait the seconds in the Retry-After header.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    },
}
TABLE_CONTENT = {
    "application/json": {"schema": {"$ref": "#/components/schemas/Table"}},
    "text/csv": {"schema": {"type": "string"}},
}


def openapi_document(charts: Mapping[str, ChartSpec], server_url: str = "/") -> dict:
    """The whole OpenAPI 3.0 document."""
    paths: dict[str, dict] = {
        "/api/v1/charts": {
            "get": {
                "summary": "Every chart, with its page options and URLs.",
                "responses": {"200": {"description": "The charts."}},
            }
        },
        "/api/v1/reference": {
            "get": {
                "summary": "The reference tables.",
                "responses": {"200": {"description": "The tables."}},
            }
        },
        "/api/v1/download.zip": {
            "get": {
                "summary": "Every chart's data and the reference tables for the filters, in one zip: CSV and "
                "Parquet, a data dictionary and a provenance file.",
                "parameters": [
                    *filter_parameters(),
                    common_parameters()[0],
                    _parameter("hxl", "1 adds an HXL hashtag row under each CSV header."),
                ],
                "responses": {
                    "200": {
                        "description": "A zip file.",
                        "content": {
                            "application/zip": {"schema": {"type": "string", "format": "binary"}}
                        },
                    },
                    **ERRORS,
                },
            }
        },
    }
    for chart in charts.values():
        options = [
            _parameter(name, f"Option of the {chart.page} page, as in its address.")
            for name in page_options.option_params(chart.page)
        ]
        paths[f"/api/v1/charts/{chart.key}"] = {
            "get": {
                "summary": t(chart.title_key, "en"),
                "description": f"The data behind this chart of the "
                f"{chart.page} page, computed by the same function as the chart, its table view and its export.",
                "tags": [chart.page],
                "operationId": f"chart_{chart.key}".replace("-", "_"),
                "parameters": [*filter_parameters(), *options, *common_parameters()],
                "responses": {
                    "200": {"description": "One page of rows.", "content": TABLE_CONTENT},
                    **ERRORS,
                },
            }
        }
    for table in reference_tables().values():
        paths[f"/api/v1/reference/{table.name}"] = {
            "get": {
                "summary": table.description,
                "tags": ["reference"],
                "operationId": f"reference_{table.name}".replace("-", "_"),
                "parameters": common_parameters(),
                "responses": {
                    "200": {"description": "One page of rows.", "content": TABLE_CONTENT},
                    **ERRORS,
                },
            }
        }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "EU-IOM Actions dashboard API",
            "version": "1",
            "description": "Read-only data behind every chart of the dashboard, with the same filters as "
            "its addresses, the same suppression of small survey groups and disclosure "
            "control, and the kind of data of each table (real, the dashboard's mapping, "
            "demo or imported: never add kinds together).",
        },
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "Needed only when sign-in is on.",
                }
            },
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error", "status"],
                    "properties": {
                        "error": {"type": "string"},
                        "status": {"type": "integer"},
                        "parameter": {"type": "string"},
                    },
                },
                "Table": {
                    "type": "object",
                    "properties": {
                        "kind_of_data": {"type": "object"},
                        "total": {"type": "integer"},
                        "limit": {"type": "integer"},
                        "offset": {"type": "integer"},
                        "links": {"type": "object"},
                        "columns": {"type": "array", "items": {"type": "string"}},
                        "rows": {"type": "array", "items": {"type": "object"}},
                    },
                },
            },
        },
        "security": [{}, {"bearer": []}],
    }
