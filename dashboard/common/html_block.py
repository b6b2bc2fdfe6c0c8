"""A block of HTML (a table, the headline cards) sent on a filter change as one string, not as a
tree of Dash components.

Dash's renderer pays for every component an answer mounts (each one is checked against the
changed paths for every later answer), so a table of 400 cells re-sent as components costs far
more in the browser than the same table as text. The blocks are still built as Dash ``html``
components by the page's ``blocks.py`` (one way to write them, and tests read them as such);
``html_block`` turns one into a string (every text and attribute escaped) inside a wrapper of three
components, and one clientside callback (``INNER_HTML_JS``) puts the string in place. The HTML is
the app's own: no user or data text is ever passed through unescaped.
"""

from __future__ import annotations

from html import escape

from dash import dcc, html
from dash.development.base_component import Component

HTML_BLOCK = "html-block"  # the store holding a block's HTML text
HTML_BLOCK_SINK = "html-block-sink"  # the clientside callback's output (nothing reads it)
BODY_CLASS = "html-block-body"

# Dash's prop names whose HTML attribute is spelt otherwise.
ATTRIBUTES = {
    "className": "class",
    "tabIndex": "tabindex",
    "htmlFor": "for",
    "colSpan": "colspan",
    "rowSpan": "rowspan",
    "accessKey": "accesskey",
    "contentEditable": "contenteditable",
}
INSTANCE_FIELDS = {"available_properties", "available_wildcard_properties"}  # Dash's, not props
VOID = {"br", "hr", "img", "input", "col", "wbr"}
BOOLEAN = {"hidden", "disabled"}
NOT_ATTRIBUTES = {
    "children",
    "id",
    "n_clicks",
    "n_clicks_timestamp",
    "style",
    "disable_n_clicks",
    "key",
    "loading_state",
}


class NotHtml(TypeError):
    """A component that is not a plain ``dash.html`` element (a graph, a drop-down): sent as is."""


def to_html(node: object) -> str:
    """``node`` (a ``dash.html`` tree, text or a list of them) as HTML text, every text escaped.

    Raises:
        NotHtml: the tree holds something else than ``dash.html`` elements, text and numbers.
    """
    if node is None or node is False:
        return ""
    if isinstance(node, str):
        return escape(node, quote=False)
    if isinstance(node, bool):
        raise NotHtml(repr(node))
    if isinstance(node, (int, float)):
        return escape(str(node), quote=False)
    if isinstance(node, (list, tuple)):
        return "".join(to_html(child) for child in node)
    if (
        not isinstance(node, Component)
        or getattr(node, "_namespace", None) != "dash_html_components"
    ):
        raise NotHtml(type(node).__name__)
    tag = node._type.lower()  # noqa: SLF001 (Dash's own name of the element)
    attributes = []
    for name, value in vars(node).items():  # the props set on it (to_plotly_json, without its cost)
        if name.startswith("_") or name in INSTANCE_FIELDS:
            continue
        if name in NOT_ATTRIBUTES and not (name == "id" and isinstance(value, str)):
            if name == "style" and value:
                raise NotHtml("style")
            continue
        if value is None or value is False:
            continue
        attribute = ATTRIBUTES.get(name, name)
        if name in BOOLEAN:
            attributes.append(f" {attribute}")
        else:
            attributes.append(f' {attribute}="{escape(str(value), quote=True)}"')
    opening = f"<{tag}{''.join(sorted(attributes))}>"  # a stable order: Dash's is not
    if tag in VOID:
        return opening
    return f"{opening}{to_html(getattr(node, 'children', None))}</{tag}>"


def html_block(block_id: str, content: object) -> object:
    """What the chart callback sends for the block ``block_id`` (the id of its place in the page):
    the HTML of ``content`` in one store, put in place by ``INNER_HTML_JS``; ``content`` itself
    when it is not plain HTML."""
    try:
        text = to_html(content)
    except NotHtml:
        return content
    return html.Div(
        [
            dcc.Store(id={"type": HTML_BLOCK, "block": block_id}, data=text),
            dcc.Store(id={"type": HTML_BLOCK_SINK, "block": block_id}),
            html.Div(className=BODY_CLASS),
        ],
        className="html-block",
    )


# Puts each block's HTML into its body: one call for every block of the page (not one per block:
# Dash's renderer pays for each callback it runs). A body already holding its text is left alone.
# The body has no children of its own (React leaves it empty), and the whole wrapper is replaced
# with the next answer.
INNER_HTML_JS = """
function (texts, ids) {
    (ids || []).forEach(function (id, index) {
        const place = document.getElementById(id.block);
        const body = place && place.querySelector(':scope > .html-block > .html-block-body');
        const text = texts[index] || '';
        if (body && body.euiomHtml !== text) { body.innerHTML = text; body.euiomHtml = text; }
    });
    return window.dash_clientside.no_update;
}
"""
