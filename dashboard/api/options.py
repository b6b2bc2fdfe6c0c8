"""Each page's own URL options as the API accepts them: their names, and which values a page ignores.

The pages drop an unknown option value and show their default; the API refuses it instead (400),
so a typo in a script never silently returns other numbers. The values are checked by the pages'
own parsers, so the API accepts exactly what a page address does. ``resolve_options`` is the one
place that turns an address's options into what the data functions read: with one option table
per page, it becomes ``table.parse(params, env)`` giving ``(parsed.texts, parsed.dropped)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from dashboard.charts import ChartRequest
from dashboard.figures import sustainability as sustainability_figures
from dashboard.map_options import (
    COLOUR_PARAM,
    MEASURE_PARAM,
    PROFILE_PARAM,
    PROVINCES_PARAM,
    STORE_INDICATOR_PARAM,
    VALUE_PARAM,
    MapOptions,
)
from dashboard.pillars_options import (
    BY_SEX_PARAM,
    DRILL_PARAM,
    EUTF_PILLAR_PARAM,
    INDICATOR_PARAM,
    TREND_PARAM,
)
from dashboard.pillars_options import PageOptions as PillarsOptions
from dashboard.queries import sustainability as sustainability_queries
from dashboard.sustainability_options import PARAMS as SUSTAINABILITY_PARAMS
from dashboard.sustainability_options import chosen_grouping, page_options

Dropped = tuple[tuple[str, str], ...]


def _map_dropped(request: ChartRequest) -> Dropped:
    return MapOptions.from_params(request.params, request.catalog).dropped


def _pillars_dropped(request: ChartRequest) -> Dropped:
    return PillarsOptions.from_params(request.params, request.catalog).dropped


def _sustainability_dropped(request: ChartRequest) -> Dropped:
    grouping = chosen_grouping(request.params.get("group"))
    labels = sustainability_figures.group_labels(grouping, request.lang, request.catalog)
    choices = sustainability_figures.group_options(
        sustainability_queries.group_codes(request.cursor, grouping), labels)
    return page_options(request.params, request.settings.threshold,
                        [choice["value"] for choice in choices]).dropped


# page -> (its URL options, the values of a request its parser ignores)
PAGE_OPTIONS: Mapping[str, tuple[tuple[str, ...], Callable[[ChartRequest], Dropped]]] = {
    "map": ((COLOUR_PARAM, PROVINCES_PARAM, PROFILE_PARAM, MEASURE_PARAM, VALUE_PARAM, STORE_INDICATOR_PARAM),
            _map_dropped),
    "pillars": ((INDICATOR_PARAM, TREND_PARAM, BY_SEX_PARAM, DRILL_PARAM, EUTF_PILLAR_PARAM), _pillars_dropped),
    "sustainability": (tuple(SUSTAINABILITY_PARAMS), _sustainability_dropped),
}


def option_params(page: str) -> tuple[str, ...]:
    """The URL options of ``page`` (none for a page without options)."""
    return PAGE_OPTIONS.get(page, ((), None))[0]


def resolve_options(page: str, request: ChartRequest) -> tuple[dict[str, str], Dropped]:
    """The options value ``page``'s data functions read for the request's raw URL options, and the
    (parameter, value) pairs the page would ignore. The one place that knows how a page turns its
    address into options."""
    entry = PAGE_OPTIONS.get(page)
    return dict(request.params), (entry[1](request) if entry else ())
