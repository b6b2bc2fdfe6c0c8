"""Helpers the tests share for Dash component trees (layouts, callback outputs): walk them, find
components, read their text. Browser helpers are in browser_helpers.py, sign-in ones in auth_helpers.py."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any


def walk(component: Any) -> Iterator[Any]:
    """Every component of a tree (a component or a list of them), in document order."""
    if isinstance(component, list | tuple):
        for node in component:
            yield from walk(node)
        return
    if component is None or isinstance(component, str | int | float):
        return
    yield component
    yield from walk(getattr(component, "children", None))


def find(component: Any, predicate: Callable[[Any], bool]) -> list:
    """Every component in a tree matching ``predicate``, in document order."""
    return [node for node in walk(component) if predicate(node)]


def by_id(tree: Any, component_id: str) -> Any:
    """The first component with ``component_id`` in a tree, or None."""
    return next((node for node in walk(tree) if getattr(node, "id", None) == component_id), None)


def texts(component: Any) -> str:
    """Every string inside a Dash component tree, joined by spaces."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(texts(child) for child in component)
    return texts(getattr(component, "children", None))


class Answer(dict):
    """A page chart callback's answer by (component id, property); an output it leaves as it is
    reads as ``no_update``."""

    def __missing__(self, key: tuple[str, str]) -> Any:
        from dash import no_update

        return no_update


def page_answer(
    page_key: str,
    context: Any,
    selection: Any = None,
    options: Any = None,
    lang: Any = "en",
    *,
    changed: tuple[str, ...] = (),
    drawn: dict | None = None,
) -> Answer:
    """What the chart callback of page ``page_key`` answers, called directly (``callbacks.charts``):
    for the filters and page options as their stores hold them, and the language; ``changed``:
    what triggered it (``filters``, ``options``; none: the page loads)."""
    from callbacks.charts import answer_page
    from dashboard.site import SITE

    page = next(page for page in SITE.pages if page.key == page_key)
    answer = answer_page(page, context, selection, options, lang, frozenset(changed), drawn)
    return Answer({key: as_plotly(key, value) for key, value in answer.items()})


def as_plotly(key: tuple[str, str], value: Any) -> Any:
    """A figure output built as plain data read back through plotly's ``go.Figure`` (which
    validates it), for plotly's attribute access; any other value as it is."""
    import plotly.graph_objects as go

    return go.Figure(value) if key[1] == "figure" and isinstance(value, dict) else value


def sustainability_outputs(
    part: str, context: Any, options: Any, selection: Any, lang: Any = "en"
) -> tuple:
    """The outputs of one part of the sustainability page's chart callback, in the order the page
    shows them: ``means``, ``distribution``, ``shares``, ``over_time`` (figure, summary);
    ``changes`` (figure, summary, shares figure, summary); ``comparison`` (figure, table, summary);
    ``choices`` (group A's choices, group B's, help text)."""
    from dashboard import ids

    graph, summary = "figure", "children"
    parts = {
        "means": (
            (ids.SUSTAINABILITY_MEANS_GRAPH, graph),
            (ids.SUSTAINABILITY_MEANS_SUMMARY, summary),
        ),
        "distribution": (
            (ids.SUSTAINABILITY_BOX_GRAPH, graph),
            (ids.SUSTAINABILITY_BOX_SUMMARY, summary),
        ),
        "shares": (
            (ids.SUSTAINABILITY_SHARE_GRAPH, graph),
            (ids.SUSTAINABILITY_SHARE_SUMMARY, summary),
        ),
        "over_time": (
            (ids.SUSTAINABILITY_TIME_GRAPH, graph),
            (ids.SUSTAINABILITY_TIME_SUMMARY, summary),
        ),
        "changes": (
            (ids.SUSTAINABILITY_CHANGES_GRAPH, graph),
            (ids.SUSTAINABILITY_CHANGES_SUMMARY, summary),
            (ids.SUSTAINABILITY_CHANGE_SHARES_GRAPH, graph),
            (ids.SUSTAINABILITY_CHANGE_SHARES_SUMMARY, summary),
        ),
        "comparison": (
            (ids.SUSTAINABILITY_COMPARE_GRAPH, graph),
            (ids.SUSTAINABILITY_COMPARE_TABLE, "children"),
            (ids.SUSTAINABILITY_COMPARE_SUMMARY, summary),
        ),
        "choices": (
            (ids.SUSTAINABILITY_GROUP_A, "options"),
            (ids.SUSTAINABILITY_GROUP_B, "options"),
            (ids.SUSTAINABILITY_COMPARE_HELP, "children"),
        ),
    }
    answer = page_answer("sustainability", context, selection, options, lang)
    return tuple(answer[key] for key in parts[part])


def as_sent(item: dict) -> dict:
    """A declared callback dependency as the renderer sends it: a pattern id (declared as JSON
    text) sent as the object it names."""
    raw = item["id"]
    return {**item, "id": json.loads(raw) if isinstance(raw, str) and raw.startswith("{") else raw}


class AsPlotly:
    """The figure builders of ``module`` with each plain-data figure read back through plotly's
    ``go.Figure``, which validates every property (an invalid one raises) and gives tests
    plotly's attribute access (``figure.layout.title.text``)."""

    def __init__(self, module: Any) -> None:
        self.module = module

    def __getattr__(self, name: str) -> Any:
        import plotly.graph_objects as go

        builder = getattr(self.module, name)
        return lambda *args, **kwargs: go.Figure(builder(*args, **kwargs))


def chart_request(
    context: Any, raw: dict | None = None, params: dict | None = None, lang: str = "en"
):
    """What a page's chart factory hands each chart: ``context``'s store, the selection made of
    ``raw`` filter values, the page's options ``params`` and the language."""
    from dashboard.common.charts import ChartRequest
    from dashboard.selection import Selection

    return ChartRequest(
        cursor=context.cursor(),
        catalog=context.catalog,
        settings=context.settings,
        selection=Selection.from_raw(raw or {}, context.catalog),
        params=params or {},
        lang=lang,
    )


def assert_plotly_makes_the_same(figures: list) -> None:
    """Each figure is plain data and exactly the figure plotly makes of it (validated, nothing
    coerced): the browser draws what plotly's own figure would have drawn."""
    import plotly.graph_objects as go

    for figure in figures:
        assert isinstance(figure, dict)
        assert go.Figure(figure).to_plotly_json() == figure
