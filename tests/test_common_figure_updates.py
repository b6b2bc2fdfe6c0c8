"""The dashboard's figure draws exactly what plotly's own figure draws after the same updates.

``dashboard.common.figures.Figure`` applies layout and axis updates without plotly's batched
relayout (for speed); the JSON sent to the browser must not change, whatever the update's shape.
"""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from dashboard.common import theme
from dashboard.common.figures import Figure, new_figure

LAYOUT_UPDATES = [
    [
        {
            "title": {"text": "A", "x": 0, "xanchor": "left"},
            "separators": ". ",
            "meta": {"demo": True},
        }
    ],
    [{"title": "T"}, {"title": {"font": {"size": 12}}}],
    [{"title": {"text": "A", "font": {"size": 10}}}, {"title": "B"}],
    [{"title_text": "A"}, {"title_subtitle_text": "sub", "height": 300}],
    [{"title": {"text": "A"}, "title_text": "B"}],
    [{"xaxis": {"title": {"text": "x"}}}, {"xaxis_title_text": "y", "xaxis_range": [0, 1]}],
    [{"annotations": [{"text": "a"}]}, {"annotations": [{"text": "b"}, {"text": "c"}]}],
    [{"margin": {"t": 10}}, {"margin": {"b": 5}, "height": None}],
    [
        {"legend": {"title": {"text": "L", "side": "top"}, "orientation": "h"}},
        {"legend": {"y": -0.2}},
    ],
    [{"xaxis2": {"title": "x2"}}],
    [{"height": 400}, {"height": 500}],
]
AXIS_UPDATES = [
    ("xaxis", {"range": [0, 2], "title": "X"}),
    ("yaxis", {"title": {"text": "Y"}, "type": "category"}),
    ("yaxis", {"title_font_size": 9}),
    ("xaxis", {"title": None}),
    ("xaxis", {"tickvals": [0, 0.5, 1], "ticktext": ["0", "½", "1"]}),
]


def _pair(data=None) -> tuple[go.Figure, go.Figure]:
    return new_figure(data), go.Figure(data, layout={"template": theme.TEMPLATE})


@pytest.mark.parametrize(
    "updates", LAYOUT_UPDATES, ids=[str(number) for number in range(len(LAYOUT_UPDATES))]
)
def test_layout_and_axis_updates_give_the_figure_plotly_gives(updates):
    ours, plotly = _pair([go.Bar(x=["a", "b"], y=[1, 2])])
    for update in updates:
        ours.update_layout(**update)
        plotly.update_layout(**update)
    for axis, update in AXIS_UPDATES:
        getattr(ours, f"update_{axis[0]}axes")(**update)
        getattr(plotly, f"update_{axis[0]}axes")(**update)
    assert isinstance(ours, Figure)
    assert ours.to_plotly_json() == plotly.to_plotly_json()


def test_updates_with_a_dict_and_keywords_and_on_subplot_axes_give_the_figure_plotly_gives():
    ours, plotly = _pair([go.Scatter(x=[1], y=[2]), go.Scatter(x=[1], y=[3], xaxis="x2")])
    for figure in (ours, plotly):
        figure.update_layout(
            {"xaxis2": {"anchor": "y"}, "title": {"text": "T"}}, title_font_size=14
        )
        figure.update_xaxes(showgrid=False)
        figure.update_layout({"margin": {"l": 1}}, overwrite=True)
        figure.update_layout({"title_text": "U"}, overwrite=True)
    assert ours.to_plotly_json() == plotly.to_plotly_json()


def test_an_unknown_property_is_refused_as_plotly_refuses_it():
    with pytest.raises(ValueError):
        new_figure().update_layout(titel="typo")
    with pytest.raises(ValueError):
        new_figure().update_xaxes(rnage=[0, 1])


@pytest.mark.parametrize(
    "data",
    [
        None,
        go.Bar(x=["a"], y=[1]),
        [go.Scatter(x=[1], y=[2], marker={"color": "red"}), go.Heatmap(z=[[1, 2]])],
    ],
)
def test_a_new_figure_holds_what_plotly_would_and_still_validates(data):
    ours, plotly = new_figure(data), go.Figure(data, layout={"template": theme.TEMPLATE})
    assert ours.to_plotly_json() == plotly.to_plotly_json()
    with pytest.raises(ValueError):
        ours.update_traces(colour="red") if data is not None else ours.layout.update(colour="red")
    with pytest.raises(ValueError):
        ours.layout.template.layout.update(fnot={})


def test_annotations_added_one_by_one_give_the_figure_plotly_gives():
    ours, plotly = _pair([go.Bar(x=["a"], y=[1])])
    for figure in (ours, plotly):
        figure.add_annotation(
            text="Demo data",
            xref="paper",
            yref="paper",
            x=1,
            y=1.02,
            showarrow=False,
            font={"size": 11, "color": "#b42318"},
        )
        figure.add_annotation({"text": "second", "x": 0}, y=1)
        figure.add_annotation(text="third", font=None)
    assert ours.to_plotly_json() == plotly.to_plotly_json()
    with pytest.raises(ValueError):
        new_figure().add_annotation(txet="typo")


TRACES = [
    go.Scatter(
        x=[0.1, -0.2],
        y=["a", "b"],
        mode="markers",
        orientation="h",
        marker={"color": "red", "symbol": "circle", "size": 9, "line": {"width": 1}},
        error_x={"type": "data", "symmetric": False, "array": [0.1, 0.2], "arrayminus": [0, 0]},
        hovertext=["x", "y"],
        hoverinfo="text",
        meta={"measure": "m"},
    ),
    go.Bar(x=[1, 2], y=["a", "b"], orientation="h", marker_color="blue", name="bars"),
]


@pytest.mark.parametrize("one_by_one", [True, False])
def test_added_traces_and_a_vertical_line_give_plotlys_json(one_by_one):
    """Traces added to a figure without subplots are taken as they were validated (and still
    validate what is set on them later); a plain vertical line is plotly's shape."""
    ours, plotlys = _pair()
    for figure in (ours, plotlys):
        if one_by_one:
            for trace in TRACES:
                figure.add_trace(trace)
        else:
            figure.add_traces(TRACES)
        figure.add_vline(x=0, line={"color": "#555", "width": 1, "dash": "dot"})
        figure.update_traces(opacity=0.5)
        figure.data[0].marker.size = 7
    assert ours.to_plotly_json() == plotlys.to_plotly_json()
    with pytest.raises(ValueError):
        ours.data[0].marker.size = "large"
    with pytest.raises(ValueError):
        ours.data[0].error_x.thickness = "thick"


def test_a_vertical_line_with_an_annotation_or_on_subplots_takes_plotlys_way():
    ours, plotlys = _pair(go.Bar(x=[1], y=["a"]))
    for figure in (ours, plotlys):
        figure.add_vline(x=1, line_dash="dot", annotation_text="one")
        figure.update_layout(xaxis2={"domain": [0.5, 1]})
        figure.add_vline(x=2)
    assert ours.to_plotly_json() == plotlys.to_plotly_json()
