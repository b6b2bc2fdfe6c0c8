"""Two gunicorn servers behind a real HAProxy on loopback, sharing one store directory and one Redis.

An import through one server and a rollback through the other are seen by both (and through the
balancer) within seconds, while a bounded load runs through the balancer with no failed request.
Sessions, sign-in counts and sign-out are shared through Redis (``EUIOM_REDIS_URL``); paths not in
normal form are refused through the balancer as by each server. HAProxy and redis-server come from
Debian (``scripts/install_haproxy.sh``, ``scripts/install_redis.sh``, run by ``make test``).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from dashboard.build.stores import build_store

from auth_helpers import PASSWORD, SECRET, form_token, write_users
from servers import start_redis

pytestmark = pytest.mark.lb

ROOT = Path(__file__).resolve().parent.parent
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
CSV = (
    "action_code,iso3,period,sex,indicator_code,value\n"
    "JI-SLC,SEN,2021-Q2,female,returns_assisted,12345\n"
)
LOAD_THREADS = 6
LOAD_REQUESTS_PER_THREAD = 150


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def signed_in(base: str, name: str = "dana") -> requests.Session:
    """A session signed in through the sign-in form (dana is a data manager), as a browser does."""
    session = requests.Session()
    form = session.get(f"{base}/auth/login?next=/", timeout=30)
    answer = session.post(
        f"{base}/auth/login",
        timeout=30,
        data={
            "username": name,
            "password": PASSWORD,
            "next": "/",
            "csrf_token": form_token(form.text),
        },
    )
    assert answer.status_code == 200 and "shell-page-content" in answer.text, answer.status_code
    return session


def get(session: requests.Session, url: str, timeout: float = 30) -> tuple[int, str]:
    response = session.get(url, timeout=timeout, allow_redirects=False)
    return response.status_code, response.text


def post(session: requests.Session, url: str, body: dict) -> tuple[int, dict]:
    """A callback request with the CSRF header the Dash renderer sends (from the token cookie)."""
    token = session.cookies.get("_csrf_token")
    response = session.post(
        url, json=body, timeout=60, headers={"X-CSRFToken": token} if token else {}
    )
    return response.status_code, response.json() if response.status_code == 200 else {}


def wait_until(check, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.25)
    pytest.fail(f"not within {seconds} s: {what}")


def callback_key(session: requests.Session, base: str, input_id: str) -> str:
    """The output key of the callback whose first input is ``input_id`` (from /_dash-dependencies)."""
    _, text = get(session, base + "/_dash-dependencies")
    for spec in json.loads(text):
        first = spec["inputs"][0]["id"]
        first = json.loads(first) if first.startswith("{") else first
        if (first if isinstance(first, str) else first.get("type")) == input_id:
            return spec["output"]
    raise AssertionError(f"no callback with input {input_id}")


def outputs_of(key: str) -> list[dict]:
    parts = key[2:-2].split("...") if key.startswith("..") else [key]
    return [{"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]} for part in parts]


def start_gunicorn(
    store: Path, users: Path, port: int, log: Path, redis_url: str
) -> subprocess.Popen:
    """One server with sign-in on; every server shares the store directory, users file, secret key
    and Redis, and trusts the one proxy in front (HAProxy's X-Forwarded-For)."""
    env = {
        **os.environ,
        "EUIOM_STORE": str(store),
        "EUIOM_PORT": str(port),
        "EUIOM_HOST": "127.0.0.1",
        "EUIOM_WORKERS": "1",
        "EUIOM_STORE_CHECK_SECONDS": "0.5",
        "EUIOM_AUTH": "users",
        "EUIOM_SECRET_KEY": SECRET,
        "EUIOM_USERS_FILE": str(users),
        "EUIOM_REDIS_URL": redis_url,
        "EUIOM_PROXY_HOPS": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "dashboard.wsgi:server"],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


HAPROXY_CONFIG = """
global
    maxconn 200
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
frontend dashboard
    bind 127.0.0.1:{port}
    default_backend euiom
backend euiom
    balance roundrobin
    option forwardfor
    option httpchk GET /auth/login
    http-check expect status 200
    server app1 127.0.0.1:{app1} check inter 1s
    server app2 127.0.0.1:{app2} check inter 1s
"""


@pytest.fixture()
def cluster(tmp_path: Path):
    """Two gunicorn servers on one store directory, and HAProxy in front: yields the three base URLs."""
    if not Path(HAPROXY).exists():
        pytest.fail("HAProxy not found: run scripts/install_haproxy.sh (make test does)")
    store = tmp_path / "store"
    build_store(store, demo=True, rows=1_000)
    users = write_users(tmp_path / "users.json")
    ports = [free_port() for _ in range(3)]
    redis, redis_url = start_redis(tmp_path)
    processes = [
        start_gunicorn(store, users, port, tmp_path / f"app{n}.log", redis_url)
        for n, port in enumerate(ports[:2])
    ]
    processes.append(redis)
    config = tmp_path / "haproxy.cfg"
    config.write_text(HAPROXY_CONFIG.format(port=ports[2], app1=ports[0], app2=ports[1]))
    try:
        apps = [f"http://127.0.0.1:{port}" for port in ports[:2]]
        for app in apps:
            wait_until(lambda app=app: _answers(app + "/auth/login"), 90, f"{app} to start")
        processes.append(
            subprocess.Popen(
                [HAPROXY, "-f", str(config), "-db"],
                stdout=subprocess.DEVNULL,
                stderr=(tmp_path / "haproxy.log").open("wb"),
            )
        )
        balancer = f"http://127.0.0.1:{ports[2]}"
        wait_until(lambda: _answers(balancer + "/auth/login"), 30, "HAProxy to answer")
        yield apps, balancer, store
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


def shows(session: requests.Session, base: str, text: str) -> bool:
    status, body = get(session, base + "/_dash-layout")
    return status == 200 and text in body


def test_import_and_rollback_through_either_server_reach_both_under_load(cluster):
    (app1, app2), balancer, store = cluster
    # Signed in once, through the balancer: the session cookie is valid on both servers (shared key).
    manager = signed_in(balancer)
    statuses: list[int] = []
    stop = threading.Event()

    def user():
        session = requests.Session()
        session.cookies.update(manager.cookies)
        for _ in range(LOAD_REQUESTS_PER_THREAD):
            if stop.is_set():
                return
            for path in ("/_dash-layout", "/pillars"):
                try:
                    statuses.append(get(session, balancer + path)[0])
                except requests.RequestException as error:
                    statuses.append(repr(error))

    load = [threading.Thread(target=user) for _ in range(LOAD_THREADS)]
    for thread in load:
        thread.start()
    try:
        assert shows(manager, app1, "Demo data") and shows(manager, app2, "Demo data")
        # Import through server 1, as the import page's Confirm button does.
        key = callback_key(manager, app1, "import-confirm-button")
        upload = "data:text/csv;base64," + base64.b64encode(CSV.encode()).decode()
        body = {
            "output": key,
            "outputs": outputs_of(key),
            "changedPropIds": ["import-confirm-button.n_clicks"],
            "inputs": [{"id": "import-confirm-button", "property": "n_clicks", "value": 1}],
            "state": [
                {"id": "import-upload", "property": "contents", "value": upload},
                {"id": "import-upload", "property": "filename", "value": "returns.csv"},
                {"id": "import-kind-select", "property": "value", "value": "auto"},
                {"id": "import-replace-demo-checkbox", "property": "value", "value": True},
                {"id": "shell-language-store", "property": "data", "value": "en"},
                {"id": "import-history-tick-store", "property": "data", "value": 0},
            ],
        }
        status, answer = post(manager, app1 + "/_dash-update-component", body)
        assert status == 200 and "Imported 1 indicator value rows from returns.csv" in json.dumps(
            answer
        )
        for base in (app1, app2, balancer):
            wait_until(
                lambda base=base: shows(manager, base, "returns.csv"),
                15,
                f"{base} to show the import",
            )

        # Roll back as the history's button and its confirmation do: the plan shown by server 1 (the
        # browser keeps it), carried out by server 2.
        entry = json.loads((store / "history.jsonl").read_text().splitlines()[-1])
        key = callback_key(manager, app1, "import-rollback-button")
        button = {"type": "import-rollback-button", "index": entry["id"]}
        body = {
            "output": key,
            "outputs": outputs_of(key),
            "changedPropIds": [
                json.dumps(button, sort_keys=True, separators=(",", ":")) + ".n_clicks"
            ],
            "inputs": [[{"id": button, "property": "n_clicks", "value": 1}], []],
            "state": [{"id": "shell-language-store", "property": "data", "value": "en"}],
        }
        status, answer = post(manager, app1 + "/_dash-update-component", body)
        assert status == 200 and "Served now: store-000002" in json.dumps(answer)
        plan = answer["response"]["import-rollback-plan-store"]["data"]
        key = callback_key(manager, app2, "import-rollback-confirm-button")
        body = {
            "output": key,
            "outputs": outputs_of(key),
            "changedPropIds": ["import-rollback-confirm-button.n_clicks"],
            "inputs": [
                {"id": "import-rollback-confirm-button", "property": "n_clicks", "value": 1}
            ],
            "state": [
                {"id": "import-rollback-plan-store", "property": "data", "value": plan},
                {"id": "shell-language-store", "property": "data", "value": "en"},
                {"id": "import-history-tick-store", "property": "data", "value": 1},
            ],
        }
        status, answer = post(manager, app2 + "/_dash-update-component", body)
        assert status == 200 and "is served again" in json.dumps(answer)
        for base in (app1, app2, balancer):
            wait_until(
                lambda base=base: (
                    shows(manager, base, "Demo data") and not shows(manager, base, "returns.csv")
                ),
                15,
                f"{base} to show the rollback",
            )
    finally:
        stop.set()
        for thread in load:
            thread.join(60)
    print(
        f"load through HAProxy: {len(statuses)} requests, statuses {sorted(set(map(str, statuses)))}"
    )
    assert len(statuses) >= 100
    assert set(statuses) == {200}, {
        status: statuses.count(status) for status in set(map(str, statuses))
    }


NOT_NORMAL_THROUGH_THE_BALANCER = [
    "/auth/../x",
    "/auth/%2e%2e/x",
    "/auth/..%2fimport",
    "/assets/../import",
    "/_dash-component-suites/../x",
    "/_dash-component-suites/dash/../../x",
    "//import",
    "/import.",
]


def test_sessions_sign_out_and_sign_in_counts_are_shared_by_both_servers(cluster):
    (app1, app2), balancer, _ = cluster
    # Paths not in normal form, without a session, as an attacker sends them (curl --path-as-is).
    for path in NOT_NORMAL_THROUGH_THE_BALANCER:
        result = subprocess.run(
            [
                "curl",
                "-s",
                "--path-as-is",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                balancer + path,
            ],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.stdout in ("400", "404"), (path, result.stdout)

    # Signed in through the balancer; signed out through server 1: the cookie is dead on server 2 too.
    manager = signed_in(balancer)
    captured = manager.cookies.get_dict()
    assert all(get(manager, base + "/_dash-layout")[0] == 200 for base in (app1, app2, balancer))
    token = manager.cookies.get("_csrf_token")
    assert (
        manager.post(
            app1 + "/auth/logout", data={"csrf_token": token}, allow_redirects=False, timeout=30
        ).status_code
        == 302
    )
    replay = requests.Session()
    replay.cookies.update(captured)
    for base in (app2, balancer, app1):
        assert get(replay, base + "/_dash-layout")[0] == 401, base

    # Wrong passwords through the balancer, alternating servers: counted once (5 a minute per address).
    statuses = []
    for n in range(12):
        session = requests.Session()
        form = session.get(f"{balancer}/auth/login?next=/", timeout=30)
        statuses.append(
            session.post(
                f"{balancer}/auth/login",
                allow_redirects=False,
                timeout=30,
                data={
                    "username": "dana",
                    "password": f"wrong {n}",
                    "next": "/",
                    "csrf_token": form_token(form.text),
                },
            ).status_code
        )
    assert statuses == [401] * 5 + [429] * 7, statuses
