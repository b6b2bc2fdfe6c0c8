"""The stores of a page's options value and of its copy of the address (inside the page's layout)."""

from __future__ import annotations

from dash import dcc, html

from dashboard.common.options import OptionTable, ParsedOptions, copy_address, tidy_address


def options_store(table: OptionTable, parsed: ParsedOptions, search: str) -> html.Div:
    """The page's options store, holding the options the layout was drawn with (URL texts by
    parameter), which the options callback keeps in step with the address and the controls;
    the page's copy of the address it was drawn from (``search``), which the shell's address
    refreshes on Back and Forward; and the tidied address, which replaces the history entry.

    All three are filled here, not by callbacks on load: the charts read the options store, and
    Dash holds a callback back until every callback upstream of its inputs has answered, so a
    copy made on load would add two rounds of requests before any chart is asked for.
    """
    return html.Div(
        [
            dcc.Store(id=table.store_id, data=parsed.texts),
            dcc.Store(id=table.address_store_id, data=copy_address(search, table.path)),
            dcc.Store(id=table.url_write_store_id),
            dcc.Store(id=table.tidy_store_id, data=tidy_address(search, table, parsed)),
        ],
        hidden=True,
    )
