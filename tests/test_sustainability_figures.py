"""Structure of the sustainability figures: traces, order, values, labels, suppression, empty states."""

from __future__ import annotations

import pandas as pd
import pytest
from dash import html
from helpers import AsPlotly, assert_plotly_makes_the_same, chart_request

from dashboard.selection import Selection
from dashboard.store.catalog import load_catalog
from dashboard.sustainability import blocks as sustainability_blocks
from dashboard.sustainability import change_figures
from dashboard.sustainability import figures as builders
from dashboard.sustainability import labels as vocabulary
from dashboard.sustainability import queries as q
from dashboard.sustainability import summaries as sustainability_summaries
from dashboard.sustainability.disclosure import EXACT
from dashboard.sustainability.labels import GroupChart

f = AsPlotly(builders)  # each figure read back through plotly (validated, attribute access)


@pytest.fixture(scope="module")
def catalog(tiny_cursor):
    return load_catalog(tiny_cursor)


def region_labels(catalog, lang="en"):
    return vocabulary.group_labels("region", lang, catalog)


def plain(ticks) -> list[str]:
    """Axis ticks as read: the lines a phone's narrow labels are broken into, joined."""
    return [tick.replace("<br>", " ") for tick in ticks]


def texts(figure) -> str:
    """Every string a figure would show: trace text, hover, names, ticks, annotations, titles."""
    parts = [
        str(figure.layout.title.text),
        str(figure.layout.xaxis.title.text),
        str(figure.layout.yaxis.title.text),
    ]
    for trace in figure.data:
        for attribute in ("name", "text", "hovertext", "x", "y"):
            value = getattr(trace, attribute, None)
            if value is not None:
                parts.append(str(value if isinstance(value, str) else list(value)))
    parts += [str(annotation.text) for annotation in figure.layout.annotations]
    parts += [str(shape.name) for shape in figure.layout.shapes if shape.name]
    return " | ".join(parts)


# ---------------------------------------------------------------- labels
def test_group_labels_orders(catalog):
    assert list(vocabulary.group_labels("age_group", "en", catalog)) == [
        "18-24",
        "25-34",
        "35-44",
        "45+",
    ]
    assert list(vocabulary.group_labels("months", "fr", catalog).values())[-1] == "24 mois ou plus"
    assert list(vocabulary.group_labels("action", "en", catalog))[:3] == [
        "JI-NA",
        "JI-HOA",
        "JI-SLC",
    ]
    french_countries = list(vocabulary.group_labels("country", "fr", catalog).values())
    assert french_countries.index("Égypte") < french_countries.index(
        "Ghana"
    )  # accents sort as letters
    assert vocabulary.group_labels("sex", "fr", catalog) == {"female": "Femmes", "male": "Hommes"}


def test_group_options_keep_label_order_and_only_present_codes(catalog):
    options = vocabulary.group_options(["WCA", "EHOA", "XYZ"], region_labels(catalog))
    assert options == [
        {"label": "East and Horn of Africa", "value": "EHOA"},
        {"label": "West and Central Africa", "value": "WCA"},
        {"label": "XYZ", "value": "XYZ"},
    ]


# ---------------------------------------------------------------- means
def test_means_chart_traces_ticks_and_suppressed_row(tiny_cursor, catalog):
    by_group = q.group_means(tiny_cursor, Selection(), "region", min_group_size=2, disclosure=EXACT)
    figure = f.means_chart(
        by_group,
        GroupChart(
            labels=region_labels(catalog),
            grouping="region",
            lang="en",
            demo=False,
            min_group_size=2,
        ),
    )
    assert [trace.name for trace in figure.data] == [
        "Economic",
        "Social",
        "Psychosocial",
        "Composite",
    ]
    assert [trace.marker.symbol for trace in figure.data] == [
        "circle",
        "square",
        "triangle-up",
        "diamond",
    ]
    shown_ticks = ["Southern Africa (n=2)", "West and Central Africa (n=4)"]
    suppressed_ticks = [
        f"{name} (n < 2, suppressed)"
        for name in (
            "Asia and the Pacific",
            "East and Horn of Africa",
            "Middle East and North Africa",
        )
    ]
    assert plain(figure.layout.yaxis.categoryarray) == [*suppressed_ticks, *shown_ticks]
    wca = by_group.set_index("group_code").loc["WCA"]
    for trace, measure in zip(figure.data, q.MEASURES, strict=True):
        assert plain(trace.y) == shown_ticks
        assert trace.x[1] == pytest.approx(wca[f"{measure}_mean"])
        # Intervals are clipped to [0, 1] for drawing.
        assert trace.x[0] - trace.error_x.arrayminus[0] >= 0
        assert trace.x[0] + trace.error_x.array[0] <= 1
        assert trace.x[1] + trace.error_x.array[1] == pytest.approx(
            min(wca[f"{measure}_ci_high"], 1.0)
        )
        assert "n = 4" in trace.hovertext[1]
    assert any(
        "suppressed: fewer than 2 respondents" in a.text.replace("<br>", " ")
        for a in figure.layout.annotations
    )
    assert "East and Horn of Africa" not in " ".join(str(trace.hovertext) for trace in figure.data)
    assert figure.layout.xaxis.title.text == "Mean score (95% CI)"
    assert figure.layout.title.text == "Mean scores by region"


def test_suppressed_values_reach_no_figure(tiny_cursor, catalog):
    """With a minimum of 4, women (3 responses) are suppressed in every chart by sex."""
    labels = vocabulary.group_labels("sex", "en", catalog)
    options = {
        "labels": labels,
        "grouping": "sex",
        "lang": "en",
        "demo": False,
        "min_group_size": 4,
    }
    figures = [
        f.means_chart(
            q.group_means(tiny_cursor, Selection(), "sex", min_group_size=4, disclosure=EXACT),
            GroupChart(**options),
        ),
        f.distribution_chart(
            q.group_distribution(
                tiny_cursor, Selection(), "sex", "economic", min_group_size=4, disclosure=EXACT
            ),
            GroupChart(measure="economic", threshold=0.5, **options),
        ),
        f.threshold_chart(
            q.threshold_shares(
                tiny_cursor, Selection(), "sex", "economic", 0.5, min_group_size=4, disclosure=EXACT
            ),
            GroupChart(measure="economic", threshold=0.5, **options),
        ),
    ]
    for figure in figures:
        assert "Women (n < 4, suppressed)" in plain(figure.layout.yaxis.categoryarray)
        for trace in figure.data:
            assert all("Women" not in str(y) for y in trace.y)
            assert all("Women" not in str(text) for text in (trace.hovertext or ()))
    compared = q.compare_groups(
        tiny_cursor, Selection(), "sex", "female", "male", min_group_size=4, disclosure=EXACT
    )
    comparison = f.comparison_chart(
        compared, label_a="Women", label_b="Men", lang="en", demo=False, min_group_size=4
    )
    assert [trace.meta["side"] for trace in comparison.data] == ["b"]
    assert "Women: suppressed (fewer than 4 respondents" in texts(comparison)


def test_demo_mark_and_empty_state(tiny_cursor, catalog):
    by_group = q.group_means(tiny_cursor, Selection(), "region", min_group_size=1, disclosure=EXACT)
    labels = region_labels(catalog)
    demo = f.means_chart(
        by_group,
        GroupChart(labels=labels, grouping="region", lang="en", demo=True, min_group_size=1),
    )
    real = f.means_chart(
        by_group,
        GroupChart(labels=labels, grouping="region", lang="en", demo=False, min_group_size=1),
    )
    assert "DEMO DATA" in texts(demo) and "DEMO DATA" not in texts(real)
    empty = f.means_chart(
        by_group.iloc[0:0],
        GroupChart(labels=labels, grouping="region", lang="en", demo=True, min_group_size=1),
    )
    assert empty.layout.meta == {"empty": True} and len(empty.data) == 0
    assert "No data for the current filters." in texts(empty)


def test_french_chart_words_and_separators(tiny_cursor, catalog):
    by_group = q.group_means(tiny_cursor, Selection(), "region", min_group_size=1, disclosure=EXACT)
    figure = f.means_chart(
        by_group,
        GroupChart(
            labels=region_labels(catalog, "fr"),
            grouping="region",
            lang="fr",
            demo=True,
            min_group_size=1,
        ),
    )
    assert [trace.name for trace in figure.data] == [
        "Économique",
        "Social",
        "Psychosocial",
        "Composite",
    ]
    assert figure.layout.title.text == "Scores moyens par région"
    assert figure.layout.separators == ",\u202f"
    # Long names wrap, so the plot keeps its width on a phone.
    assert "Afrique centrale et de l’Ouest (n=4)" in plain(figure.layout.yaxis.categoryarray)
    assert figure.layout.xaxis.title.text == "Score moyen (IC à 95 %)"
    assert "DONNÉES DE DÉMONSTRATION" in texts(figure)
    assert "IC à 95 %" in figure.data[0].hovertext[0]


def test_means_summary(tiny_cursor, catalog):
    by_group = q.group_means(tiny_cursor, Selection(), "region", min_group_size=2, disclosure=EXACT)
    summary = sustainability_summaries.means_summary(
        by_group, labels=region_labels(catalog), lang="en", min_group_size=2
    )
    assert summary.startswith("2 groups shown, 3 suppressed (fewer than 2 respondents).")
    assert "Highest mean composite score: Southern Africa (0.65)" in summary
    assert "composite was computed by this dashboard" in summary
    everything_suppressed = q.group_means(
        tiny_cursor, Selection(), "region", min_group_size=50, disclosure=EXACT
    )
    assert "Every group has fewer than 50 respondents" in sustainability_summaries.means_summary(
        everything_suppressed, labels=region_labels(catalog), lang="en", min_group_size=50
    )


# ---------------------------------------------------------------- distribution
def test_distribution_chart_uses_precomputed_statistics(tiny_cursor, catalog):
    by_group = q.group_distribution(
        tiny_cursor, Selection(), "sex", "social", min_group_size=1, disclosure=EXACT
    )
    figure = f.distribution_chart(
        by_group,
        GroupChart(
            labels=vocabulary.group_labels("sex", "en", catalog),
            grouping="sex",
            measure="social",
            threshold=0.55,
            lang="en",
            demo=False,
            min_group_size=1,
        ),
    )
    (box,) = figure.data
    assert box.type == "box" and box.orientation == "h" and box.boxpoints is False
    assert plain(box.y) == ["Women (n=3)", "Men (n=4)"]
    ordered = by_group.set_index("group_code").loc[["female", "male"]]
    assert list(box.q1) == pytest.approx(ordered["q1"].tolist())
    assert list(box.median) == pytest.approx(ordered["median"].tolist())
    assert list(box.lowerfence) == pytest.approx(ordered["p05"].tolist())
    assert list(box.upperfence) == pytest.approx(ordered["p95"].tolist())
    (line,) = figure.layout.shapes
    assert line.x0 == line.x1 == 0.55
    assert "threshold 0.55 (setting)" in texts(figure)
    assert figure.layout.title.text == "Spread of social scores by sex"


def test_distribution_summary_explains_the_whiskers(tiny_cursor):
    by_group = q.group_distribution(
        tiny_cursor, Selection(), "sex", "social", min_group_size=1, disclosure=EXACT
    )
    summary = sustainability_summaries.distribution_summary(by_group, lang="en", min_group_size=1)
    assert "5th and 95th percentiles" in summary
    assert sustainability_summaries.distribution_summary(
        by_group.iloc[0:0], lang="en", min_group_size=1
    ).startswith("Too few respondents")


# ---------------------------------------------------------------- threshold
def test_threshold_chart_bars_labels_and_intervals(tiny_cursor, catalog):
    shares = q.threshold_shares(
        tiny_cursor, Selection(), "action", "economic", 0.5, min_group_size=2, disclosure=EXACT
    )
    figure = f.threshold_chart(
        shares,
        GroupChart(
            labels=vocabulary.group_labels("action", "en", catalog),
            grouping="action",
            measure="economic",
            threshold=0.5,
            lang="en",
            demo=False,
            min_group_size=2,
        ),
    )
    (bars,) = figure.data
    assert plain(bars.y) == ["Sahel and Lake Chad (n=4)", "Pilot Action (n=2)"]
    assert list(bars.x) == [0.75, 0.5]
    assert list(bars.text) == ["75%", "50%"]
    assert bars.x[0] - bars.error_x.arrayminus[0] == pytest.approx(0.3006418, abs=1e-6)
    assert "3 of 4" in bars.hovertext[0]
    assert "Horn of Africa (n < 2, suppressed)" in plain(figure.layout.yaxis.categoryarray)
    assert figure.layout.title.text == "Share at or above 0.50"
    assert figure.layout.title.subtitle.text == "Economic score, by Action"
    summary = sustainability_summaries.threshold_summary(
        shares, threshold=0.5, lang="en", min_group_size=2
    )
    assert "Overall, 67% of the 6 respondents shown are at or above the threshold 0.50." in summary


# ---------------------------------------------------------------- over time
def test_over_time_chart_series_order_and_gaps(tiny_cursor, catalog):
    by_band = q.means_over_time(
        tiny_cursor, Selection(), "sex", "economic", min_group_size=2, disclosure=EXACT
    )
    figure = f.over_time_chart(
        by_band,
        GroupChart(
            labels=vocabulary.group_labels("sex", "en", catalog),
            grouping="sex",
            measure="economic",
            lang="en",
            demo=False,
            min_group_size=2,
        ),
    )
    assert [trace.name for trace in figure.data] == ["Women", "Men"]
    assert list(figure.layout.xaxis.categoryarray) == [
        "0–5 months",
        "6–11 months",
        "12–17 months",
        "18–23 months",
        "24 months or more",
    ]
    women, men = figure.data
    assert list(women.x) == ["6–11 months"] and women.y[0] == pytest.approx(0.45)
    assert list(men.x) == ["12–17 months"] and men.y[0] == pytest.approx(0.35)
    assert women.marker.symbol != men.marker.symbol and women.line.dash != men.line.dash
    summary = sustainability_summaries.over_time_summary(
        by_band,
        labels=vocabulary.group_labels("sex", "en", catalog),
        grouping="sex",
        lang="en",
        min_group_size=2,
        max_series=6,
    )
    assert summary.startswith("Series shown: Women, Men.")


def test_over_time_chart_months_grouping_and_all_suppressed(tiny_cursor, catalog):
    labels = vocabulary.group_labels("months", "en", catalog)
    by_band = q.means_over_time(
        tiny_cursor, Selection(), "months", "composite", min_group_size=1, disclosure=EXACT
    )
    figure = f.over_time_chart(
        by_band,
        GroupChart(
            labels=labels,
            grouping="months",
            measure="composite",
            lang="en",
            demo=False,
            min_group_size=1,
        ),
    )
    assert [trace.name for trace in figure.data] == ["All returnees"]
    suppressed = q.means_over_time(
        tiny_cursor, Selection(), "months", "composite", min_group_size=5, disclosure=EXACT
    )
    blank = f.over_time_chart(
        suppressed,
        GroupChart(
            labels=labels,
            grouping="months",
            measure="composite",
            lang="en",
            demo=False,
            min_group_size=5,
        ),
    )
    assert blank.layout.meta == {"empty": True} and len(blank.data) == 0
    assert "No band of months" in sustainability_summaries.over_time_summary(
        suppressed, labels=labels, grouping="months", lang="en", min_group_size=5, max_series=6
    )


# ---------------------------------------------------------------- comparison
def test_comparison_chart_and_table(tiny_cursor):
    compared = q.compare_groups(
        tiny_cursor, Selection(), "sex", "female", "male", min_group_size=3, disclosure=EXACT
    )
    figure = f.comparison_chart(
        compared, label_a="Women", label_b="Men", lang="en", demo=False, min_group_size=3
    )
    a, b = figure.data
    assert (a.name, b.name) == ("Women (n=3)", "Men (n=4)")
    assert list(a.x) == ["Economic", "Social", "Psychosocial", "Composite"]
    assert list(a.y) == pytest.approx(compared["a_mean"].tolist())
    assert a.marker.pattern.shape == "" and b.marker.pattern.shape == "/"
    assert figure.layout.barmode == "group"
    table = sustainability_blocks.comparison_table(
        compared, label_a="Women", label_b="Men", lang="en", min_group_size=3
    )
    rows = table.children[1].children.children[2].children
    assert len(rows) == 4
    economic = [cell.children for cell in rows[0].children]
    assert economic[0] == "Economic"
    assert economic[1] == "0.43 (0.05 to 0.81)"
    assert economic[3] == "-0.14 (-0.62 to +0.34)"


def test_comparison_states(tiny_cursor):
    same = q.compare_groups(
        tiny_cursor, Selection(), "sex", "male", "male", min_group_size=1, disclosure=EXACT
    )
    figure = f.comparison_chart(
        same, label_a="Men", label_b="Men", lang="en", demo=False, min_group_size=1, same_group=True
    )
    assert figure.layout.meta == {"empty": True} and "the same" in texts(figure)
    absent = q.compare_groups(
        tiny_cursor, Selection(), "sex", "x", "y", min_group_size=1, disclosure=EXACT
    )
    assert f.comparison_chart(
        absent, label_a="x", label_b="y", lang="en", demo=False, min_group_size=1
    ).layout.meta == {"empty": True}
    suppressed = q.compare_groups(
        tiny_cursor, Selection(), "sex", "female", "male", min_group_size=10, disclosure=EXACT
    )
    both = f.comparison_chart(
        suppressed, label_a="Women", label_b="Men", lang="en", demo=False, min_group_size=10
    )
    assert (
        len(both.data) == 0
        and "Women: suppressed" in texts(both)
        and "Men: suppressed" in texts(both)
    )
    note = sustainability_blocks.comparison_table(
        suppressed, label_a="Women", label_b="Men", lang="fr", min_group_size=10
    )
    assert isinstance(note, html.Div)
    assert "Femmes" not in str(note) and "Women\\xa0: masqué (moins de 10 répondants" in str(note)


def test_frames_with_missing_intervals_draw_without_error_bars():
    """n = 1 (allowed with a minimum of 1) has no standard deviation, hence no interval."""
    one = pd.DataFrame(
        {
            "group_code": ["female"],
            "suppressed": [False],
            "n": [1],
            "computed_composites": [1],
            **{
                f"{m}_{s}": [0.5 if s == "mean" else float("nan")]
                for m in q.MEASURES
                for s in ("mean", "sd", "ci_low", "ci_high")
            },
        }
    )
    figure = f.means_chart(
        one,
        GroupChart(
            labels={"female": "Women"}, grouping="sex", lang="en", demo=False, min_group_size=1
        ),
    )
    assert figure.data[0].error_x.array == (0,) and "95% CI – to –" in figure.data[0].hovertext[0]


def test_value_labels_on_bars_read_at_4_5_to_1(tiny_cursor, catalog):
    # The comparison's hatched orange bars and the stacked shares of change carry their values
    # inside the bars: each label's colour against its bar's reaches WCAG AA for text.
    from dashboard.common import theme
    from dashboard.common.theme import contrast_ratio

    compared = q.compare_groups(
        tiny_cursor, Selection(), "sex", "female", "male", min_group_size=3, disclosure=EXACT
    )
    changes = q.round_changes(
        tiny_cursor, Selection(), "region", min_group_size=1, disclosure=EXACT
    )
    figures = [
        f.comparison_chart(
            compared, label_a="Women", label_b="Men", lang="en", demo=False, min_group_size=3
        ),
        AsPlotly(change_figures).change_shares_chart(
            changes,
            GroupChart(
                labels=region_labels(catalog),
                grouping="region",
                lang="en",
                demo=False,
                min_group_size=1,
            ),
        ),
    ]
    bars = [
        trace for figure in figures for trace in figure.data if trace.type == "bar" and trace.text
    ]
    assert len(bars) >= 2
    # Every colour a bar may take (Okabe-Ito and the "stayed" grey) has a label colour that reads.
    colours = [
        *theme.QUALITATIVE,
        *(colour for colour, _ in change_figures.DIRECTION_STYLES.values()),
    ]
    assert [
        colour for colour in colours if contrast_ratio(theme.text_colour_on(colour), colour) < 4.5
    ] == []
    assert [
        (bar.marker.color, bar.textfont.color)
        for bar in bars
        if contrast_ratio(bar.textfont.color.replace("white", "#ffffff"), bar.marker.color) < 4.5
    ] == []


# ---------------------------------------------------------------- plain data
@pytest.fixture(scope="module")
def demo_context(demo_store_path):
    from dashboard.store.context import AppContext

    from conftest import settings_for

    return AppContext(settings_for(demo_store_path))


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    "raw", [{}, {"regions": ["WCA"]}, {"countries": ["GIN"]}, {"countries": ["XXX"]}]
)
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"group": "sex", "measure": "economic", "threshold": "0.6", "a": "female", "b": "male"},
        {"group": "country", "measure": "social"},
        {"group": "months"},
        {"group": "action", "a": "PILOT", "b": "PILOT"},
    ],
)
def test_plain_figures_are_what_plotly_makes_of_them(demo_context, raw, params, lang):
    """Every sustainability chart built as plain data is exactly the figure plotly makes of that
    data (validated, nothing coerced): the browser draws what plotly's own figure would have
    drawn; the same for the exact figures' mark."""
    from dashboard.common.figures import plain_figure
    from dashboard.sustainability.charts import CHARTS

    request = chart_request(demo_context, raw, params, lang)
    built = [chart.figure(request) for chart in CHARTS if chart.figure]
    built.append(builders.mark_exact(plain_figure(), lang))
    assert len(built) == 8
    assert_plotly_makes_the_same(built)
