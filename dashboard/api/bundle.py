""" "Download all data": every chart's data and the reference tables for the current filters in
one zip, a Frictionless Data Package (``datapackage.json``: a Table Schema per file, the kind of
data, licences and sources of each), as CSV and Parquet, with a data dictionary and a provenance
file; HXL hashtags on request.

Every CSV and Parquet file carries its kind of data in two columns of its own (``kind_of_data``:
in words; ``kind_of_data_code``), the same in every row; an empty table keeps one row holding only
them. CSVs are plain UTF-8 without a byte order mark (pandas, R's ``read.csv`` and Python's csv
read the first column's name as it is; Excel users have each chart's Excel download).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Mapping

import pandas as pd

from dashboard.auth import disclosure_mode
from dashboard.common.charts import ChartSpec
from dashboard.common.data_kinds import SURVEY_RELEASE, kind_code, kind_source, kind_text
from dashboard.common.describe import filter_summary
from dashboard.common.exports import export_stem, typed_frame, with_kind
from dashboard.i18n import t
from dashboard.store import reference as reference_queries
from dashboard.store.context import AppContext

from . import options as page_options
from .datapackage import data_package, schema_fields
from .hxl import with_hxl_row
from .params import ApiQuery
from .reference import reference_tables
from .render import csv_text
from .service import answer_chart, intervals_note, store_version
from .tables import Table


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    """The table as Parquet (column names as text; mixed-type columns as text)."""
    table = frame.copy()
    table.columns = [str(column) for column in table.columns]
    for column in table.columns:
        if table[column].dtype == object:
            table[column] = table[column].map(
                lambda value: None if value is None or value != value else str(value)
            )
    buffer = io.BytesIO()
    table.to_parquet(buffer, index=False)
    return buffer.getvalue()


def dictionary_rows(file_name: str, table: Table, frame: pd.DataFrame) -> list[dict[str, object]]:
    """The data dictionary's rows for one table (``frame``: as written, kind columns included): one
    per column, with its Table Schema type and HXL hashtag."""
    fields = {field["name"]: field for field in schema_fields(frame, subject=table.subject)}
    return [
        {
            "file": file_name,
            "table": table.title,
            "column": str(column),
            "type": fields[str(column)]["type"],
            "hxl": fields[str(column)]["hxl"],
            "kind_of_data": table.code,
            "missing_values": int(table.frame[column].isna().sum())
            if column in table.frame.columns
            else 0,
        }
        for column in frame.columns
    ]


def bundle_filename(context: AppContext, query: ApiQuery, *, hxl: bool, on: dt.date) -> str:
    """``all-data_<filters>_<date>.zip`` (``all-data-hxl`` for the HXL variant), like the other exports."""
    return (
        export_stem(
            "all-data-hxl" if hxl else "all-data",
            "euiom",
            filter_summary(query.selection, context.catalog, query.lang),
            on,
        )
        + ".zip"
    )


def bundle_tables(
    context: AppContext, charts: Mapping[str, ChartSpec], query: ApiQuery
) -> list[Table]:
    """Every chart's table for the query's filters and options, then the reference tables."""
    lang, cursor = query.lang, context.cursor()
    tables = []
    for chart in charts.values():
        options = {
            name: value
            for name, value in query.options.items()
            if name in page_options.option_params(chart.page)
        }
        answer = answer_chart(context, chart, query, options, strict=False)
        tables.append(
            Table(
                f"charts/{chart.page}/{chart.key}",
                t(chart.title_key, lang),
                answer.kind,
                answer.kind_code,
                answer.kind_label,
                answer.source,
                typed_frame(answer.frame),
            )
        )
    for table in reference_tables().values():
        tables.append(
            Table(
                f"reference/{table.name}",
                t(f"api.reference.{table.name}", lang),
                table.kind,
                kind_code(table.kind, context.catalog),
                kind_text(table.kind, context.catalog, context.imported_files, lang),
                kind_source(table.kind, context.catalog, context.imported_files, lang),
                typed_frame(table.query(cursor)),
                table.key,
                table.subject,
            )
        )
    return tables


def build_bundle(
    context: AppContext,
    charts: Mapping[str, ChartSpec],
    query: ApiQuery,
    *,
    hxl: bool,
    now: dt.datetime | None = None,
) -> bytes:
    """The zip's bytes."""
    now = now or dt.datetime.now(dt.UTC)
    lang, cursor = query.lang, context.cursor()
    tables = bundle_tables(context, charts, query)
    buffer = io.BytesIO()
    dictionary: list[dict[str, object]] = []
    files: list[dict[str, object]] = []
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            frame = with_kind(table.frame, table.label, table.code)
            archive.writestr(
                f"{table.stem}.csv", csv_text(with_hxl_row(frame, table.subject) if hxl else frame)
            )
            archive.writestr(f"{table.stem}.parquet", parquet_bytes(frame))
            dictionary.extend(dictionary_rows(f"{table.stem}.csv", table, frame))
            files.append(
                {
                    "files": [f"{table.stem}.csv", f"{table.stem}.parquet"],
                    "title": table.title,
                    "rows": len(table.frame),
                    "kind_of_data": table.code,
                    "kind_of_data_label": table.label,
                    "source": table.source,
                }
            )
        archive.writestr("data_dictionary.csv", csv_text(pd.DataFrame(dictionary)))
        kinds = {table.code: {"label": table.label, "source": table.source} for table in tables}
        provenance = {
            "title": t("app.title", lang),
            "generated_at": now.isoformat(timespec="seconds"),
            "store_version": store_version(context),
            "language": lang,
            "filters": dict(query.selection.to_query_items()),
            "options": dict(query.options),
            "filters_text": filter_summary(query.selection, context.catalog, lang),
            # Each table's kind of data and where it comes from: never one source for all.
            "kinds_of_data": kinds,
            "store": {
                key: str(value) for key, value in reference_queries.store_info(cursor).items()
            },
            "sources": reference_queries.source_summary(cursor)
            .astype(str)
            .to_dict(orient="records"),
            "disclosure_control": {
                "min_group_size": context.settings.min_group_size,
                "rule": "survey groups with fewer respondents than min_group_size are suppressed (no value); "
                "every group a view offers is listed, whether it holds nobody or a few",
                "disclosure": disclosure_mode(context.settings),
                "threshold": context.settings.threshold,
                # Parameters of the protected release only: its seed and noise never leave the server.
                "protected_release": dict(context.catalog.release),
            },
            "kinds_of_data_note": "Every table has one kind of data; never add kinds together.",
            "notes": ([t("filters.pillar_not_applicable", lang)] if query.selection.pillars else [])
            + (
                [intervals_note(lang)]
                if any(table.kind == SURVEY_RELEASE for table in tables)
                else []
            ),
            "hxl": hxl,
            "files": files,
        }
        archive.writestr("provenance.json", json.dumps(provenance, ensure_ascii=False, indent=2))
        package = data_package(
            [(table, with_kind(table.frame, table.label, table.code)) for table in tables],
            title=t("app.title", lang),
            created=now,
            hxl=hxl,
            lang=lang,
        )
        archive.writestr("datapackage.json", json.dumps(package, ensure_ascii=False, indent=2))
    return buffer.getvalue()
