"""Redis down while the app runs with EUIOM_REDIS_URL: one line and 503, never a 500 or a traceback,
and /healthz says the shared state is down; everything works again once Redis is back.

Real gunicorn (2 workers) and Debian's redis-server on loopback, stopped and started again by the test.
"""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest
import requests
from test_shared_state import fresh_sign_in

from auth_helpers import SECRET, write_users
from servers import REDIS_SERVER, free_port, start_gunicorn, stop, wait_until


def redis_on(port: int, directory: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            REDIS_SERVER,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(directory),
        ],
        stdout=(directory / "redis.log").open("ab"),
        stderr=subprocess.STDOUT,
    )

    def up() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    wait_until(up, 20, "redis-server to answer")
    return process


def health(base: str) -> requests.Response | None:
    try:
        return requests.get(base + "/healthz", timeout=10, headers={"Connection": "close"})
    except requests.RequestException:
        return None


def test_redis_down_is_a_503_in_one_line_and_health_says_so(tiny_store_path, tmp_path):
    if not Path(REDIS_SERVER).exists():
        pytest.fail("redis-server not found: run scripts/install_redis.sh (make test does)")
    redis_port = free_port()
    redis = redis_on(redis_port, tmp_path)
    started = [redis]
    users = write_users(tmp_path / "users.json")
    env = {
        "EUIOM_STORE": str(tiny_store_path),
        "EUIOM_AUTH": "users",
        "EUIOM_SECRET_KEY": SECRET,
        "EUIOM_USERS_FILE": str(users),
        "EUIOM_CACHE_DIR": "off",
        "EUIOM_REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
    }
    try:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = tmp_path / "gunicorn.log"
        started.insert(0, start_gunicorn(env, port, log, workers=2))
        wait_until(
            lambda: (answer := health(base)) is not None and answer.status_code == 200,
            90,
            "gunicorn",
        )
        assert health(base).json()["shared_state"] == "ok (redis)"
        signed_in = fresh_sign_in(base, "vera")
        assert signed_in.status_code in (302, 303), signed_in.text
        cookies = signed_in.cookies_after

        redis.terminate()
        redis.wait(20)
        anonymous = requests.get(
            base + "/", timeout=30, allow_redirects=False, headers={"Connection": "close"}
        )
        assert (
            anonymous.status_code == 302 and "/auth/login" in anonymous.headers["Location"]
        )  # then a 503
        for path, kwargs in (("/", {"cookies": cookies}), ("/api/v1/charts", {"cookies": cookies})):
            answer = requests.get(
                base + path,
                timeout=30,
                allow_redirects=False,
                headers={"Connection": "close"},
                **kwargs,
            )
            assert answer.status_code == 503, (path, answer.status_code, answer.text[:300])
            text = answer.json()["error"] if path.startswith("/api/") else answer.text
            assert "Redis" in text and "Traceback" not in text and text.strip().count("\n") == 0, (
                text
            )
        # The sign-in form needs no shared state (an anonymous visit makes no session); signing in does.
        form = requests.get(base + "/auth/login", timeout=30, headers={"Connection": "close"})
        assert form.status_code == 200 and "password" in form.text
        refused = fresh_sign_in(base, "vera")
        assert (
            refused.status_code == 503
            and "Redis" in refused.text
            and "Traceback" not in refused.text
        ), refused.text
        down = health(base)
        assert down.status_code == 503 and down.json()["shared_state"].startswith("down (redis"), (
            down.text
        )

        started[1] = redis_on(redis_port, tmp_path)
        wait_until(
            lambda: (answer := health(base)) is not None and answer.status_code == 200,
            30,
            "recovery",
        )
        assert (
            requests.get(
                base + "/auth/login", timeout=30, headers={"Connection": "close"}
            ).status_code
            == 200
        )
        assert fresh_sign_in(base, "vera").status_code in (302, 303)
    finally:
        stop(started)
