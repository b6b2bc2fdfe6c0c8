"""Shared fixtures: a tiny literal store, a small demo store, the live app and a headless browser."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import pytest

from dashboard.build import schema
from dashboard.build.aggregates import RELEASE_CELLS, build_cells, refresh_survey_aggregates
from dashboard.build.reference import load_reference
from dashboard.build.release.build import refresh_release
from dashboard.build.stores import build_store
from dashboard.settings import Settings, load_settings
from dashboard.store.files import ReadOnlyStore, connect_writable

CHROMIUM = os.environ.get("EUIOM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# The secret seed of the test stores' protected releases (fixed: the suite is reproducible).
TEST_RELEASE_SEED = 20261206

# Indicator rows of the tiny store: (action, iso3, period, sex, indicator, value).
TINY_INDICATORS = [
    ("JI-SLC", "GIN", "2019-01-01", "female", "returns_assisted", 10),
    ("JI-SLC", "GIN", "2019-01-01", "male", "returns_assisted", 90),
    ("JI-SLC", "GIN", "2019-04-01", "male", "returns_assisted", 50),
    ("JI-SLC", "GIN", "2019-01-01", "female", "reintegration_started", 5),
    ("JI-SLC", "GIN", "2019-01-01", "male", "reintegration_started", 45),
    ("JI-SLC", "GIN", "2019-04-01", "male", "reintegration_completed", 20),
    ("JI-SLC", "MLI", "2019-01-01", "male", "returns_assisted", 40),
    ("JI-SLC", "MLI", "2019-01-01", "all", "community_projects", 3),
    ("JI-NA", "LBY", "2019-01-01", "male", "returns_assisted", 200),
    ("JI-HOA", "ETH", "2020-07-01", "female", "returns_assisted", 30),
    ("JI-HOA", "ETH", "2020-07-01", "male", "returns_assisted", 70),
    ("PILOT", "MWI", "2019-01-01", "male", "reintegration_started", 8),
]

# Survey rows of the tiny store: (id, action, iso3, date, months, sex, age, type, level, referral, e, s, p).
TINY_SURVEYS = [
    (
        "T1",
        "JI-SLC",
        "GIN",
        "2019-02-01",
        6,
        "female",
        "25-34",
        "economic",
        "individual",
        "direct",
        0.6,
        0.7,
        0.8,
    ),
    (
        "T2",
        "JI-SLC",
        "GIN",
        "2019-03-01",
        12,
        "male",
        "25-34",
        "economic",
        "individual",
        "direct",
        0.5,
        0.5,
        0.5,
    ),
    (
        "T3",
        "JI-SLC",
        "GIN",
        "2019-05-01",
        12,
        "male",
        "18-24",
        "social",
        "community",
        "referral",
        0.2,
        0.4,
        0.3,
    ),
    (
        "T4",
        "JI-SLC",
        "MLI",
        "2019-05-01",
        3,
        "male",
        "35-44",
        "economic",
        "individual",
        "direct",
        0.9,
        0.8,
        0.7,
    ),
    (
        "T5",
        "JI-HOA",
        "ETH",
        "2020-08-01",
        6,
        "female",
        "45+",
        "psychosocial",
        "structural",
        "referral",
        0.3,
        0.6,
        0.6,
    ),
    (
        "T6",
        "PILOT",
        "MWI",
        "2019-06-01",
        18,
        "female",
        "25-34",
        "economic",
        "individual",
        "direct",
        0.4,
        0.9,
        0.5,
    ),
    (
        "T7",
        "PILOT",
        "MOZ",
        "2019-06-01",
        18,
        "male",
        "25-34",
        "multidimensional",
        "community",
        "direct",
        0.7,
        0.5,
        0.9,
    ),
]


def write_tiny_store(path: Path) -> Path:
    """A store with the real reference data and the literal fact rows above."""
    connection = connect_writable(path)
    schema.create_schema(connection)
    load_reference(connection)
    schema.record_batch(
        connection,
        {
            "batch_id": 1,
            "origin": "import",
            "table_name": "indicator_values",
            "file_name": "tiny_indicators.csv",
            "sha256": None,
            "row_count": len(TINY_INDICATORS),
            "description": "test rows",
        },
    )
    schema.record_batch(
        connection,
        {
            "batch_id": 2,
            "origin": "import",
            "table_name": "survey_responses",
            "file_name": "tiny_survey.csv",
            "sha256": None,
            "row_count": len(TINY_SURVEYS),
            "description": "test rows",
        },
    )
    indicators = pd.DataFrame(TINY_INDICATORS, columns=list(schema.INDICATOR_COLUMNS[:-1]))
    indicators["period"] = pd.to_datetime(indicators["period"]).dt.date
    indicators["value"] = indicators["value"].astype(float)
    schema.insert_frame(connection, "indicator_values", indicators.assign(batch_id=1))
    surveys = pd.DataFrame(
        TINY_SURVEYS,
        columns=[
            "survey_id",
            "action_code",
            "iso3",
            "survey_date",
            "months_since_return",
            "sex",
            "age_group",
            "assistance_type",
            "assistance_level",
            "referral",
            "economic_score",
            "social_score",
            "psychosocial_score",
        ],
    )
    surveys["survey_date"] = pd.to_datetime(surveys["survey_date"]).dt.date
    surveys["respondent_id"] = surveys["survey_id"]
    surveys["composite_score"] = (
        surveys[["economic_score", "social_score", "psychosocial_score"]].sum(axis=1) / 3
    ).round(4)
    surveys["composite_computed"] = True
    schema.insert_frame(connection, "survey_responses", surveys.assign(batch_id=2))
    refresh_survey_aggregates(connection)
    refresh_release(connection, seed=TEST_RELEASE_SEED)
    release_the_records_themselves(connection)
    schema.set_store_info(
        connection, {"data_origin": "imported", "built_at": dt.datetime(2026, 1, 1).isoformat()}
    )
    connection.close()
    return path


def release_the_records_themselves(connection) -> None:
    """Replace a test store's protected release by its survey records (weight 1, unprotected).

    Only for the tiny literal store: its tests assert the page's arithmetic, formatting and
    suppression on literal values through the release's own tables and code path. What the
    release protects is tested on demo stores with real releases (tests/test_release*.py,
    tests/test_disclosure_attacks.py).
    """
    connection.execute("DELETE FROM release_records")
    connection.execute("""
        INSERT INTO release_records
        SELECT dense_rank() OVER (ORDER BY respondent_id), row_number() OVER (ORDER BY survey_id), action_code, iso3,
               survey_date, months_since_return, sex, age_group, assistance_type, assistance_level, referral,
               economic_score, social_score, psychosocial_score, composite_score, 1.0
        FROM survey_responses""")
    build_cells(connection, RELEASE_CELLS)


@pytest.fixture(scope="session")
def tiny_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of the tiny literal store (read-only use)."""
    return write_tiny_store(tmp_path_factory.mktemp("tiny") / "tiny.duckdb")


@pytest.fixture(scope="session")
def tiny_cursor(tiny_store_path: Path):
    """A read-only cursor on the tiny store."""
    store = ReadOnlyStore(tiny_store_path)
    yield store.cursor()
    store.close()


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo store (5,000 survey records), shared by the browser tests."""
    return build_store(
        tmp_path_factory.mktemp("demo") / "demo.duckdb",
        demo=True,
        seed=7,
        rows=5_000,
        release_seed=TEST_RELEASE_SEED,
    )


@pytest.fixture()
def writable_copy(tiny_store_path: Path, tmp_path: Path) -> Path:
    """A private copy of the tiny store that a test may write to."""
    copy = tmp_path / "store.duckdb"
    shutil.copy(tiny_store_path, copy)
    return copy


# Tests send many requests from one client in a second: rate limits a person never reaches, unless
# a test sets its own.
TEST_RATES = {
    "api_rate": "100000/minute",
    "embed_rate": "100000/minute",
    "export_rate": "100000/minute",
}


# The audit log goes next to the users file; tests that keep the default users file (data/) write
# their audit entries here instead of into the working tree.
TEST_AUDIT_LOG = Path(tempfile.gettempdir()) / f"euiom-tests-{os.getuid()}" / "audit.jsonl"


def settings_for(store_path: Path, **overrides: object) -> Settings:
    """Default settings pointed at ``store_path`` (rate limits out of the way)."""
    if "users_file" not in overrides:
        overrides.setdefault("audit_log", TEST_AUDIT_LOG)
    return replace(load_settings({}), store_path=store_path, **{**TEST_RATES, **overrides})


# ---------------------------------------------------------------- browser
@dataclass
class LiveServer:
    """The real app served on a free loopback port."""

    url: str
    server: object = field(repr=False)
    thread: threading.Thread = field(repr=False)


def start_server(app) -> LiveServer:
    """Serve a Dash app with werkzeug on 127.0.0.1 in a background thread."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return LiveServer(f"http://127.0.0.1:{server.server_port}", server, thread)


@pytest.fixture(scope="session")
def live_server(demo_store_path: Path) -> Iterator[LiveServer]:
    """The dashboard on the small demo store."""
    from dashboard.app import create_app

    live = start_server(create_app(settings_for(demo_store_path)))
    yield live
    live.server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium (make test does)")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@dataclass
class PageWatch:
    """What a page did that a user would not want: console errors and requests leaving the machine."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)


@pytest.fixture()
def page(browser, request):
    """A fresh browser page (1400x900) that records console errors and blocks non-local requests.

    The record is on ``page.watch``; a screenshot is saved to test-artifacts/ when a test fails.
    """
    # Tools a test injects (axe-core) need the app's content security policy lifted.
    bypass_csp = request.node.get_closest_marker("inject_scripts") is not None
    context = browser.new_context(
        viewport={"width": 1400, "height": 900}, accept_downloads=True, bypass_csp=bypass_csp
    )
    new_page = context.new_page()
    watch = PageWatch()

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            watch.outside_requests.append(url)
            route.abort()

    new_page.route("**/*", guard)
    new_page.on(
        "console",
        lambda message: message.type == "error" and watch.console_errors.append(message.text),
    )
    new_page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    new_page.on(
        "response",
        lambda response: (
            response.status >= 500
            and watch.failed_responses.append(f"{response.status} {response.url}")
        ),
    )
    new_page.watch = watch
    yield new_page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        artifacts = Path(__file__).resolve().parent.parent / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        new_page.screenshot(path=str(artifacts / f"{request.node.name}.png"), full_page=True)
    context.close()


def pytest_collection_modifyitems(items):
    """Browser tests get up to two more tries, and only when a wait timed out.

    Headless Chromium on two shared cores sometimes misses a 30 s wait; a wrong value (an
    AssertionError) still fails at once.
    """
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.flaky(reruns=2, only_rerun=["TimeoutError"]))


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item (for failure screenshots)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


# No callback of the Dash renderer waiting, running or being applied (its store is on window).
CALLBACKS_IDLE_JS = """
() => {
    if (document.querySelector('[data-dash-is-loading="true"]')) { return false; }
    const state = window.store && window.store.getState && window.store.getState();
    if (!state || !state.callbacks) { return true; }
    return ['requested', 'prioritized', 'blocked', 'executing', 'watched', 'executed', 'stored']
        .every(queue => !(state.callbacks[queue] || []).length);
}
"""


def wait_for_dash(page, timeout: float = 20_000) -> None:
    """Wait until Dash has rendered and no callback is pending."""
    page.wait_for_selector("#shell-page-content", timeout=timeout)
    page.wait_for_function(CALLBACKS_IDLE_JS, timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_function(CALLBACKS_IDLE_JS, timeout=timeout)
    # Plotly draws after Dash has the figure: wait until every graph on the page has drawn.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.dash-graph')].every(g => g.querySelector('.main-svg'))",
        timeout=timeout,
    )
