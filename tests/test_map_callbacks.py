"""The map page's callback functions called directly, the geometry route and the update sizes."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest
from dash import Patch, html, no_update
from helpers import as_sent, by_id, find, page_answer
from plotly.utils import PlotlyJSONEncoder

from dashboard import ids
from dashboard.app import create_app
from dashboard.common.pages import PageContext
from dashboard.i18n import t
from dashboard.map import callbacks as map_callbacks
from dashboard.map import geometry
from dashboard.map import layout as map_layout
from dashboard.map.options import TABLE as MAP_TABLE
from dashboard.store.context import AppContext

from conftest import settings_for


@pytest.fixture(scope="module")
def context(tiny_store_path) -> AppContext:
    return AppContext(settings_for(tiny_store_path))


@pytest.fixture(scope="module")
def app(tiny_store_path):
    return create_app(settings_for(tiny_store_path))


def text_of(component) -> str:
    return json.dumps(component, cls=PlotlyJSONEncoder, ensure_ascii=False)


MAP, DRAWN = (ids.MAP_GRAPH, "figure"), (ids.MAP_DRAWN_STORE, "data")
TREND = (
    (ids.MAP_TREND_GRAPH, "figure"),
    (ids.MAP_TREND_SUMMARY, "children"),
    (ids.MAP_TREND_BLOCK, "hidden"),
)
PROFILE = (
    (ids.MAP_PROFILE_TITLE, "children"),
    (ids.MAP_PROFILE_BODY, "children"),
    (ids.MAP_PROFILE_PUBLISHED, "children"),
    (ids.MAP_PROFILE_CLOSE, "hidden"),
)


def profile(context, options, selection, lang) -> tuple:
    """Title, body, published figures and whether the close button is hidden."""
    answer = page_answer("map", context, selection, options, lang)
    return tuple(answer[key] for key in PROFILE)


def trend(context, options, selection, lang) -> tuple:
    """The profile's trend chart, its summary and whether its block is hidden."""
    answer = page_answer("map", context, selection, options, lang)
    return tuple(answer[key] for key in TREND)


def test_first_draw_and_filter_change_send_a_figure(context):
    first = page_answer("map", context, {}, {"colour": "action", "provinces": ""}, "en")
    figure, drawn = first[MAP], first[DRAWN]
    assert isinstance(figure, go.Figure)
    assert [trace.name for trace in figure.data][1:3] == ["North Africa", "Horn of Africa"]
    filtered = page_answer(
        "map",
        context,
        {"regions": ["WCA"]},
        {"colour": "action", "provinces": ""},
        "en",
        changed=("filters",),
        drawn={ids.MAP_DRAWN_STORE: drawn},
    )[MAP]
    assert isinstance(filtered, go.Figure)
    assert [trace.name for trace in filtered.data] == [
        "sea",
        t("map.legend.inactive", "en"),
        "Sahel and Lake Chad",
    ]


@pytest.mark.parametrize("trigger", [ids.MAP_COLOUR_RADIO, ids.MAP_PROVINCES_SWITCH])
def test_recolouring_sends_a_patch(context, trigger):
    drawn = page_answer("map", context, {}, {"colour": "action", "provinces": ""}, "en")[DRAWN]
    options = {"colour": "region", "provinces": "1" if trigger == ids.MAP_PROVINCES_SWITCH else ""}
    answer = page_answer(
        "map", context, {}, options, "en", changed=("options",), drawn={ids.MAP_DRAWN_STORE: drawn}
    )
    patch, now_drawn = answer[MAP], answer[DRAWN]
    assert isinstance(patch, Patch)
    assert now_drawn != drawn


def test_options_changed_before_the_first_map_arrived_send_the_whole_map(context):
    # The browser drops the first answer when a newer one for the map is under way: no map to patch.
    figure = page_answer(
        "map",
        context,
        {},
        {"colour": "region", "provinces": ""},
        "en",
        changed=("options",),
        drawn={ids.MAP_DRAWN_STORE: None},
    )[MAP]
    assert isinstance(figure, go.Figure)


def test_opening_a_profile_leaves_the_map_as_it_is(context):
    drawn = page_answer("map", context, {}, {"colour": "status", "provinces": ""}, "en")[DRAWN]
    answer = page_answer(
        "map",
        context,
        {},
        {"colour": "status", "provinces": "", "profile": "LBY"},
        "en",
        changed=("options",),
        drawn={ids.MAP_DRAWN_STORE: drawn},
    )
    figure, again = answer[MAP], answer[DRAWN]
    assert figure is no_update and again is no_update


def test_unknown_values_from_the_browser_are_ignored(context):
    figure = page_answer(
        "map",
        context,
        {"regions": ["ATLANTIS"], "pillars": ["x"]},
        {"colour": "purple", "provinces": ""},
        "en",
    )[MAP]
    assert figure.layout.meta["colour_mode"] == "action"
    assert sum(len(trace.locations) for trace in figure.data[1:]) == 29


def test_notes_follow_the_filters(context):
    def notes(selection, lang):
        answer = page_answer("map", context, selection, {}, lang)
        return (
            answer[ids.MAP_SUMMARY, "children"],
            answer[ids.MAP_GLOBAL_NOTE, "children"],
            answer[ids.MAP_GLOBAL_NOTE, "hidden"],
        )

    summary, note, hidden = notes({}, "en")
    assert summary.startswith("All 29 countries") and not hidden
    assert "Knowledge Management Hub" in text_of(note)
    summary, note, hidden = notes({"regions": ["WCA"]}, "fr")
    assert summary.startswith("12 des 29") and note == [] and hidden


@pytest.mark.parametrize(
    ("click", "expected"),
    [
        ({"points": [{"location": "LBY", "curveNumber": 1}]}, "LBY"),
        ({"points": [{"location": "AF-KAB"}]}, "AFG"),
        ({"points": [{"location": "sea"}]}, None),
        ({"points": [{"location": "<img src=x>"}]}, None),
        ({"points": []}, None),
        (None, None),
    ],
)
def test_clicked_country(click, expected):
    assert map_callbacks.clicked_country(click) == expected


def test_select_country(context):
    def select(click, current, trigger, selection=None, chosen=None):
        return map_callbacks.select_country(
            context, click, 1, chosen, selection or {}, current, trigger
        )

    assert select({"points": [{"location": "LBY"}]}, None, ids.MAP_GRAPH) == ("LBY", "LBY")
    assert select({"points": [{"location": "sea"}]}, "LBY", ids.MAP_GRAPH) == (None, None)
    assert select({"points": [{"location": "LBY"}]}, "LBY", ids.MAP_GRAPH) == (no_update, no_update)
    # The Gambia is drawn for its EUTF figures but has no profile: like plain land.
    assert select({"points": [{"location": "GMB"}]}, "LBY", ids.MAP_GRAPH) == (None, None)
    assert select(None, "LBY", ids.MAP_PROFILE_CLOSE) == (None, None)
    # The drop-down opens a profile without a mouse; unknown values are ignored.
    assert select(None, None, ids.MAP_PROFILE_SELECT, chosen="ZAF") == ("ZAF", no_update)
    assert select(None, "ZAF", ids.MAP_PROFILE_SELECT, chosen="ATLANTIS") == (None, no_update)
    # A filter change closes the profile only when it leaves the country out.
    assert select(None, "LBY", ids.SELECTION_STORE, {"pillars": [1]}) == (None, None)
    assert select(None, "LBY", ids.SELECTION_STORE, {"pillars": [2]}) == (no_update, no_update)
    assert select(None, None, ids.SELECTION_STORE, {"pillars": [1]}) == (no_update, no_update)
    # A link's profile country is checked against the link's filters on the first call.
    assert select(None, "LBY", None, {"pillars": [1]}) == (None, None)
    assert select(None, "LBY", None, {"regions": ["MENA"]}) == (no_update, no_update)


def test_profile_of_libya_shows_pillars_2_and_3_only(context):
    title, body, published, close_hidden = profile(context, {"profile": "LBY"}, {}, "en")
    assert title == "Libya" and close_hidden is False
    pillars = find(
        body,
        lambda node: isinstance(node, html.Li) and "data-pillar" in node.to_plotly_json()["props"],
    )
    assert [node.to_plotly_json()["props"]["data-pillar"] for node in pillars] == ["2", "3"]
    text = text_of(body)
    assert (
        "2. Protection and voluntary return assistance" in text
        and "1. Capacity building" not in text
    )
    assert "In Libya only pillars 2 and 3 apply" in text
    assert (
        "EU-IOM Joint Initiative for Migrant Protection and Reintegration in North Africa" in text
    )
    assert "2018-08-15 to 2021-12-31" in text
    # Headline for the current filters: the tiny store's 200 returns in Libya.
    values = find(
        body,
        lambda node: (
            isinstance(node, html.Strong)
            and node.to_plotly_json()["props"].get("data-indicator") == "returns_assisted"
        ),
    )
    assert [node.children for node in values] == ["200"]
    # Published figures apart (under the trend), labelled real, with date and source.
    assert t("map.profile.published", "en") not in text
    text = text_of(published)
    assert t("map.profile.published", "en") in text
    assert (
        "Action-wide (North Africa)" in text
        and "more than 15,000" in text
        and "as of 2019-09-09" in text
    )


def test_profile_of_south_africa_and_ethiopia(context):
    _, body, published, _ = profile(context, {"profile": "ZAF"}, {}, "fr")
    text = text_of(body)
    assert "pays d’accueil" in text
    assert t("map.profile.headline_empty", "fr") in text  # no tiny row for South Africa
    assert t("map.profile.published_empty", "fr") in text_of(published)
    assert trend(context, {"profile": "ZAF"}, {}, "fr") == (no_update, "", True)
    _, body, _, _ = profile(context, {"profile": "ETH"}, {}, "en")
    assert "from 2016-12-15 (end not published)" in text_of(body)
    figure, summary, hidden = trend(context, {"profile": "ETH"}, {}, "en")
    assert list(figure.data[0].y) == [100.0] and hidden is False
    assert figure.layout.title.text == "Ethiopia: Migrants assisted to return, by quarter"
    assert (
        summary
        == "Ethiopia – Migrants assisted to return: 100 in Q3 2020, the only quarter with data."
    )


def test_profile_hint_without_a_country(context):
    title, body, published, close_hidden = profile(context, {"profile": None}, {}, "fr")
    assert title == t("map.profile.heading", "fr") and close_hidden is True
    assert t("map.profile.hint", "fr") in text_of(body) and published == []
    assert trend(context, {"profile": None}, {}, "fr") == (no_update, "", True)
    assert trend(context, {"profile": "<b>"}, {}, "fr") == (no_update, "", True)


def test_trend_follows_the_filters_in_both_languages(context):
    figure, summary, hidden = trend(context, {"profile": "GIN"}, {}, "fr")
    assert [value for value in figure.data[0].y] == [100.0, 50.0] and hidden is False
    assert list(figure.data[0].customdata) == ["T1 2019", "T2 2019"]
    assert summary == (
        "Guinée – Migrants aidés au retour, du T1 2019 au T2 2019\u202f: maximum au T1 2019 (100), "
        "minimum au T2 2019 (50)."
    )
    figure, summary, _ = trend(context, {"profile": "GIN"}, {"period_start": "2019-Q2"}, "en")
    assert list(figure.data[0].y) == [50.0] and summary.endswith(
        "50 in Q2 2019, the only quarter with data."
    )


@pytest.mark.parametrize(
    ("params", "mode", "provinces", "profile", "dropped"),
    [
        ({}, "action", False, None, []),
        ({"colour": "region", "provinces": "1", "profile": "LBY"}, "region", True, "LBY", []),
        ({"colour": "status", "provinces": "0"}, "status", False, None, []),
        (
            {"colour": "<b>", "provinces": "maybe", "profile": "FRA"},
            "action",
            False,
            None,
            ["<b>", "maybe", "FRA"],
        ),
    ],
)
def test_page_options_read_from_the_url(context, params, mode, provinces, profile, dropped):
    page = map_layout.layout(
        PageContext(
            lang="en",
            catalog=context.catalog,
            settings=context.settings,
            cursor=context.cursor(),
            params=params,
        )
    )
    assert by_id(page, ids.MAP_COLOUR_RADIO).value == mode
    assert by_id(page, ids.MAP_PROVINCES_SWITCH).value is provinces
    assert (by_id(page, ids.MAP_SELECTED_STORE).data or None) == profile
    assert by_id(page, ids.MAP_PROFILE_SELECT).value == profile
    notice = by_id(page, ids.MAP_OPTIONS_NOTICE)
    if not dropped:
        assert notice is None
    else:
        assert all(f"“{value}”" in notice.children for value in dropped)
        assert "the country profile" in notice.children


def test_options_notice_in_french(context):
    page = map_layout.layout(
        PageContext(
            lang="fr",
            catalog=context.catalog,
            settings=context.settings,
            cursor=context.cursor(),
            params={"colour": "pink"},
        )
    )
    assert by_id(page, ids.MAP_OPTIONS_NOTICE).children == (
        "Certaines options de carte du lien n’ont pas été reconnues et ont été ignorées\u202f: "
        "«\u00a0pink\u00a0» pour Colorer les pays selon."
    )


def test_page_options_are_in_the_option_table():
    assert MAP_TABLE.params == (
        "colour",
        "provinces",
        "profile",
        "measure",
        "value",
        "store_indicator",
    )
    assert (ids.MAP_SELECTED_STORE, "data") in MAP_TABLE.controls


def test_geometry_route(app):
    client = app.server.test_client()
    response = client.get(geometry.COUNTRIES_URL)
    assert response.status_code == 200
    assert response.mimetype == "application/geo+json"
    assert len(response.get_json()["features"]) == 32
    etag = response.headers["ETag"]
    assert client.get(geometry.COUNTRIES_URL, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(geometry.PROVINCES_URL).status_code == 200
    assert client.get(geometry.URL_PREFIX + "secrets.geojson").status_code == 404
    assert (
        client.get(geometry.URL_PREFIX + "..%2Fcountries.geojson").mimetype
        != "application/geo+json"
    )


def post_map_update(app, trigger: str, mode: str, drawn: list | None = None) -> bytes:
    """One answer of the map page's chart callback as the browser asks for it (``drawn``: what the
    drawn map shows); returns the response body."""
    key, spec = next(
        (key, spec) for key, spec in app.callback_map.items() if f"{ids.MAP_GRAPH}.figure" in key
    )
    outputs = [
        dict(zip(("id", "property"), part.rsplit(".", 1), strict=True))
        for part in key.strip(".").split("...")
    ]
    values = {ids.SELECTION_STORE: {}, ids.LANGUAGE_STORE: "en", ids.MAP_DRAWN_STORE: drawn}
    payload = {
        "output": key,
        "outputs": outputs,
        "inputs": [
            {**as_sent(item), "value": values.get(item["id"], {"colour": mode})}
            for item in spec["inputs"]
        ],
        "state": [{**as_sent(item), "value": values.get(item["id"])} for item in spec["state"]],
        "changedPropIds": [trigger],
    }
    response = app.server.test_client().post("/_dash-update-component", json=payload)
    assert response.status_code == 200
    return response.data


def test_update_sizes_carry_no_geometry(app):
    full = post_map_update(app, f"{ids.SELECTION_STORE}.data", "action")
    store = json.dumps(MAP_TABLE.store_id, sort_keys=True, separators=(",", ":"))
    recolour = post_map_update(
        app,
        f"{store}.data",
        "region",
        drawn=json.loads(full)["response"][ids.MAP_DRAWN_STORE]["data"],
    )
    geometry_size = len(geometry.geometry_file("countries.geojson").content)
    assert b"North Africa" in full and b"Middle East and North Africa" in recolour
    assert b"MultiPolygon" not in full and b"MultiPolygon" not in recolour
    assert b'"__dash_patch_update"' in recolour
    assert len(recolour) < len(full) < geometry_size < 300_000


def test_every_map_id_the_callbacks_name_is_in_the_layout(app):
    layout_ids = {
        node.id
        for node in find(
            app.validation_layout, lambda node: isinstance(getattr(node, "id", None), str)
        )
    }
    named = set()
    for output, callback in app.callback_map.items():
        named |= {part.split(".")[0] for part in output.strip(".").split("...")}
        named |= {dependency["id"] for dependency in callback["inputs"] + callback["state"]}
    map_ids = {name for name in named if isinstance(name, str) and name.startswith("map-")}
    assert {ids.MAP_GRAPH, ids.MAP_PROFILE_SELECT, ids.MAP_PROFILE_CLOSE} <= map_ids
    assert map_ids <= layout_ids


def test_profile_dates_and_classification_read_in_french(context):
    contracts = page_answer("map", context, {}, {"profile": "NER"}, "fr")[
        ids.MAP_EUTF_PROFILE, "children"
    ]
    text = text_of(contracts)
    assert "du – au" not in text and "jusqu’au 2020-03-14 (début non indiqué)" in text
    assert (
        "de bord)\u202f: apparenté" in text.replace(" : ", "\u202f: ") and ": related" not in text
    )
