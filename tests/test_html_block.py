"""Tables and cards travel as one HTML string each: the same elements, every text escaped."""

from __future__ import annotations

from dash import dcc, html

from dashboard.common.html_block import HTML_BLOCK, html_block, to_html


def test_elements_attributes_and_text_become_html():
    table = html.Table(
        [
            html.Thead(html.Tr(html.Th("Action", scope="col"))),
            html.Tbody(
                html.Tr(
                    [
                        html.Td(
                            [html.Span("●", **{"aria-hidden": "true"}), "full"],
                            className="cell",
                            title="Full",
                            colSpan=2,
                        ),
                        html.Td(3.5),
                    ],
                    **{"data-action": "JI-NA"},
                )
            ),
        ],
        className="table",
    )
    assert to_html(table) == (
        '<table class="table"><thead><tr><th scope="col">Action</th></tr></thead><tbody>'
        '<tr data-action="JI-NA"><td class="cell" colspan="2" title="Full"><span aria-hidden="true">●</span>'
        "full</td><td>3.5</td></tr></tbody></table>"
    )
    assert (
        to_html(html.Div([html.Strong("a"), html.Br(), "b"]))
        == "<div><strong>a</strong><br>b</div>"
    )


def test_text_and_attributes_from_data_are_escaped():
    cell = html.Td('<script>alert(1)</script> & "x"', title='"><img src=x onerror=alert(1)>')
    assert to_html(cell) == (
        '<td title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">'
        '&lt;script&gt;alert(1)&lt;/script&gt; &amp; "x"</td>'
    )


def test_a_block_is_three_components_whatever_the_size_of_its_table():
    table = html.Table(
        html.Tbody([html.Tr([html.Td(str(n)) for n in range(8)]) for _ in range(50)])
    )
    block = html_block("place", table)
    components = list(block._traverse())  # noqa: SLF001
    assert len(components) == 3
    store = next(
        item for item in components if isinstance(item, dcc.Store) and item.id["type"] == HTML_BLOCK
    )
    assert store.id == {"type": HTML_BLOCK, "block": "place"} and store.data.count("<td>") == 400


def test_what_is_not_plain_html_is_sent_as_it_is():
    graph = html.Div(dcc.Graph(id="g"))
    assert html_block("place", graph) is graph
