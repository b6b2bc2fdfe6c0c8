"""The answer cache and the shared state can be neither read back as code nor fed by another account.

Before: the answer cache's default directory was ``/tmp/euiom-callback-cache``, any directory the
server could write was used, and entries were pickles: another local account that made the
directory first replaced an entry with a pickle and the dashboard ran ``id`` as its own user.
Sessions in ``EUIOM_STATE_DIR`` (and in Redis) were pickled too.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import stat
import threading
from dataclasses import replace

import pytest
from cachelib import FileSystemCache, SimpleCache

from dashboard.app import create_app
from dashboard.private_dirs import UnsafeDirectory, default_private_directory, private_directory
from dashboard.server.response_cache import ENTRY_SUFFIX, AnswerStore, open_answer_store
from dashboard.server.shared_state import (
    RawSerializer,
    SharedStateError,
    SignedCache,
    open_shared_state,
)
from dashboard.settings import load_settings

from conftest import settings_for

ROOT_ONLY = pytest.mark.skipif(
    os.geteuid() != 0, reason="giving a directory to another user needs root"
)
PAGE_BODY = {
    "output": "shell-page-content.children",
    "outputs": {"id": "shell-page-content", "property": "children"},
    "inputs": [
        {"id": "shell-url", "property": "pathname", "value": "/about"},
        {"id": "shell-language-store", "property": "data", "value": "en"},
    ],
    "state": [{"id": "shell-url", "property": "search", "value": ""}],
    "changedPropIds": ["shell-url.pathname"],
}


class RunsCode:
    """What an attacker's pickle does when it is loaded: here, leave a file behind."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def post_page(client):
    return client.post(
        "/_dash-update-component", data=json.dumps(PAGE_BODY), content_type="application/json"
    )


def test_the_default_cache_directory_is_this_users_own_never_in_tmp():
    default = load_settings({}).cache_dir
    assert default == default_private_directory("callback-cache")
    assert not str(default).startswith("/tmp/")
    assert str(default).startswith(os.path.expanduser("~")) or os.environ.get("XDG_CACHE_HOME")


def test_a_missing_cache_directory_is_made_for_this_user_alone(tmp_path):
    made = private_directory(tmp_path / "a" / "b" / "cache")
    for directory in (made, made.parent, made.parent.parent):
        info = os.stat(directory)
        assert stat.S_IMODE(info.st_mode) == 0o700 and info.st_uid == os.geteuid()


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722])
def test_a_cache_directory_others_may_write_is_refused_and_the_cache_stays_off(
    tiny_store_path, tmp_path, mode, caplog
):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(mode)
    with pytest.raises(UnsafeDirectory, match="may be written by other users"):
        private_directory(shared)
    with caplog.at_level(logging.WARNING):
        app = create_app(settings_for(tiny_store_path, cache_dir=shared))
    assert any(
        "Callback cache off" in record.getMessage() and "not private" in record.getMessage()
        for record in caplog.records
    )
    client = app.server.test_client()
    assert post_page(client).status_code == 200
    assert not list(shared.iterdir())  # nothing written there


def test_a_cache_directory_under_a_directory_others_may_write_is_refused(tmp_path):
    open_parent = tmp_path / "open"
    open_parent.mkdir()
    open_parent.chmod(0o777)  # not sticky: another account could rename our directory away
    with pytest.raises(UnsafeDirectory, match="not sticky"):
        private_directory(open_parent / "cache")


def test_a_symbolic_link_is_not_a_cache_directory(tmp_path):
    target = tmp_path / "target"
    target.mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(target)
    with pytest.raises(UnsafeDirectory, match="not a directory"):
        private_directory(tmp_path / "link")


@ROOT_ONLY
def test_a_cache_directory_another_user_made_first_is_refused(tmp_path):
    tmp_path.chmod(0o755)
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    os.chown(theirs, 65534, 65534)  # nobody
    with pytest.raises(UnsafeDirectory, match="belongs to another user"):
        private_directory(theirs)
    assert open_answer_store(theirs, "") is None


def test_a_pickle_put_in_place_of_an_answer_is_never_loaded(tiny_store_path, tmp_path):
    cache_dir = tmp_path / "cache"
    client = create_app(settings_for(tiny_store_path, cache_dir=cache_dir)).server.test_client()
    first = post_page(client)
    assert first.status_code == 200
    entries = list(cache_dir.glob("*" + ENTRY_SUFFIX))
    assert len(entries) == 1
    marker = tmp_path / "the-pickle-ran"
    # The attacker's file: cachelib's layout (a 4-byte expiry, then a pickle), then ours with a pickle as body.
    for forged in (
        b"\0\0\0\0" + pickle.dumps(RunsCode(str(marker))),
        entries[0].read_bytes()[:60] + pickle.dumps(RunsCode(str(marker))),
    ):
        entries[0].write_bytes(forged)
        again = post_page(client)
        assert again.status_code == 200 and again.get_data() == first.get_data()
        assert not marker.exists()


def test_an_answer_is_read_back_only_with_the_servers_key(tmp_path):
    directory = private_directory(tmp_path / "cache")
    ours = AnswerStore(directory, b"k" * 32)
    ours.set("answer", b'{"ok": 1}')
    assert ours.get("answer") == b'{"ok": 1}'
    assert AnswerStore(directory, b"x" * 32).get("answer") is None  # forged with another key
    entry = next(directory.glob("*" + ENTRY_SUFFIX))
    data = bytearray(entry.read_bytes())
    data[-2] ^= 1
    entry.write_bytes(bytes(data))
    assert ours.get("answer") is None  # changed after it was written


def test_the_open_modes_cache_key_is_kept_for_this_user_alone(tiny_store_path, tmp_path):
    cache_dir = tmp_path / "cache"
    create_app(settings_for(tiny_store_path, cache_dir=cache_dir))
    key = cache_dir / ".answers.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    # every worker of the server reads the same key
    assert open_answer_store(cache_dir, "").key == open_answer_store(cache_dir, "").key


def test_a_full_cache_disk_turns_the_cache_off_with_one_warning(
    tiny_store_path, tmp_path, caplog, monkeypatch
):
    cache_dir = tmp_path / "cache"
    app = create_app(settings_for(tiny_store_path, cache_dir=cache_dir))
    client = app.server.test_client()

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("dashboard.server.response_cache.tempfile.mkstemp", disk_full)
    with caplog.at_level(logging.WARNING):
        for path in ("/about", "/pillars", "/sustainability", "/"):
            body = {
                **PAGE_BODY,
                "inputs": [{**PAGE_BODY["inputs"][0], "value": path}, PAGE_BODY["inputs"][1]],
            }
            answer = client.post(
                "/_dash-update-component", data=json.dumps(body), content_type="application/json"
            )
            assert answer.status_code == 200
    warnings = [record for record in caplog.records if "Callback cache off" in record.getMessage()]
    assert len(warnings) == 1 and "No space left on device" in warnings[0].getMessage()
    assert not any(record.exc_info for record in caplog.records)


# ---------------------------------------------------------------- shared state
def test_a_state_directory_others_may_read_or_write_is_refused(tiny_store_path, tmp_path):
    for mode in (0o777, 0o755):
        shared = tmp_path / f"state-{mode:o}"
        shared.mkdir()
        shared.chmod(mode)
        with pytest.raises(SharedStateError, match=f"EUIOM_STATE_DIR={shared} cannot be used"):
            open_shared_state(replace(settings_for(tiny_store_path), state_dir=shared))


@ROOT_ONLY
def test_a_state_directory_another_user_made_first_is_refused(tiny_store_path, tmp_path):
    tmp_path.chmod(0o755)
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    os.chown(theirs, 65534, 65534)
    with pytest.raises(SharedStateError, match="belongs to another user"):
        open_shared_state(replace(settings_for(tiny_store_path), state_dir=theirs))


def test_workers_starting_together_all_open_the_state_directory(tiny_store_path, tmp_path):
    """gunicorn starts its workers at the same moment, each checking that the state directory can
    be written. The check used one probe file for all of them: one worker removed it between
    another's write and removal, that worker stopped with "cannot be written (No such file or
    directory)" and the server did not start (a benchmark's server, once)."""
    settings = replace(settings_for(tiny_store_path), state_dir=tmp_path / "state")
    rounds, workers = 30, 8
    failures: list[str] = []
    for _ in range(rounds):
        start = threading.Barrier(workers)

        def open_one(start: threading.Barrier = start) -> None:
            start.wait()
            try:
                open_shared_state(settings)
            except SharedStateError as error:
                failures.append(str(error))

        threads = [threading.Thread(target=open_one) for _ in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []


def test_sessions_in_the_state_directory_are_signed_json_never_pickles(tiny_store_path, tmp_path):
    state = open_shared_state(
        replace(settings_for(tiny_store_path), state_dir=tmp_path / "state", secret_key="s" * 40)
    )
    state.cache.set("euiom:session:abc", {"user": "amina", "roles": ["viewer"]})
    assert state.cache.get("euiom:session:abc") == {"user": "amina", "roles": ["viewer"]}
    (path,) = [p for p in (tmp_path / "state" / "sessions").iterdir() if b"amina" in p.read_bytes()]
    assert (
        b'{"user":"amina"' in path.read_bytes() and b"\x80\x05" not in path.read_bytes()
    )  # JSON, not a pickle
    marker = tmp_path / "the-pickle-ran"
    files = FileSystemCache(str(tmp_path / "state" / "sessions"))  # cachelib's own writer: a pickle
    files.set("euiom:session:abc", RunsCode(str(marker)))
    assert state.cache.get("euiom:session:abc") is None and not marker.exists()
    files.set("euiom:session:abc", pickle.dumps({"user": "root"}))
    assert state.cache.get("euiom:session:abc") is None


def test_a_signed_value_cannot_be_forged_or_moved_to_another_key():
    inner = SimpleCache()
    signed = SignedCache(inner, b"k" * 32)
    signed.set("session:manager", {"user": "dana", "roles": ["data_manager"]})
    inner.set("session:attacker", inner.get("session:manager"))  # copied under the attacker's id
    assert signed.get("session:attacker") is None
    inner.set(
        "session:forged",
        SignedCache(SimpleCache(), b"x" * 32).seal("session:forged", {"user": "dana"}),
    )
    assert signed.get("session:forged") is None
    assert signed.get("session:manager") == {"user": "dana", "roles": ["data_manager"]}


def test_the_raw_serializer_never_unpickles(tmp_path):
    import io

    marker = tmp_path / "ran"
    assert RawSerializer().load(io.BytesIO(pickle.dumps(RunsCode(str(marker))))) is None
    assert not marker.exists()


def test_state_directories_of_killed_servers_are_removed_at_the_next_start(tmp_path):
    import subprocess
    import sys

    from dashboard.server.shared_state import (
        STATE_DIR_PREFIX,
        claim_state_dir,
        remove_stale_state_dirs,
    )

    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    killed, running, starting = (
        tmp_path / f"{STATE_DIR_PREFIX}{name}" for name in ("killed", "running", "starting")
    )
    for directory in (killed, running, starting):
        (directory / "sessions").mkdir(parents=True)
        (directory / "sessions" / "a-session").write_text("x")
    claim_state_dir(killed, int(ended.stdout))
    claim_state_dir(running, os.getpid())
    assert remove_stale_state_dirs(tmp_path) == [killed]
    assert not killed.exists() and running.exists() and starting.exists()
