"""The map page's own options (colouring, Afghanistan by province, the open country profile).

One parser for URL parameters, shared by the page layout (initial values and the notice about
dropped values), its callbacks and its chart exports, so a copied link, the map and the
downloaded data always agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dashboard.catalog import Catalog
from dashboard.figures.map import COLOUR_MODES, DEFAULT_COLOUR_MODE
from dashboard.queries.eutf import MEASURES, VALUE_KINDS

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
TRUE_TEXT = ("1", "true", "yes")
FALSE_TEXT = ("", "0", "false", "no")
MAX_REPORTED_LENGTH = 64


def chosen_profile(raw: object, catalog: Catalog) -> str | None:
    """The ISO3 code of an Action country, or None for anything else."""
    return raw if isinstance(raw, str) and raw in catalog.countries else None


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

    @classmethod
    def from_params(cls, params: Mapping[str, object], catalog: Catalog) -> MapOptions:
        """``colour=action|region|status|eutf|indicator``, ``provinces=1``, ``profile=<ISO3 of an
        Action country>``, ``measure=<EUTF measure>``, ``value=actual|target|pct``,
        ``store_indicator=<indicator code>``; unknown values fall back to the defaults and are
        listed in ``dropped``."""
        keys = (COLOUR_PARAM, PROVINCES_PARAM, PROFILE_PARAM, MEASURE_PARAM, VALUE_PARAM, STORE_INDICATOR_PARAM)
        colour, provinces, profile, measure, value, indicator = (params.get(key) for key in keys)
        provinces_text = provinces.lower() if isinstance(provinces, str) else None
        valid = {
            COLOUR_PARAM: colour in ALL_COLOUR_MODES,
            PROVINCES_PARAM: provinces_text in TRUE_TEXT + FALSE_TEXT,
            PROFILE_PARAM: chosen_profile(profile, catalog) is not None,
            MEASURE_PARAM: isinstance(measure, str) and measure in MEASURES,
            VALUE_PARAM: isinstance(value, str) and value in VALUE_KINDS,
            STORE_INDICATOR_PARAM: isinstance(indicator, str) and indicator in catalog.indicators,
        }
        dropped = tuple(
            (key, str(raw)[:MAX_REPORTED_LENGTH])
            for key, raw in zip(keys, (colour, provinces, profile, measure, value, indicator), strict=True)
            if raw is not None and not valid[key]
        )
        return cls(
            mode=str(colour) if valid[COLOUR_PARAM] else DEFAULT_COLOUR_MODE,
            provinces=provinces_text in TRUE_TEXT,
            profile=chosen_profile(profile, catalog),
            measure=str(measure) if valid[MEASURE_PARAM] else DEFAULT_MEASURE,
            value=str(value) if valid[VALUE_PARAM] else DEFAULT_VALUE,
            indicator=str(indicator) if valid[STORE_INDICATOR_PARAM] else None,
            dropped=dropped,
        )
