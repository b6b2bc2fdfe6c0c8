"""The data behind each sustainability chart (downloads and table views), its URL options, and
suppression in every export: exact values on the tiny store, computed by hand from TINY_SURVEYS.

Tiny store by region (min_group_size=2): West and Central Africa (T1-T4, n=4), Southern Africa
(T6-T7, n=2), East and Horn of Africa (T5, n=1: suppressed).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math

import pandas as pd
import pytest
from helpers import sustainability_outputs, walk

from callbacks import exports
from dashboard import ids
from dashboard.common.charts import ChartRequest
from dashboard.common.exports import PROVENANCE_COLUMNS, ExportHeader, to_csv_bytes, to_excel_bytes
from dashboard.common.options import OptionEnv
from dashboard.common.pages import PageContext
from dashboard.i18n import TEXT, plain_texts
from dashboard.selection import Selection
from dashboard.site import all_charts
from dashboard.store.context import AppContext
from dashboard.sustainability import charts as sustainability_charts
from dashboard.sustainability import layout as page
from dashboard.sustainability.options import TABLE, PageOptions, fraction

from conftest import settings_for

T_975_3 = 3.182446305284263  # Student's t, 97.5th percentile, 3 degrees of freedom (printed tables)
Z = 1.959963984540054
CHART_KEYS = [
    ids.SUSTAINABILITY_MEANS_CHART,
    ids.SUSTAINABILITY_BOX_CHART,
    ids.SUSTAINABILITY_SHARE_CHART,
    ids.SUSTAINABILITY_TIME_CHART,
    ids.SUSTAINABILITY_COMPARE_CHART,
    ids.SUSTAINABILITY_CHANGES_CHART,
    ids.SUSTAINABILITY_CHANGE_SHARES_CHART,
]


@pytest.fixture(scope="module")
def context(tiny_store_path):
    return AppContext(settings_for(tiny_store_path, min_group_size=2, threshold=0.55))


def request_for(context, params=None, lang="en", selection=None):
    return ChartRequest(
        cursor=context.cursor(),
        catalog=context.catalog,
        settings=context.settings,
        selection=selection or Selection(),
        params=params or {},
        lang=lang,
    )


def data(context, key, params=None, lang="en"):
    return {chart.key: chart for chart in sustainability_charts.CHARTS}[key].data(
        request_for(context, params, lang)
    )


def wilson(successes, n):
    share = successes / n
    centre = (share + Z**2 / (2 * n)) / (1 + Z**2 / n)
    half = Z / (1 + Z**2 / n) * math.sqrt(share * (1 - share) / n + Z**2 / (4 * n**2))
    return centre - half, centre + half


def published_low(value: float) -> float:
    """An interval's lower bound as published: rounded down to three decimals."""
    return math.floor(value * 1000 + 1e-9) / 1000


def published_high(value: float) -> float:
    """An interval's upper bound as published: rounded up to three decimals."""
    return math.ceil(value * 1000 - 1e-9) / 1000


def numbers_after(frame: pd.DataFrame, column: str) -> list[str]:
    """Columns right of ``column`` that hold a group's numbers (the threshold is a setting)."""
    after = list(frame.columns)[list(frame.columns).index(column) + 1 :]
    return [
        name
        for name in after
        if pd.api.types.is_numeric_dtype(frame[name]) and name != "Threshold (setting)"
    ]


# ---------------------------------------------------------------- each chart's data
def test_means_data_has_labels_codes_and_values_to_three_decimals(context):
    means = data(context, ids.SUSTAINABILITY_MEANS_CHART)
    assert list(means.columns[:5]) == [
        "Region: code",
        "Region",
        "Status",
        "Respondents (n)",
        "Composites computed by this dashboard",
    ]
    assert list(means.columns[5:8]) == [
        "Economic: mean",
        "Economic: 95% CI low",
        "Economic: 95% CI high",
    ]
    assert len(means.columns) == 5 + 4 * 3 + 1
    # Every row says under which protection it was published.
    assert set(means["Disclosure control"]) == {
        "protected: computed from the protected release (differential privacy, ρ = 0.50); 95% intervals show "
        "survey sampling only, not the release’s noise"
    }
    # Every region is listed (the chart's order, names A to Z); empty and small ones alike.
    assert means["Region: code"].tolist() == ["APAC", "EHOA", "MENA", "SAF", "WCA"]
    assert means["Region"].tolist() == [
        "Asia and the Pacific",
        "East and Horn of Africa",
        "Middle East and North Africa",
        "Southern Africa",
        "West and Central Africa",
    ]
    assert means["Status"].tolist() == ["suppressed (fewer than 2 respondents)"] * 3 + [
        "shown",
        "shown",
    ]
    means = means[means["Status"] == "shown"].reset_index(drop=True)
    wca = means.iloc[1]
    assert wca["Respondents (n)"] == 4
    assert wca["Economic: mean"] == pytest.approx((0.6 + 0.5 + 0.2 + 0.9) / 4)
    assert wca["Social: mean"] == pytest.approx(0.6)
    assert wca["Composite: mean"] == pytest.approx((0.7 + 0.5 + 0.3 + 0.8) / 4)
    sd = math.sqrt((0.05**2 + 0.05**2 + 0.35**2 + 0.35**2) / 3)
    # Published to three decimals, the interval rounded outwards (it always contains the unrounded one).
    assert wca["Economic: 95% CI low"] == pytest.approx(
        published_low(0.55 - T_975_3 * round(sd, 3) / 2)
    )
    assert wca["Economic: 95% CI high"] == 1.0  # 1.009 clipped to the 0-1 scale, as in the chart
    assert means.iloc[0]["Composite: mean"] == pytest.approx(0.65)


def test_distribution_data_names_the_score(context):
    spread = data(context, ids.SUSTAINABILITY_BOX_CHART, {"measure": "social", "group": "sex"})
    assert list(spread.columns) == [
        "Sex: code",
        "Sex",
        "Status",
        "Score",
        "Respondents (n)",
        "Social: mean",
        "Social: 5th percentile",
        "Social: 25th percentile (Q1)",
        "Social: median",
        "Social: 75th percentile (Q3)",
        "Social: 95th percentile",
        "Disclosure control",
    ]
    assert spread["Sex"].tolist() == ["Women", "Men"] and set(spread["Score"]) == {"Social"}
    women = spread.iloc[0]  # social scores 0.7, 0.6, 0.9
    # Quantiles come from 0.01-wide pre-aggregated bins: accurate to one bin.
    assert (women["Respondents (n)"], women["Social: median"]) == (3, pytest.approx(0.7, abs=0.01))
    assert women["Social: 25th percentile (Q1)"] == pytest.approx(0.65, abs=0.01)


def test_share_data_uses_the_threshold_and_score_of_the_link(context):
    shares = data(
        context,
        ids.SUSTAINABILITY_SHARE_CHART,
        {"group": "action", "measure": "economic", "threshold": "0.5"},
    )
    assert sorted(shares["Action: code"]) == [
        "JI-HOA",
        "JI-NA",
        "JI-SLC",
        "PILOT",
        "PROTTASHA",
        "RADA",
    ]
    shown = {
        code
        for code, status in zip(shares["Action: code"], shares["Status"], strict=True)
        if not status.startswith("suppressed")
    }
    assert shown == {"JI-SLC", "PILOT"}
    assert set(shares["Threshold (setting)"]) == {0.5} and set(shares["Score"]) == {"Economic"}
    slc = shares.set_index("Action: code").loc[
        "JI-SLC"
    ]  # economic 0.6, 0.5, 0.2, 0.9: three at or above 0.5 (0.5 itself counts)
    assert (slc["Respondents (n)"], slc["Respondents at or above the threshold"]) == (4, 3)
    assert slc["Share at or above the threshold"] == pytest.approx(0.75)
    low, high = wilson(3, 4)
    assert slc["Share at or above the threshold: 95% Wilson interval low"] == pytest.approx(
        published_low(low)
    )
    assert slc["Share at or above the threshold: 95% Wilson interval high"] == pytest.approx(
        published_high(high)
    )


def test_share_data_default_threshold_is_the_setting(context):
    shares = data(context, ids.SUSTAINABILITY_SHARE_CHART)
    assert set(shares["Threshold (setting)"]) == {0.55} and set(shares["Score"]) == {"Composite"}
    assert shares["Share at or above the threshold"].tolist()[3:] == [
        1.0,
        0.5,
    ]  # SAF 2 of 2, WCA 2 of 4


def test_over_time_data_in_band_order(context):
    by_band = data(
        context, ids.SUSTAINABILITY_TIME_CHART, {"group": "months", "measure": "economic"}
    )
    assert by_band["Series"].unique().tolist() == ["All returnees"]
    assert by_band["Months since return: code"].tolist() == ["0-5", "6-11", "12-17", "18-23"]
    assert by_band["Months since return"].tolist() == [
        "0–5 months",
        "6–11 months",
        "12–17 months",
        "18–23 months",
    ]
    assert by_band["Status"].tolist() == ["suppressed (fewer than 2 respondents)"] + ["shown"] * 3
    assert by_band["Economic: mean"].tolist()[1:] == pytest.approx([0.45, 0.35, 0.55])
    assert pd.isna(by_band["Economic: mean"].iloc[0])


def test_comparison_data_with_difference(context):
    compared = data(context, ids.SUSTAINABILITY_COMPARE_CHART, {"a": "WCA", "b": "SAF"})
    assert compared["Dimension"].tolist() == ["Economic", "Social", "Psychosocial", "Composite"]
    assert set(compared["Group A: code"]) == {"WCA"} and set(compared["Group B"]) == {
        "Southern Africa"
    }
    assert compared["Group A: respondents (n)"].tolist() == [4] * 4
    assert compared["Difference A − B"].tolist() == pytest.approx([0.0, -0.1, -0.125, -0.075])
    assert (
        compared["Difference A − B: 95% Welch interval low"] < compared["Difference A − B"]
    ).all()


def test_comparison_of_a_group_with_itself_has_no_data(context):
    assert data(context, ids.SUSTAINABILITY_COMPARE_CHART, {"a": "WCA", "b": "WCA"}).empty


def test_french_column_names_and_labels(context):
    # As files write them (plain spelling: scripts read "Région : code"); the screen puts a
    # no-break space before the colon.
    with plain_texts():
        means = data(context, ids.SUSTAINABILITY_MEANS_CHART, lang="fr")
    assert (
        data(context, ids.SUSTAINABILITY_MEANS_CHART, lang="fr").columns[0] == "Région\u00a0: code"
    )
    assert list(means.columns[:4]) == ["Région : code", "Région", "Statut", "Répondants (n)"]
    assert "Économique : borne basse de l’IC à 95 %" in means.columns
    assert means["Région"].tolist() == [
        "Afrique australe",
        "Afrique centrale et de l’Ouest",
        "Afrique de l’Est et Corne de l’Afrique",
        "Asie et Pacifique",
        "Moyen-Orient et Afrique du Nord",
    ]
    assert means["Statut"].tolist()[2] == "masqué (moins de 2 répondants)"
    assert (
        data(context, ids.SUSTAINABILITY_TIME_CHART, {"group": "months"}, "fr")["Série"].iloc[0]
        == "Tous les migrants de retour"
    )


def test_unknown_or_injection_shaped_options_fall_back(context):
    strange = {
        "group": "region; DROP TABLE actions",
        "measure": "' OR 1=1 --",
        "threshold": "nan",
        "a": "<script>",
        "b": "EHOA",
    }
    shares = data(context, ids.SUSTAINABILITY_SHARE_CHART, strange)
    assert "Region: code" in shares.columns and set(shares["Score"]) == {"Composite"}
    assert set(shares["Threshold (setting)"]) == {0.55}
    compared = data(context, ids.SUSTAINABILITY_COMPARE_CHART, strange)
    # EHOA is suppressed in the tiny store: it cannot be compared, the default group B is used.
    assert set(compared["Group A: code"]) == {"WCA"} and set(compared["Group B: code"]) == {"SAF"}


# ---------------------------------------------------------------- suppression everywhere
# The tiny store has no returnee with two rounds: the change charts are empty there (their
# suppression is tested in test_respondents_and_rounds.py).
@pytest.mark.parametrize("key", CHART_KEYS[:4])
def test_suppressed_groups_carry_no_number(context, key):
    params = {"group": "region", "a": "EHOA", "b": "WCA"}
    frame = data(context, key, params)
    status_columns = [column for column in frame.columns if column.endswith(("Status", "status"))]
    hidden = pd.Series(False, index=frame.index)
    for status in status_columns:
        hidden |= frame[status].str.startswith("suppressed")
    assert hidden.any(), "the tiny store has a suppressed group in every chart"
    for status in status_columns:
        rows = frame[status].str.startswith("suppressed")
        side = [
            c
            for c in numbers_after(frame, status)
            if key != ids.SUSTAINABILITY_COMPARE_CHART
            or c.startswith(status.split(":")[0])
            or c.startswith("Difference")
        ]
        assert side and frame.loc[rows, side].isna().all().all(), (key, status)


def test_suppressed_group_is_blank_in_csv_excel_and_table_view(context):
    """Through the real export path: chart data, header, CSV and Excel bytes, HTML table view."""
    for key in CHART_KEYS[:4]:
        _, request, frame = exports.chart_data(
            context, all_charts(), key, {}, "?group=region", "en"
        )
        header = ExportHeader("title", "filters", dt.date(2026, 11, 21), "source")
        rows = list(csv.reader(io.StringIO(to_csv_bytes(frame, header).decode("utf-8-sig"))))
        assert rows[0] == [*frame.columns, *PROVENANCE_COLUMNS]
        table_rows = [row[: len(frame.columns)] for row in rows[1:]]
        hidden = [row for row in table_rows if "EHOA" in row]
        assert hidden, key
        for row in hidden:
            status_at = next(
                index for index, cell in enumerate(row) if cell.startswith("suppressed")
            )
            numbers = [
                cell
                for cell, column in zip(row, frame.columns, strict=True)
                if pd.api.types.is_numeric_dtype(frame[column]) and column != "Threshold (setting)"
            ]
            assert numbers and all(cell == "" for cell in numbers), (key, row)
            assert status_at >= 2
        sheet = pd.read_excel(io.BytesIO(to_excel_bytes(frame, header)))
        ehoa = sheet[sheet.iloc[:, 0] == "EHOA"]
        for column in frame.columns:
            if pd.api.types.is_numeric_dtype(frame[column]) and column != "Threshold (setting)":
                assert ehoa[column].isna().all(), (key, column)
        view = exports.table_view(frame, "caption", "en")
        cells = [
            [cell.children for cell in row.children]
            for row in view.children[0].children.children[2].children
        ]
        ehoa_cells = [row for row in cells if "EHOA" in row]
        assert ehoa_cells, key
        for row in ehoa_cells:
            numbers = [
                cell
                for cell, column in zip(row, frame.columns, strict=True)
                if pd.api.types.is_numeric_dtype(frame[column]) and column != "Threshold (setting)"
            ]
            assert numbers and set(numbers) == {"–"}, (key, row)
        shown = [row for row in cells if "WCA" in row]
        assert shown and any(cell != "–" for cell in shown[0][3:])


def test_a_link_comparing_a_suppressed_group_compares_published_groups(context):
    """EHOA has too few respondents in the tiny store: it is not offered, a link naming it falls
    back to the default group B, and the file holds numbers for both sides."""
    _, _, frame = exports.chart_data(
        context, all_charts(), ids.SUSTAINABILITY_COMPARE_CHART, {}, "?a=WCA&b=EHOA", "en"
    )
    text = to_csv_bytes(frame, ExportHeader("t", "f", dt.date(2026, 1, 1), "s")).decode("utf-8-sig")
    table = pd.read_csv(io.StringIO(text))
    assert set(table["Group B: code"]) == {"SAF"} and set(table["Group B: status"]) == {"shown"}
    assert table[["Group A: mean", "Group B: mean", "Difference A − B"]].notna().all().all()
    assert pd.api.types.is_integer_dtype(table["Group B: respondents (n)"])
    assert set(table["At 95%"]) <= {
        "No difference distinguishable from zero at 95%",
        "Group A higher than B; the 95% interval of the difference excludes zero",
        "Group A lower than B; the 95% interval of the difference excludes zero",
    }
    assert set(table["kind_of_data"]) == {"s"}


# ---------------------------------------------------------------- the data equals the chart
def test_each_chart_shows_its_data(context):
    params = {"group": "region", "measure": "economic", "threshold": "0.5", "a": "WCA", "b": "SAF"}
    figure, _ = sustainability_outputs("means", context, {"group": "region"}, {}, "en")
    means = data(context, ids.SUSTAINABILITY_MEANS_CHART, params).dropna(subset=["Respondents (n)"])
    composite = next(trace for trace in figure.data if trace.meta["measure"] == "composite")
    assert list(composite.x) == pytest.approx(means["Composite: mean"].tolist())
    figure, _ = sustainability_outputs(
        "distribution",
        context,
        {"group": "region", "measure": "economic", "threshold": 0.5},
        {},
        "en",
    )
    spread = data(context, ids.SUSTAINABILITY_BOX_CHART, params).dropna(subset=["Respondents (n)"])
    assert list(figure.data[0].median) == pytest.approx(spread["Economic: median"].tolist())
    figure, _ = sustainability_outputs(
        "shares", context, {"group": "region", "measure": "economic", "threshold": 0.5}, {}, "en"
    )
    shares = data(context, ids.SUSTAINABILITY_SHARE_CHART, params).dropna(
        subset=["Respondents (n)"]
    )
    assert list(figure.data[0].x) == pytest.approx(
        shares["Share at or above the threshold"].tolist()
    )
    figure, _ = sustainability_outputs(
        "over_time", context, {"group": "region", "measure": "economic"}, {}, "en"
    )
    by_band = data(context, ids.SUSTAINABILITY_TIME_CHART, params).dropna(
        subset=["Respondents (n)"]
    )
    drawn = [(trace.meta["group_code"], y) for trace in figure.data for y in trace.y]
    assert drawn == list(zip(by_band["Series: code"], by_band["Economic: mean"], strict=True))
    figure, _, _ = sustainability_outputs(
        "comparison", context, {"group": "region", "a": "WCA", "b": "SAF"}, {}, "en"
    )
    compared = data(context, ids.SUSTAINABILITY_COMPARE_CHART, params)
    assert list(figure.data[0].y) == pytest.approx(compared["Group A: mean"].tolist())
    assert list(figure.data[1].y) == pytest.approx(compared["Group B: mean"].tolist())


def test_filters_reach_the_data(context):
    request = request_for(
        context, {"group": "country"}, selection=Selection(countries=("GIN", "MLI"))
    )
    means = sustainability_charts.means_data(request)
    assert means["Country: code"].tolist() == ["GIN", "MLI"]
    assert means["Respondents (n)"].tolist()[0] == 3 and pd.isna(means["Respondents (n)"].iloc[1])


# ---------------------------------------------------------------- options and layout
def test_page_options_report_what_they_drop(context):
    env = OptionEnv(context.catalog, context.settings, context.cursor(), "en")
    options = PageOptions.from_params(
        {"group": "sex", "measure": "nope", "threshold": "2", "a": "male", "b": "x" * 100}, env
    )
    assert options == PageOptions("sex", "composite", 0.55, "male", "male")
    assert options.dropped == (("measure", "nope"), ("threshold", "2"), ("b", "x" * 64))
    assert PageOptions.from_params({}, env).dropped == ()
    assert [fraction(value) for value in ("0.6000000001", 0.4, True, "1.5", None, "nan")] == [
        0.6,
        0.4,
        None,
        None,
        None,
        None,
    ]


def test_the_layout_names_ignored_link_options_in_the_page_language(context):
    def notice(params, lang):
        layout = page.layout(
            PageContext(
                lang=lang,
                catalog=context.catalog,
                settings=context.settings,
                cursor=context.cursor(),
                params=params,
            )
        )
        return next(
            (
                c
                for c in walk(layout)
                if getattr(c, "id", None) == ids.SUSTAINABILITY_OPTIONS_NOTICE
            ),
            None,
        )

    assert notice({"group": "sex", "a": "male"}, "en") is None
    french = notice({"group": "sex", "a": "<b>x</b>", "threshold": "abc"}, "fr")
    assert french is not None
    assert (
        "«\u00a0abc\u00a0» pour «\u00a0Seuil de durabilité (un réglage)\u00a0»" in french.children
    )
    assert "«\u00a0<b>x</b>\u00a0» pour «\u00a0Groupe A\u00a0»" in french.children


def test_every_chart_is_in_a_chart_block_and_every_option_in_the_url(context):
    layout = page.layout(
        PageContext(
            lang="en",
            catalog=context.catalog,
            settings=context.settings,
            cursor=context.cursor(),
            params={},
        )
    )
    components = list(walk(layout))
    string_ids = {c.id for c in components if isinstance(getattr(c, "id", None), str)}
    export_buttons = {
        (c.id["chart"], c.id["format"])
        for c in components
        if isinstance(getattr(c, "id", None), dict) and c.id.get("type") == ids.EXPORT_BUTTON
    }
    keys = [chart.key for chart in sustainability_charts.CHARTS]
    assert keys == CHART_KEYS and len(set(keys)) == len(keys)
    for chart in sustainability_charts.CHARTS:
        assert (
            chart.page == "sustainability"
            and chart.graph_id in string_ids
            and chart.title_key in TEXT
        )
        assert {(chart.key, "csv"), (chart.key, "xlsx")} <= export_buttons
    for summary in (
        ids.SUSTAINABILITY_MEANS_SUMMARY,
        ids.SUSTAINABILITY_BOX_SUMMARY,
        ids.SUSTAINABILITY_SHARE_SUMMARY,
        ids.SUSTAINABILITY_TIME_SUMMARY,
        ids.SUSTAINABILITY_COMPARE_SUMMARY,
    ):
        assert summary in string_ids
    assert TABLE.params == ("group", "measure", "threshold", "a", "b")
    assert all(component in string_ids and prop == "value" for component, prop in TABLE.controls)
    assert set(all_charts()) >= set(keys)
