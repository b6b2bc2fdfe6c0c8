""""Download all data": every chart's data and the reference tables for the current filters in
one zip, as CSV and Parquet, with a data dictionary and a provenance file; HXL hashtags on request."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Mapping

import pandas as pd

from dashboard.auth import disclosure_mode
from dashboard.common.charts import ChartSpec
from dashboard.common.data_kinds import SURVEY_RELEASE, kind_text
from dashboard.common.describe import data_source_text, filter_summary
from dashboard.i18n import t
from dashboard.store import reference as reference_queries
from dashboard.store.context import AppContext

from . import options as page_options
from .params import ApiQuery
from .reference import reference_tables
from .render import csv_text
from .service import answer_chart, intervals_note, store_version

# Column name fragments -> HXL hashtag (humanitarian exchange language), first match wins.
HXL_TAGS = (
    ("iso3", "#country+code"), ("country", "#country+name"), ("region", "#region+name"),
    ("action", "#activity+name"), ("pillar", "#sector+name"), ("indicator", "#indicator+name"),
    ("period", "#date+period"), ("quarter", "#date+period"), ("date", "#date"), ("as_of", "#date"),
    ("sex", "#group+sex"), ("respondents", "#indicator+num+respondents"), ("count", "#indicator+num"),
    ("value", "#indicator+value"), ("mean", "#indicator+mean"), ("share", "#indicator+pct"),
    ("source", "#meta+source"), ("url", "#meta+url"), ("kind", "#meta+kind"),
)


def hxl_tag(column: str) -> str:
    """The HXL hashtag of a column (``#meta`` when no rule matches)."""
    lowered = column.lower()
    return next((tag for fragment, tag in HXL_TAGS if fragment in lowered), "#meta")


def with_hxl_row(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with a row of HXL hashtags right under its header (as HXL tools expect)."""
    tags = pd.DataFrame([[hxl_tag(str(column)) for column in frame.columns]], columns=frame.columns)
    return pd.concat([tags, frame.astype(object)], ignore_index=True)


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    """The table as Parquet (column names as text; mixed-type columns as text)."""
    table = frame.copy()
    table.columns = [str(column) for column in table.columns]
    for column in table.columns:
        if table[column].dtype == object:
            table[column] = table[column].map(lambda value: None if value is None or value != value else str(value))
    buffer = io.BytesIO()
    table.to_parquet(buffer, index=False)
    return buffer.getvalue()


def dictionary_rows(file_name: str, title: str, kind: str, frame: pd.DataFrame) -> list[dict[str, object]]:
    """The data dictionary's rows for one table: one per column."""
    return [{"file": file_name, "table": title, "column": str(column), "type": str(frame[column].dtype),
             "hxl": hxl_tag(str(column)), "kind_of_data": kind,
             "missing_values": int(frame[column].isna().sum())} for column in frame.columns]


def build_bundle(context: AppContext, charts: Mapping[str, ChartSpec], query: ApiQuery, *, hxl: bool,
                 now: dt.datetime | None = None) -> bytes:
    """The zip's bytes."""
    now = now or dt.datetime.now(dt.UTC)
    lang, cursor = query.lang, context.cursor()
    buffer = io.BytesIO()
    dictionary: list[dict[str, object]] = []
    files: list[dict[str, object]] = []
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def add(stem: str, title: str, kind: str, kind_label: str, frame: pd.DataFrame) -> None:
            csv_frame = with_hxl_row(frame) if hxl else frame
            archive.writestr(f"{stem}.csv", "\ufeff" + csv_text(csv_frame))
            archive.writestr(f"{stem}.parquet", parquet_bytes(frame))
            dictionary.extend(dictionary_rows(f"{stem}.csv", title, kind, frame))
            files.append({"files": [f"{stem}.csv", f"{stem}.parquet"], "title": title, "rows": len(frame),
                          "kind_of_data": kind, "kind_of_data_label": kind_label})

        release_answers = 0
        for chart in charts.values():
            options = {name: value for name, value in query.options.items()
                       if name in page_options.option_params(chart.page)}
            answer = answer_chart(context, chart, query, options, strict=False)
            release_answers += answer.kind == SURVEY_RELEASE
            add(f"charts/{chart.page}/{chart.key}", t(chart.title_key, lang), answer.kind, answer.kind_label,
                answer.frame)
        for table in reference_tables().values():
            add(f"reference/{table.name}", t(f"api.reference.{table.name}", lang), table.kind,
                kind_text(table.kind, context.catalog, context.imported_files, lang),
                table.query(cursor))
        archive.writestr("data_dictionary.csv", "\ufeff" + csv_text(pd.DataFrame(dictionary)))
        provenance = {
            "title": t("app.title", lang), "generated_at": now.isoformat(timespec="seconds"),
            "store_version": store_version(context), "language": lang,
            "filters": dict(query.selection.to_query_items()), "options": dict(query.options),
            "filters_text": filter_summary(query.selection, context.catalog, lang),
            "data_source": data_source_text(context.catalog, context.imported_files, lang),
            "store": {key: str(value) for key, value in reference_queries.store_info(cursor).items()},
            "sources": reference_queries.source_summary(cursor).astype(str).to_dict(orient="records"),
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
                     + ([intervals_note(lang)] if release_answers else []),
            "hxl": hxl, "files": files,
        }
        archive.writestr("provenance.json", json.dumps(provenance, ensure_ascii=False, indent=2))
    return buffer.getvalue()
