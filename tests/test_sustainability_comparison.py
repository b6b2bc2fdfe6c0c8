"""The two-group comparison as people read it: each difference said in words at 95% in both
languages, intervals with enough decimals, and groups A and B only among groups with data."""

from __future__ import annotations

import pandas as pd
import pytest
from dash import html
from helpers import AsPlotly, sustainability_outputs

from dashboard.common.options import OptionEnv
from dashboard.common.pages import PageContext
from dashboard.common.precision import distinct_decimals, interval_decimals
from dashboard.selection import Selection
from dashboard.store.context import AppContext
from dashboard.sustainability import blocks as sustainability_blocks
from dashboard.sustainability import figures
from dashboard.sustainability import frames as sustainability_frames
from dashboard.sustainability import layout as layout_module
from dashboard.sustainability import queries as q
from dashboard.sustainability import summaries as sustainability_summaries
from dashboard.sustainability.labels import GroupChart
from dashboard.sustainability.options import PageOptions, comparable_codes

from conftest import settings_for

MEASURES = ("economic", "social", "psychosocial", "composite")
f = AsPlotly(figures)  # each figure read back through plotly (validated, attribute access)


@pytest.fixture(scope="module")
def context(tiny_store_path):
    return AppContext(settings_for(tiny_store_path, min_group_size=2, threshold=0.55))


def compared(
    differences: dict[str, tuple[float, float, float]],
    *,
    mean_a: float = 0.62,
    half: float = 0.0004,
) -> pd.DataFrame:
    """A comparison frame: group A at ``mean_a`` with a narrow interval, B = A − difference."""
    rows = []
    for measure in MEASURES:
        difference, low, high = differences[measure]
        rows.append(
            {
                "measure": measure,
                "a_status": "shown",
                "a_n": 4000.0,
                "a_mean": mean_a,
                "a_ci_low": mean_a - half,
                "a_ci_high": mean_a + half,
                "b_status": "shown",
                "b_n": 3000.0,
                "b_mean": mean_a - difference,
                "b_ci_low": mean_a - difference - half,
                "b_ci_high": mean_a - difference + half,
                "difference": difference,
                "difference_ci_low": low,
                "difference_ci_high": high,
                "welch_df": 5000.0,
            }
        )
    return pd.DataFrame(rows)


MIXED = compared(
    {
        "economic": (0.04, 0.035, 0.045),
        "social": (-0.02, -0.028, -0.012),
        "psychosocial": (0.003, -0.004, 0.010),
        "composite": (0.013, 0.010, 0.016),
    }
)
WORDS = {"label_a": "West Africa", "label_b": "Horn of Africa", "min_group_size": 10}


def table_cells(table: html.Div) -> list[list[str]]:
    rows = table.children[1].children.children[2].children
    return [[cell.children for cell in row.children] for row in rows]


# ---------------------------------------------------------------- the verdict in words
def test_summary_says_whether_each_difference_excludes_zero_in_english():
    summary = sustainability_summaries.comparison_summary(MIXED, lang="en", **WORDS)
    assert (
        "West Africa higher than Horn of Africa; the 95% interval of the difference excludes zero."
        in summary
    )
    assert "Economic +0.040 (+0.035 to +0.045), A higher than B" in summary
    assert "Social -0.02 (-0.03 to -0.01), A lower than B" in summary
    assert (
        "Psychosocial +0.003 (-0.004 to +0.010), no difference distinguishable from zero" in summary
    )


def test_summary_says_whether_each_difference_excludes_zero_in_french():
    summary = sustainability_summaries.comparison_summary(MIXED, lang="fr", **WORDS)
    assert (
        "Score plus élevé pour West Africa que pour Horn of Africa\u00a0; l’intervalle à 95 % de l’écart exclut zéro."
        in summary
    )
    assert "Économique +0,040 (+0,035 à +0,045), A plus élevé que B\u00a0; Social" in summary
    # French typography's minus sign (U+2212), as on the charts' axes.
    assert "Social \u22120,02 (\u22120,03 à \u22120,01), A plus bas que B" in summary
    assert "Psychosocial +0,003 (\u22120,004 à +0,010), aucun écart distinguable de zéro" in summary


@pytest.mark.parametrize(
    ("lang", "higher", "none"),
    [
        (
            "en",
            "Group A higher than B; the 95% interval of the difference excludes zero",
            "No difference distinguishable from zero at 95%",
        ),
        (
            "fr",
            "Groupe A plus élevé que B\u00a0; l’intervalle à 95 % de l’écart exclut zéro",
            "Aucun écart distinguable de zéro à 95 %",
        ),
    ],
)
def test_table_and_data_say_it_per_dimension(lang, higher, none):
    cells = table_cells(sustainability_blocks.comparison_table(MIXED, lang=lang, **WORDS))
    assert [row[-1] for row in cells][0] == higher and cells[2][-1] == none
    data = sustainability_frames.comparison_data(MIXED, codes=("WCA", "EHOA"), lang=lang, **WORDS)
    assert data.iloc[:, -1].tolist()[0] == higher and data.iloc[:, -1].tolist()[2] == none


def test_the_chart_subtitle_says_it_for_the_composite():
    figure = f.comparison_chart(MIXED, lang="en", demo=False, **WORDS)
    subtitle = str(figure.layout.title.subtitle.text).replace("<br>", " ")
    assert subtitle == (
        "Composite score: West Africa higher than Horn of Africa; the 95% interval of the difference "
        "excludes zero"
    )
    assert figure.layout.margin.t > 64 + 20  # room for it above the plot


# ---------------------------------------------------------------- decimals from the interval's width
def test_an_interval_never_reads_as_one_number():
    cells = table_cells(sustainability_blocks.comparison_table(MIXED, lang="en", **WORDS))
    mean_a = cells[0][1]  # 0.62 ± 0.0004
    assert mean_a == "0.6200 (0.6196 to 0.6204)"
    low_mean, rest = mean_a.split(" (")
    assert len({low_mean, *rest.rstrip(")").split(" to ")}) == 3
    wide = compared({measure: (0.1, 0.0001, 0.2) for measure in MEASURES}, half=0.05)
    assert (
        table_cells(sustainability_blocks.comparison_table(wide, lang="en", **WORDS))[0][1]
        == "0.62 (0.57 to 0.67)"
    )


def test_hover_uses_the_same_rule():
    figure = f.comparison_chart(MIXED, lang="fr", demo=False, **WORDS)
    assert "IC à 95 % de 0,6196 à 0,6204" in figure.data[0].hovertext[0]


def test_decimals_rule():
    assert interval_decimals(0.62, 0.58, 0.66) == 2
    assert interval_decimals(0.62, 0.619, 0.621) == 3
    assert interval_decimals(0.62, 0.62, 0.62) == 2  # an exact figure: nothing to tell apart
    assert interval_decimals(0.5, float("nan"), None) == 2
    assert distinct_decimals([(0.1, 0.1000001)]) == 5  # capped
    assert distinct_decimals([(0.1231, 0.1234), ("text", 3)], minimum=3) == 4
    assert interval_decimals(0.003, -0.004, 0.010) == 3  # not "0.00 (-0.00 to 0.01)"
    assert interval_decimals(0.01, -0.003, 0.02) == 3  # not "+0.01 (-0.00 to +0.02)"


# ---------------------------------------------------------------- groups with data only
def test_groups_offered_are_those_with_published_statistics(context, tiny_cursor):
    """EHOA has one record in the tiny store (suppressed at 2): never offered; a filter that
    leaves a group with no record leaves it out too."""
    every = q.group_codes(tiny_cursor, "region")
    assert "EHOA" in every
    offered = sustainability_outputs("choices", context, {"group": "region"}, {}, "en")[0]
    assert [option["value"] for option in offered] == comparable_codes(
        OptionEnv(context.catalog, context.settings, context.cursor(), "en", Selection()), "region"
    )
    assert "EHOA" not in [option["value"] for option in offered] and len(offered) >= 2
    for region in ("WCA", "SAF"):
        only = sustainability_outputs(
            "choices", context, {"group": "region"}, {"regions": [region]}, "fr"
        )
        assert [option["value"] for option in only[0]] == [region]
        assert "au moins 2 répondants" in only[2]


def test_defaults_follow_the_filters_and_an_unavailable_link_value_is_named(context):
    env = OptionEnv(context.catalog, context.settings, context.cursor(), "en", Selection())
    options = PageOptions.from_params({"a": "EHOA", "b": "WCA"}, env)
    assert options.group_a != "EHOA" and options.group_a in comparable_codes(env, "region")
    assert options.dropped == (("a", "EHOA"),)
    page = layout_module.layout(
        PageContext(
            lang="en",
            catalog=context.catalog,
            settings=context.settings,
            cursor=context.cursor(),
            params={"a": "EHOA"},
        )
    )
    text = str(page)
    assert "fewer than 2 respondents with the current filters, so they cannot be compared" in text
    assert "“EHOA” for “Group A”" in text


def test_fewer_than_two_groups_gives_a_message_not_an_empty_chart(context):
    figure, table, summary = sustainability_outputs(
        "comparison", context, {"group": "region"}, {"regions": ["WCA"]}, "en"
    )
    assert summary.startswith(
        "Fewer than two groups have at least 2 respondents with the current filters"
    )
    assert figure.layout.meta == {"empty": True} and "nothing to compare" in str(
        figure.layout.annotations[0].text
    )
    assert "nothing to compare" in str(table)
    # In lines that fit the chart on a phone (it ran off both sides in one line), said once.
    lines = str(figure.layout.annotations[0].text).split("<br>")
    assert len(lines) > 1 and max(len(line) for line in lines) <= 40
    assert (
        str(figure.layout.annotations[0].text).replace("<br>", " ").count("Widen the filters") == 1
    )


def test_share_hover_uses_the_rule_too():
    shares = pd.DataFrame(
        {
            "group_code": ["WCA"],
            "suppressed": [False],
            "n": [40000],
            "at_or_above": [20010],
            "share": [0.50025],
            "ci_low": [0.5001],
            "ci_high": [0.5004],
        }
    )
    figure = f.threshold_chart(
        shares,
        GroupChart(
            labels={"WCA": "West Africa"},
            grouping="region",
            measure="composite",
            threshold=0.5,
            lang="en",
            demo=False,
            min_group_size=10,
        ),
    )
    hover = figure.data[0].hovertext[0]
    assert (
        "50.02% at or above" in hover and "95% CI 50.01% to 50.04%" in hover
    )  # not 50.0% (50.0% to 50.0%)


def test_an_unknown_group_in_a_link_is_reported_as_not_recognised(context):
    page = layout_module.layout(
        PageContext(
            lang="en",
            catalog=context.catalog,
            settings=context.settings,
            cursor=context.cursor(),
            params={"b": "XYZ"},
        )
    )
    text = str(page)
    assert "were not recognised and were ignored" in text and "“XYZ” for “Group B”" in text
    assert "so they cannot be compared" not in text
