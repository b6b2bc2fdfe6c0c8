"""The pillars page's own options (indicator, trend grouping, sex split, drill-down Action).

``TABLE`` is the page's one option table: the layout (first values, the notice about dropped
values), the options callback, the charts and the exports all read options through it, so a
copied link, the charts and the downloaded data always agree.
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
from dashboard.pillars.queries import DEFAULT_DRILL_ACTION, DEFAULT_INDICATOR, TREND_GROUPINGS
from dashboard.store.catalog import Catalog

# URL parameters of the page options.
INDICATOR_PARAM = "indicator"
TREND_PARAM = "trend"
BY_SEX_PARAM = "by_sex"
DRILL_PARAM = "drill"
EUTF_PILLAR_PARAM = "eutf_pillar"
DEFAULT_EUTF_PILLAR = 2
# The value of the "split by sex" checklist option, and therefore of ``by_sex=`` in the URL.
BY_SEX_ON = "1"


def default_indicator(catalog: Catalog) -> str:
    """The indicator the page opens on (the first known one if the default is missing)."""
    return (
        DEFAULT_INDICATOR
        if DEFAULT_INDICATOR in catalog.indicators
        else next(iter(catalog.indicators), "")
    )


def default_drill(catalog: Catalog) -> str | None:
    """The Action the drill-down opens on (the first known one if the default is missing)."""
    return (
        DEFAULT_DRILL_ACTION
        if DEFAULT_DRILL_ACTION in catalog.actions
        else next(iter(catalog.actions), None)
    )


def _checklist_text(value: object) -> object:
    """The sex split checklist's value list as URL text."""
    return BY_SEX_ON if isinstance(value, list | tuple) and BY_SEX_ON in value else ""


def _eutf_pillar(raw: object, env: OptionEnv, chosen: Mapping[str, object]) -> object:
    """A pillar number of the catalog, from URL or control text (anything else is not one)."""
    return (
        int(raw)
        if isinstance(raw, str) and raw in [str(number) for number in env.catalog.pillars]
        else INVALID
    )


TABLE = OptionTable(
    "pillars",
    "/pillars",
    (
        PageOption(
            INDICATOR_PARAM,
            "indicator",
            (ids.PILLARS_INDICATOR_DROPDOWN, "value"),
            "pillars.controls.indicator",
            one_of(lambda env, chosen: env.catalog.indicators),
            lambda env, chosen: default_indicator(env.catalog),
        ),
        PageOption(
            TREND_PARAM,
            "trend",
            (ids.PILLARS_TREND_RADIO, "value"),
            "pillars.controls.trend",
            one_of(lambda env, chosen: TREND_GROUPINGS),
            constant(TREND_GROUPINGS[0]),
        ),
        PageOption(
            BY_SEX_PARAM,
            "by_sex",
            (ids.PILLARS_SEX_CHECKLIST, "value"),
            "pillars.controls.by_sex",
            flag,
            constant(False),
            to_control=lambda value, env: [BY_SEX_ON] if value else [],
            from_control=_checklist_text,
        ),
        PageOption(
            DRILL_PARAM,
            "drill",
            (ids.PILLARS_DRILL_DROPDOWN, "value"),
            "pillars.drill.label",
            one_of(lambda env, chosen: env.catalog.actions),
            lambda env, chosen: default_drill(env.catalog),
        ),
        PageOption(
            EUTF_PILLAR_PARAM,
            "eutf_pillar",
            (ids.PILLARS_EUTF_PILLAR_RADIO, "value"),
            "eutf.pillars.choose",
            _eutf_pillar,
            constant(DEFAULT_EUTF_PILLAR),
            to_control=lambda value, env: str(value),
        ),
    ),
)


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
        """``indicator=<code>``, ``trend=region|action``, ``by_sex=1``, ``drill=<Action code>``,
        ``eutf_pillar=<pillar number>``; unknown values fall back to the defaults and are listed in ``dropped``."""
        parsed = TABLE.parse(params, OptionEnv(catalog))
        return cls(**parsed.values, dropped=parsed.dropped)
