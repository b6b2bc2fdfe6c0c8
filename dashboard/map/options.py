"""The map page's own options (colouring, Afghanistan by province, the open country profile).

``TABLE`` is the page's one option table: the layout (first values, the notice about dropped
values), the options callback, the charts and the exports all read options through it, so a
copied link, the map and the downloaded data always agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dashboard import ids
from dashboard.common.options import (
    INVALID,
    OptionEnv,
    OptionTable,
    PageOption,
    constant,
    flag,
    one_of,
)
from dashboard.i18n import t
from dashboard.map.labels import COLOUR_MODES, DEFAULT_COLOUR_MODE
from dashboard.store.catalog import Catalog
from dashboard.store.eutf import MEASURES

# Colourings by an amount per country: real EUTF figures, or an indicator of the store.
EUTF_MODE = "eutf"
INDICATOR_MODE = "indicator"
AMOUNT_MODES = (EUTF_MODE, INDICATOR_MODE)
ALL_COLOUR_MODES = COLOUR_MODES + AMOUNT_MODES
DEFAULT_MEASURE = "returns"
DEFAULT_VALUE = "actual"

# URL parameters of the page options. ``country=`` is the shell's country filter, so the open
# profile has its own parameter.
COLOUR_PARAM = "colour"
PROVINCES_PARAM = "provinces"
PROFILE_PARAM = "profile"
MEASURE_PARAM = "measure"
VALUE_PARAM = "value"
STORE_INDICATOR_PARAM = "store_indicator"


def chosen_profile(raw: object, catalog: Catalog) -> str | None:
    """The ISO3 code of an Action country, or None for anything else."""
    return raw if isinstance(raw, str) and raw in catalog.countries else None


def _profile(raw: object, env: OptionEnv, chosen: Mapping[str, object]) -> object:
    return chosen_profile(raw, env.catalog) or INVALID


def first_indicator(catalog: Catalog) -> str | None:
    """The store indicator the "indicator" colouring opens on."""
    return next(iter(catalog.indicators), None)


def colour_modes(catalog: Catalog) -> tuple[str, ...]:
    """The colourings offered: every category, and each amount colouring only when the store
    has figures for it (EUTF figures; indicator values, demo or imported)."""
    amounts = ((EUTF_MODE,) if eutf_measures(catalog) else ()) + (
        (INDICATOR_MODE,) if catalog.data_origin != "empty" and catalog.indicators else ()
    )
    return COLOUR_MODES + amounts


def eutf_measures(catalog: Catalog) -> tuple[str, ...]:
    """The EUTF measures some country has a figure for, in ``MEASURES`` order."""
    return tuple(measure for measure in MEASURES if catalog.eutf_values.get(measure))


def eutf_values(catalog: Catalog, measure: object) -> tuple[str, ...]:
    """The values of ``measure`` some country has a figure for (``dashboard.store.eutf.available_values``:
    ``actual``, ``target``, ``pct``, or the budget's one value)."""
    return tuple(catalog.eutf_values.get(measure, ())) if isinstance(measure, str) else ()


def value_choices(catalog: Catalog, measure: object, lang: str) -> list[dict[str, str]]:
    """The value control's options: the values of ``measure`` some country has a figure for."""
    return [
        {"label": t(f"eutf.value.{key}", lang), "value": key}
        for key in eutf_values(catalog, measure)
    ]


def _default_measure(env: OptionEnv, chosen: Mapping[str, object]) -> str:
    offered = eutf_measures(env.catalog)
    return DEFAULT_MEASURE if DEFAULT_MEASURE in offered or not offered else offered[0]


def _default_value(env: OptionEnv, chosen: Mapping[str, object]) -> str:
    offered = eutf_values(env.catalog, chosen.get("measure"))
    return DEFAULT_VALUE if DEFAULT_VALUE in offered or not offered else offered[0]


TABLE = OptionTable(
    "map",
    "/",
    (
        PageOption(
            COLOUR_PARAM,
            "mode",
            (ids.MAP_COLOUR_RADIO, "value"),
            "map.colour.label",
            one_of(lambda env, chosen: colour_modes(env.catalog)),
            constant(DEFAULT_COLOUR_MODE),
        ),
        PageOption(
            PROVINCES_PARAM,
            "provinces",
            (ids.MAP_PROVINCES_SWITCH, "value"),
            "map.provinces.label",
            flag,
            constant(False),
            to_control=lambda value, env: bool(value),
        ),
        PageOption(
            PROFILE_PARAM,
            "profile",
            (ids.MAP_SELECTED_STORE, "data"),
            "map.notice.profile",
            _profile,
            constant(None),
        ),
        PageOption(
            MEASURE_PARAM,
            "measure",
            (ids.MAP_EUTF_MEASURE, "value"),
            "map.amount.measure",
            one_of(lambda env, chosen: eutf_measures(env.catalog)),
            _default_measure,
        ),
        # Only the values some country has a figure for (no Common Output Indicator row has a
        # target, so "target" and "% of target" are not offered); a link naming another one falls
        # back with a notice.
        PageOption(
            VALUE_PARAM,
            "value",
            (ids.MAP_EUTF_VALUE, "value"),
            "map.amount.value",
            one_of(lambda env, chosen: eutf_values(env.catalog, chosen.get("measure"))),
            _default_value,
        ),
        PageOption(
            STORE_INDICATOR_PARAM,
            "indicator",
            (ids.MAP_STORE_INDICATOR, "value"),
            "map.amount.indicator",
            one_of(lambda env, chosen: env.catalog.indicators),
            lambda env, chosen: first_indicator(env.catalog),
        ),
    ),
)


@dataclass(frozen=True)
class MapOptions:
    """The page's own choices. ``dropped`` lists (URL parameter, value) pairs that were ignored."""

    mode: str = DEFAULT_COLOUR_MODE
    provinces: bool = False
    profile: str | None = None
    measure: str = DEFAULT_MEASURE
    value: str = DEFAULT_VALUE
    indicator: str | None = None
    dropped: tuple[tuple[str, str], ...] = ()

    @property
    def is_amount(self) -> bool:
        """Whether the countries are coloured by an amount (EUTF or store indicator)."""
        return self.mode in AMOUNT_MODES

    @property
    def drawn_key(self) -> list:
        """What of these options the map draws (everything but the open profile), as JSON."""
        return [self.mode, self.provinces, self.measure, self.value, self.indicator]

    @classmethod
    def from_params(cls, params: Mapping[str, object], catalog: Catalog) -> MapOptions:
        """``colour=action|region|status|eutf|indicator``, ``provinces=1``, ``profile=<ISO3 of an
        Action country>``, ``measure=<EUTF measure>``, ``value=actual|target|pct|budget``,
        ``store_indicator=<indicator code>``; unknown values, and colourings, measures and values
        with no figure in the store, fall back to the defaults and are listed in ``dropped``."""
        parsed = TABLE.parse(params, OptionEnv(catalog))
        return cls(**parsed.values, dropped=parsed.dropped)
