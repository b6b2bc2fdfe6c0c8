"""Direct calls of the sustainability callbacks and layout on the tiny store, plus wiring checks."""

from __future__ import annotations

from dataclasses import replace

import plotly.graph_objects as go
import pytest
from dash import html, no_update
from dash.exceptions import PreventUpdate
from helpers import sustainability_outputs, walk

from dashboard import ids
from dashboard.common.methodology import METHOD_PARAGRAPHS, methodology_section
from dashboard.common.options import OptionEnv
from dashboard.common.pages import PageContext
from dashboard.i18n import TEXT
from dashboard.store.context import AppContext
from dashboard.sustainability import callbacks as cb
from dashboard.sustainability import layout as page
from dashboard.sustainability import queries as q
from dashboard.sustainability.options import PageOptions, comparable_codes

from conftest import settings_for

FILTERS = [
    {},
    {"regions": ["WCA"]},
    {"countries": ["GIN", "MWI"], "period_start": "2019-Q1", "period_end": "2019-Q2"},
    {"statuses": ["completed", "ongoing"], "actions": ["JI-SLC", "PILOT"], "pillars": [1]},
]


@pytest.fixture(scope="module")
def context(tiny_store_path):
    return AppContext(settings_for(tiny_store_path, min_group_size=2, threshold=0.55))


def page_context(context, params=None, lang="en"):
    return PageContext(
        lang=lang,
        catalog=context.catalog,
        settings=context.settings,
        cursor=context.cursor(),
        params=params or {},
    )


@pytest.mark.parametrize("grouping", list(q.GROUPINGS))
@pytest.mark.parametrize("filters", FILTERS)
def test_every_grouping_with_every_filter(context, grouping, filters):
    for figure, summary in (
        sustainability_outputs("means", context, {"group": grouping}, filters, "en"),
        sustainability_outputs(
            "distribution",
            context,
            {"group": grouping, "measure": "social", "threshold": 0.5},
            filters,
            "fr",
        ),
        sustainability_outputs(
            "shares",
            context,
            {"group": grouping, "measure": "composite", "threshold": 0.6},
            filters,
            "en",
        ),
        sustainability_outputs(
            "over_time", context, {"group": grouping, "measure": "economic"}, filters, "fr"
        ),
    ):
        assert isinstance(figure, go.Figure) and isinstance(summary, str) and summary
    changes, summary, shares, _ = sustainability_outputs(
        "changes", context, {"group": grouping}, filters, "fr"
    )
    assert isinstance(changes, go.Figure) and isinstance(shares, go.Figure) and summary
    options, _, help_text = sustainability_outputs(
        "choices", context, {"group": grouping}, filters, "en"
    )
    group_a, group_b = q.default_pair(grouping, [option["value"] for option in options])
    assert [option["value"] for option in options] and group_a and group_b and help_text
    figure, table, summary = sustainability_outputs(
        "comparison", context, {"group": grouping, "a": group_a, "b": group_b}, filters, "en"
    )
    assert (
        isinstance(figure, go.Figure)
        and isinstance(table, html.Div)
        and isinstance(summary, str)
        and summary
    )


def test_filters_matching_nobody_read_as_too_few(context):
    nothing = {"actions": ["RADA"]}
    for _figure, summary in (
        sustainability_outputs("means", context, {"group": "region"}, nothing, "en"),
        sustainability_outputs(
            "distribution",
            context,
            {"group": "region", "measure": "social", "threshold": 0.5},
            nothing,
            "en",
        ),
        sustainability_outputs(
            "shares",
            context,
            {"group": "region", "measure": "social", "threshold": 0.5},
            nothing,
            "en",
        ),
        sustainability_outputs(
            "over_time", context, {"group": "region", "measure": "social"}, nothing, "en"
        ),
    ):
        # Nobody and a few read alike: never "no responses".
        assert "No survey" not in summary
        assert summary.startswith(
            ("Too few respondents", "Every group has fewer than 2 respondents")
        )
    figure, _, summary = sustainability_outputs(
        "comparison", context, {"group": "region", "a": "WCA", "b": "EHOA"}, nothing, "en"
    )
    assert figure.layout.meta == {"empty": True}
    assert summary.startswith(
        "Fewer than two groups have at least 2 respondents with the current filters"
    )


def test_no_selection_yet_means_no_update(context):
    with pytest.raises(PreventUpdate):
        sustainability_outputs("means", context, {"group": "region"}, None, "en")
    with pytest.raises(PreventUpdate):
        sustainability_outputs(
            "comparison", context, {"group": "region", "a": "WCA", "b": "EHOA"}, None, "en"
        )


def test_raw_inputs_are_cleaned(context):
    """Unknown grouping, measure or language fall back to defaults; a bad threshold to the setting."""
    figure, _ = sustainability_outputs(
        "means", context, {"group": "region; DROP TABLE actions"}, {"regions": ["ATLANTIS"]}, "xx"
    )
    assert figure.layout.title.text == "Mean scores by region"
    figure, _ = sustainability_outputs(
        "shares", context, {"group": "sex", "measure": "bogus", "threshold": "1.9"}, {}, "en"
    )
    assert figure.layout.title.text == "Share at or above 0.55"  # the configured threshold
    assert figure.layout.title.subtitle.text.startswith("Composite score")  # the default measure
    figure, _ = sustainability_outputs(
        "shares",
        context,
        {"group": "sex", "measure": "economic", "threshold": 0.6000000000000001},
        {},
        "en",
    )
    assert figure.layout.title.text == "Share at or above 0.60"
    figure, summary = sustainability_outputs(
        "shares", context, {"group": "action", "measure": "economic", "threshold": 0.5}, {}, "en"
    )
    assert list(figure.data[0].x) == [0.75, 0.5]  # a score equal to the threshold counts


def test_threshold_controls_stay_in_step(context):
    assert cb.sync_threshold(context, ids.SUSTAINABILITY_THRESHOLD_RANGE, "0.71", 0.5) == (
        no_update,
        "0.71",
    )
    assert cb.sync_threshold(context, ids.SUSTAINABILITY_THRESHOLD_RANGE, "0.6", "0,5", "fr") == (
        no_update,
        "0,6",
    )
    assert cb.sync_threshold(context, ids.SUSTAINABILITY_THRESHOLD, 0.8, "0,45", "fr") == (
        0.45,
        no_update,
    )
    assert cb.sync_threshold(context, ids.SUSTAINABILITY_THRESHOLD, 0.8, 0.45) == (0.45, no_update)
    assert cb.sync_threshold(context, ids.SUSTAINABILITY_THRESHOLD, 0.8, None) == (
        no_update,
        no_update,
    )
    assert cb.sync_threshold(context, ids.SUSTAINABILITY_THRESHOLD, 0.8, 7) == (
        no_update,
        no_update,
    )
    figure, _ = sustainability_outputs(
        "shares", context, {"group": "sex", "measure": "economic", "threshold": "0.65"}, {}, "en"
    )
    assert figure.layout.title.text == "Share at or above 0.65"


def test_comparison_of_a_group_with_itself(context):
    figure, table, summary = sustainability_outputs(
        "comparison", context, {"group": "sex", "a": "male", "b": "male"}, {}, "en"
    )
    assert figure.layout.meta == {"empty": True}
    assert "the same" in str(table) and "the same" in summary


def test_means_callback_hides_small_groups(context):
    figure, summary = sustainability_outputs("means", context, {"group": "region"}, {}, "en")
    assert "East and Horn of Africa (n < 2, suppressed)" in [
        tick.replace("<br>", " ") for tick in figure.layout.yaxis.categoryarray
    ]
    assert all("East and Horn" not in y for trace in figure.data for y in trace.y)
    assert summary.startswith("2 groups shown, 3 suppressed")


# ---------------------------------------------------------------- layout
def test_page_options_from_the_url(context):
    env = OptionEnv(context.catalog, context.settings, context.cursor(), "en")
    options = PageOptions.from_params(
        {"group": "sex", "measure": "social", "threshold": "0.7", "a": "male", "b": "female"}, env
    )
    assert options == PageOptions("sex", "social", 0.7, "male", "female")
    fallback = PageOptions.from_params(
        {"group": "nope", "measure": "x", "threshold": "NaN", "a": "<script>"}, env
    )
    assert (fallback.grouping, fallback.measure, fallback.threshold) == (
        "region",
        "composite",
        0.55,
    )
    assert (fallback.group_a, fallback.group_b) == q.default_pair(
        "region", comparable_codes(env, "region")
    )
    assert PageOptions.from_params({"threshold": "0.95"}, env).threshold == 0.95
    assert PageOptions.from_params({"threshold": "0,6"}, env).threshold == 0.6
    assert PageOptions.from_params({"threshold": "1.5"}, env).threshold == 0.55
    assert PageOptions.from_params({"threshold": "abc"}, env).threshold == 0.55


def test_layout_reads_url_options(context):
    layout = page.layout(
        page_context(
            context,
            {"group": "sex", "measure": "economic", "threshold": "0.4", "a": "male", "b": "female"},
        )
    )
    found = {
        component.id: component
        for component in walk(layout)
        if isinstance(getattr(component, "id", None), str)
    }
    assert found[ids.SUSTAINABILITY_GROUPING].value == "sex"
    assert found[ids.SUSTAINABILITY_MEASURE].value == "economic"
    assert found[ids.SUSTAINABILITY_THRESHOLD].value == "0.4"
    assert (found[ids.SUSTAINABILITY_GROUP_A].value, found[ids.SUSTAINABILITY_GROUP_B].value) == (
        "male",
        "female",
    )
    assert [option["label"] for option in found[ids.SUSTAINABILITY_GROUP_A].options] == [
        "Women",
        "Men",
    ]


def test_every_control_has_a_visible_label(context):
    layout = page.layout(page_context(context))
    components = list(walk(layout))
    # Labels that wrap their control (the embed snippet's) name no target.
    label_targets = {
        getattr(component, "htmlFor", None)
        for component in components
        if isinstance(component, html.Label)
    }
    for control in (
        ids.SUSTAINABILITY_GROUPING,
        ids.SUSTAINABILITY_THRESHOLD_RANGE,
        ids.SUSTAINABILITY_THRESHOLD,
        ids.SUSTAINABILITY_GROUP_A,
        ids.SUSTAINABILITY_GROUP_B,
    ):
        assert control in label_targets
    # The radio buttons of the measure sit in a fieldset whose legend names them.
    fieldset = next(
        c
        for c in components
        if isinstance(c, html.Fieldset)
        and any(getattr(child, "id", None) == ids.SUSTAINABILITY_MEASURE for child in c.children)
    )
    assert isinstance(fieldset.children[0], html.Legend) and fieldset.children[0].children


def test_methodology_section_in_both_languages(context):
    settings = replace(
        context.settings, min_group_size=12, threshold=0.6, composite_weights=(0.5, 0.25, 0.25)
    )
    english = str(methodology_section("en", settings))
    french = str(methodology_section("fr", settings))
    for text in (
        "fewer than 12 respondents",
        "0.60",
        "not IOM’s official value",
        "economic 0.50",
        "Student’s t",
        "Wilson",
        "Welch",
        "5th and 95th percentiles",
        "0–5, 6–11, 12–17, 18–23",
    ):
        assert text in english, text
    for text in (
        "moins de 12 répondants",
        "0,60",
        "pas la valeur officielle de l’OIM",
        "économique 0,50",
        "loi de Student",
        "Wilson",
        "Welch",
    ):
        assert text in french, text
    assert not [c for c in walk(methodology_section("en", settings)) if getattr(c, "id", None)]


def test_every_text_key_has_both_languages():
    keys = [key for key in TEXT if key.startswith("sustainability.")]
    assert len(keys) > 80
    for key in keys:
        assert TEXT[key]["en"].strip() and TEXT[key]["fr"].strip(), key
    assert all(f"sustainability.method.{name}" in TEXT for name in METHOD_PARAGRAPHS)


def test_callbacks_name_only_ids_of_the_layouts(tiny_store_path):
    from dashboard.app import create_app

    app = create_app(settings_for(tiny_store_path))
    layout_ids = {
        component.id
        for component in walk(app.validation_layout)
        if isinstance(getattr(component, "id", None), str)
    }
    named = set()
    for outputs, callback in app.callback_map.items():
        named |= {item["id"] for item in callback["inputs"] + callback["state"]}
        named |= {part.rsplit(".", 1)[0] for part in outputs.strip(".").split("...") if part}
    ours = {name for name in named if name.startswith("sustainability-")}
    assert ours and ours <= layout_ids
    assert {ids.SUSTAINABILITY_MEANS_GRAPH, ids.SUSTAINABILITY_COMPARE_TABLE} <= ours


# ---------------------------------------------------------------- options under the filters
def test_a_group_that_falls_back_never_lands_on_the_other(context):
    """After a filter change, group A no longer comparable falls back to a default; when that
    default is group B, B is picked again too, so the page never says "A and B are the same" by
    itself. A link is read as it is (the table's own parse)."""
    from dashboard.sustainability.options import parse_following_filters

    def following(params, env):
        return PageOptions.from_parsed(parse_following_filters(params, env))

    wide = OptionEnv(context.catalog, context.settings, context.cursor(), "en")
    by_size = sorted(
        (grouping for grouping in q.GROUPINGS), key=lambda g: -len(comparable_codes(wide, g))
    )
    grouping = by_size[0]
    codes = comparable_codes(wide, grouping)
    assert len(codes) >= 2
    first, second = q.default_pair(grouping, codes)
    gone = "ZZZ"  # no such group: never comparable
    parsed = following({"group": grouping, "a": gone, "b": first}, wide)
    assert (parsed.group_a, parsed.group_b) == (first, second) and first != second
    assert ("a", gone) in parsed.dropped
    link = PageOptions.from_params({"group": grouping, "a": gone, "b": first}, wide)
    assert (link.group_a, link.group_b) == (first, first)
    # A link naming one group twice is kept as it asks.
    same = following({"group": grouping, "a": first, "b": first}, wide)
    assert (same.group_a, same.group_b) == (first, first)
    # A group B that is not A's fallback stays.
    others = [code for code in codes if code not in (first, second)]
    if others:
        kept = following({"group": grouping, "a": gone, "b": others[0]}, wide)
        assert (kept.group_a, kept.group_b) == (first, others[0])


def test_the_charts_answer_carries_the_options_under_the_filters(context):
    """On the page's first answer the options value is the one its layout holds; outside a filter
    change it is written as it is parsed (the charts of the same answer draw with it)."""
    from callbacks.charts import answer_selection
    from dashboard.common.pages import Site
    from dashboard.selection import Selection
    from dashboard.site import SITE
    from dashboard.sustainability.options import TABLE

    page = next(page for page in SITE.pages if page.key == "sustainability")
    env = OptionEnv(context.catalog, context.settings, context.cursor(), "en")
    texts = TABLE.parse({"group": "country"}, env).texts
    answer = answer_selection(page, context, Selection(), texts, "en")
    store = [value for (component, prop), value in answer.items() if component == TABLE.store_id]
    assert store == [texts]
    assert isinstance(SITE, Site)
