"""The catalog: every code the app knows with its names in both languages, read once per process.

Filter options, label look-ups and the validation of filter values from a URL all use it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

import duckdb

from dashboard.i18n import normalise_language
from dashboard.store import eutf, reference
from dashboard.store.ledger import DEMO, IMPORTED, Ledger, file_ledger

if TYPE_CHECKING:
    from dashboard.selection import Selection

T = TypeVar("T")
# Answers that depend on the filters kept per store version (see Catalog.recent): a filter change
# of one visitor asks for the same ones from every callback of the page.
RECENT_KEPT = 512


@dataclass(frozen=True)
class Named:
    """A code with its English and French names."""

    code: str
    name_en: str
    name_fr: str

    def name(self, lang: str | None) -> str:
        """The name in ``lang``."""
        return self.name_fr if normalise_language(lang) == "fr" else self.name_en


@dataclass(frozen=True)
class Catalog:
    """Codes and names of the store's reference data, plus what kind of fact data it holds."""

    regions: Mapping[str, Named]
    statuses: Mapping[str, Named]
    actions: Mapping[str, Named]
    action_region: Mapping[str, str]
    action_status: Mapping[str, str]
    countries: Mapping[str, Named]
    country_action: Mapping[str, str]
    pillars: Mapping[int, Named]
    indicators: Mapping[str, Named]
    quarters: tuple[str, ...]
    info: Mapping[str, str]
    # The protected release's public parameters (budget, mechanism, measurements).
    release: Mapping[str, object] = field(default_factory=dict)
    # How many imported survey files the store holds rows of (their names are not public).
    survey_imports: int = 0
    # EUTF map measure -> the values some country has a figure for (``eutf.available_values``):
    # the map offers only these.
    eutf_values: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    # Other values read once from this store version (survey group codes, imported file names):
    # a version's content never changes, so they live exactly as long as its catalog.
    _read_once: dict = field(default_factory=dict, init=False, compare=False, repr=False)
    # The last RECENT_KEPT answers that depend on a selection (``recent``), newest last.
    _recent: OrderedDict = field(default_factory=OrderedDict, init=False, compare=False, repr=False)
    _recent_lock: threading.Lock = field(
        default_factory=threading.Lock, init=False, compare=False, repr=False
    )

    def once(self, key: Hashable, read: Callable[[], T]) -> T:
        """``read()`` the first time ``key`` is asked for on this store version, then that answer."""
        try:
            return self._read_once[key]
        except KeyError:
            return self._read_once.setdefault(key, read())

    def recent(self, key: Hashable, read: Callable[[], T], keep: int = RECENT_KEPT) -> T:
        """``read()``, or its answer when ``key`` is among the last ``keep`` keys asked for on this
        store version (for answers that depend on the filters; the answer must not be changed)."""
        with self._recent_lock:
            if key in self._recent:
                self._recent.move_to_end(key)
                return self._recent[key]
        answer = read()
        with self._recent_lock:
            self._recent[key] = answer
            while len(self._recent) > keep:
                self._recent.popitem(last=False)
        return answer

    def kept_actions(self, selection: Selection) -> tuple[str, ...] | None:
        """The codes of the Actions the region, status and Action filters of ``selection`` keep
        (in code order; empty when they keep none), or None when none of those filters is set.
        The same as the SQL conditions of each filter (``store.sql.selection_conditions``) on
        this store version's Actions."""
        if not (selection.regions or selection.statuses or selection.actions):
            return None
        return tuple(
            sorted(
                code
                for code in self.actions
                if (not selection.regions or self.action_region.get(code) in selection.regions)
                and (not selection.statuses or self.action_status.get(code) in selection.statuses)
                and (not selection.actions or code in selection.actions)
            )
        )

    @property
    def data_origin(self) -> str:
        """'demo', 'imported' or 'empty'."""
        return self.info.get("data_origin", "empty")

    @property
    def is_demo(self) -> bool:
        """True when the fact data is generated demo data."""
        return self.data_origin == "demo"

    def options(self, field: str, lang: str | None) -> list[dict[str, object]]:
        """Dropdown options ``{"label", "value"}`` for a filter field, labels in ``lang``."""
        source: Mapping = getattr(self, field)
        return [{"label": named.name(lang), "value": code} for code, named in source.items()]


def _named(frame, code_column: str, en: str = "name_en", fr: str = "name_fr") -> Mapping:
    return MappingProxyType(
        {
            row[code_column]: Named(str(row[code_column]), row[en], row[fr])
            for row in frame.to_dict("records")
        }
    )


def release_with_ledger(
    cursor: duckdb.DuckDBPyConnection, ledger: Ledger | None
) -> dict[str, object]:
    """The release's public parameters with the privacy ledger's totals (``ledger.Ledger.public``):
    of a store directory's whole history when ``ledger`` is given, else of the store file itself.
    Demo data shows the demo releases' total; any other store the imported data's."""
    parameters = reference.release_parameters(cursor)
    if not parameters:
        return parameters
    origin = reference.store_info(cursor).get("data_origin")
    of = DEMO if origin == DEMO else IMPORTED
    return {**parameters, **(ledger or file_ledger(cursor)).public(of)}


def load_catalog(cursor: duckdb.DuckDBPyConnection, ledger: Ledger | None = None) -> Catalog:
    """Read the catalog from a store (``ledger``: its directory's privacy ledger, if it has one)."""
    actions = reference.actions(cursor)
    countries = reference.countries(cursor)
    pillars = reference.pillars(cursor)
    return Catalog(
        regions=_named(reference.regions(cursor), "region_code"),
        statuses=_named(reference.statuses(cursor), "status_code"),
        actions=_named(actions, "action_code", "short_name_en", "short_name_fr"),
        action_region=MappingProxyType(
            dict(zip(actions["action_code"], actions["region_code"], strict=True))
        ),
        action_status=MappingProxyType(
            dict(zip(actions["action_code"], actions["status_code"], strict=True))
        ),
        countries=_named(countries, "iso3"),
        country_action=MappingProxyType(
            dict(zip(countries["iso3"], countries["action_code"], strict=True))
        ),
        pillars=MappingProxyType(
            {
                int(row["pillar_no"]): Named(
                    str(int(row["pillar_no"])),
                    f"{int(row['pillar_no'])}. {row['name_en']}",
                    f"{int(row['pillar_no'])}. {row['name_fr']}",
                )
                for row in pillars.to_dict("records")
            }
        ),
        indicators=_named(reference.indicators(cursor), "indicator_code"),
        quarters=tuple(reference.data_quarters(cursor)),
        info=MappingProxyType(reference.store_info(cursor)),
        release=MappingProxyType(release_with_ledger(cursor, ledger)),
        survey_imports=reference.survey_import_count(cursor),
        eutf_values=MappingProxyType(eutf.available_values(cursor)),
    )
