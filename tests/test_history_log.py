"""The history log: append-only, every entry chained by SHA-256, a damaged log an error naming the
file that is never rewritten; stores with the former ``history.json`` are migrated, keeping it."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_importer import write

from dashboard.build import history_log, rollbacks, versions
from dashboard.build.importer import import_file
from dashboard.build.stores import build_store
from dashboard.store.files import StoreError, current_version_name

ROOT = Path(__file__).resolve().parent.parent
HEADER = "action_code,iso3,period,sex,indicator_code,value"


def indicator_file(tmp_path: Path, name: str, year: int) -> Path:
    return write(tmp_path / name, [HEADER, f"JI-SLC,SEN,{year}-Q2,female,returns_assisted,{year}"])


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture()
def store_dir(tmp_path: Path) -> Path:
    """A store directory: an empty build, then imports of a.csv (2017) and b.csv (2018)."""
    directory = tmp_path / "store"
    build_store(directory, demo=False, user="amina")
    import_file(directory, indicator_file(tmp_path, "a.csv", 2017), user="amina")
    import_file(directory, indicator_file(tmp_path, "b.csv", 2018), user="bea")
    return directory


def test_every_change_is_one_chained_entry_saying_who_when_and_what(store_dir):
    lines = history_log.log_path(store_dir).read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines]
    assert [
        (e["id"], e["action"], e["user"], e.get("file"), e["version"], e["previous"], e["holds"])
        for e in entries
    ] == [
        (1, "build", "amina", None, "store-000001", None, []),
        (2, "import", "amina", "a.csv", "store-000002", "store-000001", [2]),
        (3, "import", "bea", "b.csv", "store-000003", "store-000002", [2, 3]),
    ]
    assert entries[0]["prev"] == history_log.GENESIS
    assert [entry["prev"] for entry in entries[1:]] == [entry["hash"] for entry in entries[:-1]]
    assert all(entry["at"].endswith("+00:00") and len(entry["hash"]) == 64 for entry in entries)
    plan = rollbacks.plan_undo(rollbacks.read_state(store_dir), 3)
    rollbacks.carry_out(store_dir, plan, "carla")
    last = history_log.read_entries(store_dir)[-1]
    assert (
        last["id"],
        last["action"],
        last["user"],
        last["version"],
        last["undoes"],
        last["disappear"],
    ) == (4, "rollback", "carla", "store-000002", 3, [3])


@pytest.mark.parametrize(
    "damage, where",
    [
        (
            lambda lines: [lines[0], lines[1].replace('"rows":1', '"rows":7'), lines[2]],
            "line 2: the entry was changed",
        ),
        (lambda lines: [lines[0], lines[2]], "line 2: the entry before it was changed or removed"),
        (
            lambda lines: [lines[1], lines[0], lines[2]],
            "line 1: the entry before it was changed or removed",
        ),
        (lambda lines: [lines[0], "{not json", lines[2]], "line 2: not a JSON entry"),
    ],
)
def test_a_damaged_log_is_an_error_naming_the_file_and_is_never_rewritten(
    store_dir, tmp_path, damage, where
):
    path = history_log.log_path(store_dir)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(damage(lines)) + "\n", encoding="utf-8")
    damaged = path.read_bytes()
    with pytest.raises(history_log.HistoryDamaged, match=where) as caught:
        history_log.read_entries(store_dir)
    assert str(path) in str(caught.value) and "restore it from a backup" in str(caught.value)
    with pytest.raises(history_log.HistoryDamaged):
        import_file(store_dir, indicator_file(tmp_path, "c.csv", 2019))
    with pytest.raises(history_log.HistoryDamaged):
        build_store(store_dir, demo=False)
    assert path.read_bytes() == damaged, "the damaged log was rewritten"
    assert current_version_name(store_dir) == "store-000003.duckdb"
    assert versions.version_names(store_dir) == [
        "store-000001.duckdb",
        "store-000002.duckdb",
        "store-000003.duckdb",
    ]
    shown = cli("history", "--store", str(store_dir))
    assert shown.returncode == 1 and str(path) in shown.stderr and "Traceback" not in shown.stderr
    refused = cli("rollback", "--store", str(store_dir))
    assert refused.returncode == 1 and "damaged" in refused.stderr and path.read_bytes() == damaged


def _remove_last_lines(count):
    def damage(path):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(lines[:-count]), encoding="utf-8")

    return damage


# What the chain alone let pass (the reviewer's damage.sh): the end of the log removed, the log
# emptied or deleted. history.head, beside the log, names the last entry appended.
END_DAMAGE = [
    (_remove_last_lines(1), "ends at entry 2, but history.head records entry 3"),
    (_remove_last_lines(2), "ends at entry 1, but history.head records entry 3"),
    (lambda path: path.write_bytes(b""), "is empty, but history.head records entry 3"),
    (lambda path: path.unlink(), "is missing, but history.head records entry 3"),
]


@pytest.mark.parametrize("damage, message", END_DAMAGE)
def test_a_log_whose_end_was_removed_is_an_error_and_no_id_is_given_twice(
    store_dir, tmp_path, damage, message
):
    path = history_log.log_path(store_dir)
    damage(path)
    damaged = path.read_bytes() if path.exists() else None
    with pytest.raises(history_log.HistoryDamaged, match=message) as caught:
        history_log.read_entries(store_dir)
    assert str(path) in str(caught.value) and "restore it from a backup" in str(caught.value)
    with pytest.raises(history_log.HistoryDamaged, match=message):
        import_file(store_dir, indicator_file(tmp_path, "c.csv", 2019))
    with pytest.raises(history_log.HistoryDamaged, match=message):
        rollbacks.read_state(store_dir)
    assert (path.read_bytes() if path.exists() else None) == damaged, (
        "the damaged log was rewritten"
    )
    assert current_version_name(store_dir) == "store-000003.duckdb"
    shown = cli("history", "--store", str(store_dir))
    assert (
        shown.returncode == 1
        and "history.head records entry 3" in shown.stderr
        and "Traceback" not in shown.stderr
    )
    refused = cli("rollback", "--store", str(store_dir))
    assert refused.returncode == 1 and "history.head records entry 3" in refused.stderr
    assert versions.version_names(store_dir) == [
        "store-000001.duckdb",
        "store-000002.duckdb",
        "store-000003.duckdb",
    ]


@pytest.mark.parametrize(
    "damage, message",
    [
        (
            _remove_last_lines(1),
            "ends at entry 2, but the version store-000003.duckdb records entry 3",
        ),
        (
            lambda path: path.write_bytes(b""),
            "is empty, but the version store-000003.duckdb records entry 3",
        ),
        (
            lambda path: path.unlink(),
            "is missing, but the version store-000003.duckdb records entry 3",
        ),
    ],
)
def test_a_log_cut_short_with_its_anchor_is_found_by_the_versions_before_any_change(
    store_dir, tmp_path, damage, message
):
    """history.head removed too: each version a build or import made names the entry that made it."""
    damage(history_log.log_path(store_dir))
    history_log.head_path(store_dir).unlink()
    with pytest.raises(history_log.HistoryDamaged, match=message):
        import_file(store_dir, indicator_file(tmp_path, "c.csv", 2019))
    refused = cli("rollback", "--store", str(store_dir))
    assert (
        refused.returncode == 1
        and "records entry 3" in refused.stderr
        and "Traceback" not in refused.stderr
    )
    assert current_version_name(store_dir) == "store-000003.duckdb"
    assert not history_log.head_path(store_dir).exists()


def test_the_anchor_follows_every_change_and_a_damaged_anchor_is_an_error(store_dir):
    entries = history_log.read_entries(store_dir)
    assert json.loads(history_log.head_path(store_dir).read_text()) == {
        "id": 3,
        "hash": entries[-1]["hash"],
    }
    rollbacks.carry_out(store_dir, rollbacks.plan_undo(rollbacks.read_state(store_dir), 3), "carla")
    assert json.loads(history_log.head_path(store_dir).read_text())["id"] == 4
    history_log.head_path(store_dir).write_text("garbage")
    with pytest.raises(history_log.HistoryDamaged, match="history.head is damaged"):
        history_log.read_entries(store_dir)


def test_a_log_one_entry_ahead_of_its_anchor_is_whole(store_dir):
    """Killed between the append and the anchor's replacement: the log holds one more entry."""
    entries = history_log.read_entries(store_dir)
    history_log.head_path(store_dir).write_text(json.dumps({"id": 2, "hash": entries[1]["hash"]}))
    assert history_log.read_entries(store_dir) == entries
    history_log.head_path(store_dir).write_text(json.dumps({"id": 2, "hash": entries[2]["hash"]}))
    with pytest.raises(
        history_log.HistoryDamaged, match="line 2: the entry differs from the one history.head"
    ):
        history_log.read_entries(store_dir)


def test_an_entry_cut_short_is_an_error_too(store_dir):
    path = history_log.log_path(store_dir)
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(history_log.HistoryDamaged, match="line 3: the last entry was cut short"):
        history_log.read_entries(store_dir)


def test_a_full_disk_while_writing_the_entry_leaves_the_log_and_the_store_as_they_were(
    store_dir, tmp_path, monkeypatch
):
    """The file layer refuses the entry's write (ENOSPC): the import fails with one line, the log
    is cut back to what it was, the new version is removed and the served one stays."""
    before = history_log.log_path(store_dir).read_bytes()
    real_write = os.write

    def full_disk(descriptor, data):
        if data.endswith(b"\n") and b'"action":"import"' in data:
            real_write(
                descriptor, data[: len(data) // 2]
            )  # part of it reaches the disk, then it is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(descriptor, data)

    monkeypatch.setattr(history_log.os, "write", full_disk)
    with pytest.raises(
        StoreError,
        match="Cannot write the history log .*No space left on device.*nothing was changed",
    ):
        import_file(store_dir, indicator_file(tmp_path, "c.csv", 2019))
    assert history_log.log_path(store_dir).read_bytes() == before
    assert current_version_name(store_dir) == "store-000003.duckdb"
    assert sorted(path.name for path in store_dir.iterdir() if path.name.startswith("store-")) == [
        "store-000001.duckdb",
        "store-000002.duckdb",
        "store-000003.duckdb",
    ]
    assert not (store_dir / versions.NEXT_POINTER_NAME).exists()


def write_legacy_store(tmp_path: Path) -> Path:
    """A store directory as the former version left it: ``history.json``, rewritten on each change."""
    directory = tmp_path / "old"
    build_store(directory, demo=False)
    import_file(directory, indicator_file(tmp_path, "a.csv", 2017), user="amina")
    import_file(directory, indicator_file(tmp_path, "b.csv", 2018), user="amina")
    legacy = []
    for entry in history_log.read_entries(directory):
        legacy.append(
            {key: value for key, value in entry.items() if key not in ("prev", "hash", "holds")}
        )
    legacy.append(
        {
            "id": 4,
            "at": "2026-11-01T10:00:00+00:00",
            "action": "rollback",
            "user": "amina",
            "version": "store-000002",
            "previous": "store-000003",
            "file": "b.csv",
            "rows": 1,
            "kind": "indicators",
            "sha256": None,
            "undoes": 3,
        }
    )
    history_log.log_path(directory).unlink()
    history_log.head_path(directory).unlink()  # the former version anchored nothing
    (directory / history_log.LEGACY_NAME).write_text(json.dumps(legacy, indent=1), encoding="utf-8")
    versions.point_to(directory, "store-000002.duckdb")
    return directory


def test_a_former_history_file_is_read_then_migrated_at_the_first_change_and_kept(tmp_path):
    directory = write_legacy_store(tmp_path)
    legacy_text = (directory / history_log.LEGACY_NAME).read_text(encoding="utf-8")
    entries = history_log.read_entries(directory)
    assert [
        (entry["id"], entry["action"], entry.get("holds"), entry["migrated"]) for entry in entries
    ] == [
        (1, "build", [], True),
        (2, "import", [2], True),
        (3, "import", [2, 3], True),
        (4, "rollback", None, True),
    ]
    assert not history_log.log_path(directory).exists(), "reading migrated (wrote) something"
    state = rollbacks.read_state(directory)
    assert state.served == "store-000002" and state.can_serve_again("store-000003")

    import_file(directory, indicator_file(tmp_path, "c.csv", 2019), user="carla")
    assert (directory / history_log.MIGRATED_NAME).read_text(encoding="utf-8") == legacy_text
    assert not (directory / history_log.LEGACY_NAME).exists()
    entries = history_log.read_entries(directory)
    assert [(entry["id"], entry["action"], entry.get("migrated", False)) for entry in entries] == [
        (1, "build", True),
        (2, "import", True),
        (3, "import", True),
        (4, "rollback", True),
        (5, "import", False),
    ]
    assert entries[-1]["holds"] == [2, 5] and entries[-1]["previous"] == "store-000002"


def test_a_damaged_former_history_file_is_an_error_and_is_kept_as_it_is(tmp_path):
    directory = write_legacy_store(tmp_path)
    legacy = directory / history_log.LEGACY_NAME
    legacy.write_text('[{"id": 1, "at": "x"', encoding="utf-8")
    with pytest.raises(history_log.HistoryDamaged, match=f"{legacy}.*damaged"):
        import_file(directory, indicator_file(tmp_path, "c.csv", 2019))
    assert legacy.read_text(encoding="utf-8") == '[{"id": 1, "at": "x"'
    assert not history_log.log_path(directory).exists()
    assert current_version_name(directory) == "store-000002.duckdb"


def test_a_store_directory_made_by_hand_gets_a_history_that_can_roll_back_to_its_first_version(
    tmp_path,
):
    """README: copy a .duckdb file in as store-000001.duckdb and name it in current. The first change
    records that version as found, so rolling back the first import serves it again."""
    directory = tmp_path / "by-hand"
    directory.mkdir()
    shutil.copyfile(
        build_store(tmp_path / "single.duckdb", demo=False), directory / "store-000001.duckdb"
    )
    (directory / "current").write_text("store-000001.duckdb\n")
    import_file(directory, indicator_file(tmp_path, "a.csv", 2017), user="amina")
    entries = history_log.read_entries(directory)
    assert [(entry["action"], entry["version"], entry.get("holds")) for entry in entries] == [
        ("outside", "store-000001", [1]),
        ("import", "store-000002", [1, 2]),
    ]
    plan = rollbacks.plan_undo(rollbacks.read_state(directory), 2)
    assert (plan.target, plan.disappear, plan.appear) == ("store-000001", (2,), ())
    assert rollbacks.carry_out(directory, plan, "amina")["version"] == "store-000001"
