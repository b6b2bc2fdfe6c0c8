"""The filter state as a typed, hashable value, built from raw Dash or URL values."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import parse_qs, urlencode

QUARTER_PATTERN = re.compile(r"^(\d{4})-Q([1-4])$")
MAX_VALUES_PER_FIELD = 100
MAX_VALUE_LENGTH = 64

# Filter field -> URL parameter name.
URL_KEYS = {
    "regions": "region",
    "statuses": "status",
    "actions": "action",
    "countries": "country",
    "pillars": "pillar",
    "period_start": "from",
    "period_end": "to",
}


class KnownCodes(Protocol):
    """What a selection keeps codes from: the codes the store knows (``dashboard.store.catalog.Catalog``)."""

    @property
    def regions(self) -> Mapping[str, object]: ...

    @property
    def statuses(self) -> Mapping[str, object]: ...

    @property
    def actions(self) -> Mapping[str, object]: ...

    @property
    def countries(self) -> Mapping[str, object]: ...

    @property
    def pillars(self) -> Mapping[int, object]: ...

    @property
    def quarters(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class Dropped:
    """A raw value that was not recognised and ignored."""

    field: str
    value: str


@dataclass(frozen=True)
class Selection:
    """What the user filtered on. Empty tuples mean 'all'; periods are quarters like '2019-Q3'."""

    regions: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    pillars: tuple[int, ...] = ()
    period_start: str | None = None
    period_end: str | None = None
    dropped: tuple[Dropped, ...] = field(default=(), compare=False, hash=False)

    @classmethod
    def from_raw(cls, raw: Mapping[str, object], catalog: KnownCodes) -> Selection:
        """Build a selection from raw values, keeping only codes the catalog knows.

        Every unknown, malformed or oversized value is dropped and recorded in ``dropped``.
        A reversed period is put the right way round.
        """
        dropped: list[Dropped] = []
        if not isinstance(raw, Mapping):
            raw = {}

        def codes(name: str, known: Iterable[object], cast=str) -> tuple:
            known_set = set(known)
            kept = []
            for value in _as_list(raw.get(name))[:MAX_VALUES_PER_FIELD]:
                try:
                    code = cast(value)
                except (TypeError, ValueError):
                    code = None
                if code in known_set and code not in kept:
                    kept.append(code)
                else:
                    dropped.append(Dropped(name, _short(value)))
            return tuple(sorted(kept))

        def quarter(name: str) -> str | None:
            value = raw.get(name)
            if value in (None, ""):
                return None
            if (
                isinstance(value, str)
                and QUARTER_PATTERN.match(value)
                and value in catalog.quarters
            ):
                return value
            dropped.append(Dropped(name, _short(value)))
            return None

        start, end = quarter("period_start"), quarter("period_end")
        if start and end and quarter_key(start) > quarter_key(end):
            start, end = end, start
        return cls(
            regions=codes("regions", catalog.regions),
            statuses=codes("statuses", catalog.statuses),
            actions=codes("actions", catalog.actions),
            countries=codes("countries", catalog.countries),
            pillars=codes("pillars", catalog.pillars, cast=_as_int),
            period_start=start,
            period_end=end,
            dropped=tuple(dropped),
        )

    @classmethod
    def from_query_string(cls, search: str | None, catalog: KnownCodes) -> Selection:
        """Build a selection from a URL query string such as ``?region=WCA&from=2019-Q1``."""
        params = parse_qs(
            (search if isinstance(search, str) else "").lstrip("?"), keep_blank_values=False
        )
        raw: dict[str, object] = {}
        for name, key in URL_KEYS.items():
            values = [part for value in params.get(key, []) for part in value.split(",") if part]
            raw[name] = (
                values
                if name not in ("period_start", "period_end")
                else (values[0] if values else None)
            )
        return cls.from_raw(raw, catalog)

    def to_query_items(self) -> list[tuple[str, str]]:
        """The selection as URL parameters, in a stable order."""
        items: list[tuple[str, str]] = []
        for name, key in URL_KEYS.items():
            value = getattr(self, name)
            if isinstance(value, tuple) and value:
                items.append((key, ",".join(str(part) for part in value)))
            elif isinstance(value, str):
                items.append((key, value))
        return items

    def to_query_string(self) -> str:
        """``?region=WCA&...`` or the empty string for no filters."""
        items = self.to_query_items()
        return "?" + urlencode(items, safe=",") if items else ""

    def to_dict(self) -> dict[str, object]:
        """A JSON-friendly dict for a ``dcc.Store`` (without the dropped values)."""
        return {
            "regions": list(self.regions),
            "statuses": list(self.statuses),
            "actions": list(self.actions),
            "countries": list(self.countries),
            "pillars": list(self.pillars),
            "period_start": self.period_start,
            "period_end": self.period_end,
        }

    @property
    def start_date(self) -> dt.date | None:
        """First day of the first quarter, or None for no lower bound."""
        return quarter_start(self.period_start) if self.period_start else None

    @property
    def end_date_exclusive(self) -> dt.date | None:
        """First day after the last quarter, or None for no upper bound."""
        if not self.period_end:
            return None
        year, number = quarter_key(self.period_end)
        return dt.date(year + (number == 4), (number % 4) * 3 + 1, 1)


def quarter_key(quarter: str) -> tuple[int, int]:
    """('2019-Q3') -> (2019, 3)."""
    match = QUARTER_PATTERN.match(quarter)
    if not match:
        raise ValueError(f"not a quarter: {quarter!r}")
    return int(match.group(1)), int(match.group(2))


def quarter_start(quarter: str) -> dt.date:
    """('2019-Q3') -> 2019-07-01."""
    year, number = quarter_key(quarter)
    return dt.date(year, 3 * number - 2, 1)


def _as_list(value: object) -> list[object]:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def _as_int(value: object) -> int:
    if isinstance(value, bool):
        raise ValueError("not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit() and len(value) < 4:
        return int(value)
    raise ValueError("not a number")


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= MAX_VALUE_LENGTH else text[:MAX_VALUE_LENGTH] + "…"
