"""What leaves the server: the protected release's parameters, never a secret or a raw record.

Every route and format that carries survey figures is fetched from a demo store whose release
seed is known to the test: every chart of the API in JSON and CSV (every survey grouping), the
reference tables, the download-all zip (each CSV, Parquet, data dictionary and provenance file,
with and without HXL), every embed, the OpenAPI document and the API's page, every page's layout
and the CSV and Excel downloads of every chart. None may hold the seed (in decimal or hex), the
name of a secret, a survey or respondent id, or a salt of the retired cell key method. Plus: exact
mode refuses to start in the open mode.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard.app import create_app
from dashboard.build.stores import build_store
from dashboard.settings import SettingsError, load_settings
from dashboard.site import SITE, all_charts
from dashboard.sustainability.queries import GROUPINGS

from conftest import settings_for

SEED = 0x5EC2E7D00DFEED1234567890ABCDEF
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_store(
        tmp_path_factory.mktemp("secrets") / "demo.duckdb",
        demo=True,
        seed=5,
        rows=3_000,
        release_seed=SEED,
    )


@pytest.fixture(scope="module")
def secrets(store) -> list[str]:
    connection = duckdb.connect(str(store), read_only=True)
    try:
        ids = connection.execute("""SELECT survey_id FROM survey_responses USING SAMPLE 150 ROWS (reservoir, 1)
                                    UNION ALL SELECT respondent_id FROM survey_responses
                                              USING SAMPLE 150 ROWS (reservoir, 2)""").fetchall()
        kept = connection.execute("SELECT value FROM release_secret").fetchall()
    finally:
        connection.close()
    assert [row[0] for row in kept] == [str(SEED)]
    return [
        str(SEED),
        f"{SEED:x}",
        f"{SEED:X}",
        "release_secret",
        "release_seed",
        "cell_key_salt",
        *(row[0] for row in ids),
    ]


def texts_of(response) -> list[str]:
    """The response body as text, and every member of a zip (Parquet read back as a table too)."""
    body = response.data
    if response.mimetype != "application/zip":
        return [body.decode("utf-8", errors="replace")]
    texts = []
    archive = zipfile.ZipFile(io.BytesIO(body))
    for name in archive.namelist():
        member = archive.read(name)
        texts.append(member.decode("utf-8", errors="replace"))
        if name.endswith(".parquet"):
            texts.append(pd.read_parquet(io.BytesIO(member)).to_csv())
    return texts


def test_no_route_or_format_lets_a_secret_or_a_raw_record_out(store, secrets):
    app = create_app(settings_for(store))
    client = app.server.test_client()
    urls = [
        "/api/v1/charts",
        "/api/v1/openapi.json",
        "/api/v1/docs",
        "/api/v1/docs?lang=fr",
        "/api/v1/download.zip",
        "/api/v1/download.zip?hxl=1&lang=fr",
        "/_dash-layout",
    ]
    for chart in all_charts().values():
        urls += [
            f"/api/v1/charts/{chart.key}",
            f"/api/v1/charts/{chart.key}?format=csv",
            f"/embed/{chart.key}",
        ]
        if chart.page == "sustainability":
            for grouping in GROUPINGS:
                urls += [
                    f"/api/v1/charts/{chart.key}?group={grouping}&format=csv",
                    f"/embed/{chart.key}?group={grouping}&lang=fr",
                ]
    reference = client.get("/api/v1/charts").get_json()
    urls += [
        link for link in json.dumps(reference).split('"') if link.startswith("/api/v1/reference/")
    ]
    for page in ("/", "/pillars", "/sustainability", "/about"):
        urls.append(page)
    checked = 0
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 304), url
        for text in texts_of(response):
            leaked = [secret for secret in secrets if secret in text]
            assert not leaked, (url, leaked[:3])
            checked += 1
    provenance = json.loads(
        zipfile.ZipFile(io.BytesIO(client.get("/api/v1/download.zip").data)).read("provenance.json")
    )
    release = provenance["disclosure_control"]["protected_release"]
    assert release["rho"] == 0.5 and release["mechanism"] and release["measurements"]
    assert set(provenance["store"]) <= {
        "schema_version",
        "data_origin",
        "demo_seed",
        "demo_rows",
        "built_at",
    }
    assert checked > 200


def test_chart_downloads_table_views_and_image_footers_hold_no_secret(store, secrets):
    """The CSV and Excel files of every chart (what the download buttons send), their table views
    and the footers written into PNG and SVG images."""
    import datetime as dt

    from callbacks import exports
    from dashboard.common.exports import to_csv_bytes, to_excel_bytes
    from dashboard.store.context import AppContext

    context = AppContext(settings_for(store))
    today = dt.date(2026, 12, 6)
    for chart in all_charts().values():
        _, request, frame = exports.chart_data(context, all_charts(), chart.key, {}, [{}], "en")
        header = exports.export_header(context, chart, request, today)
        texts = [
            to_csv_bytes(frame, header).decode("utf-8-sig"),
            str(exports.table_view(frame, "caption", "en")),
        ]
        workbook = pd.read_excel(
            io.BytesIO(to_excel_bytes(frame, header, about_sheet="About")),
            sheet_name=None,
            header=None,
        )
        texts += [sheet.to_csv() for sheet in workbook.values()]
        for text in texts:
            assert not [secret for secret in secrets if secret in text], chart.key
    for page in ("/", "/pillars", "/sustainability"):
        footers = json.dumps(
            exports.export_footers(context, SITE, {}, [{}], "fr", page, today), ensure_ascii=False
        )
        assert not [secret for secret in secrets if secret in footers]


def test_exact_mode_refuses_to_start_in_the_open_mode(tmp_path):
    with pytest.raises(SettingsError, match="EUIOM_DISCLOSURE=exact needs sign-in"):
        load_settings({"EUIOM_DISCLOSURE": "exact"})
    load_settings(
        {"EUIOM_DISCLOSURE": "exact", "EUIOM_AUTH": "users", "EUIOM_SECRET_KEY": "k" * 32}
    )
    started = subprocess.run(
        [sys.executable, "run.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={
            "PATH": "/usr/bin:/bin",
            "EUIOM_DISCLOSURE": "exact",
            "EUIOM_STORE": str(tmp_path / "none.duckdb"),
        },
    )
    assert started.returncode != 0
    lines = started.stderr.strip().splitlines()
    assert len(lines) == 1 and "EUIOM_DISCLOSURE=exact needs sign-in" in lines[0]


@pytest.mark.parametrize("rho", ["0.6", "1", "0", "-1", "lots"])
def test_a_looser_budget_is_refused(rho):
    with pytest.raises(SettingsError, match="EUIOM_RELEASE_RHO"):
        load_settings({"EUIOM_RELEASE_RHO": rho})
    assert load_settings({"EUIOM_RELEASE_RHO": "0.25"}).release_rho == 0.25


def test_survey_file_names_and_row_counts_reach_data_managers_only(tmp_path):
    """An imported survey file's row count is an exact figure of the survey outside the release, and
    its name can say who was surveyed where: the About page, the banner, the kinds of data, the API
    and the zip name indicator files only and count survey files; a data manager sees both."""
    from test_release_lifecycle import survey_file

    from dashboard.build.importer import import_file

    from auth_helpers import SECRET, SignedInClient, page_body, write_users

    directory = tmp_path / "store"
    build_store(directory, demo=False)
    indicators = tmp_path / "indicators-2021.csv"
    indicators.write_text(
        "action_code,iso3,period,sex,indicator_code,value\n"
        "JI-SLC,SEN,2021-Q2,female,returns_assisted,12\n"
    )
    import_file(directory, indicators)
    import_file(directory, survey_file(tmp_path / "returnees-Dakar-women-2021.csv"))
    users = write_users(tmp_path / "users.json")
    app = create_app(
        settings_for(directory, auth_mode="users", secret_key=SECRET, users_file=users)
    )

    def seen(client) -> str:
        answers = [
            client.post("/_dash-update-component", json=page_body(path)).get_data(as_text=True)
            for path in ("/about", "/sustainability", "/")
        ]
        answers.append(client.get("/").get_data(as_text=True))  # the shell: banner
        api = client.get("/api/v1/charts/sustainability-means")
        if api.status_code == 200:  # roles that may download
            answers.append(json.dumps(api.get_json()))
            with zipfile.ZipFile(io.BytesIO(client.get("/api/v1/download.zip").data)) as bundle:
                answers.append(bundle.read("provenance.json").decode())
        return "\n".join(answers)

    for name in ("vera", "ana"):
        shown = seen(SignedInClient(app, name))
        assert "returnees-Dakar-women-2021" not in shown, name
        assert "a survey file" in shown and "indicators-2021.csv" in shown
        assert (
            "its name and row count are shown to data managers" in shown
        )  # About: no survey row count
        assert ('"filters_text"' in shown) is (name == "ana")  # the API answer and zip were read
    about = (
        SignedInClient(app, "dana")
        .post("/_dash-update-component", json=page_body("/about"))
        .get_data(as_text=True)
    )
    assert "returnees-Dakar-women-2021.csv" in about and "shown to data managers" not in about
    # The About page's row of a survey batch, for a data manager and for anyone else.
    from types import SimpleNamespace

    from dashboard.about.layout import batch_row

    batch = SimpleNamespace(
        origin="import",
        table_name="survey_responses",
        file_name="returnees.csv",
        description="imported survey file",
        row_count=1234,
        loaded_at="2026-12-06 10:00:00",
    )
    assert batch_row(batch, "en", manager=True)[:3] == [
        "returnees.csv",
        "survey_responses",
        "1,234",
    ]
    assert batch_row(batch, "en", manager=False)[2] == "–"
