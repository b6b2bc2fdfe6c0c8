"""The sustainability page's own callback: the threshold's range and number box kept in step.

Every chart of the page, the comparison's table and the groups A and B can be are answered by the
page's one chart callback (``callbacks.charts``) from the registry
(``dashboard.sustainability.charts``), which also parses the page options again after a change of
the filters; the options' controls and the address are kept in step by ``callbacks.page_options``.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, no_update

from dashboard import ids
from dashboard.auth.policy import VIEWING
from dashboard.common.wiring import declare
from dashboard.i18n import normalise_language
from dashboard.store.context import AppContext
from dashboard.sustainability.options import fraction, threshold_text


def sync_threshold(
    context: AppContext,
    triggered: str | None,
    range_value: object,
    number_value: object,
    lang: str | None = "en",
) -> tuple[object, object]:
    """Keep the threshold's range and number box in step: only the one not touched changes.

    Returns:
        (range value, number value), ``no_update`` for the control the user moved; a value that
        is not a number in [0, 1] changes nothing.
    """
    if triggered == ids.SUSTAINABILITY_THRESHOLD_RANGE:
        chosen = fraction(range_value)
        return no_update, no_update if chosen is None else threshold_text(
            chosen, normalise_language(lang)
        )
    chosen = fraction(number_value)
    return no_update if chosen is None else chosen, no_update


def register(app: Dash, context: AppContext) -> None:
    """Wire this page's own callback."""
    declare(
        app,
        Output(ids.SUSTAINABILITY_THRESHOLD_RANGE, "value"),
        Output(ids.SUSTAINABILITY_THRESHOLD, "value", allow_duplicate=True),
        Input(ids.SUSTAINABILITY_THRESHOLD_RANGE, "value"),
        Input(ids.SUSTAINABILITY_THRESHOLD, "value"),
        State(ids.LANGUAGE_STORE, "data"),
        prevent_initial_call=True,
        pure=True,
        needs=VIEWING,
    )(
        lambda range_value, number_value, lang: sync_threshold(
            context, ctx.triggered_id, range_value, number_value, lang
        )
    )
