"""A change of language redraws the page with the address the shell writes for it.

The routing callback (page layout) and the shell's address write answer the same change of
language; a routing request that read the address before the write landed drew a page whose copy
of the address lacked ``lang``, and the next page option change then wrote an address without it
(seen as ``test_back_and_forward_restore_every_view`` losing ``lang=fr`` on a busy machine).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from dash.development.base_component import Component

import callbacks.shell as shell
from callbacks.shell import address_in_language, route
from dashboard import ids
from dashboard.site import SITE, option_tables
from dashboard.store.context import AppContext

from conftest import settings_for


def store_data(layout: object, component_id: object) -> object:
    """The ``data`` of the component ``component_id`` in ``layout``, the routing callback's answer
    as it goes to the browser (components as ``{props, type, namespace}``)."""
    found = list(find(layout, component_id))
    if not found:
        raise AssertionError(f"{component_id} not in the layout")
    return found[0].get("data")


def find(node: object, component_id: object):
    """The props of every component ``component_id`` in ``node``."""
    if isinstance(node, Component):
        node = node.to_plotly_json()
    if isinstance(node, list):
        for child in node:
            yield from find(child, component_id)
    elif isinstance(node, dict) and isinstance(node.get("props"), dict):
        if node["props"].get("id") == component_id:
            yield node["props"]
        yield from find(node["props"].get("children"), component_id)


@pytest.mark.parametrize(
    ("search", "lang", "expected"),
    [
        (
            "?region=WCA&group=sex&threshold=0.7",
            "fr",
            "?region=WCA&lang=fr&group=sex&threshold=0.7",
        ),
        ("?region=WCA&lang=fr&group=sex", "en", "?region=WCA&group=sex"),
        ("", "fr", "?lang=fr"),
        ("?region=WCA&lang=fr", "fr", "?region=WCA&lang=fr"),
    ],
)
def test_the_address_in_a_language_is_the_one_the_shell_writes(search, lang, expected):
    assert address_in_language(search, lang, "en") == expected


def test_a_page_drawn_for_a_new_language_holds_the_address_with_it(tiny_store_path, monkeypatch):
    context = AppContext(settings_for(tiny_store_path))
    table = option_tables()["sustainability"]
    monkeypatch.setattr(shell, "ctx", SimpleNamespace(triggered_id=ids.LANGUAGE_STORE))
    # The address as read before the shell's write of lang=fr landed.
    layout = route(context, SITE, "/sustainability", "fr", "?region=WCA&group=sex")
    assert store_data(layout, table.address_store_id)["search"] == "?region=WCA&lang=fr&group=sex"
    # Any other trigger (the page opened, Back, Forward) draws the address as it is.
    monkeypatch.setattr(shell, "ctx", SimpleNamespace(triggered_id=ids.URL))
    layout = route(context, SITE, "/sustainability", "fr", "?region=WCA&group=sex")
    assert store_data(layout, table.address_store_id)["search"] == "?region=WCA&group=sex"
