"""Import a user's CSV, Excel or Parquet file of indicator values or survey records.

Validation reads the whole file first and names the file, row and column of every problem.
An import is all-or-nothing: rows are written in one transaction, after every check passed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from dashboard.build import vocabulary
from dashboard.queries import schema, validation
from dashboard.queries.aggregates import refresh_survey_aggregates

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_LISTED_PROBLEMS = 200
SUPPORTED_SUFFIXES = (".csv", ".xlsx", ".parquet")

INDICATOR_REQUIRED = ("action_code", "iso3", "period", "sex", "indicator_code", "value")
SURVEY_REQUIRED = ("survey_id", "action_code", "iso3", "survey_date", "months_since_return", "sex",
                   "age_group", "assistance_type", "assistance_level", "referral",
                   "economic_score", "social_score", "psychosocial_score")
SURVEY_OPTIONAL = ("respondent_id", "composite_score")
KINDS = {"indicators": "indicator_values", "survey": "survey_responses"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an import file; ``row`` is the line a spreadsheet user would see."""

    file: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


class ImportRefused(Exception):
    """The file was refused; nothing was written. ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = [str(problem) for problem in problems[:MAX_LISTED_PROBLEMS]]
        if len(problems) > MAX_LISTED_PROBLEMS:
            shown.append(f"... and {len(problems) - MAX_LISTED_PROBLEMS} more problems")
        super().__init__(f"Import refused, the store is unchanged. {len(problems)} problem(s):\n"
                         + "\n".join(shown))


@dataclass
class ImportResult:
    """What an accepted import wrote."""

    file: str
    kind: str
    rows: int
    batch_id: int
    computed_composites: int = 0
    notes: list[str] = field(default_factory=list)


def read_table(path: Path) -> pd.DataFrame:
    """Read a CSV (UTF-8), Excel (.xlsx) or Parquet file with every cell as text.

    Raises:
        ImportRefused: unreadable, wrongly encoded, too large or of an unknown type.
    """
    name = path.name
    if not path.is_file():
        raise ImportRefused([Problem(name, "file not found")])
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportRefused([Problem(name, f"file is larger than {MAX_FILE_BYTES // 2**20} MiB")])
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportRefused([Problem(name, f"unsupported file type '{suffix}': use .csv, .xlsx or .parquet")])
    try:
        if suffix == ".csv":
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise ImportRefused([Problem(
                    name, f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); "
                          "save the file as CSV UTF-8 and import it again")]) from None
            from io import StringIO

            frame = pd.read_csv(StringIO(text), dtype=str, keep_default_na=False)
        elif suffix == ".xlsx":
            frame = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
        else:
            frame = pd.read_parquet(path).astype(str).replace({"None": "", "nan": "", "NaT": ""})
    except ImportRefused:
        raise
    except Exception as error:  # noqa: BLE001 - any reader failure is the file's problem
        raise ImportRefused([Problem(name, f"cannot be read as {suffix[1:]}: {error}")]) from None
    frame.columns = [str(column).strip() for column in frame.columns]
    return frame.apply(lambda column: column.str.strip())


def detect_kind(frame: pd.DataFrame) -> str | None:
    """'survey' or 'indicators' from the columns present, or None when neither fits."""
    columns = set(frame.columns)
    if "survey_id" in columns:
        return "survey"
    if "indicator_code" in columns:
        return "indicators"
    return None


class _Checker:
    """Collects problems for one file; row numbers count the header as row 1."""

    def __init__(self, file: str, frame: pd.DataFrame) -> None:
        self.file = file
        self.frame = frame
        self.problems: list[Problem] = []

    def add(self, message: str, rows: Iterable[int] | None = None, column: str | None = None) -> None:
        """Record ``message`` for each row index in ``rows``, or once for the file when rows is None."""
        if rows is None:
            self.problems.append(Problem(self.file, message, None, column))
            return
        for index in rows:
            self.problems.append(Problem(self.file, message, int(index) + 2, column))

    def require_columns(self, required: Iterable[str]) -> bool:
        missing = [column for column in required if column not in self.frame.columns]
        for column in missing:
            self.add("missing column", None, column)
        return not missing

    def bad_rows(self, mask: pd.Series | np.ndarray) -> np.ndarray:
        return np.flatnonzero(np.asarray(mask))

    def not_empty(self, columns: Iterable[str]) -> None:
        for column in columns:
            self.add("empty value", self.bad_rows(self.frame[column] == ""), column)

    def in_vocabulary(self, column: str, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        values = self.frame[column]
        for index in self.bad_rows((values != "") & ~values.isin(allowed)):
            self.add(f"unknown value '{_shown(values.iloc[index])}'; expected one of {', '.join(allowed)}",
                     [index], column)

    def numbers(self, column: str, low: float, high: float | None, integer: bool = False) -> pd.Series:
        values = self.frame[column]
        numbers = pd.to_numeric(values.where(values != ""), errors="coerce")
        for index in self.bad_rows((values != "") & numbers.isna()):
            self.add(f"'{_shown(values.iloc[index])}' is not a number", [index], column)
        infinite = numbers.notna() & ~np.isfinite(numbers.astype(float))
        for index in self.bad_rows(infinite):
            self.add(f"'{_shown(values.iloc[index])}' is not a finite number", [index], column)
        numbers = numbers.where(~infinite)
        out_of_range = numbers.notna() & ((numbers < low) | ((numbers > high) if high is not None else False))
        range_text = f"between {low:g} and {high:g}" if high is not None else f"at least {low:g}"
        for index in self.bad_rows(out_of_range):
            self.add(f"{numbers.iloc[index]:g} is outside the allowed range ({range_text})", [index], column)
        if integer:
            for index in self.bad_rows(numbers.notna() & (numbers % 1 != 0)):
                self.add(f"{numbers.iloc[index]:g} is not a whole number", [index], column)
        return numbers

    def dates(self, column: str) -> pd.Series:
        values = self.frame[column]
        parsed = pd.to_datetime(values.where(values != ""), errors="coerce", format="ISO8601")
        for index in self.bad_rows((values != "") & parsed.isna()):
            self.add(f"'{_shown(values.iloc[index])}' is not a date (use YYYY-MM-DD)", [index], column)
        return parsed

    def codes(self, known_actions: set[str], known_countries: set[str],
              pairs: set[tuple[str, str]]) -> None:
        actions, countries = self.frame["action_code"], self.frame["iso3"]
        for index in self.bad_rows((actions != "") & ~actions.isin(known_actions)):
            self.add(f"unknown Action code '{_shown(actions.iloc[index])}'", [index], "action_code")
        for index in self.bad_rows((countries != "") & ~countries.isin(known_countries)):
            self.add(f"unknown country code '{_shown(countries.iloc[index])}' (ISO 3166-1 alpha-3 expected)",
                     [index], "iso3")
        known = actions.isin(known_actions) & countries.isin(known_countries)
        pair_ok = pd.Series([pair in pairs for pair in zip(actions, countries, strict=True)], index=self.frame.index)
        for index in self.bad_rows(known & ~pair_ok):
            self.add(f"country '{countries.iloc[index]}' is not a country of Action '{actions.iloc[index]}'",
                     [index], "iso3")


def _shown(value: object, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _quarter_start(values: pd.Series, checker: _Checker) -> pd.Series:
    """Parse 'YYYY-Qn' or a date into the first day of its quarter."""
    quarter_form = values.str.fullmatch(r"\d{4}-Q[1-4]")
    as_text = values.where(~quarter_form, values.str.replace(
        r"-Q([1-4])$", lambda match: f"-{3 * int(match.group(1)) - 2:02d}-01", regex=True))
    as_dates = pd.to_datetime(as_text.where(values != ""), errors="coerce", format="ISO8601")
    for index in checker.bad_rows((values != "") & as_dates.isna()):
        checker.add(f"'{_shown(values.iloc[index])}' is not a quarter (YYYY-Qn) or a date", [index], "period")
    return as_dates.dt.to_period("Q").dt.start_time


def validate_indicators(file: str, frame: pd.DataFrame,
                        connection: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, list[Problem]]:
    """Check an indicator file; return the rows to insert (without batch id) and the problems."""
    checker = _Checker(file, frame)
    if not checker.require_columns(INDICATOR_REQUIRED):
        return frame, checker.problems
    checker.not_empty(INDICATOR_REQUIRED)
    checker.codes(validation.action_codes(connection), validation.country_codes(connection),
                  validation.action_country_pairs(connection))
    pillars_of = validation.indicator_pillars(connection)
    checker.in_vocabulary("indicator_code", sorted(pillars_of))
    checker.in_vocabulary("sex", vocabulary.INDICATOR_SEXES)
    values = checker.numbers("value", 0, None)
    periods = _quarter_start(frame["period"], checker)
    applicable = validation.country_pillar_set(connection)
    known_pairs = {(action, iso3) for action, iso3, _ in applicable}
    triples = zip(frame["action_code"], frame["iso3"], frame["indicator_code"], strict=True)
    for index, (action, iso3, indicator) in enumerate(triples):
        pillar = pillars_of.get(indicator)
        if pillar is not None and (action, iso3) in known_pairs and (action, iso3, pillar) not in applicable:
            checker.add(f"indicator '{indicator}' belongs to pillar {pillar}, which does not apply to "
                        f"{iso3} in {action}", [index], "indicator_code")
    rows = pd.DataFrame({
        "action_code": frame["action_code"], "iso3": frame["iso3"], "period": periods.dt.date,
        "sex": frame["sex"], "indicator_code": frame["indicator_code"], "value": values,
    })
    key = ["action_code", "iso3", "period", "sex", "indicator_code"]
    duplicated = rows.duplicated(key, keep="first") & rows["period"].notna()
    for index in checker.bad_rows(duplicated):
        checker.add("duplicate of an earlier row (same Action, country, period, sex and indicator)", [index])
    if not checker.problems:
        stored = validation.existing_indicator_keys(connection, rows[key])
        for index, row_key in enumerate(rows[key].itertuples(index=False, name=None)):
            if row_key in stored:
                checker.add("the store already holds a value for this Action, country, period, sex and indicator", [index])
    return rows, checker.problems


def validate_survey(file: str, frame: pd.DataFrame, connection: duckdb.DuckDBPyConnection,
                    weights: tuple[float, float, float]) -> tuple[pd.DataFrame, list[Problem], int]:
    """Check a survey file; return rows to insert, the problems and how many composites were computed."""
    checker = _Checker(file, frame)
    if not checker.require_columns(SURVEY_REQUIRED):
        return frame, checker.problems, 0
    checker.not_empty(SURVEY_REQUIRED)
    checker.codes(validation.action_codes(connection), validation.country_codes(connection),
                  validation.action_country_pairs(connection))
    ids = frame["survey_id"]
    for index in checker.bad_rows((ids != "") & ~ids.str.fullmatch(vocabulary.ID_PATTERN)):
        checker.add("id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                    [index], "survey_id")
    respondent = frame["respondent_id"] if "respondent_id" in frame.columns else pd.Series("", index=frame.index)
    respondent = respondent.where(respondent != "", ids)
    for index in checker.bad_rows((respondent != "") & ~respondent.str.fullmatch(vocabulary.ID_PATTERN)):
        checker.add("id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                    [index], "respondent_id")
    for index in checker.bad_rows(ids.duplicated(keep="first") & (ids != "")):
        checker.add(f"duplicate survey_id '{_shown(ids.iloc[index])}'", [index], "survey_id")
    dates = checker.dates("survey_date")
    months = checker.numbers("months_since_return", 0, vocabulary.MAX_MONTHS_SINCE_RETURN, integer=True)
    checker.in_vocabulary("sex", vocabulary.SEXES)
    checker.in_vocabulary("age_group", vocabulary.AGE_GROUPS)
    checker.in_vocabulary("assistance_type", vocabulary.ASSISTANCE_TYPES)
    checker.in_vocabulary("assistance_level", vocabulary.ASSISTANCE_LEVELS)
    checker.in_vocabulary("referral", vocabulary.REFERRALS)
    scores = {column: checker.numbers(column, 0, 1) for column in vocabulary.SCORE_COLUMNS}
    composite_raw = frame["composite_score"] if "composite_score" in frame.columns else pd.Series("", index=frame.index)
    composite_checker_frame = frame.assign(composite_score=composite_raw)
    composite = _Checker(file, composite_checker_frame)
    given = composite.numbers("composite_score", 0, 1)
    checker.problems.extend(composite.problems)
    computed = (
        weights[0] * scores["economic_score"] + weights[1] * scores["social_score"]
        + weights[2] * scores["psychosocial_score"]
    ).round(4)
    needs_computing = composite_raw == ""
    if not checker.problems:
        stored = validation.existing_survey_ids(connection, ids.tolist())
        for index in checker.bad_rows(ids.isin(stored)):
            checker.add(f"survey_id '{ids.iloc[index]}' is already in the store", [index], "survey_id")
    rows = pd.DataFrame({
        "survey_id": ids, "respondent_id": respondent, "action_code": frame["action_code"],
        "iso3": frame["iso3"], "survey_date": dates.dt.date, "months_since_return": months,
        "sex": frame["sex"], "age_group": frame["age_group"], "assistance_type": frame["assistance_type"],
        "assistance_level": frame["assistance_level"], "referral": frame["referral"],
        **scores, "composite_score": given.where(~needs_computing, computed),
        "composite_computed": needs_computing,
    })
    return rows, checker.problems, int(needs_computing.sum())


def import_file(store_path: Path, file_path: Path, kind: str | None = None,
                weights: tuple[float, float, float] = (1 / 3, 1 / 3, 1 / 3),
                replace_demo: bool = False) -> ImportResult:
    """Validate ``file_path`` and append it to the store at ``store_path`` in one transaction.

    Raises:
        ImportRefused: with every problem found; the store is left exactly as it was.
    """
    name = file_path.name
    frame = read_table(file_path)
    kind = kind or detect_kind(frame)
    if kind not in KINDS:
        raise ImportRefused([Problem(name, "cannot tell the kind of file: an indicator file needs an "
                                           "'indicator_code' column, a survey file a 'survey_id' column")])
    if frame.empty:
        raise ImportRefused([Problem(name, "the file has no data rows")])
    if not store_path.exists():
        raise ImportRefused([Problem(name, f"no store at {store_path}; build one first")])
    from dashboard.store import connect_writable

    connection = connect_writable(store_path)
    try:
        origin = validation.store_origin(connection)
        if origin == "demo" and not replace_demo:
            raise ImportRefused([Problem(name, "the store holds demo data; real data is never mixed with "
                                               "it. Import into an empty store (python -m dashboard "
                                               "build-empty) or pass --replace-demo to remove the demo data "
                                               "in the same transaction")])
        computed = 0
        if kind == "indicators":
            rows, problems = validate_indicators(name, frame, connection)
        else:
            rows, problems, computed = validate_survey(name, frame, connection, weights)
        if problems:
            raise ImportRefused(problems)
        table = KINDS[kind]
        connection.execute("BEGIN TRANSACTION")
        try:
            if origin == "demo":
                schema.delete_demo_rows(connection)
            batch_id = schema.next_batch_id(connection)
            schema.record_batch(connection, {
                "batch_id": batch_id, "origin": "import", "table_name": table, "file_name": name,
                "sha256": hashlib.sha256(file_path.read_bytes()).hexdigest(), "row_count": len(rows),
                "description": f"imported {kind} file"})
            rows = rows.assign(batch_id=batch_id)[list(schema.FACT_COLUMNS[table])]
            schema.insert_frame(connection, table, rows)
            if table == "survey_responses" or origin == "demo":
                refresh_survey_aggregates(connection)
            schema.set_store_info(connection, {"data_origin": "imported"})
            connection.execute("COMMIT")
        except Exception:
            connection.execute("ROLLBACK")
            raise
    finally:
        connection.close()
    notes = [f"{computed} composite score(s) computed from weights {weights}"] if computed else []
    return ImportResult(name, kind, len(rows), batch_id, computed, notes)
