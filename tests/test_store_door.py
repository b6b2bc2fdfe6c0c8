"""The one door to the store: every read goes through ``dashboard.store.door.query``, which binds
values, interrupts a query past the time limit (a one-line 503, never a traceback) and counts
each query by name; SQL text is composed from the app's own text and allow-listed identifiers."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

import pytest
from flask import Flask
from helpers import as_sent

from dashboard import PROJECT_ROOT, ids
from dashboard.app import create_app
from dashboard.store.door import ROW, ROWS, TIME_LIMIT_KEY, QueryTimeout, query, query_stats
from dashboard.store.sql import Sql, compose, identifier, joined, where

from conftest import settings_for

# Where ``.execute(`` may be called: the door itself; the builds, imports and rollbacks
# (``dashboard/build/``: DDL and writes on their own writable connection); and the rate limits'
# counts, kept in SQLite, not in the store (``dashboard/server/sqlite_limits.py``).
ALLOWED = ("dashboard/store/door.py", "dashboard/build/", "dashboard/server/sqlite_limits.py")
SLOW = "SELECT count(*) FROM range(10000000000)"


def execute_calls(path: Path) -> list[int]:
    """The lines of every ``<something>.execute(...)`` call in a module."""
    tree = ast.parse(path.read_text())
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "execute"
    ]


def test_no_query_runs_outside_the_door():
    found = []
    for folder in ("dashboard", "layouts", "callbacks"):
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            relative = path.relative_to(PROJECT_ROOT).as_posix()
            if relative.startswith(ALLOWED):
                continue
            found += [f"{relative}:{line}" for line in execute_calls(path)]
    assert found == [], "query through dashboard.store.door.query instead: " + ", ".join(found)


def test_values_are_bound_and_an_injection_shaped_value_is_just_a_value(tiny_cursor):
    hostile = "GIN'; DROP TABLE countries; --"
    assert query(
        tiny_cursor,
        "test_bound",
        "SELECT count(*) FROM countries WHERE iso3 = $iso3",
        {"iso3": hostile},
        read=ROW,
    ) == (0,)
    assert query(tiny_cursor, "test_bound", "SELECT count(*) FROM countries", read=ROW)[0] > 0
    assert query(
        tiny_cursor,
        "test_rows",
        "SELECT iso3 FROM countries WHERE iso3 IN $codes ORDER BY iso3",
        {"codes": ["GIN", "MLI"]},
        read=ROWS,
    ) == [("GIN",), ("MLI",)]


def test_each_query_is_counted_by_name(tiny_cursor):
    """Asked three times on the served store: run once, then answered twice from its cache."""
    before = query_stats().get("test_counted")
    for _ in range(3):
        query(tiny_cursor, "test_counted", "SELECT 1")
    after = query_stats()["test_counted"]
    assert (
        after.calls == (before.calls if before else 0) + 1
        and after.cached == (before.cached if before else 0) + 2
        and after.seconds >= 0
        and after.longest >= 0
    )


def test_a_query_past_the_time_limit_is_interrupted_and_the_cursor_still_answers(tiny_cursor):
    app = Flask(__name__)
    app.config[TIME_LIMIT_KEY] = 0.2
    with app.app_context(), pytest.raises(QueryTimeout) as timeout:
        query(tiny_cursor, "test_slow", SLOW)
    assert "longer than 0.2 s" in str(timeout.value) and "\n" not in str(timeout.value)
    assert query(tiny_cursor, "test_after", "SELECT 42", read=ROW) == (42,)
    # Outside a request (builds, the command line, benchmarks) there is no time limit.
    assert query(tiny_cursor, "test_outside", "SELECT 1", read=ROW) == (1,)


def test_a_page_whose_query_times_out_gets_one_line_not_a_traceback(tiny_store_path, monkeypatch):
    """The map's countries asked through a query that takes too long: the page's chart callback
    answers 503 with the door's one line, and so does the API."""
    from dashboard.map import queries as map_queries

    app = create_app(settings_for(tiny_store_path, query_seconds=0.2, cache_dir=None))
    monkeypatch.setattr(
        map_queries, "map_countries", lambda cursor, selection: query(cursor, "test_slow", SLOW)
    )
    client = app.server.test_client()
    key, spec = next(
        (key, spec) for key, spec in app.callback_map.items() if f"{ids.MAP_GRAPH}.figure" in key
    )
    body = {
        "output": key,
        "outputs": [
            dict(zip(("id", "property"), part.rsplit(".", 1), strict=True))
            for part in key.strip(".").split("...")
        ],
        "inputs": [{**as_sent(item), "value": {}} for item in spec["inputs"]],
        "state": [{**as_sent(item), "value": None} for item in spec["state"]],
        "changedPropIds": [],
    }
    answer = client.post("/_dash-update-component", json=body)
    assert answer.status_code == 503
    text = answer.get_data(as_text=True)
    assert text.count("\n") == 1 and "longer than 0.2 s" in text and "Traceback" not in text
    api = client.get("/api/v1/charts/programme-map")
    assert api.status_code == 503 and "longer than 0.2 s" in api.get_json()["error"]


def test_sql_text_is_composed_from_the_apps_own_text_only():
    condition = compose("{column} = $value", column=identifier("c.iso3", {"c.iso3"}))
    assert where([condition, Sql("TRUE")]) == "WHERE c.iso3 = $value AND TRUE"
    assert where([]) == ""
    assert joined([Sql("a"), Sql("b")], ", ") == "a, b"
    with pytest.raises(TypeError):
        compose("SELECT {column} FROM countries", column="iso3; DROP TABLE countries")
    with pytest.raises(TypeError):
        joined([Sql("a"), "b"], ", ")
    with pytest.raises(ValueError):
        identifier("name_en; DROP TABLE countries", {"name_en"})


def test_queries_under_a_time_limit_share_one_watchdog_thread(tiny_cursor):
    """A time limit costs no thread per query: one watchdog interrupts the late ones."""
    app = Flask(__name__)
    app.config[TIME_LIMIT_KEY] = 5
    with app.app_context():
        query(tiny_cursor, "test_watched", "SELECT 1", read=ROW)
        threads = threading.active_count()
        for number in range(50):
            assert query(tiny_cursor, "test_watched", "SELECT $n", {"n": number}, read=ROW) == (
                number,
            )
        assert threading.active_count() == threads
