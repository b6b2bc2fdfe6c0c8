"""Structure of the pillar coverage figures and tables (built from tiny-store query results)."""

from __future__ import annotations

import pandas as pd
import pytest
from helpers import AsPlotly, assert_plotly_makes_the_same, chart_request, texts

from dashboard.pillars import blocks as pillar_blocks
from dashboard.pillars import figures as builders
from dashboard.pillars import queries
from dashboard.selection import Selection

# Each figure read back through plotly, which validates it.
figures = AsPlotly(builders)


@pytest.fixture(scope="module")
def matrix(tiny_cursor):
    return queries.action_pillar_matrix(tiny_cursor, Selection())


def test_matrix_chart_rows_columns_and_symbols(matrix):
    figure = figures.pillar_matrix_chart(matrix, lang="en")
    (heatmap,) = figure.data
    assert heatmap.type == "heatmap"
    assert list(heatmap.y) == [
        "North Africa",
        "Horn of Africa",
        "Sahel and Lake Chad",
        "Pilot Action",
        "Prottasha",
        "RADA",
    ]
    assert [label.replace("<br>", " ") for label in heatmap.x][:2] == [
        "1. Capacity building",
        "2. Protection and voluntary return assistance",
    ]
    assert list(heatmap.text[0]) == ["●", "●", "●", "", "", ""]
    assert list(heatmap.text[3]) == ["◐", "◐", "◐", "", "", ""]
    assert list(heatmap.text[4]) == ["◐", "", "◐", "", "◐", ""]
    assert figure.layout.xaxis.title.text == "Pillar" and figure.layout.yaxis.title.text == "Action"
    assert figure.layout.title.text == "Pillars by Action"
    assert "mapping by this project, not by the source" in figure.layout.title.subtitle.text
    assert figure.layout.meta == {"demo": False}  # reference facts, not demo data


def test_matrix_hover_has_pillar_description_and_project_mapping(matrix):
    heatmap = figures.pillar_matrix_chart(matrix, lang="en").data[0]
    rada_data = heatmap.customdata[5][3]
    assert "4. Migration data collection and analysis" in rada_data
    assert "Support evidence-based policy" in rada_data
    assert "Mapping by this project, not by the source" in rada_data
    assert "Strengthened knowledge" in rada_data and "reintegration index" in rada_data
    assert "Stated by the source page" in heatmap.customdata[0][0]


def test_matrix_chart_in_french(matrix):
    heatmap = figures.pillar_matrix_chart(matrix, lang="fr").data[0]
    assert heatmap.y[0] == "Afrique du Nord"
    assert heatmap.x[0].replace("<br>", " ") == "1. Renforcement des capacités"
    assert "Correspondance établie par ce projet" in heatmap.customdata[3][0]


def test_empty_frames_give_the_empty_state(matrix):
    for figure in (
        figures.pillar_matrix_chart(matrix.iloc[0:0], lang="en"),
        figures.country_pillar_chart(matrix.iloc[0:0], lang="en", action_name="X"),
        figures.pillar_counts_chart(
            pd.DataFrame(
                columns=[
                    "pillar_no",
                    "name_en",
                    "name_fr",
                    "actions",
                    "countries",
                    "action_names_en",
                    "action_names_fr",
                ]
            ),
            lang="en",
        ),
    ):
        assert figure.layout.meta == {"empty": True}
        assert figure.layout.annotations[0].text.startswith("No data for the current filters.")


def test_country_chart_marks_the_libya_exception(tiny_cursor):
    grid = queries.country_pillar_matrix(tiny_cursor, Selection(), "JI-NA")
    figure = figures.country_pillar_chart(grid, lang="en", action_name="North Africa")
    heatmap = figure.data[0]
    assert list(heatmap.y) == ["Algeria", "Egypt", "Libya", "Morocco", "Tunisia"]
    assert list(heatmap.text[2]) == ["✕", "◆", "◆", "", "", ""]
    assert list(heatmap.text[0]) == ["●", "●", "●", "", "", ""]
    assert figure.layout.title.text == "North Africa: pillars by country"
    assert "left out by a country exception" in figure.layout.title.subtitle.text
    assert "Does not apply in this country" in heatmap.customdata[2][0]


def test_country_chart_names_host_and_origin(tiny_cursor):
    grid = queries.country_pillar_matrix(tiny_cursor, Selection(), "PILOT")
    heatmap = figures.country_pillar_chart(grid, lang="fr", action_name="Action pilote").data[0]
    assert list(heatmap.y) == [
        "Afrique du Sud (pays d’accueil)",
        "Malawi (pays d’origine)",
        "Mozambique (pays d’origine)",
    ]


def test_counts_chart(tiny_cursor):
    counts = queries.pillar_counts(tiny_cursor, Selection(regions=("APAC",)))
    figure = figures.pillar_counts_chart(counts, lang="en")
    # Stated by the source documents and mapped by the dashboard: series apart, never added.
    assert [trace.name for trace in figure.data] == [
        "Actions (sources)",
        "Countries (sources)",
        "Actions (our mapping)",
        "Countries (our mapping)",
    ]
    assert (
        list(figure.data[0].x) == [0] * 6 and list(figure.data[1].x) == [0] * 6
    )  # Asia: only mapped Actions
    assert list(figure.data[2].x) == [2, 1, 2, 1, 1, 0]
    assert list(figure.data[3].x) == [2, 1, 2, 1, 1, 0]
    assert figure.layout.barmode == "group"
    assert figure.data[0].marker.pattern.shape != figure.data[2].marker.pattern.shape
    assert figure.layout.xaxis.title.text == "Number" and figure.layout.yaxis.title.text == "Pillar"
    assert "Prottasha, RADA" in figure.data[2].customdata[0]


def test_matrix_table_is_accessible_text(matrix):
    table = pillar_blocks.pillar_matrix_table(matrix, lang="en")
    text = texts(table)
    assert "Sahel and Lake Chad" in text and "6. Community stabilisation" in text
    assert (
        text.count("Mapping by this project, not by the source") == 10
    )  # PILOT 3, PROTTASHA 3, RADA 4
    assert text.count("Stated by the source page") == 3 + 5 + 6


def test_mapping_table_says_it_is_the_projects_mapping(tiny_cursor):
    mappings = queries.objective_mappings(tiny_cursor, Selection(actions=("RADA",)))
    text = texts(pillar_blocks.objective_mapping_table(mappings, lang="fr"))
    assert "Domaine de résultat 3" in text and "2. Protection et aide au retour volontaire" in text
    assert "Aucune Action" in texts(
        pillar_blocks.objective_mapping_table(mappings.iloc[0:0], lang="fr")
    )


def test_exception_notes(tiny_cursor):
    notes = pillar_blocks.exception_notes(
        queries.country_exceptions(tiny_cursor, Selection(), "JI-NA"), lang="en"
    )
    text = texts(notes)
    assert "Libya (pillars 2, 3 only)" in text and "In Libya only pillars 2 and 3 apply" in text
    none = pillar_blocks.exception_notes(
        queries.country_exceptions(tiny_cursor, Selection(), "RADA"), lang="en"
    )
    assert "No country exception" in texts(none)


@pytest.fixture(scope="module")
def demo_context(demo_store_path):
    from dashboard.store.context import AppContext

    from conftest import settings_for

    return AppContext(settings_for(demo_store_path))


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    "raw",
    [{}, {"regions": ["WCA"]}, {"countries": ["GIN"]}, {"pillars": [2]}, {"countries": ["XXX"]}],
)
@pytest.mark.parametrize("params", [{}, {"trend": "action", "by_sex": "1", "drill": "PILOT"}])
def test_plain_figures_are_what_plotly_makes_of_them(demo_context, raw, params, lang):
    """Every pillars chart built as plain data is exactly the figure plotly makes of that data
    (validated, nothing coerced): the browser draws what plotly's own figure would have drawn."""
    from dashboard.pillars.charts import CHARTS

    request = chart_request(demo_context, raw, params, lang)
    # Every chart that follows the filters (the EUTF chart keeps the shared go.Figure builder).
    built = [chart.figure(request) for chart in CHARTS if chart.figure and chart.follows_filters]
    assert len(built) == 7
    assert_plotly_makes_the_same(built)
