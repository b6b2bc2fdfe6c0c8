"""Sessions, rate limits and sign-in counters are one copy for every worker, checked from outside.

A real gunicorn with 2 workers, sign-in on, first with Redis (Debian's redis-server, started here
on loopback) then without (the private state directory gunicorn.conf.py makes). Every request is
sent on a new connection, so they spread over both workers (the access log names the worker).
Before this change each worker kept its own: 10 of 40 wrong passwords were counted with 2 workers,
and a cookie captured before sign-out still worked.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from auth_helpers import PASSWORD, SECRET, form_token, write_users
from servers import ROOT, free_port, start_gunicorn, start_redis, stop, wait_until, worker_pids

ACCESS_FORMAT = "worker=%(p)s %(m)s %(U)s %(s)s"


def fresh_sign_in(base: str, name: str, password: str = PASSWORD) -> requests.Response:
    """Sign in through the form on new connections (no keep-alive: any worker may answer)."""
    with requests.Session() as session:
        session.headers["Connection"] = "close"
        form = session.get(f"{base}/auth/login?next=/", timeout=30)
        answer = session.post(
            f"{base}/auth/login",
            timeout=30,
            allow_redirects=False,
            data={
                "username": name,
                "password": password,
                "next": "/",
                "csrf_token": form_token(form.text),
            },
        )
        answer.cookies_after = session.cookies.get_dict()
        return answer


def status_with_cookie(base: str, path: str, cookies: dict[str, str], **headers: str) -> int:
    return requests.get(
        base + path,
        cookies=cookies,
        allow_redirects=False,
        timeout=30,
        headers={"Connection": "close", "Accept": "application/json", **headers},
    ).status_code


@pytest.fixture(scope="module", params=["redis", "file"])
def server(request, tiny_store_path, tmp_path_factory):
    """gunicorn, 2 workers, users mode; shared state in Redis or in gunicorn's private directory."""
    directory = tmp_path_factory.mktemp(f"shared-{request.param}")
    users = write_users(directory / "users.json")
    started = []
    env = {
        "EUIOM_STORE": str(tiny_store_path),
        "EUIOM_AUTH": "users",
        "EUIOM_SECRET_KEY": SECRET,
        "EUIOM_USERS_FILE": str(users),
        "EUIOM_CACHE_DIR": "off",
        "EUIOM_API_RATE": "10/minute",
        "GUNICORN_CMD_ARGS": f"--access-logformat '{ACCESS_FORMAT}'",
    }
    try:
        if request.param == "redis":
            redis, url = start_redis(directory)
            started.append(redis)
            env["EUIOM_REDIS_URL"] = url
        port = free_port()
        log = directory / "gunicorn.log"
        gunicorn = start_gunicorn(env, port, log, workers=2)
        started.insert(0, gunicorn)
        base = f"http://127.0.0.1:{port}"

        def ready() -> bool:
            try:
                return (
                    len(worker_pids(gunicorn.pid)) == 2
                    and requests.get(base + "/auth/login", timeout=2).ok
                )
            except requests.RequestException:
                return False

        wait_until(ready, 90, "gunicorn to start")

        def both_workers_answer() -> bool:  # a worker still warming up takes no connection yet
            requests.get(base + "/auth/login", timeout=10, headers={"Connection": "close"})
            return len(workers_seen(log, "/auth/login")) == 2

        wait_until(both_workers_answer, 90, "both workers to answer")
        yield base, log, users, request.param
    finally:
        stop(started)


def workers_seen(log: Path, path: str) -> set[str]:
    return set(
        re.findall(rf"worker=<?(\d+)>? \w+ {re.escape(path)} ", log.read_text(errors="replace"))
    )


def test_a_cookie_captured_before_sign_out_stops_working_on_every_worker(server):
    base, log, _, _ = server
    signed_in = fresh_sign_in(base, "ana")
    assert signed_in.status_code == 302
    captured = signed_in.cookies_after
    assert {status_with_cookie(base, "/_dash-layout", captured) for _ in range(8)} == {200}
    # Sign out, as the browser's form does (the CSRF token of the page).
    page = requests.get(base + "/", cookies=captured, timeout=30, headers={"Connection": "close"})
    token = page.cookies.get("_csrf_token")
    out = requests.post(
        base + "/auth/logout",
        cookies=captured,
        data={"csrf_token": token},
        timeout=30,
        allow_redirects=False,
        headers={"Connection": "close"},
    )
    assert out.status_code == 302
    replayed = [status_with_cookie(base, "/_dash-layout", captured) for _ in range(12)]
    assert set(replayed) == {401}, replayed
    assert len(workers_seen(log, "/_dash-layout")) == 2


def test_the_api_rate_limit_is_one_budget_for_all_workers(server):
    base, log, _, _ = server
    analyst = fresh_sign_in(base, "ana").cookies_after
    statuses = [status_with_cookie(base, "/api/v1/charts", analyst) for _ in range(25)]
    # EUIOM_API_RATE=10/minute for this user, whichever worker answers.
    assert statuses == [200] * 10 + [429] * 15, statuses
    assert len(workers_seen(log, "/api/v1/charts")) == 2


def test_removing_a_user_or_changing_their_password_ends_sessions_and_tokens_everywhere(server):
    base, _, users, _ = server
    cli = [sys.executable, "-m", "dashboard"]
    env_file = {"EUIOM_USERS_FILE": str(users)}
    vera = fresh_sign_in(base, "vera").cookies_after
    assert status_with_cookie(base, "/_dash-layout", vera) == 200
    subprocess.run(
        [*cli, "add-user", "vera", "--roles", "viewer", "--password-stdin"],
        input="a brand new password\n",
        text=True,
        cwd=ROOT,
        env={**_environ(), **env_file},
        check=True,
        capture_output=True,
    )
    assert {status_with_cookie(base, "/_dash-layout", vera) for _ in range(6)} == {401}
    dana = fresh_sign_in(base, "dana").cookies_after
    subprocess.run(
        [*cli, "remove-user", "dana"],
        cwd=ROOT,
        env={**_environ(), **env_file},
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [*cli, "add-user", "dana", "--roles", "data_manager", "--password-stdin"],
        input=PASSWORD + "\n",
        text=True,
        cwd=ROOT,
        env={**_environ(), **env_file},
        check=True,
        capture_output=True,
    )
    # The name is back, with the same password: the old session is not.
    assert {status_with_cookie(base, "/_dash-layout", dana) for _ in range(6)} == {401}
    assert fresh_sign_in(base, "dana").status_code == 302


def test_wrong_passwords_are_counted_once_for_all_workers(server):
    # Last: afterwards this address (loopback) must wait before signing in again.
    base, log, _, backend = server
    statuses = [
        fresh_sign_in(base, "dana", f"not the password, guess {n}").status_code for n in range(40)
    ]
    counted = statuses.index(429) if 429 in statuses else len(statuses)
    print(
        f"{backend}: {counted} of 40 wrong passwords answered before the address had to wait "
        f"(workers answering: {len(workers_seen(log, '/auth/login'))})"
    )
    assert len(workers_seen(log, "/auth/login")) == 2
    assert (
        counted == 5
    )  # EUIOM_SIGN_IN_SOURCE_RATE's first window: 5/minute, whichever worker answers
    assert set(statuses[counted:]) == {429}


def _environ() -> dict[str, str]:
    return dict(os.environ)
