"""Store directories: imports and rollbacks go live in a serving app without a restart or a failed
request; two changes at once are refused; unusable stores give one line naming the fix."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest
from test_importer import GOOD_SURVEY_ROWS, SURVEY_HEADER, write

from dashboard.app import create_app
from dashboard.build import history_log, rollbacks, versions
from dashboard.build.importer import import_file
from dashboard.build.stores import build_store
from dashboard.store.context import AppContext
from dashboard.store.files import StoreError, connect_writable

from conftest import settings_for

ROOT = Path(__file__).resolve().parent.parent
INDICATOR_FILE = [
    "action_code,iso3,period,sex,indicator_code,value",
    "JI-SLC,SEN,2021-Q2,female,returns_assisted,12345",
]


def undo_import(store_dir: Path, entry_id: int, user: str) -> str:
    """Roll back an import as the command line does; returns the version served again."""
    plan = rollbacks.plan_undo(rollbacks.read_state(store_dir), entry_id)
    return rollbacks.carry_out(store_dir, plan, user)["version"]


@pytest.fixture()
def store_dir(tmp_path: Path) -> Path:
    """A store directory holding one empty version (reference data only)."""
    directory = tmp_path / "store"
    build_store(directory, demo=False)
    return directory


def banner(client) -> str:
    return client.get("/_dash-layout").get_data(as_text=True)


def test_a_command_line_import_goes_live_in_a_serving_app(store_dir, tmp_path):
    app = create_app(settings_for(store_dir, store_check_seconds=0))
    client = app.server.test_client()
    context = app.server.config["EUIOM_CONTEXT"]
    assert "holds no indicator or survey data" in banner(client)
    first = context.version_name
    file = write(tmp_path / "returns.csv", INDICATOR_FILE)
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "import", str(file), "--store", str(store_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "EUIOM_STORE": str(store_dir)},
    )
    assert done.returncode == 0, done.stderr
    assert "from returns.csv: history entry #2, version store-000002" in done.stdout
    assert "Imported data: indicator values from returns.csv." in banner(
        client
    )  # the kind it brought
    assert context.version_name == "store-000002" != first


def test_a_request_keeps_its_version_while_the_app_switches(store_dir, tmp_path):
    context = AppContext(settings_for(store_dir, store_check_seconds=0))
    started, finish, seen = threading.Event(), threading.Event(), []

    def long_request():
        context.pin()
        started.set()
        finish.wait(10)
        seen.append(
            (
                context.version_name,
                context.cursor().execute("SELECT count(*) FROM indicator_values").fetchone()[0],
            )
        )
        context.release()

    worker = threading.Thread(target=long_request)
    worker.start()
    started.wait(10)
    import_file(store_dir, write(tmp_path / "a.csv", INDICATOR_FILE))
    assert context.refresh(force=True)
    context.pin()
    assert (
        context.version_name,
        context.cursor().execute("SELECT count(*) FROM indicator_values").fetchone()[0],
    ) == ("store-000002", 1)
    context.release()
    finish.set()
    worker.join(10)
    assert seen == [("store-000001", 0)], "the request in flight switched versions or failed"


def test_rollback_serves_the_store_as_it_was_before_the_import(store_dir, tmp_path):
    context = AppContext(settings_for(store_dir, store_check_seconds=0))
    assert context.catalog.data_origin == "empty"
    import_file(store_dir, write(tmp_path / "a.csv", INDICATOR_FILE), user="amina")
    context.refresh(force=True)
    assert context.catalog.data_origin == "imported"
    entry = history_log.read_entries(store_dir)[-1]
    assert (entry["action"], entry["user"], entry["file"], entry["rows"], entry["previous"]) == (
        "import",
        "amina",
        "a.csv",
        1,
        "store-000001",
    )
    assert len(entry["sha256"]) == 64
    assert undo_import(store_dir, entry["id"], "amina") == "store-000001"
    context.refresh(force=True)
    assert context.version_name == "store-000001" and context.catalog.data_origin == "empty"
    assert history_log.read_entries(store_dir)[-1]["action"] == "rollback"


def test_a_second_change_at_the_same_time_is_refused_and_writes_nothing(store_dir, tmp_path):
    with (
        versions.exclusive(store_dir, "an import of first.csv", "amina"),
        pytest.raises(StoreError, match="being changed by an import of first.csv by amina"),
    ):
        import_file(store_dir, write(tmp_path / "b.csv", INDICATOR_FILE))
    assert versions.version_names(store_dir) == ["store-000001.duckdb"]
    assert import_file(store_dir, tmp_path / "b.csv").version == "store-000002"


def test_only_the_last_versions_are_kept(store_dir, tmp_path):
    for year in range(2016, 2021):
        import_file(
            store_dir,
            write(
                tmp_path / f"{year}.csv",
                [INDICATOR_FILE[0], INDICATOR_FILE[1].replace("2021", str(year))],
            ),
            keep=3,
        )
    assert versions.version_names(store_dir) == [
        "store-000004.duckdb",
        "store-000005.duckdb",
        "store-000006.duckdb",
    ]
    with pytest.raises(StoreError, match="no longer kept"):
        undo_import(store_dir, 2, "amina")


def test_a_broken_new_version_is_not_switched_to(store_dir):
    context = AppContext(settings_for(store_dir, store_check_seconds=0))
    assert context.version_name == "store-000001"
    (store_dir / "store-000002.duckdb").write_bytes(b"not a database" * 100)
    versions.point_to(store_dir, "store-000002.duckdb")
    assert not context.refresh(force=True)
    assert context.version_name == "store-000001" and context.catalog.data_origin == "empty"


def test_a_refused_import_leaves_no_new_version(store_dir, tmp_path):
    from dashboard.build.importer import ImportRefused

    with pytest.raises(ImportRefused):
        import_file(
            store_dir,
            write(tmp_path / "bad.csv", [INDICATOR_FILE[0], "JI-SLC,SEN,2021-Q2,female,x,1"]),
        )
    assert sorted(path.name for path in store_dir.iterdir() if not path.name.startswith(".")) == [
        "current",
        "history.head",
        "history.jsonl",
        "store-000001.duckdb",
    ]


# ---------------------------------------------------------------- unusable stores: one line, with the fix
def one_line_store_error(settings) -> str:
    with pytest.raises(StoreError) as caught:
        _ = AppContext(settings).catalog
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_unusable_stores_are_named_with_their_fix_at_server_start(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "notes.txt").write_text("x")
    assert "not a store directory" in one_line_store_error(settings_for(plain))
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"\x00garbage" * 1000)
    assert "build-demo" in one_line_store_error(settings_for(corrupt))
    foreign = tmp_path / "foreign.duckdb"
    connection = duckdb.connect(str(foreign))
    connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.close()
    assert "another application's database" in one_line_store_error(settings_for(foreign))
    assert "No store at" in one_line_store_error(settings_for(tmp_path / "missing.duckdb"))


def test_unusable_stores_are_named_with_their_fix_at_import(tmp_path, tiny_store_path):
    file = write(tmp_path / "s.csv", [SURVEY_HEADER, *GOOD_SURVEY_ROWS])
    foreign = tmp_path / "foreign.duckdb"
    duckdb.connect(str(foreign)).close()
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"\x00garbage" * 1000)
    plain = tmp_path / "plain"
    plain.mkdir()
    for store, expected in (
        (foreign, "another application's database"),
        (corrupt, "is another kind of file, not a DuckDB database"),
        (plain, "not a store directory"),
        (tmp_path / "none.duckdb", "No store at"),
    ):
        with pytest.raises(StoreError) as caught:
            import_file(store, file)
        assert expected in str(caught.value) and "\n" not in str(caught.value), caught.value


def test_a_single_file_store_locked_by_another_process_is_named(tmp_path, tiny_store_path):
    """Another process writing the store (here: a Python child holding it open) locks it."""
    import shutil

    store = tmp_path / "locked.duckdb"
    shutil.copy(tiny_store_path, store)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
            "print('open', flush=True); time.sleep(60)",
            str(store),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError) as caught:
            import_file(store, write(tmp_path / "s.csv", [SURVEY_HEADER, *GOOD_SURVEY_ROWS]))
        message = str(caught.value)
        assert (
            "locked by another process" in message
            and "store directory" in message
            and "\n" not in message
        )
        assert f"PID {holder.pid}" in message
        at_start = one_line_store_error(settings_for(store))
        assert "locked by another process" in at_start and "wait for it to finish" in at_start
    finally:
        holder.kill()
        holder.wait()


def test_a_read_only_store_is_named(tmp_path, tiny_store_path):
    from dashboard.store.files import explain_open_error

    message = explain_open_error(
        tmp_path / "s.duckdb", PermissionError(13, "Permission denied"), writing=True
    )
    assert "cannot be written (permission denied)" in message
    if os.geteuid() == 0:
        pytest.skip("root writes read-only files: the real check needs an ordinary user")
    import shutil

    store = tmp_path / "ro.duckdb"
    shutil.copy(tiny_store_path, store)
    store.chmod(0o444)
    with pytest.raises(StoreError, match="permission denied"):
        connect_writable(store)


def test_dev_server_never_builds_a_demo_store_at_an_explicit_path(tmp_path):
    missing = tmp_path / "mine"
    done = subprocess.run(
        [sys.executable, "run.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "EUIOM_STORE": str(missing), "EUIOM_PORT": "1"},
    )
    assert done.returncode == 2
    assert "Store error: No store at" in done.stderr and "Traceback" not in done.stderr
    assert not missing.exists()


def test_gunicorn_entry_stops_with_one_line_on_an_unusable_store(tmp_path):
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"\x00garbage" * 1000)
    done = subprocess.run(
        [sys.executable, "-c", "import dashboard.wsgi"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "EUIOM_STORE": str(corrupt)},
    )
    assert done.returncode == 4
    assert (
        done.stderr.strip().startswith("Store error: The store") and "Traceback" not in done.stderr
    )
    assert len(done.stderr.strip().splitlines()) == 1


def test_no_request_fails_while_versions_switch_under_concurrent_requests(store_dir, tmp_path):
    """Eight threads read pages while imports and a rollback switch the served version underneath."""
    app = create_app(settings_for(store_dir, store_check_seconds=0))
    statuses, stop = [], threading.Event()

    def reader():
        client = app.server.test_client()
        while not stop.is_set() and len(statuses) < 2_000:
            statuses.append(client.get("/_dash-layout").status_code)

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for thread in threads:
        thread.start()
    try:
        for year in (2017, 2018, 2019):
            import_file(
                store_dir,
                write(
                    tmp_path / f"{year}.csv",
                    [INDICATOR_FILE[0], INDICATOR_FILE[1].replace("2021", str(year))],
                ),
            )
        undo_import(store_dir, history_log.read_entries(store_dir)[-1]["id"], "amina")
    finally:
        stop.set()
        for thread in threads:
            thread.join(30)
    client = app.server.test_client()
    assert "2019.csv" not in banner(client) and "2018.csv" in banner(client)
    assert len(statuses) >= 50 and set(statuses) == {200}, (len(statuses), set(statuses))
