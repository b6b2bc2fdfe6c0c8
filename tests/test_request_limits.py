"""Requests refused before anything reads them: bodies over the route's limit, paths not in normal form.

Checked in the app (test client) and from outside, against a real gunicorn with 2 workers: a
600 MiB body (with Content-Length, and chunked without it) is answered 413 with one line while
at most a few MiB were sent, and no worker's memory grows by more than a few MiB (before: a worker
peaked at 3.2 GB); curl --path-as-is sends dot segments and encoded variants as an attacker would.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import time

import pytest

from dashboard.app import create_app
from dashboard.server.request_limits import CALLBACK_BODY_BYTES, path_problem

from auth_helpers import SECRET, SignedInClient, import_body, write_users
from conftest import settings_for
from servers import (
    free_port,
    post_large_body,
    rss_bytes,
    start_gunicorn,
    stop,
    wait_until,
    worker_pids,
)

CALLBACK = "/_dash-update-component"
MIB = 1 << 20

# Paths an attacker with the code would try to reach the app past the public sign-in pages or out
# of the component libraries' folder (each as sent, with curl --path-as-is).
NOT_NORMAL = [
    "/auth/../x",
    "/auth/../_dash-layout",
    "/auth/./../import",
    "/auth/%2e%2e/x",
    "/auth/%2E%2E/import",
    "/auth/..%2fimport",
    "/auth/..%2Fimport",
    "/auth/.%2e/import",
    "/auth/..%5cimport",
    "/auth/..\\import",
    "/assets/../import",
    "/assets//../import",
    "//import",
    "/auth//login",
    "/import.",
    "/import./",
    "/import%20",
    "/auth/%252e%252e/import",
    "/auth/login/..",
    "/_dash-component-suites/../x",
    "/_dash-component-suites/dash/../../x",
    "/_dash-component-suites/dash/%2e%2e/x.js",
    "/_dash-component-suites/..%2f..%2fetc/passwd",
    "/_dash-component-suites/dash/deps/../../../../etc/passwd",
    "/_dash-component-suites/dash/dcc/../x.js",
    "/_dash-component-suites/..",
    "/_dash-component-suites/dash/..",
]
# Normal paths under the public prefixes that name no file: 404, never a 500 or the app.
UNKNOWN_LIBRARY_FILES = [
    "/_dash-component-suites/nonexist/x.js",
    "/_dash-component-suites/dash/x",
    "/_dash-component-suites/dash/deps/none.js",
    "/auth/anything",
]


@pytest.mark.parametrize("path", NOT_NORMAL)
def test_paths_not_in_normal_form_are_named(path):
    from urllib.parse import unquote

    assert path_problem(unquote(path), path) is not None


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/pillars",
        "/auth/login",
        "/auth/",
        "/api/v1/charts/programme-map",
        "/assets/10-app.css",
        "/_dash-component-suites/dash/deps/react@18.v4_4_1m1.3.1.min.js",
    ],
)
def test_normal_paths_pass(path):
    assert path_problem(path, path) is None


@pytest.fixture(scope="module")
def users_app(tiny_store_path, tmp_path_factory):
    users_file = write_users(tmp_path_factory.mktemp("users") / "users.json")
    return create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users_file)
    )


@pytest.mark.parametrize("path", NOT_NORMAL + UNKNOWN_LIBRARY_FILES)
def test_no_session_never_reaches_the_app_through_an_odd_path(users_app, path):
    response = users_app.server.test_client().get(path, headers={"Accept": "text/html"})
    body = response.get_data(as_text=True)
    assert response.status_code in (302, 400, 401, 404), (path, response.status_code)
    assert "_dash-config" not in body and "Traceback" not in body
    if response.status_code in (400, 404):
        assert body.count("\n") == 1, body  # one line


def test_callback_bodies_over_the_limit_are_refused_before_parsing(tiny_store_path):
    client = create_app(settings_for(tiny_store_path)).server.test_client()
    answer = client.post(
        CALLBACK, data=b"[" * (CALLBACK_BODY_BYTES + 1), content_type="application/json"
    )
    assert answer.status_code == 413
    assert answer.get_data(as_text=True) == "Request too large.\n"
    assert answer.headers["Connection"] == "close"
    # Forms and everything else: 64 KiB.
    assert client.post("/auth/login", data={"username": "x" * 70_000}).status_code == 413


def test_only_data_managers_may_post_an_upload_sized_callback(users_app):
    upload = import_body()
    upload["inputs"][0]["value"] = "data:text/csv;base64," + "QUJD" * (CALLBACK_BODY_BYTES // 4)
    viewer = SignedInClient(users_app, "vera")
    assert viewer.post(CALLBACK, json=upload).status_code == 413
    manager = SignedInClient(users_app, "dana")
    assert (
        manager.post(CALLBACK, json=upload).status_code != 413
    )  # past the limit (then the guard decides)


@pytest.fixture(scope="module")
def gunicorn_open(tiny_store_path, tmp_path_factory):
    """The open demo under gunicorn with 2 workers, as ``make serve`` runs it."""
    directory = tmp_path_factory.mktemp("gunicorn")
    port = free_port()
    process = start_gunicorn(
        {"EUIOM_STORE": str(tiny_store_path), "EUIOM_CACHE_DIR": "off"},
        port,
        directory / "gunicorn.log",
        workers=2,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(
            lambda: (
                len(worker_pids(process.pid)) == 2 and _status(base + "/_dash-dependencies") == 200
            ),
            90,
            "gunicorn to start",
        )
        wait_until(
            lambda: _settled(worker_pids(process.pid)), 90, "both workers to finish warming up"
        )
        yield process, port, base, directory / "gunicorn.log"
    finally:
        stop([process])


def _settled(pids: list[int]) -> bool:
    """True when no worker's memory moved by more than 1 MiB in a second (warm-up is over)."""
    before = [rss_bytes(pid) for pid in pids]
    time.sleep(1)
    return all(abs(rss_bytes(pid) - size) < MIB for pid, size in zip(pids, before, strict=True))


def _status(url: str) -> int:
    import requests

    try:
        return requests.get(url, timeout=5).status_code
    except requests.RequestException:
        return 0


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_600_mib_body_is_refused_without_reading_it(gunicorn_open, chunked):
    process, port, _, _ = gunicorn_open
    for _ in range(10):  # each worker's first refusals load code once: measure after them
        post_large_body(port, 4 * MIB, chunked=chunked, timeout=10)
    workers = worker_pids(process.pid)
    before = {pid: rss_bytes(pid) for pid in workers}
    peak = dict(before)
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            for pid in workers:
                peak[pid] = max(peak[pid], rss_bytes(pid))
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        status, body, sent, elapsed = post_large_body(port, 600 * MIB, chunked=chunked)
    finally:
        time.sleep(0.5)
        done.set()
        watcher.join()
    growth = max(peak[pid] - before[pid] for pid in workers)
    print(
        f"600 MiB {'chunked' if chunked else 'with Content-Length'}: {status} after {elapsed:.2f} s, "
        f"{sent / MIB:.0f} MiB sent, worker RSS +{growth / MIB:.1f} MiB at most"
    )
    assert status.startswith("HTTP/1.1 413"), status
    assert body == "Request too large.\n"
    assert sent <= 16 * MIB  # refused while the client had sent almost nothing
    assert growth < 32 * MIB  # barely moving (before: a worker peaked at +3.2 GB)


CURL = shutil.which("curl")


@pytest.mark.skipif(CURL is None, reason="curl is not installed")
@pytest.mark.parametrize("path", NOT_NORMAL + UNKNOWN_LIBRARY_FILES)
def test_curl_path_as_is_gets_a_one_line_refusal(gunicorn_open, path):
    _, _, base, _ = gunicorn_open
    result = subprocess.run(
        [CURL, "-s", "--path-as-is", "-o", "-", "-w", "\n%{http_code}", base + path],
        capture_output=True,
        text=True,
        timeout=30,
    )
    body, _, status = result.stdout.rpartition("\n")
    if path == "/auth/anything":  # a normal path the open demo serves as its "page not found"
        assert status == "200"
        return
    assert status in ("400", "404"), (path, status, body[:200])
    assert body.count("\n") == 1 and "_dash-config" not in body


def test_gunicorn_logged_no_traceback(gunicorn_open):
    log = gunicorn_open[3].read_text(errors="replace")
    assert "Traceback" not in log and " 500 " not in log
