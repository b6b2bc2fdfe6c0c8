"""The current view in words: filters and data source, for exports, briefs and summaries."""

from __future__ import annotations

from dashboard.i18n import format_number, quarter_label, t
from dashboard.selection import Selection
from dashboard.store.catalog import Catalog


def filter_summary(selection: Selection, catalog: Catalog, lang: str) -> str:
    """The filters in words, e.g. 'Region: West and Central Africa; From quarter: Q1 2019'."""
    parts = []
    named = (
        ("regions", "filters.region", catalog.regions),
        ("statuses", "filters.status", catalog.statuses),
        ("actions", "filters.action", catalog.actions),
        ("countries", "filters.country", catalog.countries),
        ("pillars", "filters.pillar", catalog.pillars),
    )
    for field, key, names in named:
        codes = getattr(selection, field)
        if codes:
            parts.append(
                t(
                    "export.label_value",
                    lang,
                    label=t(key, lang),
                    value=", ".join(names[code].name(lang) for code in codes),
                )
            )
    if selection.period_start:
        parts.append(
            t(
                "export.label_value",
                lang,
                label=t("filters.period_start", lang),
                value=quarter_label(selection.period_start, lang),
            )
        )
    if selection.period_end:
        parts.append(
            t(
                "export.label_value",
                lang,
                label=t("filters.period_end", lang),
                value=quarter_label(selection.period_end, lang),
            )
        )
    return t("export.filter_separator", lang).join(parts) or t("export.no_filters", lang)


def imported_sources(catalog: Catalog, imported_files: list[str], lang: str) -> str:
    """The imported files in words: indicator files by name, survey files counted ('2 survey
    files'): their names are shown to data managers only."""
    parts = list(imported_files)
    if catalog.survey_imports:
        parts.append(
            t("export.source.survey_files", lang, n=format_number(catalog.survey_imports, lang))
            if catalog.survey_imports > 1
            else t("export.source.survey_file", lang)
        )
    return ", ".join(parts)


def data_source_text(catalog: Catalog, imported_files: list[str], lang: str) -> str:
    """Where the fact data comes from: the demo generator or imported files."""
    if catalog.is_demo:
        return t(
            "export.source.demo",
            lang,
            seed=catalog.info.get("demo_seed", "?"),
            rows=format_number(int(catalog.info.get("demo_rows", 0)), lang),
        )
    if catalog.data_origin == "imported":
        return t(
            "export.source.imported", lang, files=imported_sources(catalog, imported_files, lang)
        )
    return t("export.source.empty", lang)
