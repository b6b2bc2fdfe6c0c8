"""The first figures come with the page: the routing callback's answer holds every chart's first
answer (figure, summary, panel state, extras), exactly what the page's chart callback sends for
the same address, so the charts draw one round of requests earlier; the chart callback itself
runs on later changes only."""

from __future__ import annotations

import orjson
import pytest
from test_language_address import find

from callbacks.charts import answer_page, html_outputs, id_text, page_outputs, plain, wire_value
from callbacks.shell import render_page
from dashboard.selection import Selection
from dashboard.site import SITE
from dashboard.store.context import AppContext

from conftest import settings_for

SEARCHES = ("", "?region=WCA&group=sex", "?country=GIN&lang=fr", "?indicator=people_reached")


def props_of(layout: object, component_id: object) -> dict:
    found = list(find(layout, component_id))
    assert len(found) == 1, component_id
    return found[0]


@pytest.mark.parametrize("search", SEARCHES)
@pytest.mark.parametrize("page", [page for page in SITE.pages if page.charts or page.extras])
def test_the_layout_holds_the_answer_the_chart_callback_gives_on_load(
    tiny_store_path, page, search
):
    context = AppContext(settings_for(tiny_store_path))
    lang = "fr" if "lang=fr" in search else "en"
    layout = orjson.loads(orjson.dumps(plain(render_page(context, SITE, page.path, search, lang))))
    options = None
    if page.options is not None:
        options = props_of(layout, page.options.store_id).get("data")
    selection = Selection.from_query_string(search, context.catalog).to_dict()
    answer = answer_page(page, context, selection, options, lang)
    blocks = html_outputs(page)
    assert answer
    for (component_id, prop), value in answer.items():
        sent = orjson.loads(orjson.dumps(wire_value((component_id, prop), value, blocks)))
        shown = props_of(layout, component_id).get(prop)
        assert shown == sent, (id_text(component_id), prop)


def test_the_chart_callbacks_wait_for_a_change(tiny_store_path):
    from dashboard.app import create_app

    app = create_app(settings_for(tiny_store_path))
    pages = [page for page in SITE.pages if page.charts or page.extras]
    factory = [
        spec
        for spec in app._callback_list  # noqa: SLF001 (Dash's list of the wired callbacks)
        for page in pages
        if all(
            f"{id_text(component).strip(chr(34))}.{prop}" in spec["output"]
            or f"{component}.{prop}" in spec["output"]
            for component, prop in page_outputs(page)
        )
    ]
    assert len(factory) == len(pages)
    assert all(spec.get("prevent_initial_call") for spec in factory)
