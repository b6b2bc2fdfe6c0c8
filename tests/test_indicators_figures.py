"""Structure of the indicator cards, charts and the published-figures table."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from helpers import AsPlotly, find, texts

from dashboard.common import queries as shared_queries
from dashboard.pillars import blocks as indicator_blocks
from dashboard.pillars import figures as builders
from dashboard.pillars import labels as indicator_labels
from dashboard.pillars import queries
from dashboard.selection import Selection

# Each figure read back through plotly, which validates it.
figures = AsPlotly(builders)


def card_values(cards) -> dict[str, str]:
    """{indicator code: the big number shown on its card}, in card order."""
    result = {}
    for card in find(
        cards, lambda c: str(getattr(c, "className", "")).startswith("card pillars-card")
    ):
        value = next(child for child in card.children if child.className == "pillars-card-value")
        result[card.to_plotly_json()["props"]["data-indicator"]] = value.children
    return result


@pytest.fixture(scope="module")
def totals(tiny_cursor):
    return queries.indicator_totals(tiny_cursor, Selection())


def test_cards_show_totals_headlines_first_and_a_dash_when_missing(totals):
    cards = indicator_blocks.headline_cards(totals, lang="en", demo=True)
    values = card_values(cards)
    # In pillar order (officials trained is pillar 1), headline indicators first within a pillar.
    assert list(values)[:3] == ["officials_trained", "returns_assisted", "migrants_protected"]
    assert values["returns_assisted"] == "490" and values["reintegration_started"] == "58"
    assert values["officials_trained"] == "–"
    text = texts(cards)
    assert "DEMO DATA" in text and "No value reported for the current filters." in text
    first = find(cards, lambda c: getattr(c, "className", None) == "card pillars-card")[0]
    assert first.title.startswith("Definition: Migrants who returned voluntarily")


def test_cards_in_french_and_without_demo_mark(totals):
    big = totals.assign(total=totals["total"] * 1000)
    cards = indicator_blocks.headline_cards(big, lang="fr", demo=False)
    assert card_values(cards)["returns_assisted"] == "490\u202f000"
    assert "DONNÉES DE DÉMONSTRATION" not in texts(cards)
    assert "Migrants aidés au retour" in texts(cards)


def test_cards_empty_state(totals):
    assert (
        texts(indicator_blocks.headline_cards(totals.iloc[0:0], lang="en", demo=True))
        == "No indicator applies to the current filters."
    )


def test_trend_chart_lines_in_theme_order(tiny_cursor):
    trend = queries.indicator_trend(tiny_cursor, Selection(), "returns_assisted", "region")
    figure = figures.indicator_trend_chart(
        trend,
        lang="en",
        demo=True,
        indicator_name="Migrants assisted to return",
        unit="people",
        group_by="region",
    )
    assert [trace.name for trace in figure.data] == [
        "Middle East and North Africa",
        "East and Horn of Africa",
        "West and Central Africa",
    ]
    wca = figure.data[2]
    assert list(wca.y) == [140, 50] and list(wca.customdata) == ["Q1 2019", "Q2 2019"]
    assert len({trace.marker.symbol for trace in figure.data}) == 3
    assert figure.data[0].line.color == "#0072B2"
    assert figure.layout.xaxis.title.text == "Quarter"
    assert (
        figure.layout.yaxis.title.text == "Migrants assisted<br>to return (people)"
    )  # wrapped for a phone
    assert (
        figure.layout.title.text == "Migrants assisted to return<br>per quarter, by region"
    )  # fits a phone
    assert any(annotation.text == "DEMO DATA" for annotation in figure.layout.annotations)


def test_trend_chart_by_action_in_french(tiny_cursor):
    trend = queries.indicator_trend(tiny_cursor, Selection(), "returns_assisted", "action")
    figure = figures.indicator_trend_chart(
        trend,
        lang="fr",
        demo=False,
        indicator_name="Migrants aidés au retour",
        unit="people",
        group_by="action",
    )
    assert [trace.name for trace in figure.data] == [
        "Afrique du Nord",
        "Corne de l’Afrique",
        "Sahel et lac Tchad",
    ]
    assert figure.layout.xaxis.title.text == "Trimestre"
    assert figure.layout.yaxis.title.text == "Migrants aidés au<br>retour (personnes)"
    assert figure.layout.separators == ",\u202f"
    assert not figure.layout.annotations
    assert list(figure.data[0].customdata)[:1] == ["T1 2019"]
    assert "%{customdata}\u202f: %{y:,.0f}" in figure.data[0].hovertemplate  # French colon spacing


def test_ranking_chart_plain_and_by_sex(tiny_cursor):
    plain = shared_queries.country_ranking(
        tiny_cursor, Selection(), "returns_assisted", by_sex=False
    )
    figure = figures.country_ranking_chart(
        plain, lang="en", demo=True, indicator_name="Returns", unit="people", by_sex=False
    )
    assert len(figure.data) == 1
    assert list(figure.data[0].y) == ["Libya", "Guinea", "Ethiopia", "Mali"]
    assert list(figure.data[0].x) == [200, 150, 100, 40]
    assert list(figure.layout.yaxis.categoryarray) == ["Libya", "Guinea", "Ethiopia", "Mali"]
    assert (
        figure.layout.yaxis.title.text == "Country"
        and figure.layout.xaxis.title.text == "Returns (people)"
    )

    split = shared_queries.country_ranking(
        tiny_cursor, Selection(), "returns_assisted", by_sex=True
    )
    figure = figures.country_ranking_chart(
        split, lang="en", demo=True, indicator_name="Returns", unit="people", by_sex=True
    )
    bars = [trace for trace in figure.data if trace.type == "bar"]
    assert [trace.name for trace in bars] == ["Women", "Men"]
    assert dict(zip(bars[0].y, bars[0].x, strict=True)) == {"Guinea": 10, "Ethiopia": 30}
    assert dict(zip(bars[1].y, bars[1].x, strict=True)) == {
        "Libya": 200,
        "Guinea": 140,
        "Ethiopia": 70,
        "Mali": 40,
    }
    assert bars[0].marker.pattern.shape != bars[1].marker.pattern.shape
    assert (
        figure.layout.barmode == "stack"
        and figure.layout.title.text == "Returns by country and sex"
    )


def test_ranking_of_a_non_disaggregated_indicator_says_so(tiny_cursor):
    projects = shared_queries.country_ranking(
        tiny_cursor, Selection(), "community_projects", by_sex=True
    )
    figure = figures.country_ranking_chart(
        projects, lang="en", demo=False, indicator_name="Projects", unit="projects", by_sex=True
    )
    assert [trace.name for trace in figure.data if trace.type == "bar"] == ["Not disaggregated"]


def test_rate_chart_labels_and_missing_starts():
    frame = pd.DataFrame(
        {
            "group_code": ["WCA", "MENA", "SAF"],
            "name_en": [
                "West and Central Africa",
                "Middle East and North Africa",
                "Southern Africa",
            ],
            "name_fr": [
                "Afrique centrale et de l’Ouest",
                "Moyen-Orient et Afrique du Nord",
                "Afrique australe",
            ],
            "started": [50.0, 0.0, 8.0],
            "completed": [20.0, 5.0, 0.0],
            "rate": [0.4, float("nan"), 0.0],
        }
    )
    figure = figures.completion_rate_chart(frame, lang="en", demo=True, group_by="region")
    (bars,) = figure.data
    assert list(bars.y) == [
        "Middle East and North Africa",
        "West and Central Africa",
        "Southern Africa",
    ]
    assert list(bars.text) == ["no start reported", "40%", "0%"]
    assert list(bars.x) == [0.0, 0.4, 0.0]
    assert [list(pair) for pair in bars.customdata] == [["0", "5"], ["50", "20"], ["8", "0"]]
    assert list(figure.layout.xaxis.ticktext) == ["0%", "50%", "100%"]
    assert figure.layout.title.text == "Completed as a share<br>of started, by region"
    french = figures.completion_rate_chart(frame, lang="fr", demo=True, group_by="region").data[0]
    assert (
        dict(zip(french.y, french.text, strict=True))["Afrique centrale et de l’Ouest"]
        == "40\u202f%"
    )


def test_empty_indicator_charts(tiny_cursor):
    empty = queries.indicator_trend(
        tiny_cursor, Selection(pillars=(3,)), "returns_assisted", "region"
    )
    assert figures.indicator_trend_chart(
        empty, lang="en", demo=True, indicator_name="x", unit="people", group_by="region"
    ).layout.meta == {"empty": True}
    ranking = shared_queries.country_ranking(
        tiny_cursor, Selection(pillars=(3,)), "returns_assisted", by_sex=True
    )
    assert figures.country_ranking_chart(
        ranking, lang="en", demo=True, indicator_name="x", unit="people", by_sex=True
    ).layout.meta == {"empty": True}
    rates = queries.completion_rates(tiny_cursor, Selection(regions=("APAC",)), "action")
    assert (
        figures.completion_rate_chart(rates, lang="fr", demo=True, group_by="action")
        .layout.annotations[0]
        .text.startswith("Aucune donnée")
    )


def test_published_values_keep_their_unit():
    assert indicator_labels.published_value("budget_eur", 140_000_000, "en") == "€140,000,000"
    assert (
        indicator_labels.published_value("budget_eur", 140_000_000, "fr")
        == "140\u202f000\u202f000\u00a0€"
    )
    assert indicator_labels.published_value("beneficiary_satisfaction_pct", 84, "en") == "84%"
    assert indicator_labels.published_value("returns_assisted", 106_700, "en") == "106,700"


def test_published_table(tiny_cursor):
    frame = queries.published_figures(tiny_cursor, Selection(actions=("JI-SLC",)))
    table = indicator_blocks.published_table(frame, lang="en")
    rows = find(table, lambda c: type(c).__name__ == "Tr")[1:]
    assert len(rows) == len(frame) == 14
    text = texts(table)
    assert "Joint Initiative (all three Actions)" in text and "Whole Action" in text
    assert "Reintegration assistance started" in text and "38,903" in text and "2019-01-31" in text
    links = find(table, lambda c: type(c).__name__ == "A")
    assert len(links) == 14 and all(link.href.startswith("http") for link in links)
    assert links[0].rel == "noopener noreferrer" and links[0].target == "_blank"
    french = texts(indicator_blocks.published_table(frame, lang="fr"))
    assert "Initiative conjointe (les trois Actions)" in french and "plus de" in french
    assert "Aucun chiffre publié" in texts(
        indicator_blocks.published_table(frame.iloc[0:0], lang="fr")
    )


def test_quarter_label():
    assert indicator_labels.quarter_label(dt.date(2019, 7, 1)) == "2019-Q3"
    assert indicator_labels.quarter_label(pd.Timestamp("2020-10-01")) == "2020-Q4"
