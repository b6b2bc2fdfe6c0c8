"""One callback per page answers every chart of the page and its extras, built from the page's
registry (``Page.charts``, ``Page.extras``) by one factory: a filter change or an options change
is one request and one answer per page, and adding a chart adds a registry row, never a callback.

For each chart the answer holds its figure (``ChartSpec.figure``, the same function embeds and the
API draw with) or the children of a panel that is no graph (``draw``), its text summary, and
whether its panel is shown (``block_id``); then each extra's outputs. What does not follow the
change that triggered the call (the EUTF figures ignore the filters; the coverage charts ignore
the page options) is left as it is, and so is a chart the browser keeps drawn (``Redraw``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import orjson
import pandas as pd
from dash import Dash, Input, Output, State, ctx, html, no_update
from dash.development.base_component import Component
from dash.exceptions import PreventUpdate
from plotly.basedatatypes import BaseFigure
from plotly.io._json import clean_to_json_compatible

from dashboard import ids
from dashboard.auth.policy import VIEWING
from dashboard.common.charts import ChartRequest, ChartSpec, Extra, OutputId
from dashboard.common.html_block import html_block
from dashboard.common.pages import Page, Site
from dashboard.common.wiring import declare
from dashboard.i18n import normalise_language
from dashboard.selection import Selection
from dashboard.store.context import AppContext

FILTERS, OPTIONS = "filters", "options"
ORJSON_OPTIONS = (
    orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY
)  # plotly's, when Dash writes an answer
Key = tuple[OutputId, str]  # (component id, property) of an output


def figure_value(figure: object) -> object:
    """A figure as the answer carries it: a plain dict (what Dash would make of a ``go.Figure`` when
    it serialises the answer, numpy arrays already as plotly's typed arrays), so that the whole
    answer is plain data and Dash's JSON step runs in orjson instead of a pure-Python pass. A
    figure built as plain data already (``dashboard.common.figures.plain_figure``) is taken as it
    is. Values orjson cannot write (pandas timestamps on a time axis) are cleaned here, for this
    figure only, by plotly's own function, as Dash would have cleaned the whole answer."""
    if isinstance(figure, BaseFigure):
        as_json = figure.to_plotly_json()
    elif isinstance(figure, dict) and "data" in figure:
        as_json = figure
    else:
        return figure
    try:
        orjson.dumps(as_json, option=ORJSON_OPTIONS)
    except TypeError:
        as_json = clean_to_json_compatible(
            as_json,
            numpy_allowed=True,
            datetime_allowed=True,
            modules={"sage_all": None, "np": np, "pd": pd, "image": None},
        )
    return as_json


def plain(value: object) -> object:
    """``value`` as plain dicts, lists and scalars, exactly as Dash would serialise it: figures as
    their JSON dicts, components as ``{"props", "type", "namespace"}``, numpy values as Python ones.
    Anything else (``no_update``, a ``Patch``) is left for Dash."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, BaseFigure):
        return figure_value(value)
    if isinstance(value, Component):
        as_json = value.to_plotly_json()
        as_json["props"] = {key: plain(item) for key, item in as_json["props"].items()}
        return as_json
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def follows(spec: ChartSpec | Extra, changed: frozenset[str]) -> bool:
    """Whether ``spec`` is computed again for a call triggered by ``changed`` (empty: the page loads)."""
    return (
        not changed
        or (FILTERS in changed and spec.follows_filters)
        or (OPTIONS in changed and spec.follows_options)
    )


def chart_outputs(chart: ChartSpec) -> list[Key]:
    """The outputs the page's chart callback fills for ``chart``."""
    keys: list[Key] = []
    if chart.figure is not None:
        keys.append((chart.graph_id, "figure"))
    elif chart.draw is not None:
        keys.append((chart.graph_id, "children"))
    if chart.redraw is not None:
        keys.append((chart.redraw.store, "data"))
    if chart.summary is not None and chart.summary_id is not None:
        keys.append((chart.summary_id, "children"))
    if chart.block_id is not None:
        keys.append((chart.block_id, "hidden"))
    return keys


def page_outputs(page: Page) -> list[Key]:
    """Every output of the page's chart callback, in order: the charts', then the extras'."""
    keys = [key for chart in page.charts for key in chart_outputs(chart)]
    keys += [key for extra in page.extras for key in extra.outputs]
    return keys


def html_outputs(page: Page) -> set[Key]:
    """The outputs sent as HTML blocks: the panels that are no graph (``draw``: cards, tables) and
    the ``children`` of extras marked ``as_html``."""
    keys: set[Key] = {
        (chart.graph_id, "children")
        for chart in page.charts
        if chart.draw is not None and chart.figure is None
    }
    keys |= {
        key
        for extra in page.extras
        if extra.as_html
        for key in extra.outputs
        if key[1] == "children"
    }
    return keys


def wire_value(key: Key, value: object, blocks: set[Key]) -> object:
    """An output's value as the answer carries it: plain data, an HTML block as one string."""
    if key in blocks:
        return plain(html_block(block_name(key[0]), value))
    return figure_value(value) if key[1] == "figure" else plain(value)


def drawn_stores(page: Page) -> list[str]:
    """The stores that keep what the page's redrawn charts were drawn for."""
    return [chart.redraw.store for chart in page.charts if chart.redraw is not None]


def answer_chart(
    chart: ChartSpec, request: ChartRequest, changed: frozenset[str], drawn: dict[str, object]
) -> dict[Key, object]:
    """One chart's outputs for ``request``; the outputs it leaves as they are are absent."""
    if not follows(chart, changed):
        return {}
    shown = chart.is_shown(request)
    answer: dict[Key, object] = {}
    if chart.block_id is not None:
        answer[(chart.block_id, "hidden")] = not shown
    if chart.summary is not None and chart.summary_id is not None:
        answer[(chart.summary_id, "children")] = chart.summary(request) if shown else ""
    if not shown:
        return answer
    if chart.draw is not None and chart.figure is None:
        answer[(chart.graph_id, "children")] = chart.draw(request)
        return answer
    if chart.figure is None:
        return answer
    redraw = chart.redraw
    if redraw is None:
        answer[(chart.graph_id, "figure")] = chart.figure(request)
        return answer
    key = redraw.key(request)
    drawn_key = drawn.get(redraw.store)
    if changed == {OPTIONS} and drawn_key is not None:  # only the options changed on a drawn chart
        if drawn_key != key:
            answer[(chart.graph_id, "figure")] = redraw.patch(chart.figure(request))
            answer[(redraw.store, "data")] = key
        return answer
    answer[(chart.graph_id, "figure")] = chart.figure(request)
    answer[(redraw.store, "data")] = key
    return answer


def answer_page(
    page: Page,
    context: AppContext,
    selection_data: dict | None,
    options_data: object,
    lang: object,
    changed: frozenset[str] = frozenset(),
    drawn: dict[str, object] | None = None,
) -> dict[Key, object]:
    """Every output of the page's chart callback for the filters, the page options and the
    language: ``{(component id, property): value}``, without the outputs left as they are.

    Args:
        changed: what triggered the call, ``filters`` and/or ``options`` (empty: the page loads).
        drawn: what each redrawn chart was drawn for, by store id.
    Raises:
        PreventUpdate: the shell has not filled the selection store yet, and the page's options
            depend on the filters (the groups it compares): nothing to draw yet. Other pages draw
            everything until the filters are known.
    """
    if selection_data is None and page.options is not None and page.options.follows_filters:
        raise PreventUpdate
    selection = Selection.from_raw(selection_data or {}, context.catalog)
    return answer_selection(page, context, selection, options_data, lang, changed, drawn)


def answer_selection(
    page: Page,
    context: AppContext,
    selection: Selection,
    options_data: object,
    lang: object,
    changed: frozenset[str] = frozenset(),
    drawn: dict[str, object] | None = None,
) -> dict[Key, object]:
    """``answer_page`` for a typed selection."""
    request = ChartRequest(
        cursor=context.cursor(),
        catalog=context.catalog,
        settings=context.settings,
        selection=selection,
        params=options_data if isinstance(options_data, dict) else {},
        lang=normalise_language(lang),
    )
    answer: dict[Key, object] = {}
    for chart in page.charts:
        answer.update(answer_chart(chart, request, changed, drawn or {}))
    for extra in page.extras:
        if follows(extra, changed):
            answer.update(zip(extra.outputs, extra.build(request), strict=True))
    return answer


def components_by_id(layout: Component) -> dict[str, Component]:
    """Every component of ``layout`` that has an id, by its id (a dict id as its JSON text)."""
    found: dict[str, Component] = {}
    for component in html.Div(layout)._traverse():
        component_id = getattr(component, "id", None)
        if component_id is not None:
            found[id_text(component_id)] = component
    return found


def block_name(component_id: OutputId) -> str:
    """The name of the HTML block sent for an output of ``component_id`` (its id as text)."""
    return component_id if isinstance(component_id, str) else id_text(component_id)


def id_text(component_id: object) -> str:
    """A component id as one comparable text (dict ids as sorted JSON)."""
    return orjson.dumps(component_id, option=orjson.OPT_SORT_KEYS).decode()


def fill_layout(
    page: Page, context: AppContext, layout: Component, selection: Selection, lang: str
) -> Component:
    """``layout`` (the page just built for the routing callback) with the page's first answer in
    place: every chart's figure, summary and panel state and every extra, as the chart callback
    would have sent them on load. The charts then draw with the page, one round of requests
    earlier, and the graphs are not drawn empty first; the chart callback runs on later changes
    only (``prevent_initial_call``)."""
    found = components_by_id(layout)
    options_data = None
    if page.options is not None:
        options_store = found.get(id_text(page.options.store_id))
        options_data = getattr(options_store, "data", None)
    answer = answer_selection(page, context, selection, options_data, lang)
    blocks = html_outputs(page)
    for (component_id, prop), value in answer.items():
        component = found.get(id_text(component_id))
        if component is None:  # an output the page shows only in some states
            continue
        if (component_id, prop) in blocks:
            value = html_block(block_name(component_id), value)
        elif prop == "figure":
            value = figure_value(value)
        setattr(component, prop, value)
    return layout


def triggered_changes(page: Page) -> frozenset[str]:
    """What triggered the current call of the page's chart callback (empty on the first call)."""
    triggered = list(ctx.triggered_prop_ids.values()) if ctx.triggered_prop_ids else []
    changed = {FILTERS} if ids.SELECTION_STORE in triggered else set()
    if (
        page.options is not None and page.options.store_id in triggered
    ):  # a dict id: compared, not hashed
        changed.add(OPTIONS)
    return frozenset(changed)


def chart_callback(page: Page, context: AppContext) -> Callable[..., tuple]:
    """The function of the page's chart callback: the answer, in the order of ``page_outputs``."""
    keys = page_outputs(page)
    stores = drawn_stores(page)
    blocks = html_outputs(page)

    def update_page_charts(selection_data: dict | None, *rest: object) -> tuple:
        options_data = rest[0] if page.options is not None else None
        lang, *drawn = rest[1:] if page.options is not None else rest
        answer = answer_page(
            page,
            context,
            selection_data,
            options_data,
            lang,
            triggered_changes(page),
            dict(zip(stores, drawn, strict=True)),
        )
        return tuple(
            wire_value(key, answer[key], blocks) if key in answer else no_update for key in keys
        )

    return update_page_charts


def register(app: Dash, context: AppContext, site: Site) -> None:
    """Wire one chart callback for each page of ``site`` that has charts or extras (the shell puts
    the HTML blocks they send in place: ``callbacks.shell``)."""
    for page in site.pages:
        if not page.charts and not page.extras:
            continue
        options = [Input(page.options.store_id, "data")] if page.options is not None else []
        declare(
            app,
            *[Output(component, prop) for component, prop in page_outputs(page)],
            Input(ids.SELECTION_STORE, "data"),
            *options,
            State(ids.LANGUAGE_STORE, "data"),
            *[State(store, "data") for store in drawn_stores(page)],
            prevent_initial_call=True,  # the first answer is in the page's layout: fill_layout
            pure=True,
            needs=VIEWING,
        )(chart_callback(page, context))
