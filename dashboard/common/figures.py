"""Pieces every figure builder shares: the figure itself, the empty state and the demo-data mark."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import plotly.graph_objects as go
from _plotly_utils.basevalidators import CompoundArrayValidator, CompoundValidator
from plotly.basedatatypes import BaseTraceType

from dashboard.common import theme
from dashboard.i18n import plotly_separators, t

# Characters per line of an empty chart's message: plotly draws an annotation on one line, and a
# long message ran off both sides of the chart (40 fit a phone at the message's 15 px).
EMPTY_MESSAGE_WIDTH = 40


class Figure(go.Figure):
    """``go.Figure`` whose layout and axis updates skip plotly's batched relayout.

    plotly applies ``update_layout``/``update_xaxes``/``update_yaxes`` as a batch of relayout
    edits, walking every key path through the layout and its template: about 1 ms of CPU for a
    title and two axes, most of a figure builder's time. plotly's update ends in assignments (a
    simple property, or a compound one given as anything but a dict, is assigned; a dict is merged
    into the compound property it names, key by key), so the same assignments are made here
    directly, each value still validated by plotly. What the direct way does not cover (``None``,
    subplot axes, arrays of annotations or shapes already holding elements, selectors, an
    unknown property) takes plotly's own way. The figure's JSON is the same either way.
    """

    def update_layout(self, dict1=None, overwrite=False, **kwargs) -> Figure:
        if not _assign(self.layout, self._layout, (dict1, kwargs), overwrite):
            super().update_layout(dict1, overwrite=overwrite, **kwargs)
        return self

    def add_annotation(
        self, arg=None, row=None, col=None, secondary_y=None, exclude_empty_subplots=None, **kwargs
    ) -> Figure:
        """plotly's ``add_annotation``; the first annotation of a figure without subplots is set
        as the layout's one annotation (the same JSON, a third of the CPU)."""
        first = (
            self._without_subplots(row, col, secondary_y, exclude_empty_subplots)
            and not self._layout.get("annotations")
            and (arg is None or isinstance(arg, dict))
            and None not in kwargs.values()
        )
        if not first:
            return super().add_annotation(
                arg,
                row=row,
                col=col,
                secondary_y=secondary_y,
                exclude_empty_subplots=exclude_empty_subplots,
                **kwargs,
            )
        self.layout["annotations"] = [{**(arg or {}), **kwargs}]
        return self

    def add_traces(
        self, data, rows=None, cols=None, secondary_ys=None, exclude_empty_subplots=False
    ) -> Figure:
        """plotly's ``add_traces``. Trace objects (``go.Bar(...)``) were validated when they were
        made, and plotly would validate each again, property by property, while copying it into
        the figure: a figure without subplots takes them as they are, as :func:`new_figure` does
        (the same JSON, about half the CPU of adding a trace). Anything else takes plotly's way."""
        traces = list(data) if isinstance(data, list | tuple) else [data]
        if not (
            self._without_subplots(rows, cols, secondary_ys, exclude_empty_subplots)
            and traces
            and all(isinstance(trace, BaseTraceType) for trace in traces)
        ):
            return super().add_traces(
                data,
                rows=rows,
                cols=cols,
                secondary_ys=secondary_ys,
                exclude_empty_subplots=exclude_empty_subplots,
            )
        figure: Any = self  # plotly's private validator attribute is untyped
        checked = figure._data_validator
        taken = checked.validate_coerce(traces, _validate=False)
        for trace in taken:
            trace._validate = True  # what is set on it later is validated
        figure._data_validator = _Validated(taken, checked)
        try:
            super().add_traces(taken)
        finally:
            figure._data_validator = checked
        return self

    def add_vline(
        self,
        x,
        row="all",
        col="all",
        exclude_empty_subplots=True,
        annotation=None,
        **kwargs,
    ) -> Figure:
        """plotly's ``add_vline``; on a figure without subplots, a line without an annotation is
        the shape plotly makes of it (from the foot to the top of the plot at ``x``), added
        directly instead of through plotly's search of the subplots it spans (about 3 ms)."""
        plain_line = (
            row == "all"
            and col == "all"
            and annotation is None
            and self._grid_ref is None
            and not any(key.startswith("annotation") for key in kwargs)
            and not any(key.startswith(("xaxis", "yaxis")) and key[5:] for key in self._layout)
            and not any(key.startswith(("x", "y")) for key in kwargs)
        )
        if not plain_line:
            return super().add_vline(
                x,
                row=row,
                col=col,
                exclude_empty_subplots=exclude_empty_subplots,
                annotation=annotation,
                **kwargs,
            )
        self.add_shape(type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="y domain", **kwargs)
        return self

    def _without_subplots(self, *placement: object) -> bool:
        """True when the figure has no subplots and a call places nothing on one: every
        placement argument (row, column, secondary axis, excluding empty subplots) left unset
        (None or False). Such a call may take the direct way."""
        return self._grid_ref is None and all(
            value is None or value is False for value in placement
        )

    def _only_axis(self, name: str, selector, row, col) -> bool:
        """True when the update targets the figure's one axis ``name`` (no subplots, no selector)."""
        return (
            selector is None
            and self._without_subplots(row, col)
            and not any(key != name and key.startswith(name) for key in self._layout)
        )

    def update_xaxes(
        self, patch=None, selector=None, overwrite=False, row=None, col=None, **kwargs
    ) -> Figure:
        if not (
            self._only_axis("xaxis", selector, row, col)
            and _assign(
                self.layout.xaxis, self._layout.get("xaxis") or {}, (patch, kwargs), overwrite
            )
        ):
            super().update_xaxes(
                patch, selector=selector, overwrite=overwrite, row=row, col=col, **kwargs
            )
        return self

    def update_yaxes(
        self,
        patch=None,
        selector=None,
        overwrite=False,
        row=None,
        col=None,
        secondary_y=None,
        **kwargs,
    ) -> Figure:
        if not (
            secondary_y is None
            and self._only_axis("yaxis", selector, row, col)
            and _assign(
                self.layout.yaxis, self._layout.get("yaxis") or {}, (patch, kwargs), overwrite
            )
        ):
            super().update_yaxes(
                patch,
                selector=selector,
                overwrite=overwrite,
                row=row,
                col=col,
                secondary_y=secondary_y,
                **kwargs,
            )
        return self


class _Validated:
    """Stands in for a figure's trace validator during one ``add_traces``: the traces it is given
    are already coerced trace objects."""

    def __init__(self, traces: list, validator) -> None:
        self.traces = traces
        self.validator = validator

    def __getattr__(self, name: str):
        return getattr(self.validator, name)

    def validate_coerce(self, data, skip_invalid=False, _validate=True) -> list:
        return self.traces


def _nested(target, key: str, value: object) -> tuple[str, object] | None:
    """``(property, value)`` for ``key`` on ``target``: a property of ``target`` as it is, an
    underscore path (``title_text``) as ``("title", {"text": value})``; None if neither."""
    if key in target._valid_props:
        return key, value
    head, _, rest = key.partition("_")
    if not rest or head not in target._valid_props:
        return None
    validator = target._get_validator(head)
    inner = (
        _inner_path(validator.data_class, rest)
        if isinstance(validator, CompoundValidator)
        else None
    )
    if inner is None:
        return None
    for name in reversed(inner):
        value = {name: value}
    return head, value


@lru_cache(maxsize=1024)
def _inner_path(data_class: type, key: str) -> tuple[str, ...] | None:
    """The properties an underscore path names inside a fresh ``data_class`` object, ``margin_t``
    -> ``("margin", "t")`` (None if not a path of properties): :func:`_nested` below its first
    step, read once per class and key (making a plotly object to ask costs about 0.1 ms)."""
    target = data_class()
    if key in target._valid_props:
        return (key,)
    head, _, rest = key.partition("_")
    if not rest or head not in target._valid_props:
        return None
    validator = target._get_validator(head)
    inner = (
        _inner_path(validator.data_class, rest)
        if isinstance(validator, CompoundValidator)
        else None
    )
    return None if inner is None else (head, *inner)


def _plan(
    target, held: Mapping, updates: Mapping, overwrite: bool, path: tuple, steps: list
) -> bool:
    """Append to ``steps`` the assignments ``(path, owner, property, value)`` that plotly's update
    would make; False when one is not covered."""
    for key, value in updates.items():
        named = _nested(target, key, value) if isinstance(key, str) and value is not None else None
        if named is None:
            return False
        name, value = named
        if overwrite and name != key:
            return False  # plotly overwrites only the end of an underscore path
        validator = target._get_validator(name)
        current = held.get(name)
        if not overwrite and isinstance(value, dict) and current is not None:
            if isinstance(validator, CompoundArrayValidator) or not isinstance(
                validator, CompoundValidator
            ):
                return False
            if not isinstance(current, Mapping) or not _plan(
                target[name], current, value, False, (*path, name), steps
            ):
                return False
        elif not overwrite and isinstance(validator, CompoundArrayValidator) and current:
            return False  # plotly merges into the existing elements
        else:
            steps.append(((*path, name), target, name, value))
    return True


def _assign(target, held: Mapping, updates: tuple, overwrite: bool) -> bool:
    """Make the assignments of plotly's ``target.update(*updates)`` directly; False (and nothing
    assigned) when one of them is not covered. ``held`` is the raw dict behind ``target``."""
    steps: list = []
    for update in updates:
        if update is None:
            continue
        if not isinstance(update, Mapping) or not _plan(target, held, update, overwrite, (), steps):
            return False
    paths = sorted(step[0] for step in steps)
    if any(
        later[: len(earlier)] == earlier for earlier, later in zip(paths, paths[1:], strict=False)
    ):
        return False  # one property given twice (``title`` and ``title_text``): the second merges
    for _, owner, name, value in steps:
        owner[name] = value
    return True


def new_figure(data: object = None) -> go.Figure:
    """A figure with ``data`` (None, a trace or traces, e.g. ``go.Bar(...)``) and the dashboard's
    template: a :class:`Figure`, whose updates are cheaper.

    plotly validates what a figure is made from. The template and traces given here were validated
    when they were made, so they are taken as they are (about 0.8 ms of CPU less per figure), and
    the figure validates everything set on it afterwards. Anything else (dicts) is validated."""
    traces = data if isinstance(data, list | tuple) else ([] if data is None else [data])
    if not all(isinstance(trace, BaseTraceType) for trace in traces):
        return Figure(data, layout={"template": theme.TEMPLATE})
    figure = Figure(data, layout={"template": theme.TEMPLATE.to_plotly_json()}, _validate=False)
    for part in (figure, figure.layout, *figure.data):
        part._validate = True
    return figure


def title_layout(title: str, lang: str, demo: bool) -> dict[str, object]:
    """The layout every chart starts from: its title, the language's number separators, whether it
    draws demo data."""
    return {
        "title": {"text": title, "x": 0, "xanchor": "left"},
        "separators": plotly_separators(lang),
        "meta": {"demo": demo},
    }


def demo_mark(lang: str) -> dict[str, object]:
    """The annotation saying a chart draws demo data, above its top right corner."""
    return {
        "text": t("chart.demo_mark", lang),
        "xref": "paper",
        "yref": "paper",
        "x": 1,
        "y": 1.02,
        "xanchor": "right",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": 11, "color": "#b42318"},
        "bgcolor": "#fef3f2",
        "bordercolor": "#fda29b",
        "borderwidth": 1,
        "borderpad": 3,
    }


def base_layout(figure: go.Figure, *, title: str, lang: str, demo: bool) -> go.Figure:
    """Apply the title, the language's number separators and the demo mark to a figure made by
    ``new_figure`` (which carries the template)."""
    figure.update_layout(title_layout(title, lang, demo))
    if demo:
        figure.add_annotation(demo_mark(lang))
    return figure


def _lines(text: str, width: int = EMPTY_MESSAGE_WIDTH) -> str:
    """``text`` broken into lines of at most ``width`` characters (plotly draws an annotation on one line)."""
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False)) or text


def empty_annotation(message: str, hint: str | None) -> dict[str, object]:
    """The message of an empty chart (and a hint under it), in lines that fit a phone."""
    text = (
        _lines(message)
        if hint is None
        else f"{_lines(message)}<br><span style='font-size:12px'>{_lines(hint)}</span>"
    )
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0.5,
        "y": 0.5,
        "showarrow": False,
        "font": {"size": 15, "color": theme.MUTED},
    }


def empty_layout(lang: str) -> dict[str, object]:
    """The layout of an empty chart: no axes."""
    return {
        "separators": plotly_separators(lang),
        "xaxis": {"visible": False},
        "yaxis": {"visible": False},
        "meta": {"empty": True},
    }


def empty_figure(message: str, *, lang: str, hint: str | None = None) -> go.Figure:
    """A blank figure that says why there is nothing to draw, in lines that fit a phone."""
    figure = new_figure()
    figure.add_annotation(empty_annotation(message, hint))
    figure.update_layout(empty_layout(lang))
    return figure


def no_data_figure(lang: str) -> go.Figure:
    """The empty state for a filter combination that matches no rows."""
    return empty_figure(t("chart.empty", lang), lang=lang, hint=t("chart.empty_hint", lang))


# ---------------------------------------------------------------- figures as plain data
# A figure as the dict plotly would make of it (``go.Figure(...).to_plotly_json()``), built
# directly: the same JSON for the browser, without plotly's objects and their validation (most
# of a figure builder's CPU), and plain data that Dash writes with orjson in one pass. Builders
# that make one give every property as plotly keeps it (nested dicts, no ``None`` values) and
# are checked against plotly's own figure by their tests.
PlainFigure = dict[str, Any]


@lru_cache(maxsize=1)
def _template() -> dict[str, Any]:
    """The dashboard's template as plain data, made once and shared (never changed in place)."""
    return theme.TEMPLATE.to_plotly_json()


def trace(kind: str, **properties: object) -> dict[str, Any]:
    """A trace of type ``kind`` (``bar``, ``scatter``, ``heatmap``) as plotly writes it: the
    properties given, those set to None left out."""
    return {"type": kind, **{key: value for key, value in properties.items() if value is not None}}


def plain_figure(*traces: dict[str, Any]) -> PlainFigure:
    """A figure of ``traces`` (made by :func:`trace`) with the dashboard's template."""
    return {"data": list(traces), "layout": {"template": _template()}}


def merge(target: dict[str, Any], updates: Mapping[str, Any]) -> None:
    """Merge ``updates`` into ``target`` as plotly's ``update_layout`` does: a dict into the dict
    it names, key by key; anything else (lists included) replaces."""
    for key, value in updates.items():
        current = target.get(key)
        if isinstance(value, Mapping) and isinstance(current, dict):
            merge(current, value)
        else:
            target[key] = dict(value) if isinstance(value, Mapping) else value


def update_plain_layout(
    figure: PlainFigure, updates: Mapping[str, Any] | None = None, **properties: object
) -> PlainFigure:
    """``figure`` with ``updates`` and ``properties`` merged into its layout (:func:`merge`;
    property names as plotly's layout has them: no underscore paths)."""
    merge(figure["layout"], {**(updates or {}), **properties})
    return figure


def add_plain_annotation(figure: PlainFigure, annotation: dict[str, Any]) -> PlainFigure:
    """``figure`` with one more annotation."""
    figure["layout"].setdefault("annotations", []).append(annotation)
    return figure


def plain_base_layout(figure: PlainFigure, *, title: str, lang: str, demo: bool) -> PlainFigure:
    """:func:`base_layout` for a plain figure."""
    update_plain_layout(figure, title_layout(title, lang, demo))
    if demo:
        add_plain_annotation(figure, demo_mark(lang))
    return figure


def add_plain_shape(figure: PlainFigure, shape: dict[str, Any]) -> PlainFigure:
    """``figure`` with one more shape (a line, a rectangle), as plotly's ``add_shape`` adds it to
    a figure without subplots."""
    figure["layout"].setdefault("shapes", []).append(shape)
    return figure


def plain_empty_figure(message: str, *, lang: str, hint: str | None = None) -> PlainFigure:
    """:func:`empty_figure` as plain data."""
    figure = add_plain_annotation(plain_figure(), empty_annotation(message, hint))
    return update_plain_layout(figure, empty_layout(lang))


def plain_no_data_figure(lang: str) -> PlainFigure:
    """:func:`no_data_figure` as plain data."""
    return plain_empty_figure(t("chart.empty", lang), lang=lang, hint=t("chart.empty_hint", lang))
