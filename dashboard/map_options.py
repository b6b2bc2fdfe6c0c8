"""The map page's own options (colouring, Afghanistan by province, the open country profile).

``TABLE`` is the page's one option table: the layout (first values, the notice about dropped
values), the options callback, the charts and the exports all read options through it, so a
copied link, the map and the downloaded data always agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dashboard import ids
from dashboard.catalog import Catalog
from dashboard.figures.map import COLOUR_MODES, DEFAULT_COLOUR_MODE
from dashboard.page_state import INVALID, OptionEnv, OptionTable, PageOption, constant, flag, one_of

# URL parameters of the page options. ``country=`` is the shell's country filter, so the open
# profile has its own parameter.
COLOUR_PARAM = "colour"
PROVINCES_PARAM = "provinces"
PROFILE_PARAM = "profile"


def chosen_profile(raw: object, catalog: Catalog) -> str | None:
    """The ISO3 code of an Action country, or None for anything else."""
    return raw if isinstance(raw, str) and raw in catalog.countries else None


def _profile(raw: object, env: OptionEnv, chosen: Mapping[str, object]) -> object:
    return chosen_profile(raw, env.catalog) or INVALID


TABLE = OptionTable("map", "/", (
    PageOption(COLOUR_PARAM, "mode", (ids.MAP_COLOUR_RADIO, "value"), "map.colour.label",
               one_of(lambda env, chosen: COLOUR_MODES), constant(DEFAULT_COLOUR_MODE)),
    PageOption(PROVINCES_PARAM, "provinces", (ids.MAP_PROVINCES_SWITCH, "value"), "map.provinces.label",
               flag, constant(False), to_control=lambda value, env: bool(value)),
    PageOption(PROFILE_PARAM, "profile", (ids.MAP_SELECTED_STORE, "data"), "map.notice.profile",
               _profile, constant(None)),
))


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
        parsed = TABLE.parse(params, OptionEnv(catalog))
        return cls(**parsed.values, dropped=parsed.dropped)
