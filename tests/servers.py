"""Real servers for tests, started on loopback by the tests themselves: gunicorn, Redis, HAProxy.

Nothing here is mocked: gunicorn serves the app as ``make serve`` does, Debian's ``redis-server``
(``scripts/install_redis.sh``) and HAProxy (``scripts/install_haproxy.sh``) run as on a server.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.25)
    pytest.fail(f"not within {seconds} s: {what}")


def answers(url: str, **kwargs) -> bool:
    try:
        return requests.get(url, timeout=2, allow_redirects=False, **kwargs).status_code < 500
    except requests.RequestException:
        return False


def start_gunicorn(env: dict[str, str], port: int, log: Path, workers: int = 2) -> subprocess.Popen:
    """gunicorn with the project's configuration, ``workers`` processes, on 127.0.0.1:``port``."""
    environ = {
        **os.environ,
        "EUIOM_HOST": "127.0.0.1",
        "EUIOM_PORT": str(port),
        "EUIOM_WORKERS": str(workers),
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "dashboard.wsgi:server"],
        cwd=ROOT,
        env=environ,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def start_redis(directory: Path) -> tuple[subprocess.Popen, str]:
    """Debian's redis-server on a free loopback port, no persistence; returns it and its URL."""
    if not Path(REDIS_SERVER).exists():
        pytest.fail("redis-server not found: run scripts/install_redis.sh (make test does)")
    port = free_port()
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
            "--protected-mode",
            "yes",
        ],
        stdout=(directory / "redis.log").open("wb"),
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
    return process, f"redis://127.0.0.1:{port}/0"


def start_haproxy(config: str, directory: Path) -> subprocess.Popen:
    """Debian's HAProxy with ``config`` (in the foreground, logging to ``directory``)."""
    if not Path(HAPROXY).exists():
        pytest.fail("HAProxy not found: run scripts/install_haproxy.sh (make test does)")
    path = directory / "haproxy.cfg"
    path.write_text(config)
    return subprocess.Popen(
        [HAPROXY, "-f", str(path), "-db"],
        stdout=subprocess.DEVNULL,
        stderr=(directory / "haproxy.log").open("wb"),
    )


def stop(processes: list[subprocess.Popen]) -> None:
    """Stop what a test started, each by its own process."""
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()


def worker_pids(master: int) -> list[int]:
    """The processes whose parent is ``master`` (gunicorn's workers)."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master:
                pids.append(int(entry))
    return pids


def rss_bytes(pid: int) -> int:
    """Resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def post_large_body(
    port: int,
    size: int,
    *,
    chunked: bool,
    path: str = "/_dash-update-component",
    timeout: float = 60,
) -> tuple[str, str, int, float]:
    """POST ``size`` bytes (with Content-Length, or chunked without it), sending 1 MiB at a time
    and stopping as soon as the server answers; returns (status line, body, bytes sent, seconds
    until the answer)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    started = time.monotonic()
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
    head += "Transfer-Encoding: chunked\r\n\r\n" if chunked else f"Content-Length: {size}\r\n\r\n"
    sock.sendall(head.encode())
    piece = b'{"output": "' + b"x" * ((1 << 20) - 12)
    sent, answer = 0, b""
    try:
        while sent < size:
            sock.setblocking(False)
            try:
                answer = sock.recv(65536)
                break  # the server answered (or closed) before the body was sent
            except BlockingIOError:
                pass
            sock.setblocking(True)
            sock.settimeout(timeout)
            sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
            sent += len(piece)
    except OSError:
        pass
    sock.setblocking(True)
    sock.settimeout(timeout)
    try:  # the rest of the answer: its head, then as many bytes as its Content-Length
        while b"\r\n\r\n" not in answer:
            data = sock.recv(65536)
            if not data:
                break
            answer += data
        answered = time.monotonic() - started
        head_bytes, _, body = answer.partition(b"\r\n\r\n")
        length = int(
            dict(
                line.split(b": ", 1) for line in head_bytes.split(b"\r\n")[1:] if b": " in line
            ).get(b"Content-Length", b"0")
        )
        while len(body) < length:
            data = sock.recv(65536)
            if not data:
                break
            body += data
    except OSError:
        answered, head_bytes, body = time.monotonic() - started, answer, b""
    sock.close()
    return (
        head_bytes.decode("latin-1").split("\r\n", 1)[0],
        body.decode("utf-8", "replace"),
        sent,
        answered,
    )
