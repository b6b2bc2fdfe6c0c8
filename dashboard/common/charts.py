"""What a chart's data function receives, and how a page declares its charts (one row each, in
its page's ``charts.py``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import duckdb
import pandas as pd
from plotly import graph_objects as go

from dashboard.common.data_kinds import FACTS
from dashboard.selection import Selection
from dashboard.settings import Settings
from dashboard.store.catalog import Catalog


@dataclass(frozen=True)
class ChartRequest:
    """Everything needed to recompute the data behind a chart: filters, page options, language."""

    cursor: duckdb.DuckDBPyConnection
    catalog: Catalog
    settings: Settings
    selection: Selection
    params: Mapping[str, str]
    lang: str


@dataclass(frozen=True)
class ChartSpec:
    """One chart of a page, declared once: its panel (ids, title), its data and its figure.

    ``data`` returns exactly what the chart shows, as a table with readable labels next to codes;
    downloads and the "show as table" view use it, so they always match the chart. ``kind`` is
    the kind of data it shows (``dashboard.common.data_kinds``), or a function of the request for a
    chart whose kind follows a page option (the map's colouring); export headers, table views
    and images name it. The layout builds the chart's panel from ``graph_id``, ``title_key``,
    ``summary_id`` and ``height`` (``layouts.chart_block``); the callbacks fill the same ids.
    """

    key: str
    page: str
    graph_id: str
    title_key: str
    data: Callable[[ChartRequest], pd.DataFrame]
    kind: str | Callable[[ChartRequest], str] = FACTS
    # The chart itself for a request, from the same data (the embeddable page draws it); None:
    # embeds show the data as a table. Keyword-only, so fields added later stay positional.
    figure: Callable[[ChartRequest], go.Figure] | None = field(default=None, kw_only=True)
    # What the chart is about for a request when its title alone does not say (the country of a
    # profile's trend), or None; exports name it in their title and file name.
    subject: Callable[[ChartRequest], str | None] | None = field(default=None, kw_only=True)
    # The paragraph holding the chart's text summary for screen readers (None: the chart has none),
    # and the graph's fixed height in pixels (None: the stylesheet's).
    summary_id: str | None = field(default=None, kw_only=True)
    height: int | None = field(default=None, kw_only=True)

    def kind_of(self, request: ChartRequest) -> str:
        """The kind of data the chart shows for ``request``."""
        return self.kind(request) if callable(self.kind) else self.kind

    def subject_of(self, request: ChartRequest) -> str | None:
        """What the chart is about for ``request`` (None: its title says it all)."""
        return self.subject(request) if self.subject is not None else None
