"""One row per returnee, coded on a public domain: what the release measures.

A returnee is a ``respondent_id``. Their row holds their latest survey answer and, when they
answered an earlier round in the same Action and country, the one before it (earlier rounds are
not part of the release). Every attribute is coded on a domain that does not depend on the data:
places are the Actions' countries of the reference tables, quarters run from 2015-Q1 to 2030-Q4
and, for each place, lie within its Action's dates (one year before the start to three years
after the end, both public). A record outside that window is left out of the release.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np

from dashboard.store import vocabulary
from dashboard.store.sql import compose, identifier, joined

FIRST_QUARTER = dt.date(2015, 1, 1)
LAST_QUARTER = dt.date(2030, 10, 1)
MONTH_BANDS = ("0-5", "6-11", "12-17", "18-23", "24+")
# The months since return a released record carries for each band (the band's middle).
BAND_MONTHS = (3, 9, 15, 21, 27)
# Rounds: 0 = one answer only; 1..4 = the previous answer lies that many quarters earlier (4 or more: 4).
ROUND_LAGS = 5
MAX_LAG = ROUND_LAGS - 1
SCORES = ("economic_score", "social_score", "psychosocial_score")
ATTRIBUTES = {
    "sex": vocabulary.SEXES,
    "age_group": vocabulary.AGE_GROUPS,
    "assistance_type": vocabulary.ASSISTANCE_TYPES,
    "assistance_level": vocabulary.ASSISTANCE_LEVELS,
    "referral": vocabulary.REFERRALS,
}


def quarter_index(date: dt.date) -> int:
    """The position of ``date``'s quarter in the domain (0 for 2015-Q1)."""
    return (date.year - FIRST_QUARTER.year) * 4 + (date.month - 1) // 3


def quarter_start(index: int) -> dt.date:
    """The first day of the domain's quarter ``index``."""
    return dt.date(FIRST_QUARTER.year + index // 4, 1 + 3 * (index % 4), 1)


QUARTERS = quarter_index(LAST_QUARTER) + 1


@dataclass(frozen=True)
class Domain:
    """The public domain of the release: places and, for each, the quarters it may hold.

    Attributes:
        places: (action_code, iso3) pairs of the reference tables, sorted.
        allowed: boolean array places × quarters: where a record may lie.
    """

    places: tuple[tuple[str, str], ...]
    allowed: np.ndarray

    @property
    def sizes(self) -> dict[str, int]:
        """Number of values of every coded attribute."""
        return {
            "place": len(self.places),
            "quarter": QUARTERS,
            "band": len(MONTH_BANDS),
            "lag": ROUND_LAGS,
            **{name: len(codes) for name, codes in ATTRIBUTES.items()},
        }


def read_domain(connection: duckdb.DuckDBPyConnection) -> Domain:
    """The domain from the reference tables (Actions' countries and dates): no survey data read."""
    rows = connection.execute("""
        SELECT ac.action_code, ac.iso3, a.start_date, a.end_date
        FROM action_countries ac JOIN actions a USING (action_code)
        ORDER BY ac.action_code, ac.iso3""").fetchall()
    allowed = np.zeros((len(rows), QUARTERS), dtype=bool)
    for index, (_, _, start, end) in enumerate(rows):
        first = max(quarter_index(start) - 4, 0) if start else 0
        last = min(quarter_index(end) + 12, QUARTERS - 1) if end else QUARTERS - 1
        allowed[index, first : last + 1] = True
    return Domain(tuple((action, iso3) for action, iso3, _, _ in rows), allowed)


@dataclass(frozen=True)
class Returnees:
    """Coded returnees: one entry per returnee in every array.

    Attributes:
        codes: attribute name -> integer codes (place, quarter, band, lag, sex, age_group,
            assistance_type, assistance_level, referral).
        scores: latest scores, shape (n, 3), in [0, 1].
        previous: the previous round's scores, shape (n, 3) (NaN where lag is 0).
    """

    codes: dict[str, np.ndarray]
    scores: np.ndarray
    previous: np.ndarray

    @property
    def count(self) -> int:
        return len(self.scores)


def read_returnees(connection: duckdb.DuckDBPyConnection, domain: Domain) -> Returnees:
    """Every returnee's latest answer and the one before it, coded on ``domain``."""
    scores = joined(
        [compose("l.{column}", column=identifier(column, SCORES)) for column in SCORES], ", "
    )
    previous = joined(
        [
            compose("p.{column} AS previous_{column}", column=identifier(column, SCORES))
            for column in SCORES
        ],
        ", ",
    )
    frame = connection.execute(
        compose(
            """
        WITH ranked AS (
            SELECT *, row_number() OVER (
                PARTITION BY respondent_id ORDER BY survey_date DESC, survey_id DESC) AS recency
            FROM survey_responses)
        SELECT l.action_code, l.iso3, l.survey_date, l.months_since_return, l.sex, l.age_group,
               l.assistance_type, l.assistance_level, l.referral, {scores}, p.survey_date AS previous_date, {previous}
        FROM ranked l
        LEFT JOIN ranked p ON p.respondent_id = l.respondent_id AND p.recency = 2
                           AND p.action_code = l.action_code AND p.iso3 = l.iso3
        WHERE l.recency = 1""",
            scores=scores,
            previous=previous,
        )
    ).df()
    place_index = {place: index for index, place in enumerate(domain.places)}
    place = np.array(
        [
            place_index.get(pair, -1)
            for pair in zip(frame["action_code"], frame["iso3"], strict=True)
        ],
        dtype=np.int64,
    )
    dates = frame["survey_date"].dt
    quarter = ((dates.year - FIRST_QUARTER.year) * 4 + (dates.month - 1) // 3).to_numpy(
        dtype=np.int64
    )
    keep = (place >= 0) & (quarter >= 0) & (quarter < QUARTERS)
    keep[keep] = domain.allowed[place[keep], quarter[keep]]
    frame, place, quarter = frame[keep].reset_index(drop=True), place[keep], quarter[keep]
    months = frame["months_since_return"].to_numpy()
    band = np.searchsorted(np.array([6, 12, 18, 24]), months, side="right")
    has_previous = frame["previous_date"].notna().to_numpy()
    previous_dates = frame["previous_date"].dt
    previous_quarter = (
        (previous_dates.year - FIRST_QUARTER.year) * 4 + (previous_dates.month - 1) // 3
    ).to_numpy()
    lag = np.where(
        has_previous, np.clip(np.nan_to_num(quarter - previous_quarter, nan=1), 1, MAX_LAG), 0
    )
    codes = {"place": place, "quarter": quarter, "band": band, "lag": lag.astype(np.int64)}
    for name, values in ATTRIBUTES.items():
        lookup = {value: index for index, value in enumerate(values)}
        codes[name] = frame[name].map(lookup).to_numpy(dtype=np.int64)
    codes = {name: np.asarray(values, dtype=np.int64) for name, values in codes.items()}
    latest = frame[list(SCORES)].to_numpy(dtype=float)
    before = frame[[f"previous_{column}" for column in SCORES]].to_numpy(dtype=float)
    return Returnees(codes, latest, before)
