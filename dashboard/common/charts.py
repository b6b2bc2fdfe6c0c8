"""How a page declares its charts: one ``ChartSpec`` row each, in its page's ``charts.py``, and
what every chart function receives (``ChartRequest``).

A row is the one place a chart is declared. The layout builds the chart's panel from it
(``layouts.chart_block``); one factory (``callbacks.charts``) answers every chart of a page in
one callback from the page's rows; downloads, table views, embeds and the API compute the chart's
data and figure through the same row. So a figure is built in exactly one place, its ``figure``
function, whoever asks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, TypeVar

import duckdb
import pandas as pd
from plotly import graph_objects as go

from dashboard.common.data_kinds import FACTS
from dashboard.selection import Selection
from dashboard.settings import Settings
from dashboard.store.catalog import Catalog

T = TypeVar("T")


class DictId(dict):
    """A dict component id (``{"type": ..., "page": ...}``) that can key a dict: the chart factory
    keys a page's outputs by ``(component id, property)``, so an output with a dict id (a page's
    options store) is declared with its id as a ``DictId`` (equal to the dict, written the same)."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items())))


OutputId = str | DictId  # the id of an output the chart factory fills


@dataclass(frozen=True)
class ChartRequest:
    """Everything needed to recompute the data behind a chart: filters, page options, language.

    ``memo`` holds what the chart functions of one request share (``per_request``), so that a
    chart's figure, summary and data, and the charts drawn from the same query, query once.
    """

    cursor: duckdb.DuckDBPyConnection
    catalog: Catalog
    settings: Settings
    selection: Selection
    params: Mapping[str, str]
    lang: str
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)


def per_request(function: Callable[..., T]) -> Callable[..., T]:
    """Compute ``function(request, *args)`` once per request: the query step that a chart's figure,
    summary and data (and sibling charts) all start from."""

    @wraps(function)
    def once(request: ChartRequest, *args: Any) -> T:
        key = (function, *args)
        if key not in request.memo:
            request.memo[key] = function(request, *args)
        return request.memo[key]

    return once


@dataclass(frozen=True)
class Redraw:
    """How a chart already drawn is brought up to date when only the page options changed: the
    change ``patch(figure)`` is sent onto it (a map keeps its base map and geometry), and nothing
    at all when what it draws of the options (``key(request)``) is what it was drawn for; the
    ``store`` (a ``dcc.Store`` of the page) keeps that key in the browser."""

    store: str
    key: Callable[[ChartRequest], object]
    patch: Callable[[go.Figure], object]


@dataclass(frozen=True)
class ChartSpec:
    """One chart of a page, declared once: its panel (ids, title), its data, its figure, its
    summary and when it follows the filters and the page options.

    ``data`` returns exactly what the chart shows, as a table with readable labels next to codes;
    downloads, the "show as table" view, the API and the zip use it, so they always match the
    chart. ``kind`` is the kind of data it shows (``dashboard.common.data_kinds``), or a function of
    the request for a chart whose kind follows a page option (the map's colouring); export headers,
    table views and images name it. The layout builds the chart's panel from ``graph_id``,
    ``title_key``, ``summary_id`` and ``height`` (``layouts.chart_block``); the page's chart
    callback fills the same ids: ``figure`` (the graph's figure; embeds draw it too), or ``draw``
    (the children of a panel that is no graph: cards, an HTML table), and ``summary`` (the
    paragraph ``summary_id``: what the chart shows, for screen readers).
    """

    key: str
    page: str
    graph_id: str
    title_key: str
    data: Callable[[ChartRequest], pd.DataFrame]
    kind: str | Callable[[ChartRequest], str] = FACTS
    # The chart itself for a request, from the same query as its data; None for a panel that is
    # no graph (``draw``): embeds then show the data as a table. Keyword-only, so fields added
    # later stay positional.
    figure: Callable[[ChartRequest], go.Figure] | None = field(default=None, kw_only=True)
    # The children of a panel that is no graph (headline cards, an HTML table).
    draw: Callable[[ChartRequest], object] | None = field(default=None, kw_only=True)
    # The chart's text summary for screen readers (into the paragraph ``summary_id``).
    summary: Callable[[ChartRequest], str] | None = field(default=None, kw_only=True)
    # What the chart is about for a request when its title alone does not say (the country of a
    # profile's trend), or None; exports name it in their title and file name.
    subject: Callable[[ChartRequest], str | None] | None = field(default=None, kw_only=True)
    # The paragraph holding the chart's text summary for screen readers (None: the chart has none),
    # and the graph's fixed height in pixels (None: the stylesheet's).
    summary_id: str | None = field(default=None, kw_only=True)
    height: int | None = field(default=None, kw_only=True)
    # A chart shown only when it has something to show (a country profile's trend): ``shown`` says
    # whether, and the panel ``block_id`` is hidden otherwise (its figure is then left as it was).
    shown: Callable[[ChartRequest], bool] | None = field(default=None, kw_only=True)
    block_id: str | None = field(default=None, kw_only=True)
    # How the drawn chart is updated when only the page options change (None: drawn again).
    redraw: Redraw | None = field(default=None, kw_only=True)
    # Whether the chart changes with the filters and with the page options; it is not computed
    # again when only what it does not follow changed.
    follows_filters: bool = field(default=True, kw_only=True)
    follows_options: bool = field(default=True, kw_only=True)

    def kind_of(self, request: ChartRequest) -> str:
        """The kind of data the chart shows for ``request``."""
        return self.kind(request) if callable(self.kind) else self.kind

    def subject_of(self, request: ChartRequest) -> str | None:
        """What the chart is about for ``request`` (None: its title says it all)."""
        return self.subject(request) if self.subject is not None else None

    def is_shown(self, request: ChartRequest) -> bool:
        """Whether the chart has something to show for ``request`` (always, unless it says otherwise)."""
        return self.shown(request) if self.shown is not None else True


@dataclass(frozen=True)
class Extra:
    """Outputs beside a page's charts that its chart callback fills from the same request: a table
    next to a chart, a note, a drop-down's choices, whether a group of controls is shown.

    ``build(request)`` returns one value per output, in order. Like a chart, an extra says which
    changes it follows; it is not computed again when only what it does not follow changed.
    """

    outputs: tuple[tuple[OutputId, str], ...]
    build: Callable[[ChartRequest], tuple]
    follows_filters: bool = True
    follows_options: bool = True
    # Its ``children`` outputs are HTML blocks (tables): sent to the browser as one string each
    # (``dashboard.common.html_block``), not as a tree of components.
    as_html: bool = False
