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

# URL parameters of the page options. ``country=`` is the shell's country filter, so the open
# profile has its own parameter.
COLOUR_PARAM = "colour"
PROVINCES_PARAM = "provinces"
PROFILE_PARAM = "profile"
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
    dropped: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_params(cls, params: Mapping[str, object], catalog: Catalog) -> MapOptions:
        """``colour=action|region|status``, ``provinces=1``, ``profile=<ISO3 of an Action
        country>``; unknown values fall back to the defaults and are listed in ``dropped``."""
        colour, provinces, profile = (params.get(key) for key in (COLOUR_PARAM, PROVINCES_PARAM, PROFILE_PARAM))
        provinces_text = provinces.lower() if isinstance(provinces, str) else None
        valid = {
            COLOUR_PARAM: colour in COLOUR_MODES,
            PROVINCES_PARAM: provinces_text in TRUE_TEXT + FALSE_TEXT,
            PROFILE_PARAM: chosen_profile(profile, catalog) is not None,
        }
        dropped = tuple(
            (key, str(value)[:MAX_REPORTED_LENGTH])
            for key, value in ((COLOUR_PARAM, colour), (PROVINCES_PARAM, provinces), (PROFILE_PARAM, profile))
            if value is not None and not valid[key]
        )
        return cls(
            mode=str(colour) if valid[COLOUR_PARAM] else DEFAULT_COLOUR_MODE,
            provinces=provinces_text in TRUE_TEXT,
            profile=chosen_profile(profile, catalog),
            dropped=dropped,
        )
