"""Import a user's CSV, Excel or Parquet file of indicator values or survey records.

Validation reads the whole file first and names the file, row and column of every problem.
An import is all-or-nothing: rows are written in one transaction, after every check passed. Into a
store directory, the rows go into a new version next to the served one, which is checked and then
switched to (``dashboard.build.versions``); a single store file is changed in place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from dashboard.build import import_formats, schema, validation, versions
from dashboard.build.aggregates import refresh_survey_aggregates
from dashboard.build.import_formats import EARLIEST_DATE, MAX_COUNT
from dashboard.build.readers import MAX_FILE_BYTES, FileRefused, Problem, SourceTable
from dashboard.build.readers import read_table as read_source
from dashboard.build.release import ledger as privacy_ledger
from dashboard.build.release.budget import configured_budget, configured_rho_total
from dashboard.build.release.build import refresh_release
from dashboard.store import vocabulary
from dashboard.store.files import (
    SCHEMA_VERSION,
    StoreError,
    connect_writable,
    explain_write_error,
    is_store_directory,
)
from dashboard.store.reference import stored_schema_version

__all__ = [
    "MAX_FILE_BYTES",
    "ImportRefused",
    "ImportReport",
    "ImportResult",
    "Problem",
    "check_file",
    "import_file",
    "read_table",
]

MAX_LISTED_PROBLEMS = 200

# The columns come from one declaration, which the import page lists and offers as templates.
INDICATOR_REQUIRED = import_formats.required_columns("indicators")
SURVEY_REQUIRED = import_formats.required_columns("survey")
SURVEY_OPTIONAL = import_formats.optional_columns("survey")
KNOWN_COLUMNS = frozenset(INDICATOR_REQUIRED + SURVEY_REQUIRED + SURVEY_OPTIONAL)
KINDS = {"indicators": "indicator_values", "survey": "survey_responses"}
_DATE_TEXT = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)


class ImportRefused(Exception):
    """The file was refused; nothing was written. ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(
            f"Import refused, the store is unchanged. {len(problems)} problem(s):\n"
            + "\n".join(problem_lines(problems))
        )


def problem_lines(problems: list[Problem]) -> list[str]:
    """The problems as text, capped at MAX_LISTED_PROBLEMS lines plus a count of the rest."""
    shown = [str(problem) for problem in problems[:MAX_LISTED_PROBLEMS]]
    if len(problems) > MAX_LISTED_PROBLEMS:
        shown.append(f"... and {len(problems) - MAX_LISTED_PROBLEMS} more problems")
    return shown


@dataclass
class ImportReport:
    """What importing a file would do, checked against a store without writing to it."""

    file: str
    kind: str | None
    rows: int
    problems: list[Problem]
    notes: list[str] = field(default_factory=list)
    replaces_demo: bool = False
    computed_composites: int = 0

    @property
    def accepted(self) -> bool:
        """True when the file can be imported as it is."""
        return not self.problems


@dataclass
class ImportResult:
    """What an accepted import wrote."""

    file: str
    kind: str
    rows: int
    batch_id: int
    computed_composites: int = 0
    notes: list[str] = field(default_factory=list)
    version: str | None = None
    sha256: str = ""
    # What the new version's protected release spent, for the history (``ledger.RELEASE_FIELD``).
    release: dict = field(default_factory=lambda: {"rho": 0.0, "of": privacy_ledger.NOBODY})


def read_table(path: Path) -> SourceTable:
    """Read an import file into text cells with notes on what was assumed.

    Raises:
        ImportRefused: unreadable, wrongly encoded, too large, inflating, hidden or ambiguous sheets.
    """
    try:
        return read_source(path, KNOWN_COLUMNS)
    except FileRefused as refused:
        raise ImportRefused(refused.problems) from None


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
        self.row_numbers = np.asarray(frame.index, dtype=np.int64)
        self.problems: list[Problem] = []

    def add(
        self, message: str, rows: Iterable[int] | None = None, column: str | None = None
    ) -> None:
        """Record ``message`` for each row index in ``rows``, or once for the file when rows is None."""
        if rows is None:
            self.problems.append(Problem(self.file, message, None, column))
            return
        for index in rows:
            self.problems.append(
                Problem(self.file, message, int(self.row_numbers[int(index)]), column)
            )

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
            self.add(
                f"unknown value '{_shown(values.iloc[index])}'; expected one of {', '.join(allowed)}",
                [index],
                column,
            )

    def numbers(
        self, column: str, low: float, high: float | None, integer: bool = False, noun: str = ""
    ) -> pd.Series:
        values = self.frame[column]
        numbers = pd.to_numeric(values.where(values != ""), errors="coerce")
        for index in self.bad_rows((values != "") & numbers.isna()):
            self.add(f"'{_shown(values.iloc[index])}' is not a number", [index], column)
        infinite = numbers.notna() & ~np.isfinite(numbers.astype(float))
        for index in self.bad_rows(infinite):
            self.add(f"'{_shown(values.iloc[index])}' is not a finite number", [index], column)
        numbers = numbers.where(~infinite)
        out_of_range = numbers.notna() & (
            (numbers < low) | ((numbers > high) if high is not None else False)
        )
        range_text = f"between {low:g} and {high:g}" if high is not None else f"at least {low:g}"
        for index in self.bad_rows(out_of_range):
            self.add(
                f"{numbers.iloc[index]:g} is outside the allowed range ({range_text})",
                [index],
                column,
            )
        if integer:
            for index in self.bad_rows(numbers.notna() & (numbers % 1 != 0)):
                self.add(f"{numbers.iloc[index]:g} is not a whole number{noun}", [index], column)
        return numbers

    def dates(self, column: str, message: str = "is not a date (use YYYY-MM-DD)") -> pd.Series:
        """Calendar dates as written (a time and a time-zone offset after the date are dropped), between
        2015 and today; a Series of ``datetime.date`` or None."""
        values = self.frame[column]
        parsed = parse_dates(values)
        for index in self.bad_rows((values != "") & parsed.isna()):
            self.add(f"'{_shown(values.iloc[index])}' {message}", [index], column)
        today = dt.date.today()
        for index in self.bad_rows(
            parsed.notna() & parsed.map(lambda day: day is not None and day < EARLIEST_DATE)
        ):
            self.add(
                f"{parsed.iloc[index].isoformat()} is before 2015, earlier than any EU-IOM Action: check "
                "the year",
                [index],
                column,
            )
        for index in self.bad_rows(
            parsed.notna() & parsed.map(lambda day: day is not None and day > today)
        ):
            self.add(
                f"{parsed.iloc[index].isoformat()} is in the future: check the year",
                [index],
                column,
            )
        return parsed

    def codes(
        self, known_actions: set[str], known_countries: set[str], pairs: set[tuple[str, str]]
    ) -> None:
        actions, countries = self.frame["action_code"], self.frame["iso3"]
        for index in self.bad_rows((actions != "") & ~actions.isin(known_actions)):
            self.add(f"unknown Action code '{_shown(actions.iloc[index])}'", [index], "action_code")
        for index in self.bad_rows((countries != "") & ~countries.isin(known_countries)):
            self.add(
                f"'{_shown(countries.iloc[index])}' is not a country of the EU-IOM Actions' reference list "
                "(the ISO 3166-1 alpha-3 code of a country of the row's Action, e.g. SEN)",
                [index],
                "iso3",
            )
        known = actions.isin(known_actions) & countries.isin(known_countries)
        pair_ok = pd.Series(
            [pair in pairs for pair in zip(actions, countries, strict=True)], index=self.frame.index
        )
        for index in self.bad_rows(known & ~pair_ok):
            self.add(
                f"country '{countries.iloc[index]}' is not a country of Action '{actions.iloc[index]}'",
                [index],
                "iso3",
            )


def parse_dates(values: pd.Series) -> pd.Series:
    """'YYYY-MM-DD', optionally followed by a time and an offset, as ``datetime.date`` (None if not a date).

    The date is kept as written: '2020-03-15T23:30:00-05:00' is 15 March, whatever the time zone, so
    files mixing offsets (or naive and offset times) give each interview its local calendar date.
    """
    parsed: dict[str, dt.date | None] = {}
    for text in values.unique():
        match = _DATE_TEXT.fullmatch(text)
        try:
            parsed[text] = dt.date.fromisoformat(match.group(1)) if match else None
        except ValueError:
            parsed[text] = None
    return values.map(parsed).astype(object)


def _shown(value: object, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _quarter_start(values: pd.Series, checker: _Checker) -> pd.Series:
    """Parse 'YYYY-Qn' or a date into the first day of its quarter (``datetime.date``, or None)."""
    quarter_form = values.str.fullmatch(r"\d{4}-Q[1-4]")
    as_text = values.where(
        ~quarter_form,
        values.str.replace(
            r"-Q([1-4])$", lambda match: f"-{3 * int(match.group(1)) - 2:02d}-01", regex=True
        ),
    )
    period_checker = _Checker(
        checker.file, pd.DataFrame({"period": as_text}, index=checker.frame.index)
    )
    days = period_checker.dates("period")
    for problem in period_checker.problems:
        if "is not a date" in problem.message:
            shown = problem.message.split("' is not a date")[0]
            problem = Problem(
                problem.file,
                f"{shown}' is not a quarter (YYYY-Qn) or a date",
                problem.row,
                "period",
            )
        checker.problems.append(problem)
    return days.map(
        lambda day: None if day is None else dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    )


def validate_indicators(
    file: str, frame: pd.DataFrame, connection: duckdb.DuckDBPyConnection, check_stored: bool = True
) -> tuple[pd.DataFrame, list[Problem]]:
    """Check an indicator file; return the rows to insert (without batch id) and the problems.

    ``check_stored`` False skips the comparison with stored rows (they are about to be replaced).
    """
    checker = _Checker(file, frame)
    if not checker.require_columns(INDICATOR_REQUIRED):
        return frame, checker.problems
    checker.not_empty(INDICATOR_REQUIRED)
    checker.codes(
        validation.action_codes(connection),
        validation.country_codes(connection),
        validation.action_country_pairs(connection),
    )
    pillars_of = validation.indicator_pillars(connection)
    checker.in_vocabulary("indicator_code", sorted(pillars_of))
    for column in import_formats.coded_columns("indicators"):
        checker.in_vocabulary(column.name, column.values)
    values = checker.numbers(
        "value", 0, MAX_COUNT, integer=True, noun=" (indicator values are counts)"
    )
    periods = _quarter_start(frame["period"], checker)
    applicable = validation.country_pillar_set(connection)
    known_pairs = {(action, iso3) for action, iso3, _ in applicable}
    triples = zip(frame["action_code"], frame["iso3"], frame["indicator_code"], strict=True)
    for index, (action, iso3, indicator) in enumerate(triples):
        pillar = pillars_of.get(indicator)
        if (
            pillar is not None
            and (action, iso3) in known_pairs
            and (action, iso3, pillar) not in applicable
        ):
            checker.add(
                f"indicator '{indicator}' belongs to pillar {pillar}, which does not apply to "
                f"{iso3} in {action}",
                [index],
                "indicator_code",
            )
    rows = pd.DataFrame(
        {
            "action_code": frame["action_code"],
            "iso3": frame["iso3"],
            "period": periods,
            "sex": frame["sex"],
            "indicator_code": frame["indicator_code"],
            "value": values,
        }
    )
    key = ["action_code", "iso3", "period", "sex", "indicator_code"]
    duplicated = rows.duplicated(key, keep="first") & rows["period"].notna()
    for index in checker.bad_rows(duplicated):
        checker.add(
            "duplicate of an earlier row (same Action, country, period, sex and indicator)", [index]
        )
    if not checker.problems and check_stored:
        stored = validation.existing_indicator_keys(connection, rows[key])
        for index, row_key in enumerate(rows[key].itertuples(index=False, name=None)):
            if row_key in stored:
                checker.add(
                    "the store already holds a value for this Action, country, period, sex and indicator",
                    [index],
                )
    return rows, checker.problems


def validate_survey(
    file: str,
    frame: pd.DataFrame,
    connection: duckdb.DuckDBPyConnection,
    weights: tuple[float, float, float],
    check_stored: bool = True,
) -> tuple[pd.DataFrame, list[Problem], int]:
    """Check a survey file; return rows to insert, the problems and how many composites were computed."""
    checker = _Checker(file, frame)
    if not checker.require_columns(SURVEY_REQUIRED):
        return frame, checker.problems, 0
    checker.not_empty(SURVEY_REQUIRED)
    checker.codes(
        validation.action_codes(connection),
        validation.country_codes(connection),
        validation.action_country_pairs(connection),
    )
    ids = frame["survey_id"]
    for index in checker.bad_rows((ids != "") & ~ids.str.fullmatch(vocabulary.ID_PATTERN)):
        checker.add(
            "id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
            [index],
            "survey_id",
        )
    respondent = (
        frame["respondent_id"]
        if "respondent_id" in frame.columns
        else pd.Series("", index=frame.index)
    )
    respondent = respondent.where(respondent != "", ids)
    for index in checker.bad_rows(
        (respondent != "") & ~respondent.str.fullmatch(vocabulary.ID_PATTERN)
    ):
        checker.add(
            "id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
            [index],
            "respondent_id",
        )
    for index in checker.bad_rows(ids.duplicated(keep="first") & (ids != "")):
        checker.add(f"duplicate survey_id '{_shown(ids.iloc[index])}'", [index], "survey_id")
    dates = checker.dates("survey_date")
    months = checker.numbers(
        "months_since_return", 0, vocabulary.MAX_MONTHS_SINCE_RETURN, integer=True
    )
    for column in import_formats.coded_columns("survey"):
        checker.in_vocabulary(column.name, column.values)
    scores = {column: checker.numbers(column, 0, 1) for column in vocabulary.SCORE_COLUMNS}
    composite_raw = (
        frame["composite_score"]
        if "composite_score" in frame.columns
        else pd.Series("", index=frame.index)
    )
    composite_checker_frame = frame.assign(composite_score=composite_raw)
    composite = _Checker(file, composite_checker_frame)
    given = composite.numbers("composite_score", 0, 1)
    checker.problems.extend(composite.problems)
    computed = (
        weights[0] * scores["economic_score"]
        + weights[1] * scores["social_score"]
        + weights[2] * scores["psychosocial_score"]
    ).round(4)
    needs_computing = composite_raw == ""
    if not checker.problems and check_stored:
        stored = validation.existing_survey_ids(connection, ids.tolist())
        for index in checker.bad_rows(ids.isin(stored)):
            checker.add(
                f"survey_id '{ids.iloc[index]}' is already in the store", [index], "survey_id"
            )
    rows = pd.DataFrame(
        {
            "survey_id": ids,
            "respondent_id": respondent,
            "action_code": frame["action_code"],
            "iso3": frame["iso3"],
            "survey_date": dates,
            "months_since_return": months,
            "sex": frame["sex"],
            "age_group": frame["age_group"],
            "assistance_type": frame["assistance_type"],
            "assistance_level": frame["assistance_level"],
            "referral": frame["referral"],
            **scores,
            "composite_score": given.where(~needs_computing, computed),
            "composite_computed": needs_computing,
        }
    )
    return rows, checker.problems, int(needs_computing.sum())


def _validate(
    name: str,
    frame: pd.DataFrame,
    kind: str | None,
    connection: duckdb.DuckDBPyConnection,
    weights: tuple[float, float, float],
    replace_demo: bool,
) -> tuple[str | None, pd.DataFrame, list[Problem], int, str]:
    """Check ``frame`` against the store behind ``connection``: (kind, rows, problems, computed, origin);
    the kind is None when the file names neither kind's key column."""
    kind = kind or detect_kind(frame)
    if kind not in KINDS:
        return (
            kind,
            frame,
            [
                Problem(
                    name,
                    "cannot tell the kind of file: an indicator file needs an "
                    "'indicator_code' column, a survey file a 'survey_id' column",
                )
            ],
            0,
            "",
        )
    if frame.empty:
        return kind, frame, [Problem(name, "the file has no data rows")], 0, ""
    origin = validation.store_origin(connection)
    if origin == "demo" and not replace_demo:
        return (
            kind,
            frame,
            [
                Problem(
                    name,
                    "the store holds demo data; real data is never mixed with it. "
                    "Import into an empty store (python -m dashboard build-empty) or "
                    "replace the demo data (--replace-demo, or the 'replace the demo "
                    "data' box on the import page) in the same step",
                )
            ],
            0,
            origin,
        )
    check_stored = origin != "demo"  # demo rows are removed in the same transaction
    if kind == "indicators":
        rows, problems = validate_indicators(name, frame, connection, check_stored)
        return kind, rows, problems, 0, origin
    rows, problems, computed = validate_survey(name, frame, connection, weights, check_stored)
    return kind, rows, problems, computed, origin


def check_store(connection: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Refuse a database that is not a store of this version of the dashboard, naming the fix."""
    version = stored_schema_version(connection)
    if version is None:
        raise StoreError(
            f"{path} is not a store of this dashboard (another application's database?): import "
            "into a store built with python -m dashboard build-empty --store PATH"
        )
    if version != SCHEMA_VERSION:
        raise StoreError(
            f"The store {path} has schema version {version}, this dashboard needs "
            f"{SCHEMA_VERSION}: run python -m dashboard upgrade --store {path} first"
        )


def budget_notes(kind: str | None, ledger: privacy_ledger.Ledger) -> list[str]:
    """What importing a file of ``kind`` does to the privacy budget: a survey import makes a new
    release of every returnee, refused past ``EUIOM_RELEASE_RHO_TOTAL`` (``ledger.check_cap``).

    Raises:
        ledger.CapReached: the release would pass the cap (one line naming what to do).
    """
    if kind != "survey":
        return []
    return privacy_ledger.check_cap(ledger, configured_budget().rho, configured_rho_total())


def check_file(
    connection: duckdb.DuckDBPyConnection,
    file_path: Path,
    kind: str | None = None,
    weights: tuple[float, float, float] = (1 / 3, 1 / 3, 1 / 3),
    replace_demo: bool = False,
    ledger: privacy_ledger.Ledger | None = None,
) -> ImportReport:
    """The report importing ``file_path`` would give, checked against a read-only ``connection``
    (``ledger``: the store directory's privacy ledger; default the store file's own)."""
    name = file_path.name
    try:
        table = read_table(file_path)
    except ImportRefused as refused:
        return ImportReport(name, kind, 0, refused.problems)
    kind, rows, problems, computed, origin = _validate(
        name, table.frame, kind, connection, weights, replace_demo
    )
    notes = list(table.notes)
    if not problems:
        try:
            notes.extend(budget_notes(kind, ledger or privacy_ledger.file_ledger(connection)))
        except privacy_ledger.CapReached as refused:
            problems = [Problem(name, str(refused))]
    if computed:
        notes.append(
            f"{computed} composite score(s) will be computed from weights "
            f"{tuple(round(weight, 3) for weight in weights)}"
        )
    return ImportReport(
        name,
        kind,
        0 if problems else len(rows),
        problems,
        notes,
        replaces_demo=origin == "demo" and replace_demo and not problems,
        computed_composites=computed,
    )


def _write(
    store_file: Path,
    name: str,
    table: SourceTable,
    kind: str | None,
    weights: tuple[float, float, float],
    replace_demo: bool,
    sha256: str,
    ledger: privacy_ledger.Ledger | None = None,
) -> ImportResult:
    """Validate and append the rows to ``store_file`` in one transaction (``ledger``: the store
    directory's privacy ledger; default the store file's own).

    Raises:
        ImportRefused: the file has problems. StoreError: the store cannot be written (a full disk,
            in one line), or the privacy budget is spent (``ledger.CapReached``); either way the
            transaction is rolled back.
    """
    try:
        return _write_rows(store_file, name, table, kind, weights, replace_demo, sha256, ledger)
    except duckdb.Error as error:
        raise StoreError(explain_write_error(store_file, error)) from None


def _write_rows(
    store_file: Path,
    name: str,
    table: SourceTable,
    kind: str | None,
    weights: tuple[float, float, float],
    replace_demo: bool,
    sha256: str,
    ledger: privacy_ledger.Ledger | None,
) -> ImportResult:
    connection = connect_writable(store_file)
    spent = None
    try:
        check_store(connection, store_file)
        kind, rows, problems, computed, origin = _validate(
            name, table.frame, kind, connection, weights, replace_demo
        )
        if problems or kind is None:  # no kind comes with a problem saying so
            raise ImportRefused(problems)
        ledger = ledger or privacy_ledger.file_ledger(connection)
        budget_warnings = budget_notes(kind, ledger)
        table_name = KINDS[kind]
        connection.execute("BEGIN TRANSACTION")
        try:
            if origin == "demo":
                schema.delete_demo_rows(connection)
            batch_id = schema.next_batch_id(connection)
            schema.record_batch(
                connection,
                {
                    "batch_id": batch_id,
                    "origin": "import",
                    "table_name": table_name,
                    "file_name": name,
                    "sha256": sha256,
                    "row_count": len(rows),
                    "description": f"imported {kind} file",
                },
            )
            rows = rows.assign(batch_id=batch_id)[list(schema.FACT_COLUMNS[table_name])]
            schema.insert_frame(connection, table_name, rows)
            if table_name == "survey_responses" or origin == "demo":
                refresh_survey_aggregates(connection)
                # The new version's protected release: the survey changed, so the budget is spent again.
                spent = refresh_release(
                    connection,
                    composite_weights=weights,
                    of=privacy_ledger.IMPORTED,
                    spent_before=ledger.spent(privacy_ledger.IMPORTED),
                )
            schema.set_store_info(connection, {"data_origin": "imported"})
            connection.execute("COMMIT")
        except Exception:
            with contextlib.suppress(duckdb.Error):  # an aborted transaction may refuse even this
                connection.execute("ROLLBACK")
            raise
        connection.execute("CHECKPOINT")
    finally:
        connection.close()
    notes = list(table.notes)
    if computed:
        notes.append(f"{computed} composite score(s) computed from weights {weights}")
    notes.extend(budget_warnings)
    release = (
        {"rho": spent.rho, "of": spent.of} if spent else {"rho": 0.0, "of": privacy_ledger.NOBODY}
    )
    return ImportResult(
        name, kind, len(rows), batch_id, computed, notes, sha256=sha256, release=release
    )


def import_file(
    store_path: Path,
    file_path: Path,
    kind: str | None = None,
    weights: tuple[float, float, float] = (1 / 3, 1 / 3, 1 / 3),
    replace_demo: bool = False,
    user: str = "command line",
    keep: int = 5,
    file_name: str | None = None,
) -> ImportResult:
    """Validate ``file_path`` and add its rows to the store at ``store_path``, all or nothing.

    A store directory gets a new version (a checked copy of the served one plus the rows), switched
    to atomically; a single file is changed in place. ``file_name`` names the file in messages and
    history when it was saved under another name (an upload).

    Raises:
        ImportRefused: with every problem found in the file; nothing was written.
        StoreError: the store cannot be used (locked, busy, read-only, corrupt, foreign), in one line
            naming the fix; nothing was written.
    """
    store_path = Path(store_path)
    table = read_table(file_path)
    name = file_name or file_path.name
    sha256 = hashlib.sha256(file_path.read_bytes()).hexdigest()
    if not is_store_directory(store_path):
        if not store_path.exists():
            raise StoreError(
                f"No store at {store_path}: build one first with python -m dashboard build-empty "
                f"--store {store_path}"
            )
        return _write(store_path, name, table, kind, weights, replace_demo, sha256)
    with (
        versions.exclusive(store_path, f"an import of {name}", user),
        versions.new_version(store_path, copy_current=True) as partial,
    ):
        # Every release ever published in the directory counts, whatever version is served now.
        ledger = privacy_ledger.directory_ledger(store_path)
        result = _write(partial, name, table, kind, weights, replace_demo, sha256, ledger)
        result.version = versions.publish(
            store_path,
            partial,
            {
                "action": "import",
                "user": user,
                "file": name,
                "kind": result.kind,
                "rows": result.rows,
                "sha256": sha256,
                privacy_ledger.RELEASE_FIELD: result.release,
            },
            keep,
        )
    return result
