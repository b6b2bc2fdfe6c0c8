"""The zip's ``datapackage.json``: a Frictionless Data Package (https://datapackage.org) with a
Table Schema per CSV file (field types, missing values, primary key where a column identifies a
row), and per resource its kind of data, source and licence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.common.data_kinds import EUTF

from .hxl import ISO_DATE

if TYPE_CHECKING:
    from .tables import Table

MISSING_VALUES = [""]
EU_REUSE_LICENCE = {
    "name": "EU-reuse-2011-833",
    "path": "https://eur-lex.europa.eu/eli/dec/2011/833/oj",
    "title": "© European Union; reuse authorised under Commission Decision 2011/833/EU (acknowledge the source)",
}
LICENCE_NOTES = {
    "eutf": "© European Union, reuse under Commission Decision 2011/833/EU.",
    "published": "Figures as published by their sources (see each row's source URL); reuse under each source's terms.",
    "reference": "Transcribed from the source documents (EU-IOM Actions page, KMH brochure); reuse under their terms.",
    "mapping": "Transcribed from the source documents, with the dashboard's own pillar mapping; reuse under the "
    "source documents' terms.",
    "demo": "Invented by this dashboard's demo generator: not real programme data.",
}
RESOURCE_NAME_UNSAFE = re.compile(r"[^a-z0-9._-]+")


def _values(series: pd.Series) -> list[object]:
    return [value for value in series.tolist() if not pd.isna(value)]


def field_type(series: pd.Series) -> str:
    """The Table Schema type of a column as the CSV writes it."""
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "datetime"
    values = _values(series)
    if values and all(isinstance(value, str) and ISO_DATE.match(value) for value in values):
        return "date"
    if values and all(isinstance(value, bool) for value in values):
        return "boolean"
    if values and all(isinstance(value, int) and not isinstance(value, bool) for value in values):
        return "integer"
    if values and all(
        isinstance(value, int | float) and not isinstance(value, bool) for value in values
    ):
        return "number"
    return "string"


def schema_fields(frame: pd.DataFrame, subject: str | None = None) -> list[dict[str, object]]:
    """A Table Schema's fields for ``frame``: one per column with its type and HXL hashtag."""
    from .hxl import hxl_tag

    fields = []
    for column in frame.columns:
        field: dict[str, object] = {"name": str(column), "type": field_type(frame[column])}
        if field["type"] == "boolean":
            field["trueValues"], field["falseValues"] = ["True", "true"], ["False", "false"]
        field["hxl"] = hxl_tag(str(column), frame[column], subject)
        fields.append(field)
    return fields


def table_schema(
    frame: pd.DataFrame, *, key: Sequence[str] = (), subject: str | None = None
) -> dict[str, object]:
    """A Table Schema of ``frame``: one field per column with its type and HXL hashtag; ``key`` as
    primary key when its columns are there, filled and unique."""
    schema: dict[str, object] = {
        "fields": schema_fields(frame, subject),
        "missingValues": MISSING_VALUES,
    }
    keyed = [column for column in key if column in frame.columns]
    if (
        keyed
        and len(keyed) == len(key)
        and len(frame)
        and not frame[keyed].isna().any().any()
        and not frame[keyed].duplicated().any()
    ):
        schema["primaryKey"] = list(keyed)
    return schema


def resource_name(stem: str) -> str:
    """A Data Package resource name (lower-case letters, digits, ``.``, ``-``, ``_``)."""
    return RESOURCE_NAME_UNSAFE.sub("-", stem.lower()).strip("-")


def data_package(
    tables: Sequence[tuple[Table, pd.DataFrame]],
    *,
    title: str,
    created: dt.datetime,
    hxl: bool,
    lang: str,
) -> dict[str, object]:
    """The descriptor: one CSV resource per table (``frame`` as written, kind columns included)."""
    resources = []
    for table, frame in tables:
        resource: dict[str, object] = {
            "name": resource_name(table.stem),
            "path": f"{table.stem}.csv",
            "title": table.title,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": table_schema(frame, key=table.key, subject=table.subject),
            "sources": [{"title": table.source}],
            "kind_of_data": {"code": table.code, "label": table.label},
            "licence_note": LICENCE_NOTES.get(
                table.code, "The store's own data: reuse under its owner's terms."
            ),
        }
        if table.kind == EUTF:
            resource["licenses"] = [EU_REUSE_LICENCE]
        if hxl:  # the second row of every CSV holds the HXL hashtags, not data
            resource["dialect"] = {"commentRows": [2]}
        resources.append(resource)
    sources = list(dict.fromkeys(table.source for table, _ in tables))
    return {
        "name": "euiom-dashboard-data" + ("-hxl" if hxl else ""),
        "title": title,
        "profile": "tabular-data-package",
        "created": created.isoformat(timespec="seconds"),
        "language": lang,
        "description": "Every chart's data and the reference tables of the EU-IOM Actions dashboard for the "
        "filters of the request. Each resource has one kind of data (kind_of_data), never to be "
        "added to another; the EUTF resources carry their licence, every resource's "
        "licence_note says its terms.",
        "sources": [{"title": source} for source in sources],
        "resources": resources,
    }
