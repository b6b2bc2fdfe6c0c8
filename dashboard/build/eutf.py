"""Read the EU Trust Fund for Africa (EUTF) files of ``data/reference/eutf`` into store-ready frames.

The files are real figures (EUTF Akvo export of 2021-12-17, EUTF projects database of January
2022). Values are kept as reported; only codes are translated (alpha-2 to alpha-3) and the
numbered Common Output Indicators get their number in a column of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from dashboard import DATA_DIR
from dashboard.cells import is_missing

EUTF_DIR = DATA_DIR / "reference" / "eutf"
COMMON_OUTPUT_FRAMEWORK = "EUTF Common Output Indicators"
# "3.5 bis Number of ..." -> "3.5 bis"
INDICATOR_NUMBER = re.compile(r"^(\d+\.\d+(?: bis)?)\s")


def _read(name: str, directory: Path) -> pd.DataFrame:
    return pd.read_csv(directory / f"{name}.csv", dtype=str, keep_default_na=False).replace(
        "", None
    )


def _dates(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    for column in columns:
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame


def _numbers(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    for column in columns:
        frame[column] = pd.to_numeric(frame[column]).astype(float)
    return frame


def country_codes(directory: Path = EUTF_DIR) -> pd.DataFrame:
    """Columns: iso2, iso3, name_en, name_fr, source (every country the EUTF files name)."""
    return _read("country_codes", directory)


def _split(text: object) -> list[str]:
    if is_missing(text):
        return []
    return [part.strip() for part in str(text).split(",") if part.strip()]


def projects(directory: Path = EUTF_DIR) -> pd.DataFrame:
    """The 51 projects and contracts, with recipient countries in alpha-3 and the action document
    link of the projects database (by project id; a contract takes its parent's).

    Columns: iati_id, parent_iati_id, level, title, recipient_countries_iso2, recipient_iso3
    (list), countries_from_parent (bool), implementing_partners, budget_eur, date_start,
    date_end, action_link, action_link_basis, action_document_url, source.
    """
    frame = _read("projects", directory)
    codes = country_codes(directory)
    to_iso3: dict[str, str] = dict(zip(codes["iso2"], codes["iso3"], strict=True))
    unknown = {
        code for text in frame["recipient_countries_iso2"] for code in _split(text)
    } - to_iso3.keys()
    if unknown:
        raise ValueError(f"country_codes.csv lacks {sorted(unknown)}")
    own = {
        row.iati_id: [to_iso3[code] for code in _split(row.recipient_countries_iso2)]
        for row in frame.itertuples(index=False)
    }
    parents = {row.iati_id: _split(row.parent_iati_id) for row in frame.itertuples(index=False)}
    recipients, inherited = [], []
    for iati_id in frame["iati_id"]:
        countries = own[iati_id]
        from_parent = False
        if not countries:
            # A contract listing no country works where its parent project does.
            countries = sorted(
                {code for parent in parents[iati_id] for code in own.get(parent, [])}
            )
            from_parent = bool(countries)
        recipients.append(countries)
        inherited.append(from_parent)
    frame["recipient_iso3"] = recipients
    frame["countries_from_parent"] = inherited
    database = projects_database(directory)
    documents = {
        str(row.project_id).upper(): _split(row.action_document_url)[0]
        for row in database.itertuples(index=False)
        if _split(row.action_document_url)
    }

    def document(row) -> str | None:
        keys = [row.iati_id, *parents[row.iati_id]]
        return next((documents[key.upper()] for key in keys if key.upper() in documents), None)

    frame["action_document_url"] = [document(row) for row in frame.itertuples(index=False)]
    _numbers(frame, ("budget_eur",))
    return _dates(frame, ("date_start", "date_end"))


def project_countries(projects_frame: pd.DataFrame) -> pd.DataFrame:
    """One row per project or contract and recipient country.

    Columns: iati_id, iso3, country_count (how many countries the project or contract covers:
    1 is a country's own figure, more is a regional one), from_parent, source.
    """
    rows = [
        {
            "iati_id": row["iati_id"],
            "iso3": iso3,
            "country_count": len(row["recipient_iso3"]),
            "from_parent": bool(row["countries_from_parent"]),
            "source": row["source"],
        }
        for row in projects_frame.to_dict("records")
        for iso3 in row["recipient_iso3"]
    ]
    return pd.DataFrame(rows, columns=["iati_id", "iso3", "country_count", "from_parent", "source"])


def results(directory: Path = EUTF_DIR) -> pd.DataFrame:
    """The 1,426 result rows, numbered in file order, with the Common Output Indicator number.

    Columns: result_id, iati_id, parent_iati_id, level, action_link, result_framework, indicator,
    indicator_number (None outside the Common Output Indicators), period_start, period_end,
    target (None where the target is not a plain number), target_text (as written), actual,
    as_of, source.
    """
    frame = _read("results", directory)
    frame.insert(0, "result_id", range(1, len(frame) + 1))
    numbers = frame["indicator"].fillna("").str.extract(INDICATOR_NUMBER, expand=False)
    frame["indicator_number"] = numbers.where(frame["result_framework"] == COMMON_OUTPUT_FRAMEWORK)
    # 16 targets are written as text ("80%", "Baseline +30", "2350/650"): kept as written in
    # target_text, with no number (never guessed).
    frame["target_text"] = frame["target"]
    frame["target"] = pd.to_numeric(frame["target"], errors="coerce").astype(float)
    _numbers(frame, ("actual",))
    return _dates(frame, ("period_start", "period_end", "as_of"))


def projects_database(directory: Path = EUTF_DIR) -> pd.DataFrame:
    """The EUTF projects database rows with IOM among the implementers (January 2022).

    Columns: project_id, title, budget_eur, location, implementing_partners, themes,
    adoption_date, start_date, end_date, action_document_url, region, source.
    """
    frame = _read("projects_database_2022", directory)
    _numbers(frame, ("budget_eur",))
    return _dates(frame, ("adoption_date", "start_date", "end_date"))


def indicator_pillars(directory: Path = EUTF_DIR) -> pd.DataFrame:
    """The dashboard's own reading of Common Output Indicators against the pillars.

    Columns: indicator_number, pillar_no, mapped_by, source.
    """
    frame = _read("indicator_pillars", directory)
    frame["pillar_no"] = frame["pillar_no"].astype(int)
    return frame
