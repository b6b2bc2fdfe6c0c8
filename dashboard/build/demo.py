"""Deterministic demo data: quarterly programme indicators and RSS survey records.

Every number this module writes is invented. The shapes follow what IOM and the KMH published
(see ``data/README.md``): returns dip during the 2020 border closures; reintegration completes
after it starts; economic assistance, individual assistance and direct (not referred) assistance
go with higher scores; the economic dimension carries the other two; Malawi and Mozambique have
similar composites, Mozambique higher on economic and psychosocial, Malawi on social, women doing
better than men in Mozambique and worse in Malawi; scores rise in the first year after return.
About a quarter of the returnees answer in two or three rounds, six months apart (3, 9, 15, 21
or 27 months after return), with the same attributes and scores that move between rounds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from dashboard.build import schema
from dashboard.store import reference, vocabulary

SURVEY_CHUNK_SIZE = 500_000
DEFAULT_SEED = 42
DEFAULT_ROWS = 50_000

# The one end date the sources leave open: the Horn of Africa Action "ran six years" from
# December 2016 (action_dates.csv note); the demo ends it with 2022.
OPEN_END_DEFAULT = dt.date(2022, 12, 31)

# Relative size of each country's caseload (returns), loosely following where the Joint
# Initiative's returns went; countries not listed weigh 1.
COUNTRY_WEIGHT = {
    "GIN": 6.0,
    "MLI": 5.0,
    "NGA": 5.5,
    "CIV": 4.0,
    "SEN": 3.0,
    "BFA": 2.5,
    "CMR": 2.5,
    "NER": 2.0,
    "GHA": 2.0,
    "GNB": 1.2,
    "TCD": 0.8,
    "MRT": 0.8,
    "ETH": 4.0,
    "SOM": 1.5,
    "SDN": 1.5,
    "DJI": 0.6,
    "KEN": 0.5,
    "UGA": 0.5,
    "SSD": 0.4,
    "LBY": 6.0,
    "MAR": 1.5,
    "EGY": 1.0,
    "TUN": 0.8,
    "DZA": 0.6,
    "MWI": 0.8,
    "MOZ": 0.8,
    "ZAF": 1.2,
    "BGD": 1.2,
    "AFG": 2.5,
}

# Share of women among returnees (Prottasha reported 53 women of 2,289; higher shares in the Horn).
FEMALE_SHARE = {
    "BGD": 0.03,
    "ETH": 0.30,
    "SOM": 0.20,
    "DJI": 0.20,
    "MWI": 0.18,
    "MOZ": 0.20,
    "AFG": 0.06,
}
DEFAULT_FEMALE_SHARE = 0.12

# Female share by indicator where it differs from the caseload's.
INDICATOR_FEMALE_SHARE = {
    "officials_trained": 0.30,
    "people_reached_awareness": 0.45,
    "migrants_surveyed": 0.15,
}

# Per-quarter volume of each indicator relative to the country's returns.
INDICATOR_RATIO = {
    "officials_trained": 0.08,
    "migrants_protected": 1.3,
    "returns_assisted": 1.0,
    "arrival_assistance": 0.95,
    "reintegration_started": 0.7,
    "reintegration_completed": 0.45,
    "community_projects": 0.004,
    "migrants_surveyed": 2.5,
    "people_reached_awareness": 12.0,
    "stabilisation_projects": 0.002,
}
# Indicators a host country (returns leave from it) does not report.
ORIGIN_ONLY_INDICATORS = (
    "arrival_assistance",
    "reintegration_started",
    "reintegration_completed",
    "community_projects",
)
# Libya: returns leave from it, yet migrants leaving it may get reintegration packages (seed page).
TRANSIT_ONLY_EXCLUDED = ("arrival_assistance", "community_projects")
# Countries with no returnees to survey: host and transit countries.
NOT_SURVEYED = ("ZAF", "LBY")

AGE_GROUPS = vocabulary.AGE_GROUPS
AGE_SHARES = (0.30, 0.42, 0.18, 0.10)
ASSISTANCE_TYPES = vocabulary.ASSISTANCE_TYPES
ASSISTANCE_TYPE_SHARES = (0.55, 0.15, 0.10, 0.20)
ASSISTANCE_LEVELS = vocabulary.ASSISTANCE_LEVELS
ASSISTANCE_LEVEL_SHARES = (0.65, 0.25, 0.10)
REFERRAL_SHARE = 0.20
FOLLOW_UP_ROUNDS = (3, 9, 15, 21, 27)  # months after return; rounds are six months apart


@dataclass(frozen=True)
class CountryFrame:
    """One country of one Action with its active period and role."""

    action_code: str
    iso3: str
    role: str | None
    region_code: str
    start: dt.date
    end: dt.date
    pillars: frozenset[int]


def active_countries(connection: duckdb.DuckDBPyConnection) -> list[CountryFrame]:
    """Every country of every Action with its Action's period and the pillars that apply there."""
    rows = reference.country_periods_and_pillars(connection)
    return [
        CountryFrame(a, iso3, role, region, start, end or OPEN_END_DEFAULT, frozenset(pillars))
        for a, iso3, role, region, start, end, pillars in rows
    ]


def _quarters(start: dt.date, end: dt.date) -> pd.DatetimeIndex:
    first = pd.Timestamp(start).to_period("Q").start_time
    return pd.date_range(first, pd.Timestamp(end), freq="QS")


def _activity_profile(quarters: pd.DatetimeIndex) -> np.ndarray:
    """Ramp up over the first year, wind down over the last, dip in the 2020 border closures."""
    count = len(quarters)
    position = np.arange(count)
    ramp_up = np.minimum(1.0, (position + 1) / 4)
    wind_down = np.minimum(1.0, (count - position) / 3)
    covid = np.where(
        (quarters >= pd.Timestamp("2020-04-01")) & (quarters < pd.Timestamp("2020-10-01")),
        0.35,
        1.0,
    )
    return ramp_up * wind_down * covid


def generate_indicator_values(
    countries: list[CountryFrame], indicators: pd.DataFrame, seed: int, batch_id: int
) -> pd.DataFrame:
    """Quarterly indicator values by country and sex, only for the pillars a country has."""
    rng = np.random.default_rng([seed, 1])
    frames = []
    for country in countries:
        quarters = _quarters(country.start, country.end)
        profile = _activity_profile(quarters)
        returns_level = 120 * COUNTRY_WEIGHT.get(country.iso3, 1.0) * rng.lognormal(0, 0.15)
        for indicator in indicators.itertuples():
            code = str(indicator.indicator_code)
            if indicator.pillar_no not in country.pillars:
                continue
            if country.role == "host" and code in ORIGIN_ONLY_INDICATORS:
                continue
            if country.iso3 == "LBY" and code in TRANSIT_ONLY_EXCLUDED:
                continue
            expected = returns_level * INDICATOR_RATIO[code] * profile
            if code == "reintegration_completed":
                expected = expected * np.minimum(1.0, np.arange(len(quarters)) / 6)
            if indicator.by_sex:
                female_share = INDICATOR_FEMALE_SHARE.get(
                    code, FEMALE_SHARE.get(country.iso3, DEFAULT_FEMALE_SHARE)
                )
                splits: tuple[tuple[str, float], ...] = (
                    ("female", female_share),
                    ("male", 1 - female_share),
                )
            else:
                splits = (("all", 1.0),)
            for sex, share in splits:
                values = rng.poisson(expected * share * rng.lognormal(0, 0.2, len(quarters)))
                frames.append(
                    pd.DataFrame(
                        {
                            "action_code": country.action_code,
                            "iso3": country.iso3,
                            "period": quarters.date,
                            "sex": sex,
                            "indicator_code": indicator.indicator_code,
                            "value": values.astype(float),
                        }
                    )
                )
    generated = pd.concat(frames, ignore_index=True)
    generated["batch_id"] = batch_id
    return generated


def _survey_weights(countries: list[CountryFrame]) -> tuple[list[CountryFrame], np.ndarray]:
    surveyed = [c for c in countries if c.iso3 not in NOT_SURVEYED and 3 in c.pillars]
    weights = np.array([COUNTRY_WEIGHT.get(c.iso3, 1.0) for c in surveyed])
    return surveyed, weights / weights.sum()


def _country_effects(surveyed: list[CountryFrame], seed: int) -> np.ndarray:
    """Per-country shifts of (economic, social, psychosocial) means, fixed where sources speak."""
    rng = np.random.default_rng([seed, 2])
    effects = rng.normal(0, 0.04, size=(len(surveyed), 3))
    published = {"MOZ": (0.04, -0.02, 0.04), "MWI": (0.00, 0.05, 0.00)}
    for index, country in enumerate(surveyed):
        if country.iso3 in published:
            effects[index] = published[country.iso3]
    return effects


def _survey_chunk(
    surveyed: list[CountryFrame],
    weights: np.ndarray,
    effects: np.ndarray,
    seed: int,
    chunk_index: int,
    size: int,
    first_record: int,
    batch_id: int,
) -> pd.DataFrame:
    """One chunk of survey records; respondents with follow-up rounds keep their attributes."""
    rng = np.random.default_rng([seed, 3, chunk_index])
    rounds = rng.choice([1, 2, 3], size=size, p=[0.72, 0.20, 0.08])
    respondent_count = int(np.searchsorted(np.cumsum(rounds), size)) + 1
    rounds = rounds[:respondent_count]
    respondent = np.repeat(np.arange(respondent_count), rounds)[:size]
    round_index = np.arange(size) - np.repeat(np.cumsum(rounds) - rounds, rounds)[:size]

    country_of_resp = rng.choice(len(surveyed), size=respondent_count, p=weights)
    female_p = np.array([FEMALE_SHARE.get(c.iso3, DEFAULT_FEMALE_SHARE) for c in surveyed])
    female_resp = rng.random(respondent_count) < female_p[country_of_resp]
    age_resp = rng.choice(len(AGE_GROUPS), size=respondent_count, p=AGE_SHARES)
    type_resp = rng.choice(len(ASSISTANCE_TYPES), size=respondent_count, p=ASSISTANCE_TYPE_SHARES)
    level_resp = rng.choice(
        len(ASSISTANCE_LEVELS), size=respondent_count, p=ASSISTANCE_LEVEL_SHARES
    )
    referral_resp = rng.random(respondent_count) < REFERRAL_SHARE
    first_round_resp = rng.integers(0, 3, size=respondent_count)
    return_day_resp = rng.random(respondent_count)

    country = country_of_resp[respondent]
    female = female_resp[respondent]
    age = age_resp[respondent]
    assistance_type = type_resp[respondent]
    level = level_resp[respondent]
    referral = referral_resp[respondent]
    jitter_resp = rng.integers(-1, 2, size=respondent_count)
    round_no = first_round_resp[respondent] + round_index
    months = np.array(FOLLOW_UP_ROUNDS)[round_no] + jitter_resp[respondent]
    last_months = np.array(FOLLOW_UP_ROUNDS)[first_round_resp + rounds - 1] + jitter_resp

    starts = np.array([np.datetime64(c.start, "D") for c in surveyed])
    ends = np.array([np.datetime64(c.end, "D") for c in surveyed])
    span_days = (ends - starts).astype(int)
    # Returns happen early enough for the returnee's last round to fall inside the Action.
    room = np.maximum(span_days[country_of_resp] - last_months * 30 - 30, 1)
    return_offset = (return_day_resp * room).astype(int)[respondent]
    survey_date = starts[country] + return_offset + months * 30
    survey_date = np.minimum(survey_date, ends[country])

    iso3 = np.array([c.iso3 for c in surveyed])[country]
    is_moz, is_mwi = iso3 == "MOZ", iso3 == "MWI"
    sex_shift = np.where(is_moz, 0.04, np.where(is_mwi, -0.05, -0.03))
    time_gain = 0.09 * (1 - np.exp(-months / 8.0))
    economic_type = (assistance_type == 0) | (assistance_type == 3)
    level_shift = np.select([level == 0, level == 1], [0.04, 0.0], -0.01)
    age_shift = np.where(age == 3, -0.02, 0.0)

    economic_mean = (
        0.46
        + effects[country, 0]
        + time_gain
        + 0.05 * economic_type
        + level_shift
        - 0.06 * referral
        + female * sex_shift
        + age_shift
    )
    # A returnee's own level persists between rounds (scores of the same person correlate).
    person_resp = rng.normal(0, 0.08, size=respondent_count)
    economic = np.clip(economic_mean + person_resp[respondent] + rng.normal(0, 0.10, size), 0, 1)
    foundation = 0.4 * (economic - 0.5)
    social = np.clip(
        0.55
        + effects[country, 1]
        + foundation
        + 0.03 * economic_type
        + 0.5 * level_shift
        - 0.05 * referral
        + 0.5 * female * sex_shift
        + 0.6 * time_gain
        + rng.normal(0, 0.12, size),
        0,
        1,
    )
    psychosocial = np.clip(
        0.56
        + effects[country, 2]
        + foundation
        + 0.03 * economic_type
        + 0.5 * level_shift
        + 0.03 * (assistance_type == 2)
        + female * sex_shift
        + 0.5 * time_gain
        + rng.normal(0, 0.12, size),
        0,
        1,
    )
    economic, social, psychosocial = (np.round(x, 4) for x in (economic, social, psychosocial))
    composite = np.round((economic + social + psychosocial) / 3, 4)

    record_numbers = np.arange(first_record, first_record + size, dtype=np.int64)
    respondent_numbers = respondent.astype(np.int64) + first_record
    return pd.DataFrame(
        {
            "survey_id": _pseudonyms("S", record_numbers, seed),
            "respondent_id": _pseudonyms("R", respondent_numbers, seed + 7919),
            "action_code": np.array([c.action_code for c in surveyed])[country],
            "iso3": iso3,
            "survey_date": survey_date.astype("datetime64[s]"),
            "months_since_return": months.astype(np.int16),
            "sex": np.where(female, "female", "male"),
            "age_group": np.array(AGE_GROUPS)[age],
            "assistance_type": np.array(ASSISTANCE_TYPES)[assistance_type],
            "assistance_level": np.array(ASSISTANCE_LEVELS)[level],
            "referral": np.where(referral, "referral", "direct"),
            "economic_score": economic,
            "social_score": social,
            "psychosocial_score": psychosocial,
            "composite_score": composite,
            "composite_computed": True,
            "batch_id": batch_id,
        }
    )


_HEX_DIGITS = np.frombuffer(b"0123456789ABCDEF", dtype="S1")
_HEX_SHIFTS = np.arange(36, -1, -4, dtype=np.int64)


def _pseudonyms(prefix: str, numbers: np.ndarray, seed: int) -> np.ndarray:
    """Unique, non-sequential ids: an invertible scramble of the record number as 10 hex digits.

    Multiplying by an odd constant modulo 2**40 is a bijection, so distinct numbers stay distinct.
    """
    scrambled = (numbers * 0x9E3779B1 + seed * 0x85EBCA6B) % (1 << 40)
    digits = _HEX_DIGITS[(scrambled[:, None] >> _HEX_SHIFTS) & 0xF]
    hex_text = np.ascontiguousarray(digits).view("S10").ravel()
    return np.char.add(prefix.encode(), hex_text).astype(str)


def generate_survey_records(
    connection: duckdb.DuckDBPyConnection,
    countries: list[CountryFrame],
    rows: int,
    seed: int,
    batch_id: int,
) -> int:
    """Write ``rows`` survey records in chunks (bounded memory up to tens of millions)."""
    surveyed, weights = _survey_weights(countries)
    effects = _country_effects(surveyed, seed)
    written = 0
    for chunk_index, first in enumerate(range(0, rows, SURVEY_CHUNK_SIZE)):
        size = min(SURVEY_CHUNK_SIZE, rows - first)
        chunk = _survey_chunk(surveyed, weights, effects, seed, chunk_index, size, first, batch_id)
        schema.insert_frame(connection, "survey_responses", chunk)
        written += size
    return written


def fill_demo_data(
    connection: duckdb.DuckDBPyConnection, seed: int = DEFAULT_SEED, rows: int = DEFAULT_ROWS
) -> None:
    """Add demo indicator values and ``rows`` survey records to a store holding reference data."""
    countries = active_countries(connection)
    indicators = reference.indicator_pillars(connection)
    indicator_batch = schema.next_batch_id(connection)
    values = generate_indicator_values(countries, indicators, seed, indicator_batch)
    schema.record_batch(
        connection,
        {
            "batch_id": indicator_batch,
            "origin": "demo",
            "table_name": "indicator_values",
            "file_name": None,
            "sha256": None,
            "row_count": len(values),
            "description": f"demo indicator values, seed {seed}",
        },
    )
    schema.insert_frame(connection, "indicator_values", values)
    survey_batch = indicator_batch + 1
    schema.record_batch(
        connection,
        {
            "batch_id": survey_batch,
            "origin": "demo",
            "table_name": "survey_responses",
            "file_name": None,
            "sha256": None,
            "row_count": rows,
            "description": f"demo RSS records, seed {seed}",
        },
    )
    generate_survey_records(connection, countries, rows, seed, survey_batch)
    schema.set_store_info(connection, {"data_origin": "demo", "demo_seed": seed, "demo_rows": rows})
