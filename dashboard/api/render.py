"""Turning a table into an API response: JSON or CSV, one page of rows with links to the others,
and the cache headers (ETag from the store version and the query, Cache-Control)."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Mapping
from urllib.parse import urlencode

import pandas as pd
from flask import Response, request

from dashboard.common.exports import safe_frame, typed_frame, with_kind

from .params import ApiQuery

JSON_TYPE = "application/json; charset=utf-8"
CSV_TYPE = "text/csv; charset=utf-8"


def records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """Rows as JSON-ready dicts: missing values (suppressed groups) are null, counts integers,
    dates YYYY-MM-DD (ISO date-times only where a time of day matters)."""
    return json.loads(
        typed_frame(frame).to_json(
            orient="records", date_format="iso", force_ascii=False, double_precision=15
        )
    )


def page_links(
    base: str, query: ApiQuery, total: int, keep: list[tuple[str, str]]
) -> dict[str, str | None]:
    """Links to this page of rows, the next and the previous one (None when there is none)."""

    def link(offset: int) -> str:
        items = [*keep, ("limit", str(query.limit)), ("offset", str(offset))]
        return base + "?" + urlencode(items, safe=",")

    after = query.offset + query.limit
    return {
        "self": link(query.offset),
        "next": link(after) if after < total else None,
        "prev": link(max(query.offset - query.limit, 0)) if query.offset > 0 else None,
    }


def link_header(links: Mapping[str, str | None]) -> str:
    """An RFC 8288 ``Link`` header for the next and previous pages."""
    return ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items() if url and rel != "self")


def csv_text(frame: pd.DataFrame) -> str:
    """Plain CSV (one header row, no preamble) that ``pandas.read_csv`` reads as is; cells a
    spreadsheet would run as formulas are neutralised."""
    buffer = io.StringIO()
    safe_frame(frame).to_csv(buffer, index=False, lineterminator="\r\n")
    return buffer.getvalue()


def table_response(
    frame: pd.DataFrame,
    query: ApiQuery,
    meta: Mapping[str, object],
    *,
    kind_label: str,
    kind_code: str,
    keep: list[tuple[str, str]],
) -> Response:
    """One page of ``frame`` as JSON (``meta``, links, rows) or CSV (rows plus the kind-of-data
    columns; an empty table keeps one row holding only them)."""
    total = len(frame)
    rows = frame.iloc[query.offset : query.offset + query.limit]
    links = page_links(request.base_url, query, total, keep)
    if query.format == "csv":
        table = with_kind(typed_frame(rows), kind_label, kind_code)
        response = Response(csv_text(table), mimetype="text/csv", content_type=CSV_TYPE)
        response.headers["Content-Disposition"] = "inline"
    else:
        body = {
            **meta,
            "total": total,
            "limit": query.limit,
            "offset": query.offset,
            "links": links,
            "columns": [str(column) for column in frame.columns],
            "rows": records(rows),
        }
        response = Response(
            json.dumps(body, ensure_ascii=False, allow_nan=False), content_type=JSON_TYPE
        )
    response.headers["X-Total-Count"] = str(total)
    if link_header(links):
        response.headers["Link"] = link_header(links)
    return response


def json_response(body: object, status: int = 200) -> Response:
    """Any JSON body."""
    return Response(
        json.dumps(body, ensure_ascii=False, allow_nan=False), status=status, content_type=JSON_TYPE
    )


def entity_tag(*parts: object) -> str:
    """A strong ETag of what a response depends on (store version, path, query, user's permissions)."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode("utf-8")).hexdigest()[
        :32
    ]
    return f'"{digest}"'


def not_modified(tag: str) -> bool:
    """True when the client already holds the response tagged ``tag``."""
    return tag in {value.strip() for value in request.headers.get("If-None-Match", "").split(",")}
