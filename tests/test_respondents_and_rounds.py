"""Respondents, not responses: repeat rounds of the same returnee, the latest answer per period,
paired changes between rounds, and the protection setting as a user of the page meets it.

A literal store: the tiny store's seven returnees plus repeat answers (R-prefixed rows below);
expected values are written out by hand from those rows.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from helpers import sustainability_outputs

from dashboard.build import schema
from dashboard.build.aggregates import refresh_survey_aggregates
from dashboard.common.charts import ChartRequest
from dashboard.common.pages import PageContext
from dashboard.selection import Selection
from dashboard.store.context import AppContext
from dashboard.store.files import ReadOnlyStore, connect_writable
from dashboard.sustainability import charts as sustainability_charts
from dashboard.sustainability import queries as q
from dashboard.sustainability.disclosure import EXACT, PROTECTED
from dashboard.sustainability.layout import layout

from conftest import settings_for

# Later rounds of T1 (GIN, woman) and T2 (GIN, man), and a second round of T4 (MLI) in its
# first quarter: (survey id, respondent, date, months, economic, social, psychosocial).
REPEATS = [
    ("T1-b", "T1", "2019-08-01", 12, 0.8, 0.7, 0.9),
    ("T1-c", "T1", "2020-02-01", 18, 0.9, 0.8, 0.9),
    ("T2-b", "T2", "2019-09-01", 18, 0.3, 0.5, 0.4),
    ("T4-b", "T4", "2019-06-15", 4, 0.7, 0.8, 0.7),
]
BASE = {
    "T1": ("JI-SLC", "GIN", "female", "25-34", "economic", "individual", "direct"),
    "T2": ("JI-SLC", "GIN", "male", "25-34", "economic", "individual", "direct"),
    "T4": ("JI-SLC", "MLI", "male", "35-44", "economic", "individual", "direct"),
}


@pytest.fixture(scope="module")
def rounds_path(tiny_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rounds") / "rounds.duckdb"
    shutil.copy(tiny_store_path, path)
    rows = []
    for survey_id, respondent, date, months, economic, social, psychosocial in REPEATS:
        action, iso3, sex, age, kind, level, referral = BASE[respondent]
        rows.append(
            {
                "survey_id": survey_id,
                "respondent_id": respondent,
                "action_code": action,
                "iso3": iso3,
                "survey_date": pd.Timestamp(date).date(),
                "months_since_return": months,
                "sex": sex,
                "age_group": age,
                "assistance_type": kind,
                "assistance_level": level,
                "referral": referral,
                "economic_score": economic,
                "social_score": social,
                "psychosocial_score": psychosocial,
                "composite_score": round((economic + social + psychosocial) / 3, 4),
                "composite_computed": True,
                "batch_id": 2,
            }
        )
    connection = connect_writable(path)
    schema.insert_frame(connection, "survey_responses", pd.DataFrame(rows))
    refresh_survey_aggregates(connection)
    connection.close()
    return path


@pytest.fixture(scope="module")
def cursor(rounds_path: Path):
    store = ReadOnlyStore(rounds_path)
    yield store.cursor()
    store.close()


def means(
    cursor, selection: Selection, grouping: str = "country", minimum: int = 1
) -> pd.DataFrame:
    return q.group_means(
        cursor, selection, grouping, min_group_size=minimum, disclosure=EXACT
    ).set_index("group_code")


def test_a_group_counts_distinct_returnees_with_their_latest_answer(cursor):
    """Guinea holds T1 (three answers), T2 (two) and T3: three people, their latest answers."""
    guinea = means(cursor, Selection(countries=("GIN",))).loc["GIN"]
    assert guinea["n"] == 3
    assert guinea["economic_mean"] == pytest.approx((0.9 + 0.3 + 0.2) / 3)
    # Mali: T4 answered twice in 2019-Q2; one person, the later answer.
    mali = means(cursor, Selection(countries=("MLI",))).loc["MLI"]
    assert mali["n"] == 1 and mali["economic_mean"] == pytest.approx(0.7)


def test_the_minimum_counts_people_not_answers(cursor):
    """Guinea has six answers from three people: a minimum of four suppresses it."""
    assert bool(means(cursor, Selection(countries=("GIN",)), minimum=4).loc["GIN", "suppressed"])
    assert not bool(
        means(cursor, Selection(countries=("GIN",)), minimum=3).loc["GIN", "suppressed"]
    )


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # Only 2019: T1's latest is 2019-08 (0.8), T2's 2019-09 (0.3), T3 0.2.
        ("2019-Q1", "2019-Q4", (0.8 + 0.3 + 0.2) / 3),
        # 2019-Q1 alone: T1's first answer (0.6) and T2's (0.5).
        ("2019-Q1", "2019-Q1", (0.6 + 0.5) / 2),
        # From 2019-Q3: T1's 2020 answer (0.9) and T2's 2019-09 answer (0.3).
        ("2019-Q3", None, (0.9 + 0.3) / 2),
    ],
)
def test_the_latest_answer_is_the_latest_within_the_period(cursor, start, end, expected):
    selection = Selection(countries=("GIN",), period_start=start, period_end=end)
    assert means(cursor, selection).loc["GIN", "economic_mean"] == pytest.approx(expected)


def test_change_between_rounds_pairs_each_returnee_once(cursor):
    """T1: 0.8 -> 0.9 economic (latest minus previous); T2: 0.5 -> 0.3; T4: 0.9 -> 0.7."""
    changes = q.round_changes(
        cursor, Selection(), "country", min_group_size=1, disclosure=EXACT
    ).set_index("group_code")
    assert changes.loc["GIN", "n"] == 2
    assert changes.loc["GIN", "economic_change"] == pytest.approx(((0.9 - 0.8) + (0.3 - 0.5)) / 2)
    assert changes.loc["MLI", "economic_change"] == pytest.approx(0.7 - 0.9)
    # T1 composite 0.8 -> 0.8667 rose (by more than 0.05); T2 0.5 -> 0.4 fell.
    assert changes.loc["GIN", ["rose", "stayed", "fell"]].tolist() == pytest.approx([0.5, 0.0, 0.5])
    # Only pairs whose two answers are both in the period: 2019 holds T1 (2019-02 -> 2019-08).
    in_2019 = q.round_changes(
        cursor,
        Selection(countries=("GIN",), period_start="2019-Q1", period_end="2019-Q4"),
        "sex",
        min_group_size=1,
        disclosure=EXACT,
    ).set_index("group_code")
    assert in_2019.loc["female", "economic_change"] == pytest.approx(0.8 - 0.6)
    assert in_2019.loc["male", "economic_change"] == pytest.approx(0.3 - 0.5)
    suppressed = q.round_changes(cursor, Selection(), "country", min_group_size=3).set_index(
        "group_code"
    )
    assert (
        suppressed["suppressed"].all() and suppressed.drop(columns="suppressed").isna().all().all()
    )


def test_public_figures_read_the_release_never_the_survey(cursor):
    # This store's survey gained second rounds after its release was made: exact figures see
    # them, public ones are those of the release (the tiny store's records) and repeat exactly.
    exact = q.group_means(
        cursor, Selection(), "region", min_group_size=1, disclosure=EXACT
    ).set_index("group_code")
    protected = q.group_means(cursor, Selection(), "region", min_group_size=1, disclosure=PROTECTED)
    assert protected.equals(
        q.group_means(cursor, Selection(), "region", min_group_size=1, disclosure=PROTECTED)
    )
    released = protected.set_index("group_code")
    assert released.at["WCA", "economic_mean"] == pytest.approx((0.6 + 0.5 + 0.2 + 0.9) / 4)
    assert exact.at["WCA", "economic_mean"] != pytest.approx(released.at["WCA", "economic_mean"])
    assert q.round_changes(cursor, Selection(), "region", min_group_size=1)["suppressed"].all()


@pytest.fixture()
def contexts(rounds_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, AppContext]:
    """A protected and an exact deployment. Exact figures reach only a signed-in analyst (tested
    over HTTP in test_auth_http.py); here the page is drawn as that analyst would see it."""
    import dashboard.sustainability.layout as layout_module
    from dashboard.sustainability import charts as registry_module

    contexts = {
        mode: AppContext(settings_for(rounds_path, min_group_size=1, disclosure=mode))
        for mode in ("protected", "exact")
    }
    for module in (layout_module, registry_module):
        monkeypatch.setattr(module, "disclosure_mode", lambda settings: settings.disclosure)
    return contexts


def request_of(context: AppContext, options: dict, lang: str) -> ChartRequest:
    """The request the page's charts answer with no filters."""
    return ChartRequest(
        cursor=context.cursor(),
        catalog=context.catalog,
        settings=context.settings,
        selection=Selection(),
        params=options,
        lang=lang,
    )


def test_exact_mode_is_announced_on_the_page_the_charts_and_the_files(contexts):
    def page_text(context: AppContext) -> str:
        return str(
            layout(
                PageContext(
                    lang="en",
                    catalog=context.catalog,
                    settings=context.settings,
                    cursor=context.cursor(),
                    params={},
                )
            )
        )

    assert "Exact mode" not in page_text(contexts["protected"])
    assert (
        "Exact mode: these survey figures are computed from the survey records themselves"
        in page_text(contexts["exact"])
    )
    selection: dict = {}
    for mode, context in contexts.items():
        figure, _ = sustainability_outputs("means", context, {"group": "region"}, selection, "en")
        marks = [annotation.text for annotation in figure.layout.annotations]
        assert any("EXACT" in str(text) for text in marks) == (mode == "exact")
        assert any("Protected figures" in str(text) for text in marks) == (mode == "protected")
    view = sustainability_charts.request_view(
        request_of(contexts["exact"], {"group": "region"}, "fr")
    )
    data = sustainability_charts.with_disclosure(pd.DataFrame({"a": [1]}), view)
    assert data.iloc[0, -1].startswith("EXACT")


def test_the_changes_callback_draws_both_charts_with_summaries(contexts):
    first, summary, second, same_summary = sustainability_outputs(
        "changes", contexts["exact"], {"group": "country"}, {}, "fr"
    )
    assert summary == same_summary and "personnes ont répondu à deux vagues" in summary
    assert [trace.name for trace in first.data] == [
        "Économique",
        "Social",
        "Psychosocial",
        "Composite",
    ]
    assert [trace.name for trace in second.data][0].startswith("En hausse")
    empty, text, _, _ = sustainability_outputs(
        "changes", contexts["exact"], {"group": "country"}, {"countries": ["ETH"]}, "en"
    )
    assert text.startswith("Every group has fewer than")  # nobody and a few read alike
    assert empty.layout.annotations


def test_exact_mode_reproduces_the_unprotected_statistics(contexts, rounds_path):
    protected_settings = replace(contexts["exact"].settings, disclosure="protected")
    view = sustainability_charts.request_view(
        request_of(AppContext(protected_settings), {"group": "region"}, "en")
    )
    assert not view.disclosure.exact
    exact_request = request_of(contexts["exact"], {"group": "region"}, "en")
    exact_view = sustainability_charts.request_view(exact_request)
    exact = sustainability_charts.means_frame(exact_request)
    assert exact.equals(
        q.group_means(exact_view.cursor, Selection(), "region", min_group_size=1, disclosure=EXACT)
    )
