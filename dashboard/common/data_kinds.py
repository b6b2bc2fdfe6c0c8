"""The kinds of data a chart can show, and how each is named in exports, table views and briefs.

Kinds are never summed together: every chart declares one (``ChartSpec.kind``), and its export
header, table view and the printable brief say which it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from dashboard.common.describe import data_source_text
from dashboard.i18n import format_number, t
from dashboard.store.catalog import Catalog

EUTF = "eutf"
PUBLISHED = "published"
REFERENCE = "reference"
MAPPING = "mapping"
FACTS = "facts"  # the store's indicator values and survey records: demo or imported
# Survey statistics: the store's survey (demo or imported), computed from its protected release
# (differential privacy), or exact (signed-in analysts, EUIOM_DISCLOSURE=exact).
SURVEY_RELEASE = "survey_release"
SURVEY_EXACT = "survey_exact"
KINDS = (EUTF, PUBLISHED, REFERENCE, MAPPING, FACTS, SURVEY_RELEASE, SURVEY_EXACT)
# What FACTS are in a given store, as the code files carry: the demo generator's, imported, or none.
DEMO = "demo"
IMPORTED = "imported"
NO_FACTS = "no_facts"
# Name of the kind-of-data column of every file (API CSV, zip CSV and Parquet, page CSV): the
# kind in words; ``KIND_CODE_COLUMN`` holds its code.
KIND_COLUMN = "kind_of_data"
KIND_CODE_COLUMN = "kind_of_data_code"
# Actions whose pillars the dashboard mapped itself from their objectives or result areas.
MAPPED_PILLAR_ACTIONS = ("PILOT", "PROTTASHA", "RADA")
# Kinds of data each page shows, for its printable brief.
PAGE_KINDS = {
    "map": (MAPPING, EUTF, PUBLISHED, FACTS),
    "pillars": (MAPPING, FACTS, PUBLISHED, EUTF),
    "sustainability": (SURVEY_RELEASE,),
    "about": (REFERENCE, MAPPING, PUBLISHED, EUTF, FACTS),
}


def kind_text(kind: str, catalog: Catalog, imported_files: Sequence[str], lang: str) -> str:
    """The kind of data in words, e.g. 'REAL DATA: EUTF results ... reported by 17 Dec 2021'."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of data {kind!r}")
    if kind == FACTS:
        return data_source_text(catalog, list(imported_files), lang)
    if kind in (SURVEY_RELEASE, SURVEY_EXACT):
        rho = catalog.release.get("rho")
        shown = format_number(float(rho), lang, 2) if isinstance(rho, int | float) else "?"
        return t(
            f"kind.{kind}",
            lang,
            source=data_source_text(catalog, list(imported_files), lang),
            rho=shown,
        )
    return t(f"kind.{kind}", lang)


def kind_code(kind: str, catalog: Catalog) -> str:
    """The code files and the API carry for ``kind``: the store's facts are named for what they
    are in this store (``demo``, ``imported`` or ``no_facts``), every other kind by its own code."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of data {kind!r}")
    if kind != FACTS:
        return kind
    if catalog.is_demo:
        return DEMO
    return IMPORTED if catalog.data_origin == "imported" else NO_FACTS


def kind_source(kind: str, catalog: Catalog, imported_files: Sequence[str], lang: str) -> str:
    """Where data of ``kind`` comes from, in words: the EUTF export for EUTF results, the source
    documents for reference facts, the demo generator or the imported files for the store's facts."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of data {kind!r}")
    if kind in (FACTS, SURVEY_RELEASE, SURVEY_EXACT):
        return data_source_text(catalog, list(imported_files), lang)
    return t(f"kind.source.{kind}", lang)


def page_kind_texts(
    page: str | None,
    catalog: Catalog,
    imported_files: Sequence[str],
    lang: str,
    *,
    exact_survey: bool = False,
) -> list[str]:
    """The kinds of data a page shows, in words (the store's facts last); survey figures as exact
    when the request is answered with exact ones."""
    kinds = PAGE_KINDS.get(page or "", (FACTS,))
    if exact_survey:
        kinds = tuple(SURVEY_EXACT if kind == SURVEY_RELEASE else kind for kind in kinds)
    return [kind_text(kind, catalog, imported_files, lang) for kind in kinds]
