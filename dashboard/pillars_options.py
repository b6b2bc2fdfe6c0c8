"""The pillars page's own options (indicator, trend grouping, sex split, drill-down Action).

One parser for URL parameters and control values, shared by the page layout (initial values and
the notice about dropped values), its callbacks and its chart exports, so a copied link, the
charts and the downloaded data always agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dashboard.catalog import Catalog
from dashboard.queries.indicators import DEFAULT_INDICATOR, TREND_GROUPINGS
from dashboard.queries.pillars import DEFAULT_DRILL_ACTION

# URL parameters of the page options.
INDICATOR_PARAM = "indicator"
TREND_PARAM = "trend"
BY_SEX_PARAM = "by_sex"
DRILL_PARAM = "drill"
EUTF_PILLAR_PARAM = "eutf_pillar"
DEFAULT_EUTF_PILLAR = 2
# The value of the "split by sex" checklist option, and therefore of ``by_sex=`` in the URL.
BY_SEX_ON = "1"
TRUE_TEXT = ("1", "true", "yes")
FALSE_TEXT = ("", "0", "false", "no")
MAX_REPORTED_LENGTH = 64


def default_indicator(catalog: Catalog) -> str:
    """The indicator the page opens on (the first known one if the default is missing)."""
    return DEFAULT_INDICATOR if DEFAULT_INDICATOR in catalog.indicators else next(iter(catalog.indicators), "")


def default_drill(catalog: Catalog) -> str | None:
    """The Action the drill-down opens on (the first known one if the default is missing)."""
    return DEFAULT_DRILL_ACTION if DEFAULT_DRILL_ACTION in catalog.actions else next(iter(catalog.actions), None)


def chosen_indicator(raw: object, catalog: Catalog) -> str:
    """A known indicator code: ``raw`` if the catalog knows it, else the default."""
    return raw if isinstance(raw, str) and raw in catalog.indicators else default_indicator(catalog)


def chosen_grouping(raw: object) -> str:
    """'region' or 'action': ``raw`` if offered, else the first grouping."""
    return raw if isinstance(raw, str) and raw in TREND_GROUPINGS else TREND_GROUPINGS[0]


def chosen_by_sex(raw: object) -> bool:
    """Whether the ranking is split by sex, from a URL text, a boolean or the checklist's value list."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, list | tuple):
        return BY_SEX_ON in raw
    return isinstance(raw, str) and raw.lower() in TRUE_TEXT


@dataclass(frozen=True)
class PageOptions:
    """The page's own choices. ``dropped`` lists (URL parameter, value) pairs that were ignored."""

    indicator: str
    trend: str
    by_sex: bool
    drill: str | None
    dropped: tuple[tuple[str, str], ...] = ()
    eutf_pillar: int = DEFAULT_EUTF_PILLAR

    @classmethod
    def from_params(cls, params: Mapping[str, object], catalog: Catalog) -> PageOptions:
        """``indicator=<code>``, ``trend=region|action``, ``by_sex=1``, ``drill=<Action code>``;
        unknown values fall back to the defaults and are listed in ``dropped``."""
        indicator, trend, by_sex, drill = (params.get(key) for key in (INDICATOR_PARAM, TREND_PARAM, BY_SEX_PARAM,
                                                                      DRILL_PARAM))
        eutf_pillar = params.get(EUTF_PILLAR_PARAM)
        valid = {
            INDICATOR_PARAM: indicator in catalog.indicators,
            TREND_PARAM: trend in TREND_GROUPINGS,
            BY_SEX_PARAM: isinstance(by_sex, str) and by_sex.lower() in TRUE_TEXT + FALSE_TEXT,
            DRILL_PARAM: drill in catalog.actions,
            EUTF_PILLAR_PARAM: eutf_pillar in [str(number) for number in catalog.pillars],
        }
        dropped = tuple(
            (key, str(value)[:MAX_REPORTED_LENGTH])
            for key, value in ((INDICATOR_PARAM, indicator), (TREND_PARAM, trend), (BY_SEX_PARAM, by_sex),
                               (DRILL_PARAM, drill), (EUTF_PILLAR_PARAM, eutf_pillar))
            if value is not None and not valid[key]
        )
        return cls(
            indicator=chosen_indicator(indicator, catalog),
            trend=chosen_grouping(trend),
            by_sex=chosen_by_sex(by_sex),
            drill=drill if valid[DRILL_PARAM] else default_drill(catalog),
            dropped=dropped,
            eutf_pillar=int(eutf_pillar) if valid[EUTF_PILLAR_PARAM] else DEFAULT_EUTF_PILLAR,
        )
