"""Charts fed by the EUTF tables: the map's amount colouring, the profile's target-vs-actual and the
pillars page's real results. Each is checked against an independent reading of the CSV files, which
proves it never sums across frameworks, levels (project and contract) or regional projects; and
each declares the right kind of data for its export header and table view."""

from __future__ import annotations

import csv
import math
from collections import defaultdict

import pandas as pd
import pytest
from helpers import AsPlotly, page_answer

from dashboard import ids
from dashboard.build.eutf import EUTF_DIR
from dashboard.common.charts import ChartRequest
from dashboard.common.data_kinds import kind_text
from dashboard.map import amount_figures as amount_map
from dashboard.map import amounts as map_amounts
from dashboard.map import charts as map_charts
from dashboard.map import queries as map_queries
from dashboard.map.options import MapOptions
from dashboard.pillars import charts as pillar_charts
from dashboard.selection import Selection
from dashboard.site import all_charts
from dashboard.store import eutf
from dashboard.store.context import AppContext

from conftest import settings_for

# The maps are plain data: each is read back through plotly, which validates it.
plotly_maps = AsPlotly(amount_map)
plotly_charts = AsPlotly(map_charts)

COI = "EUTF Common Output Indicators"


def _rows(name: str) -> list[dict[str, str]]:
    with open(EUTF_DIR / f"{name}.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _countries() -> dict[str, list[str]]:
    """Each project's or contract's alpha-3 countries, a contract without any taking its parent's."""
    codes = {row["iso2"]: row["iso3"] for row in _rows("country_codes")}
    projects = _rows("projects")
    own = {
        row["iati_id"]: [
            codes[c.strip()] for c in row["recipient_countries_iso2"].split(",") if c.strip()
        ]
        for row in projects
    }
    resolved = {}
    for row in projects:
        countries = own[row["iati_id"]]
        if not countries:
            countries = sorted(
                {
                    c
                    for parent in row["parent_iati_id"].split(",")
                    for c in own.get(parent.strip(), [])
                }
            )
        resolved[row["iati_id"]] = countries
    return resolved


def reference_figures(number: str) -> dict[str, tuple[str, float | None]]:
    """iso3 -> (level, summed actual) from the CSV: one framework (numbered Common Output
    Indicators), single-country projects or contracts only, contracts where a country has any."""
    countries = _countries()
    by_level: dict[str, dict[str, list[float | None]]] = defaultdict(lambda: defaultdict(list))
    for row in _rows("results"):
        if row["result_framework"] != COI or not row["indicator"].startswith(number + " "):
            continue
        if number == "3.5" and row["indicator"].startswith("3.5 bis"):
            continue
        place = countries[row["iati_id"]]
        if len(place) == 1:
            by_level[place[0]][row["level"]].append(float(row["actual"]) if row["actual"] else None)
    figures = {}
    for iso3, levels in by_level.items():
        level = "contract" if "contract" in levels else "project"
        values = [value for value in levels[level] if value is not None]
        figures[iso3] = (level, sum(values) if values else None)
    return figures


@pytest.fixture(scope="module")
def context(tiny_store_path) -> AppContext:
    return AppContext(settings_for(tiny_store_path))


def request_for(context: AppContext, params: dict[str, str], lang: str = "en") -> ChartRequest:
    return ChartRequest(
        cursor=context.cursor(),
        catalog=context.catalog,
        settings=context.settings,
        selection=Selection.from_raw({}, context.catalog),
        params=params,
        lang=lang,
    )


@pytest.mark.parametrize("measure", [key for key, number in eutf.MEASURES.items() if number])
def test_map_amount_is_one_framework_one_level_and_never_regional(context, measure):
    number = eutf.MEASURES[measure]
    table = map_charts.map_data(request_for(context, {"colour": "eutf", "measure": measure}))
    shown = {row["Country code (ISO 3166-1 alpha-3)"]: row for row in table.to_dict("records")}
    expected = reference_figures(number)
    for iso3, row in shown.items():
        level, actual = expected.get(iso3, ("", None))
        if actual is None:
            assert pd.isna(row["Value shown"]) and row["Status of the value"] == "no EUTF figure", (
                iso3
            )
        else:
            assert row["Value shown"] == pytest.approx(actual), iso3
            assert row["Level and projects"] == level
    assert {iso3 for iso3, (_, actual) in expected.items() if actual is not None} <= set(shown)


def test_returns_map_reads_as_reported_with_regional_rows_apart(context):
    request = request_for(context, {"colour": "eutf", "measure": "returns"})
    rows = map_charts.map_data(request).set_index("Country code (ISO 3166-1 alpha-3)")
    assert (
        rows.loc["NER", "Value shown"] == 40888
    )  # not 81,776: project and contract are one figure
    assert rows.loc["NGA", "Value shown"] == 7  # counted where organised
    assert pd.isna(rows.loc["ETH", "Value shown"])  # never 0, never a share of the region
    assert rows.loc["ETH", "Status of the value"] == "no EUTF figure"
    assert (
        "T05-EUTF-HOA-REG-25-01"
        in rows.loc["ETH", "Regional projects also covering it (not included)"]
    )
    assert rows.loc["GMB", "Drawn on the map"] == "Yes"  # Natural Earth 1:50m has its outline
    assert (
        rows.loc["GMB", "Value shown"] == 5
        and rows.loc["ERI", "Status of the value"] == "no EUTF figure"
    )
    assert set(rows["Source and date"]) == {
        "EUTF, reported by 17 Dec 2021 · EUTF Common Output Indicators, 3.4"
    }
    assert map_charts.map_kind(request) == "eutf"
    assert kind_text(map_charts.map_kind(request), context.catalog, [], "en").startswith(
        "REAL DATA: EUTF"
    )


def test_amount_figure_colours_real_values_and_greys_missing_countries(context):
    options = MapOptions.from_params({"colour": "eutf", "measure": "budget"}, context.catalog)
    frame, spec = map_charts.amount_view(
        context.cursor(), context.catalog, Selection(), options, "fr", []
    )
    figure = plotly_maps.amount_map(frame, spec, lang="fr", demo=False)
    traces = {trace.uid: trace for trace in figure.data}
    values = dict(zip(traces["amount-values"].locations, traces["amount-values"].z, strict=True))
    assert values["LBY"] == pytest.approx(math.sqrt(73_300_000))
    assert (
        traces["amount-missing"].name == "aucun chiffre du FFUE"
        and "ETH" in traces["amount-missing"].locations
    )
    assert "FFUE, déclaré au 17 déc. 2021" in figure.layout.title.text
    assert "FFUE, déclaré au 17 déc. 2021" in traces["amount-values"].hovertemplate
    assert figure.layout.meta["kind"] == "eutf" and figure.layout.meta["demo"] is False
    # The colour bar is labelled up to the largest budget, Libya's.
    assert figure.layout.coloraxis.colorbar.tickvals[-1] == pytest.approx(math.sqrt(73_300_000))
    assert figure.layout.coloraxis.colorbar.ticktext[-1] == "73,3\u00a0M"


def test_a_budget_is_a_budget_never_a_target(context):
    request = request_for(context, {"colour": "eutf", "measure": "budget"})
    rows = map_charts.map_data(request).set_index("Country code (ISO 3166-1 alpha-3)")
    assert (
        rows.loc["BFA", "Budget (EUR)"] == 8_300_000 and rows.loc["BFA", "Value shown"] == 8_300_000
    )
    assert "Target" not in rows.columns and "target" not in rows.columns
    assert rows.loc["BFA", "Measure"] == "EUTF budget of IOM contracts (budget in EUR)"
    figure = plotly_charts.map_figure(request)
    hover = {row[0]: row[2] for trace in figure.data[1:] for row in trace.customdata}
    assert (
        "budget in EUR: <b>8,300,000\u00a0EUR</b>" in hover["BFA"] and "target" not in hover["BFA"]
    )


def test_values_without_any_figure_are_not_offered(context):
    # No Common Output Indicator row has a target: neither "target" nor "% of target" is offered,
    # and a link asking for one falls back to the actual values, saying so.
    assert dict(context.catalog.eutf_values)["returns"] == ("actual",)
    assert dict(context.catalog.eutf_values)["budget"] == ("budget",)
    options = MapOptions.from_params(
        {"colour": "eutf", "measure": "returns", "value": "pct"}, context.catalog
    )
    assert options.value == "actual" and options.dropped == (("value", "pct"),)
    rows = map_charts.map_data(
        request_for(context, {"colour": "eutf", "measure": "returns", "value": "pct"})
    )
    assert rows.set_index("Country code (ISO 3166-1 alpha-3)").loc["NER", "Value shown"] == 40888


def test_project_level_figures_are_marked_on_the_map(context):
    request = request_for(context, {"colour": "eutf", "measure": "institutions"})
    figure = plotly_charts.map_figure(request)
    traces = {trace.uid: trace for trace in figure.data}
    # Mali's 3.6 is its parent project's (no contract reports it): outlined, in the legend, said in the hover.
    assert list(traces["amount-values-project"].locations) == ["MLI"]
    assert traces["amount-values-project"].showlegend
    assert "parent project" in traces["amount-values-project"].name.replace("<br>", " ")
    assert "MLI" not in traces["amount-values"].locations
    assert "Figure of the parent project" in traces["amount-values-project"].customdata[0][2]


def test_store_indicator_colouring_is_labelled_as_the_store_data(context):
    request = request_for(context, {"colour": "indicator", "store_indicator": "returns_assisted"})
    rows = map_charts.map_data(request).set_index("Country code (ISO 3166-1 alpha-3)")
    assert rows.loc["GIN", "Value shown"] == 150 and rows.loc["LBY", "Value shown"] == 200
    assert pd.isna(rows.loc["BGD", "Value shown"])
    assert rows.loc["BGD", "Status of the value"] == "no value in the store for these filters"
    assert map_charts.map_kind(request) == "facts"
    assert kind_text("facts", context.catalog, ["tiny_indicators.csv"], "en").startswith(
        "imported files"
    )


def test_profile_results_match_the_csv_reading(context):
    results = map_queries.country_results(context.cursor(), "NER").set_index("indicator_number")
    for number, row in results.iterrows():
        level, actual = reference_figures(number)["NER"]
        assert row["level"] == level and row["actual"] == pytest.approx(actual)
    table = map_charts.eutf_results_data(request_for(context, {"profile": "NER"}, "fr"))
    assert list(table["Numéro d’indicateur"])[:3] == ["COI 2.1 bis", "COI 3.3", "COI 3.4"]
    assert set(table["Pilier (correspondance du tableau de bord)"]) >= {2, 3, 5}
    spec = all_charts()["country-eutf-results"]
    assert spec.kind_of(request_for(context, {})) == "eutf"


def test_pillar_results_match_the_csv_reading_and_keep_regional_rows_apart(context):
    rows = pillar_charts.eutf_pillar_rows(context.cursor(), 2)
    own = rows[rows["scope"] == "country"]
    for row in own.to_dict("records"):
        assert row["actual"] == pytest.approx(
            reference_figures(row["indicator_number"])[row["iso3"]][1]
        )
    regional = rows[rows["scope"] == "regional"]
    assert "T05-EUTF-HOA-REG-25" in set(regional["place"]) and regional["iso3"].isna().all()
    assert set(rows["indicator_number"]) == {"3.2", "3.4", "3.5"}
    answer = page_answer("pillars", context, {}, {"eutf_pillar": "2"}, "en")
    figure, summary = (
        answer[ids.PILLARS_EUTF_GRAPH, "figure"],
        answer[ids.PILLARS_EUTF_SUMMARY, "children"],
    )
    actual = next(trace for trace in figure.data if trace.name == "actual")
    labels = set(actual.y)
    assert "Niger · 3.4" in labels and not any("REG" in label for label in labels)
    assert "EUTF, reported by 17 Dec 2021" in summary


def test_every_chart_declares_a_kind_and_real_charts_are_never_called_demo(context):
    kinds = {key: chart.kind_of(request_for(context, {})) for key, chart in all_charts().items()}
    assert kinds["programme-map"] == "mapping" and kinds["published-figures"] == "published"
    assert kinds["eutf-pillar-results"] == kinds["country-eutf-results"] == "eutf"
    assert kinds["pillar-counts"] == "mapping" and kinds["indicator-trend"] == "facts"
    for kind in set(kinds.values()) - {"facts"}:
        for lang in ("en", "fr"):
            text = kind_text(kind, context.catalog, [], lang)
            assert "DEMO" not in text and "DÉMONSTRATION" not in text


def test_amount_spec_words(context):
    spec = map_amounts.eutf_spec("returns", "target", "3.4", "2021-12-17", "en")
    assert spec.measure_label == "Voluntary returns supported (counted where organised)"
    assert map_amounts.as_value_text(float("nan"), spec, "en") == "no EUTF figure"


@pytest.mark.parametrize("raw", [None, 5, "", "<script>", "NER' OR 1=1 --", ["NER"]])
def test_eutf_callbacks_take_bad_input_without_a_traceback(context, raw):
    answer = page_answer("map", context, {}, {"profile": raw}, "xx")
    assert (
        answer[ids.MAP_EUTF_RESULTS_BLOCK, "hidden"] is True
        and answer[ids.MAP_EUTF_PROFILE, "children"] == []
    )
    assert answer[ids.MAP_EUTF_RESULTS_SUMMARY, "children"] == ""
    summary = page_answer("pillars", context, {}, {"eutf_pillar": raw}, raw)[
        ids.PILLARS_EUTF_SUMMARY, "children"
    ]
    assert "3.4" in summary  # falls back to the default pillar (2)
    options = MapOptions.from_params(
        {"colour": "eutf", "measure": raw, "value": raw}, context.catalog
    )
    assert (options.measure, options.value) == ("returns", "actual")


def test_summary_counts_the_countries_drawn_and_names_the_ones_listed_only(context):
    from dashboard.map.summaries import amount_summary

    options = MapOptions.from_params({"colour": "eutf", "measure": "returns"}, context.catalog)
    frame, spec = map_charts.amount_view(
        context.cursor(), context.catalog, Selection(), options, "en", []
    )
    drawn = set(
        plotly_charts.map_figure(request_for(context, {"colour": "eutf"})).data[-1].locations
    )
    assert "GMB" in drawn  # the Gambia, counted, is coloured
    summary = amount_summary(frame, spec, lang="en")
    assert summary.startswith(
        "Voluntary returns supported (counted where organised) (actual): 14 countries on "
        "the map have a figure; the largest: Niger (40,888)."
    )
    assert "table only" not in summary
    frame, spec = map_charts.amount_view(
        context.cursor(), context.catalog, Selection(), options, "fr", []
    )
    without_outline = frame.assign(drawn=frame["drawn"] & (frame["iso3"] != "GMB"))
    summary = amount_summary(without_outline, spec, lang="fr")
    assert "13 pays de la carte ont un chiffre" in summary
    assert summary.endswith("dans le tableau seulement\u202f: Gambie.")


def _csv_levels() -> dict[tuple[str, str], str]:
    """(iso3, indicator number) -> the level a country's own figure comes from, read from the CSV."""
    countries = _countries()
    levels: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in _rows("results"):
        number = row["indicator"].split(" Number")[0] if row["result_framework"] == COI else ""
        place = countries[row["iati_id"]]
        if number and len(place) == 1:
            levels[(place[0], number)].add(row["level"])
    return {key: "contract" if "contract" in found else "project" for key, found in levels.items()}


def test_profile_chart_marks_every_parent_project_figure(context):
    # Mali's 3.6 and 3.7, Mali's and Senegal's 5.3, Senegal's 2.1 bis... come from the parent
    # project (no contract reports them): their bars have their own series, colour and label.
    profiles = set(context.catalog.countries)
    expected = {
        key for key, level in _csv_levels().items() if level == "project" and key[0] in profiles
    }
    assert {
        ("MLI", "3.6"),
        ("MLI", "3.7"),
        ("MLI", "5.3"),
        ("SEN", "5.3"),
        ("SEN", "2.1 bis"),
    } <= expected
    marked, unmarked = set(), set()
    for iso3 in sorted(profiles):
        figure = page_answer("map", context, {}, {"profile": iso3}, "en")[
            ids.MAP_EUTF_RESULTS_GRAPH, "figure"
        ]
        for trace in getattr(figure, "data", ()):
            project = trace.name.startswith("actual, parent project")
            for label, value, text in zip(trace.y, trace.x, trace.text, strict=True):
                if value is None:
                    continue
                number = label.split(" ")[0] + (" bis" if label.split(" ")[1] == "bis" else "")
                (marked if project else unmarked).add((iso3, number))
                assert text.endswith(" (project)") == project
            assert not project or trace.marker.color == "#56B4E9"
    assert marked == expected and not marked & unmarked
    assert len(marked) == 18  # the 18 project-level bars of the profiles


def test_profile_chart_reads_in_french_with_labels_above_the_bars(context):
    figure = page_answer("map", context, {}, {"profile": "MLI"}, "fr")[
        ids.MAP_EUTF_RESULTS_GRAPH, "figure"
    ]
    labels = [
        annotation.text
        for annotation in figure.layout.annotations
        if annotation.name == "row-label"
    ]
    assert labels[:3] == [
        "2.1 bis Infrastructures sociales construites<br>et/ou réhabilitées",
        "3.3 Migrants (potentiels) touchés par des<br>campagnes d’information sur la migration",
        "3.4 Retours volontaires soutenus",
    ]
    assert figure.layout.yaxis.showticklabels is False  # no label cut at the left edge
    # No indicator has a target: no target series, and the title says "réalisé" alone.
    assert [trace.name for trace in figure.data] == [
        "réalisé",
        "réalisé, chiffre du projet parent<br>(aucun chiffre de contrat)",
    ]
    title = figure.layout.title.text.replace("<br>", " ")
    assert title.startswith("Mali\u00a0: résultats déclarés au FFUE (réalisé)")
    assert "libellés traduits par le tableau de bord" in title and "cible" in title
    assert figure.layout.xaxis.ticktext[-1] == "10\u202f000" and figure.layout.xaxis.tickangle == 0
    english = page_answer("map", context, {}, {"profile": "MLI"}, "en")[
        ids.MAP_EUTF_RESULTS_GRAPH, "figure"
    ]
    assert (
        english.layout.xaxis.ticktext[-1] == "10,000"
        and "translated" not in english.layout.title.text
    )


def test_every_common_output_indicator_has_a_french_name():
    from dashboard.i18n import TEXT

    numbers = {
        row["indicator"].split(" Number")[0]
        for row in _rows("results")
        if row["result_framework"] == COI
    }
    assert len(numbers) == 32
    for number in numbers:
        names = TEXT[f"eutf.coi.{number}"]
        assert names["fr"] and names["fr"] != names["en"], number


def test_target_series_is_drawn_only_where_a_target_exists():
    import pandas as pd

    from dashboard.common.eutf import target_actual_chart

    frame = pd.DataFrame(
        {
            "label": ["Niger · 3.4", "Mali · 3.6"],
            "target": [50_000.0, None],
            "actual": [40_888.0, 40.0],
            "level": ["contract", "project"],
        }
    )
    figure = target_actual_chart(frame, title="Title", subtitle="", label_column="label", lang="en")
    assert [trace.name for trace in figure.data] == [
        "target",
        "actual",
        "actual, parent project’s figure<br>(no contract figure)",
    ]
    assert [trace.offsetgroup for trace in figure.data] == ["target", "actual", "actual"]
    assert list(figure.data[0].x) == [50_000.0, None] and list(figure.data[1].x) == [40_888.0, None]
    assert list(figure.data[2].text) == ["", "40 (project)"]
    without = target_actual_chart(
        frame.assign(target=None), title="Title", subtitle="", label_column="label", lang="en"
    )
    assert "target" not in [trace.name for trace in without.data]
