"""The EUTF results explorer answered on the server: the grid's requests (block, sort, column
filters, search) turned into allow-listed SQL, the count line, and the CSV download of every
matching row. Callbacks are called directly, on the tiny store (which holds the real EUTF rows)."""

from __future__ import annotations

import base64
import datetime as dt
import io

import pandas as pd
import pytest

from dashboard.common.exports import PROVENANCE_COLUMNS
from dashboard.i18n import t
from dashboard.pillars import callbacks
from dashboard.pillars import explorer_queries as eutf
from dashboard.pillars.explorer import (
    EXPLORER_COLUMNS,
    SEARCH_KEY,
    BadExplorerRequest,
    Block,
    ExplorerQuery,
    parse_request,
)
from dashboard.store.context import AppContext

from conftest import settings_for

NIGER_ROW = {
    "search": {
        "filterType": "text",
        "type": "contains",
        "filter": "T05-EUTF-SAH-NE-07-01 3.4 VOLUNTARY",
    }
}


@pytest.fixture(scope="module")
def context(tiny_store_path) -> AppContext:
    return AppContext(settings_for(tiny_store_path))


def grid_request(start=0, end=50, filters=None, sort=None) -> dict:
    """What the grid sends (``getRowsRequest``; its callbacks do not survive JSON)."""
    return {
        "startRow": start,
        "endRow": end,
        "filterModel": filters or {},
        "sortModel": sort or [],
        "context": None,
    }


def csv_table(sent: dict) -> pd.DataFrame:
    """The table of a ``dcc.send_bytes`` answer, read as a person would (cells as text)."""
    return pd.read_csv(
        io.BytesIO(base64.b64decode(sent["content"])), keep_default_na=False, dtype=str
    )


# ---------------------------------------------------------------- the query
def test_the_empty_query_is_every_row_in_file_order(context):
    rows = eutf.explorer_rows(context.cursor())
    assert len(rows) == 1426 and list(rows.columns) == list(EXPLORER_COLUMNS)
    assert rows["result_id"].is_monotonic_increasing
    assert eutf.explorer_counts(context.cursor(), ExplorerQuery()) == (1426, 1426)


def test_a_block_is_the_slice_of_the_sorted_rows(context):
    query = ExplorerQuery.from_grid({}, [{"colId": "actual", "sort": "desc"}])
    every = eutf.explorer_rows(context.cursor(), query)
    block = eutf.explorer_rows(context.cursor(), query, Block(50, 100))
    assert block["result_id"].tolist() == every["result_id"].iloc[50:100].tolist()
    assert every["actual"].iloc[0] == every["actual"].max()
    # Missing values go last whichever way a column is sorted.
    assert every["actual"].iloc[-1] != every["actual"].iloc[-1]
    ascending = eutf.explorer_rows(
        context.cursor(), ExplorerQuery.from_grid({}, [{"colId": "actual", "sort": "asc"}])
    )
    assert ascending["actual"].iloc[0] == ascending["actual"].min()


def test_search_words_must_all_appear_whatever_their_case(context):
    query = ExplorerQuery.from_grid(NIGER_ROW, None)
    rows = eutf.explorer_rows(context.cursor(), query)
    assert rows[["iati_id", "indicator_number", "actual"]].values.tolist() == [
        ["T05-EUTF-SAH-NE-07-01", "3.4", 40888.0]
    ]
    assert eutf.explorer_counts(context.cursor(), query) == (1, 1426)


def search(context, text: str) -> pd.DataFrame:
    return eutf.explorer_rows(
        context.cursor(),
        ExplorerQuery.from_grid(
            {SEARCH_KEY: {"filterType": "text", "type": "contains", "filter": text}}, None
        ),
    )


def countries_of(rows: pd.DataFrame) -> set[str]:
    return {code for cell in rows["countries"] for code in str(cell).split("; ")}


def test_search_reads_country_names_in_both_languages_as_whole_words(context):
    # The placeholder's example: Niger's rows (its own and regional ones covering it), never a
    # row of Nigeria alone.
    niger = search(context, "Niger voluntary")
    assert len(niger) and all("NER" in str(cell).split("; ") for cell in niger["countries"])
    niger_34 = search(context, "Niger 3.4")
    assert set(niger_34["indicator_number"]) == {"3.4"} and countries_of(niger_34) == {"NER"}
    assert "T05-EUTF-SAH-NE-07-01" in set(niger_34["iati_id"])
    nigeria = search(context, "Nigeria")
    assert len(nigeria) and all("NGA" in str(cell).split("; ") for cell in nigeria["countries"])
    assert countries_of(search(context, "niger*")) >= {
        "NER",
        "NGA",
    }  # a trailing * asks for the start
    # French names and accents: "Éthiopie", "ethiopie" and "Ethiopia" find the same rows.
    assert (
        len(search(context, "Éthiopie"))
        == len(search(context, "ethiopie"))
        == len(search(context, "Ethiopia"))
        > 0
    )
    assert len(search(context, "Côte d'Ivoire")) == len(search(context, "cote d’ivoire")) > 0
    # Indicator numbers are whole words too: 3.1 is not 3.11.
    numbers = set(search(context, "3.1")["indicator_number"].dropna())
    assert "3.1" in numbers and "3.11" not in numbers
    # Each language's placeholder example finds rows.
    assert (
        len(search(context, t("eutf.explorer.search_placeholder", "en").removeprefix("e.g. "))) > 0
    )
    assert len(search(context, "Niger 3.4")) > 0 and len(search(context, "Tchad voluntary")) > 0
    # Regular-expression characters are literal.
    assert search(context, "a(b").empty and search(context, ".*").shape[0] < 1426


def test_text_number_and_combined_column_filters(context):
    cursor = context.cursor()
    every = eutf.explorer_rows(cursor)

    def kept(filters):
        return eutf.explorer_rows(cursor, ExplorerQuery.from_grid(filters, []))[
            "result_id"
        ].tolist()

    assert (
        kept({"level": {"filterType": "text", "type": "equals", "filter": "CONTRACT"}})
        == every.loc[every["level"] == "contract", "result_id"].tolist()
    )
    assert (
        kept({"actual": {"filterType": "number", "type": "greaterThanOrEqual", "filter": 40888}})
        == every.loc[every["actual"] >= 40888, "result_id"].tolist()
    )
    assert (
        kept({"actual": {"filterType": "number", "type": "inRange", "filter": 100, "filterTo": 10}})
        == every.loc[(every["actual"] > 10) & (every["actual"] < 100), "result_id"].tolist()
    )
    assert (
        kept({"target": {"filterType": "number", "type": "blank"}})
        == every.loc[every["target"].isna(), "result_id"].tolist()
    )
    # Dates are filtered as the grid shows them: ISO text.
    assert (
        len(kept({"as_of": {"filterType": "text", "type": "startsWith", "filter": "2021-12"}}))
        == 1426
    )
    either = {
        "countries": {
            "filterType": "text",
            "operator": "OR",
            "conditions": [
                {"filterType": "text", "type": "equals", "filter": "ner"},
                {"filterType": "text", "type": "equals", "filter": "mli"},
            ],
        }
    }
    assert kept(either) == every.loc[every["countries"].isin(["NER", "MLI"]), "result_id"].tolist()
    assert (
        kept({"indicator": {"filterType": "text", "type": "notContains", "filter": "return"}})
        == every.loc[
            ~every["indicator"].fillna("").str.lower().str.contains("return"), "result_id"
        ].tolist()
    )


def test_an_injection_shaped_value_is_just_a_value(context):
    for value in ("x' OR 1=1 --", "%", "_", "'); DROP TABLE eutf_results; --"):
        query = ExplorerQuery.from_grid(
            {
                "iati_id": {"filterType": "text", "type": "contains", "filter": value},
                SEARCH_KEY: {"filterType": "text", "type": "contains", "filter": value},
            },
            [],
        )
        assert eutf.explorer_counts(context.cursor(), query) == (0, 1426)
    assert len(eutf.explorer_rows(context.cursor())) == 1426


@pytest.mark.parametrize(
    "request_",
    [
        None,
        5,
        "rows",
        {},
        {"startRow": 0},
        {"startRow": -1, "endRow": 10},
        {"startRow": 10, "endRow": 10},
        {"startRow": 0, "endRow": 100_000},
        {"startRow": True, "endRow": 50},
        {"startRow": "0", "endRow": "50"},
        {"startRow": 10**30, "endRow": 10**30 + 50},
        {"startRow": 0.5, "endRow": 50},
        grid_request(
            filters={"no_such_column": {"filterType": "text", "type": "contains", "filter": "x"}}
        ),
        grid_request(filters={"level": {"filterType": "text", "type": "regexp", "filter": "x"}}),
        grid_request(filters={"level": {"filterType": "number", "type": "equals", "filter": 1}}),
        grid_request(
            filters={"actual": {"filterType": "number", "type": "equals", "filter": "1; DROP"}}
        ),
        grid_request(
            filters={"actual": {"filterType": "number", "type": "equals", "filter": float("nan")}}
        ),
        grid_request(
            filters={"level": {"filterType": "text", "operator": "XOR", "conditions": []}}
        ),
        grid_request(filters={"level": "contract"}),
        grid_request(filters={SEARCH_KEY: {"type": "equals", "filter": "x"}}),
        grid_request(filters=["level"]),
        grid_request(sort=[{"colId": "1; DROP TABLE eutf_results", "sort": "asc"}]),
        grid_request(sort=[{"colId": "actual", "sort": "sideways"}]),
        grid_request(sort={"colId": "actual"}),
    ],
)
def test_a_request_the_grid_never_sends_gets_no_rows_and_a_message(context, request_):
    with pytest.raises(BadExplorerRequest):
        parse_request(request_)
    for lang in ("en", "fr"):
        response, count = callbacks.explorer_block(context, request_, lang)
        assert response == {"rowData": [], "rowCount": 0} and count == t(
            "eutf.explorer.bad_request", lang
        )


# ---------------------------------------------------------------- the callbacks
def test_the_first_block_and_the_count_line_in_both_languages(context):
    response, count = callbacks.explorer_block(context, grid_request(), "en")
    assert response["rowCount"] == 1426 and len(response["rowData"]) == 50
    assert [row["result_id"] for row in response["rowData"]] == list(range(1, 51))
    assert count.startswith("1,426 result rows")
    response, count = callbacks.explorer_block(context, grid_request(filters=NIGER_ROW), "fr")
    (row,) = response["rowData"]
    assert response["rowCount"] == 1 and row["actual"] == 40888 and row["as_of"] == "2021-12-17"
    assert count == t("eutf.explorer.count_matching", "fr", shown="1", total="1\u202f426")
    # The last block is short; the grid learns the end from rowCount.
    response, _ = callbacks.explorer_block(context, grid_request(1400, 1450), "en")
    assert len(response["rowData"]) == 26 and response["rowCount"] == 1426


@pytest.mark.parametrize("raw", [None, 5, "", "   ", ["x"], "niger returns"])
def test_the_search_box_writes_its_words_into_the_filter_model(raw):
    operations = callbacks.search_explorer(raw).to_plotly_json()["operations"]
    if raw == "niger returns":
        assert operations == [
            {
                "operation": "Assign",
                "location": [SEARCH_KEY],
                "params": {"value": {"filterType": "text", "type": "contains", "filter": raw}},
            }
        ]
    else:
        assert operations == [{"operation": "Delete", "location": [SEARCH_KEY], "params": {}}]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_download_holds_every_matching_row_with_its_provenance(context, lang):
    sort = [{"colId": "actual", "sort": "desc"}]
    level = {"level": {"filterType": "text", "type": "equals", "filter": "contract"}}
    sent = callbacks.download_explorer(
        context, 1, grid_request(0, 50, level, sort), lang, dt.date(2026, 11, 30)
    )
    assert sent["filename"] == "pillars_eutf-results-explorer_2026-11-30.csv"
    table = csv_table(sent)
    expected = eutf.explorer_rows(context.cursor(), ExplorerQuery.from_grid(level, sort))
    assert len(table) == len(expected) > 50  # every matching row, not only the block loaded
    assert (
        table[t("eutf.explorer.col.result_id", lang)].astype(int).tolist()
        == expected["result_id"].tolist()
    )
    assert list(table.columns[-len(PROVENANCE_COLUMNS) :]) == list(PROVENANCE_COLUMNS)
    assert set(table["kind_of_data"]) == {t("kind.eutf", lang)}
    assert set(table["filters"]) == {
        "; ".join(
            [
                t(
                    "eutf.explorer.conditions.column",
                    lang,
                    column=t("eutf.explorer.col.level", lang),
                    conditions=f"{t('eutf.grid.equals', lang).lower()} “contract”",
                ),
                t(
                    "eutf.explorer.conditions.sort",
                    lang,
                    columns=t(
                        "eutf.explorer.conditions.descending",
                        lang,
                        column=t("eutf.explorer.col.actual", lang),
                    ),
                ),
            ]
        )
    }
    # No cell may start like a spreadsheet formula.
    cells = table.drop(columns=list(PROVENANCE_COLUMNS)).to_numpy().ravel()
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_the_download_before_any_request_holds_every_row_and_a_bad_request_none(context):
    sent = callbacks.download_explorer(context, 1, None, "en", dt.date(2026, 11, 30))
    assert len(csv_table(sent)) == 1426
    assert callbacks.download_explorer(context, 1, {"startRow": "x"}, "en") is callbacks.no_update
    assert callbacks.download_explorer(context, 0, grid_request(), "en") is callbacks.no_update


# ---------------------------------------------------------------- the address
def test_the_address_fragment_round_trips_the_grids_search_filters_and_sort():
    from dashboard.pillars.explorer_address import fragment_of, read_fragment

    level = {"level": {"filterType": "text", "type": "equals", "filter": "contract"}}
    request = grid_request(
        filters={
            **level,
            SEARCH_KEY: {"filterType": "text", "type": "contains", "filter": "Niger 3.4"},
        },
        sort=[{"colId": "actual", "sort": "desc"}, {"colId": "level", "sort": "asc"}],
    )
    fragment = fragment_of(request)
    assert fragment.startswith("#q=Niger+3.4&sort=-actual%2Clevel&filter=")
    address = read_fragment(fragment)
    assert address.search == "Niger 3.4" and address.filters == level and not address.dropped
    assert ExplorerQuery.from_grid(
        address.filter_model(), list(address.sort)
    ) == ExplorerQuery.from_grid(request["filterModel"], request["sortModel"])
    assert fragment_of(grid_request()) == "" and read_fragment("") == read_fragment(None)


@pytest.mark.parametrize(
    "fragment",
    [
        "#sort=-nope",
        "#filter=%7Bbad",
        "#filter=%7B%22x%22%3A1%7D",
        "#zzz=1",
        "#filter=%7B%22actual%22%3A%7B%22filterType%22%3A%22number%22%2C%22type"
        "%22%3A%22drop%20table%22%2C%22filter%22%3A1%7D%7D",
    ],
)
def test_values_the_explorer_cannot_use_are_dropped_and_named(fragment):
    from dashboard.pillars.explorer_address import read_fragment

    address = read_fragment(fragment + "&q=niger")
    assert address.search == "niger" and len(address.dropped) == 1
    answer = callbacks.apply_address(fragment, None, "", {}, "en")
    assert answer[3].startswith("Ignored in the address")


def test_the_grids_first_requests_do_not_overwrite_a_pasted_link():
    applied = callbacks.apply_address("#q=niger", None, "", {}, "en")[4]
    stale = grid_request()  # the grid's request made before it applied the address
    assert callbacks.address_of_grid(stale, "#q=niger", applied) == (
        callbacks.no_update,
        callbacks.no_update,
    )
    caught_up = grid_request(
        filters={SEARCH_KEY: {"filterType": "text", "type": "contains", "filter": "niger"}}
    )
    written, synced = callbacks.address_of_grid(caught_up, "#q=niger", applied)
    assert written is callbacks.no_update and synced["synced"] is True
    assert (
        callbacks.address_of_grid(grid_request(), "#q=niger", synced)[0] == ""
    )  # the person cleared it


def test_a_request_before_the_address_is_applied_changes_nothing():
    # The grid's first request can reach the server before the address is applied: it neither
    # writes the address nor marks it applied (that race hid the notice of a pasted link).
    assert callbacks.address_of_grid(None, "#q=niger&sort=-bogus", None) == (
        callbacks.no_update,
        callbacks.no_update,
    )
    assert callbacks.address_of_grid(grid_request(), "#q=niger&sort=-bogus", {"synced": True}) == (
        callbacks.no_update,
        callbacks.no_update,
    )


def test_the_grid_showing_what_the_address_could_use_keeps_the_address_and_its_notice():
    fragment = "#q=niger&sort=-bogus"
    *_, notice, applied = callbacks.apply_address(fragment, None, "", {}, "en")
    assert "sort=-bogus" in notice and applied["synced"] is False
    shown = grid_request(
        filters={SEARCH_KEY: {"filterType": "text", "type": "contains", "filter": "niger"}}
    )
    written, synced = callbacks.address_of_grid(shown, fragment, applied)
    assert written is callbacks.no_update and synced["synced"] is True
    # The grid asks again for the same rows: the link is not rewritten (its notice stays).
    assert callbacks.address_of_grid(shown, fragment, synced) == (
        callbacks.no_update,
        callbacks.no_update,
    )


def test_an_address_the_grid_already_shows_is_applied_at_once():
    # Back to a view the grid holds: no new request will confirm it, so the next change is written.
    search = {SEARCH_KEY: {"filterType": "text", "type": "contains", "filter": "niger"}}
    answer = callbacks.apply_address("#q=niger", None, "niger", search, "en")
    assert answer[:3] == (callbacks.no_update,) * 3 and answer[4]["synced"] is True
