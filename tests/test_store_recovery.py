"""What goes wrong outside the app ends in one line naming the cause and the fix, and loses nothing:
a killed import's leftovers are cleaned at the next start or import (only when its process is
dead), a damaged pointer is repaired by the command its error advises, a full disk during the
DuckDB write leaves the store as it was, an unwritable cache directory turns the cache off, and a
text file given as the store stops the server with one line."""

from __future__ import annotations

import logging
import os
import random
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_importer import SURVEY_HEADER, write

from dashboard.build import history_log, versions
from dashboard.build.importer import import_file
from dashboard.build.stores import build_store
from dashboard.store.files import current_version_name

from conftest import settings_for

ROOT = Path(__file__).resolve().parent.parent
INDICATORS = [
    "action_code,iso3,period,sex,indicator_code,value",
    "JI-SLC,SEN,2021-Q2,female,returns_assisted,12",
]


def survey_file(path: Path, rows: int) -> Path:
    """A survey file of ``rows`` valid records (large enough to take a while to check and write)."""
    pick = random.Random(3)
    lines = [SURVEY_HEADER]
    for number in range(rows):
        action, country = (("JI-SLC", "SEN"), ("JI-HOA", "ETH"))[number % 2]
        lines.append(
            f"K{number},P{number},{action},{country},2021-0{1 + number % 9}-15,{6 + number % 12},"
            f"{('female', 'male')[number % 2]},{('18-24', '25-34', '35-44', '45+')[number % 4]},economic,"
            f"individual,direct,{pick.random():.3f},{pick.random():.3f},{pick.random():.3f},"
        )
    return write(path, lines)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(
    *args: str, store: Path | None = None, port: int | None = None, **kwargs
) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        **({"EUIOM_STORE": str(store)} if store else {}),
        "EUIOM_PORT": str(port or free_port()),
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        **kwargs,
    )


@pytest.fixture()
def store_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "store"
    build_store(directory, demo=False)
    return directory


def kill_an_import_halfway(store: Path, file: Path) -> int:
    """Start ``python -m dashboard import`` and SIGKILL it once its partial version exists."""
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "import", str(file), "--store", str(store)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not versions.leftovers(store) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.005)
    assert process.poll() is None, "the import ended before it could be killed: use a larger file"
    time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    return process.pid


@pytest.mark.parametrize("cleaned_by", ["the next start", "the next import"])
def test_a_killed_import_leaves_nothing_once_the_store_is_used_again(
    store_dir, tmp_path, cleaned_by
):
    pid = kill_an_import_halfway(store_dir, survey_file(tmp_path / "big.csv", 150_000))
    left = versions.leftovers(store_dir)
    assert [path.name for path in left] == ["store-000002.duckdb.partial"] and left[
        0
    ].stat().st_size > 10 * 2**20
    assert f"(PID {pid})" in (store_dir / versions.LOCK_NAME).read_text()
    assert current_version_name(store_dir) == "store-000001.duckdb"

    if cleaned_by == "the next start":
        from dashboard.app import create_app

        client = create_app(settings_for(store_dir)).server.test_client()
        assert client.get("/").status_code == 200
    else:
        import_file(store_dir, write(tmp_path / "a.csv", INDICATORS), user="amina")
    assert versions.leftovers(store_dir) == []
    assert (store_dir / versions.LOCK_NAME).read_text() == ""
    cleanup = next(
        entry for entry in history_log.read_entries(store_dir) if entry["action"] == "cleanup"
    )
    assert f"an import of big.csv by command line (PID {pid})" in cleanup["note"]
    assert (
        "was interrupted (the process has ended); removed store-000002.duckdb.partial"
        in cleanup["note"]
    )
    assert cleanup["version"] == "store-000001"


KILLED_AFTER = {
    # killed once its version was renamed into place, before .current.next was written
    "the rename": "versions.switch = lambda *args, **kwargs: os._exit(9)",
    # killed once .current.next was written, before the history entry
    "the next pointer": "history_log.append_entry = lambda *args, **kwargs: os._exit(9)",
}


@pytest.mark.parametrize("moment", KILLED_AFTER)
def test_a_version_an_import_killed_late_never_recorded_is_removed_with_an_entry(
    store_dir, tmp_path, moment
):
    """Before: the version file stayed, named in no history entry, and its name was given again."""
    small = write(tmp_path / "a.csv", INDICATORS)
    script = (
        "import os, sys\nfrom dashboard.build import history_log, versions\n"
        f"{KILLED_AFTER[moment]}\n"
        "from pathlib import Path\nfrom dashboard.build.importer import import_file\n"
        f"import_file(Path({str(store_dir)!r}), Path({str(small)!r}), user='amina')\n"
    )
    killed = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert killed.returncode == 9, killed.stderr
    assert (store_dir / "store-000002.duckdb").exists() and current_version_name(
        store_dir
    ) == "store-000001.duckdb"

    versions.clean_at_start(store_dir)
    assert versions.version_names(store_dir) == ["store-000001.duckdb"]
    assert not (store_dir / versions.NEXT_POINTER_NAME).exists()
    cleanup = history_log.read_entries(store_dir)[-1]
    assert cleanup["action"] == "cleanup" and cleanup["removed_versions"] == ["store-000002"]
    assert (
        "removed store-000002.duckdb" in cleanup["note"]
        and "never recorded in the history" in cleanup["note"]
    )
    import_file(store_dir, small, user="amina")
    assert current_version_name(store_dir) == "store-000003.duckdb"  # a name never given twice


def test_a_version_the_history_never_made_is_kept_when_it_is_served(store_dir):
    """A version copied in by hand and named in current is the store's data, not a leftover."""
    shutil.copyfile(store_dir / "store-000001.duckdb", store_dir / "store-000005.duckdb")
    versions.point_to(store_dir, "store-000005.duckdb")
    (store_dir / versions.LOCK_NAME).write_text(
        "an import of x.csv by amina (PID 999999) since 10:00:00 UTC"
    )
    versions.clean_at_start(store_dir)
    assert "store-000005.duckdb" in versions.version_names(store_dir)
    assert history_log.read_entries(store_dir)[-1]["action"] == "outside"


def test_leftovers_of_a_process_still_alive_are_kept(store_dir):
    """A lock text naming a live process (its PID reused, or another machine) is left as it is."""
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (store_dir / versions.LOCK_NAME).write_text(
            f"an import of x.csv by amina (PID {alive.pid}) since 10:00:00 UTC"
        )
        partial = store_dir / "store-000002.duckdb.partial"
        partial.write_bytes(b"half a store")
        versions.clean_at_start(store_dir)
        assert partial.exists()
        assert [entry["action"] for entry in history_log.read_entries(store_dir)] == ["build"]
    finally:
        alive.kill()
        alive.wait()


@pytest.mark.parametrize(
    "pointer", ["garbage\n", "store-000009.duckdb\n", "../../etc/passwd\n", None]
)
def test_the_fix_a_damaged_pointer_advises_works(store_dir, tmp_path, pointer):
    """A damaged or deleted (None) pointer: the command the error advises repairs it."""
    import_file(store_dir, write(tmp_path / "a.csv", INDICATORS), user="amina")
    if pointer is None:
        (store_dir / "current").unlink()
    else:
        (store_dir / "current").write_text(pointer)
    refused = run("run.py", store=store_dir)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    advice = f"python -m dashboard rollback --store {store_dir}"
    assert advice in refused.stderr

    fixed = run("-m", "dashboard", "rollback", "--store", str(store_dir))
    assert fixed.returncode == 0, fixed.stderr
    assert (
        "The store pointer is damaged" in fixed.stdout
        and "serves store-000002 again" in fixed.stdout
    )
    assert current_version_name(store_dir) == "store-000002.duckdb"
    last = history_log.read_entries(store_dir)[-1]
    assert (last["action"], last["version"], last["repairs"].startswith("The store pointer")) == (
        "rollback",
        "store-000002",
        True,
    )
    from dashboard.app import create_app

    assert (
        create_app(settings_for(store_dir)).server.config["EUIOM_CONTEXT"].version_name
        == "store-000002"
    )


def full_disk_store(tmp_path: Path) -> Path:
    """A store directory on a tmpfs with room for one more copy of its version and little else."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    size = 2 * build_store(tmp_path / "probe", demo=False).stat().st_size + 2**20
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(
            f"cannot mount a small tmpfs here ({done.stderr.decode().strip()}): the RLIMIT_FSIZE test covers it"
        )
    build_store(mount / "store", demo=False)
    return mount


def assert_unchanged(store: Path, log_before: bytes) -> None:
    assert versions.leftovers(store) == []
    assert sorted(path.name for path in store.iterdir() if path.name.startswith("store-")) == [
        "store-000001.duckdb"
    ]
    assert current_version_name(store) == "store-000001.duckdb"
    assert history_log.log_path(store).read_bytes() == log_before


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("mount") is None, reason="mounting a tmpfs needs root"
)
def test_a_full_disk_during_the_duckdb_write_is_one_line_and_writes_nothing(tmp_path):
    from dashboard.imports.callbacks import confirm_import
    from dashboard.store.context import AppContext

    mount = full_disk_store(tmp_path)
    store = mount / "store"
    try:
        log_before = history_log.log_path(store).read_bytes()
        big = survey_file(tmp_path / "big.csv", 100_000)
        done = run("-m", "dashboard", "import", str(big), "--store", str(store))
        assert (
            done.returncode == 1
            and "Traceback" not in done.stderr
            and len(done.stderr.strip().splitlines()) == 1
        )
        assert "no space left on the device" in done.stderr and "nothing was changed" in done.stderr
        assert_unchanged(store, log_before)

        import base64

        context = AppContext(settings_for(store, store_check_seconds=0))
        upload = "data:text/csv;base64," + base64.b64encode(big.read_bytes()).decode()
        said, _, _ = confirm_import(context, 1, upload, "big.csv", "auto", False, "en", 0)
        assert "Nothing was imported: Cannot write" in str(
            said.children
        ) and "no space left" in str(said.children)
        assert_unchanged(store, log_before)
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("mount") is None, reason="mounting a tmpfs needs root"
)
def test_a_disk_too_full_for_the_lock_text_is_one_line_and_writes_nothing(
    tmp_path, tiny_store_path
):
    """Before: the lock file's text could not be written (ENOSPC at its flush) and the import page
    answered 500."""
    from dashboard.imports.callbacks import confirm_import
    from dashboard.store.context import AppContext

    mount = full_disk_store(tmp_path)
    store = mount / "store"
    try:
        log_before = history_log.log_path(store).read_bytes()
        subprocess.run(
            ["dd", "if=/dev/zero", f"of={mount / 'fill'}", "bs=64k"], capture_output=True
        )
        small = write(tmp_path / "small.csv", INDICATORS)
        done = run("-m", "dashboard", "import", str(small), "--store", str(store))
        assert (
            done.returncode == 1
            and "Traceback" not in done.stderr
            and len(done.stderr.strip().splitlines()) == 1
        )
        assert (
            f"Cannot write in the store directory {store}: No space left on device" in done.stderr
        )

        import base64

        context = AppContext(settings_for(store, store_check_seconds=0))
        upload = "data:text/csv;base64," + base64.b64encode(small.read_bytes()).decode()
        said, _, _ = confirm_import(context, 1, upload, "small.csv", "auto", False, "en", 0)
        assert "Nothing was imported: Cannot write in the store directory" in str(said.children)
        (mount / "fill").unlink()
        assert_unchanged(store, log_before)
        assert (store / versions.LOCK_NAME).read_text() == ""
        import_file(
            store, small, user="amina"
        )  # with room again, the lock is free and the import goes through
        assert current_version_name(store) == "store-000002.duckdb"
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_file_size_limit_during_the_duckdb_write_is_one_line_and_writes_nothing(
    store_dir, tmp_path
):
    """The same failure at the file layer without root: the import process may not grow a file past
    a little more than the store's size (RLIMIT_FSIZE), so DuckDB's write of the rows fails."""
    log_before = history_log.log_path(store_dir).read_bytes()
    big = survey_file(tmp_path / "big.csv", 100_000)
    limit = (store_dir / "store-000001.duckdb").stat().st_size + 2**20

    def limit_file_size():
        signal.signal(
            signal.SIGXFSZ, signal.SIG_IGN
        )  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = run(
        "-m", "dashboard", "import", str(big), "--store", str(store_dir), preexec_fn=limit_file_size
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(
        "Store error: Cannot write store-000002.duckdb.partial: no space left"
    )
    assert_unchanged(store_dir, log_before)


def test_an_unwritable_cache_directory_turns_the_cache_off_and_the_app_serves(
    tiny_store_path, tmp_path, caplog
):
    from dashboard.app import create_app

    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with caplog.at_level(logging.WARNING):
        app = create_app(settings_for(tiny_store_path, cache_dir=blocker / "cache"))
    assert any(
        "Callback cache off: EUIOM_CACHE_DIR=" in record.getMessage()
        and "cannot be written" in record.getMessage()
        for record in caplog.records
    )
    client = app.server.test_client()
    assert client.get("/").status_code == 200 and client.get("/_dash-layout").status_code == 200


@pytest.mark.parametrize(
    "name, content",
    [
        ("notes.txt", b"hello, these are my notes\n" * 50),
        ("store.duckdb", b""),
        ("returns.csv", b"survey_id,action_code\nX,JI-SLC\n"),
    ],
)
def test_a_text_file_as_the_store_stops_run_and_gunicorn_with_one_line(tmp_path, name, content):
    store = tmp_path / name
    store.write_bytes(content)
    for command in (
        ["run.py"],
        ["-m", "gunicorn", "-c", "gunicorn.conf.py", "dashboard.wsgi:server"],
    ):
        done = run(*command, store=store, port=free_port())
        errors = [line for line in done.stderr.splitlines() if line.startswith("Store error")]
        assert done.returncode != 0 and "Traceback" not in done.stderr, (
            command,
            done.stderr[-2000:],
        )
        assert errors and all(line == errors[0] for line in errors), done.stderr[-2000:]
        assert f"The store {store} is" in errors[0] and "not a DuckDB database" in errors[0]
        assert "point EUIOM_STORE at a store directory" in errors[0]
    assert store.read_bytes() == content
