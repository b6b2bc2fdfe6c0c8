"""Each page's own URL options as the API accepts them: their names, and which values a page ignores.

The pages drop an unknown option value and show their default; the API refuses it instead (400),
so a typo in a script never silently returns other numbers. The values are checked by the pages'
own option tables (``dashboard.common.options``), so the API accepts exactly what a page address
does, and the data functions read the very options value the page's store would hold.
"""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.common.charts import ChartRequest
from dashboard.common.options import OptionEnv, OptionTable
from dashboard.site import option_tables

Dropped = tuple[tuple[str, str], ...]

# page key -> its option table
PAGE_TABLES: Mapping[str, OptionTable] = option_tables()


def option_params(page: str) -> tuple[str, ...]:
    """The URL options of ``page`` (none for a page without options)."""
    table = PAGE_TABLES.get(page)
    return table.params if table is not None else ()


def resolve_options(page: str, request: ChartRequest) -> tuple[dict[str, str], Dropped]:
    """The options value ``page``'s data functions read for the request's raw URL options (what
    the page's options store would hold), and the (parameter, value) pairs the page would ignore.
    The one place that knows how a page turns its address into options: its table's parser."""
    table = PAGE_TABLES.get(page)
    if table is None:
        return dict(request.params), ()
    parsed = table.parse(
        request.params,
        OptionEnv(
            request.catalog, request.settings, request.cursor, request.lang, request.selection
        ),
    )
    return dict(parsed.texts), parsed.dropped
