"""The stores of a page's options value and of its copy of the address (inside the page's layout)."""

from __future__ import annotations

from dash import dcc, html

from dashboard.page_state import OptionTable, ParsedOptions


def options_store(table: OptionTable, parsed: ParsedOptions) -> html.Div:
    """The page's options store, holding the options the layout was drawn with (URL texts by
    parameter), which the options callback keeps in step with the address and the controls;
    and the page's copy of the address, which the shell fills."""
    return html.Div([dcc.Store(id=table.store_id, data=parsed.texts), dcc.Store(id=table.address_store_id),
                     dcc.Store(id=table.url_write_store_id)],
                    hidden=True)
