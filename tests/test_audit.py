"""Sign-ins, sign-outs, API tokens and user changes leave an audit entry, in a chained log that
``python -m dashboard audit`` checks and prints.

Before: tokens created and revoked, sign-ins that succeeded or failed and sign-outs left nothing.
"""

from __future__ import annotations

import json
import multiprocessing
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import audit
from dashboard.app import create_app

from auth_helpers import PASSWORD, SECRET, csrf_header, form_token, sign_in, write_users
from conftest import settings_for

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        input=PASSWORD + "\n",
    )


@pytest.fixture()
def app_and_log(tiny_store_path, tmp_path):
    log = tmp_path / "audit.jsonl"
    users = write_users(tmp_path / "users.json")
    app = create_app(
        settings_for(
            tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users, audit_log=log
        )
    )
    return app, log


def events(log: Path) -> list[tuple]:
    return [
        (entry["event"], entry["user"], entry["detail"].get("reason", ""))
        for entry in audit.read(log)
    ]


def test_sign_ins_sign_outs_and_tokens_each_leave_one_entry(app_and_log):
    app, log = app_and_log
    client = app.server.test_client()
    assert sign_in(client, "ana", "not the password").status_code == 401
    assert sign_in(client, "ana").status_code == 302
    page = client.get("/tokens").get_data(as_text=True)
    created = client.post(
        "/tokens", data={"action": "create", "label": "my script", "csrf_token": form_token(page)}
    )
    token_id = re.search(r'name="token_id" value="([^"]+)"', created.get_data(as_text=True)).group(
        1
    )
    client.post(
        "/tokens",
        data={
            "action": "revoke",
            "token_id": token_id,
            "csrf_token": form_token(created.get_data(as_text=True)),
        },
    )
    client.post("/auth/logout", data={"csrf_token": csrf_header(client)["X-CSRFToken"]})
    assert events(log) == [
        ("sign_in_failed", "ana", "wrong user name or password"),
        ("sign_in", "ana", ""),
        ("token_created", "ana", ""),
        ("token_revoked", "ana", ""),
        ("sign_out", "ana", ""),
    ]
    entries = audit.read(log)
    assert entries[2]["detail"] == {"token_id": token_id, "label": "my script"}
    assert all(entry["address"] == "127.0.0.1" and entry["user_id"] for entry in entries[1:])
    text = log.read_text()
    assert (
        PASSWORD not in text and "not the password" not in text and "euiom_" not in text
    )  # no secret


def test_a_token_is_not_given_out_when_its_audit_entry_cannot_be_written(app_and_log):
    app, log = app_and_log
    client = app.server.test_client()
    assert sign_in(client, "ana").status_code == 302
    log.unlink()
    log.mkdir()  # the audit log cannot be written
    page = client.get("/tokens").get_data(as_text=True)
    refused = client.post(
        "/tokens", data={"action": "create", "label": "x", "csrf_token": form_token(page)}
    )
    assert refused.status_code == 503 and "No token was created" in refused.get_data(as_text=True)
    assert 'id="tokens-new-token"' not in refused.get_data(as_text=True)
    assert 'name="token_id"' not in refused.get_data(as_text=True)


def test_the_audit_command_prints_the_log_and_finds_a_damaged_one(tmp_path):
    log = tmp_path / "audit.jsonl"
    users = tmp_path / "users.json"
    env = {"EUIOM_USERS_FILE": str(users), "EUIOM_AUDIT_LOG": str(log)}
    assert (
        cli("add-user", "amina", "--roles", "analyst", "--password-stdin", env=env).returncode == 0
    )
    assert cli("remove-user", "amina", env=env).returncode == 0
    shown = cli("audit", env=env)
    assert shown.returncode == 0 and "2 entries, the chain is whole" in shown.stderr
    assert [line.split()[2] for line in shown.stdout.splitlines()] == ["user_saved", "user_removed"]
    assert [
        json.loads(line)["event"] for line in cli("audit", "--json", env=env).stdout.splitlines()
    ] == ["user_saved", "user_removed"]

    lines = log.read_text().splitlines()
    log.write_text(lines[1] + "\n")  # the first entry removed
    damaged = cli("audit", env=env)
    assert damaged.returncode == 1 and f"The audit log {log} is damaged (line 1" in damaged.stderr
    log.write_text(lines[0].replace("amina", "mallory") + "\n" + lines[1] + "\n")
    assert "the entry was changed after it was written" in cli("audit", env=env).stderr


def append_many(path: str, worker: int, gate) -> None:
    gate.wait()
    for number in range(20):
        audit.append(Path(path), "sign_in", user=f"w{worker}-{number}")


def test_processes_appending_at_once_keep_one_whole_chain(tmp_path):
    log = tmp_path / "audit.jsonl"
    context = multiprocessing.get_context("spawn")
    gate = context.Manager().Barrier(6)
    with context.Pool(6) as pool:
        pool.starmap(append_many, [(str(log), worker, gate) for worker in range(6)])
    entries = audit.read(log)
    assert len(entries) == 120 and [entry["id"] for entry in entries] == list(range(1, 121))
    assert len({entry["user"] for entry in entries}) == 120
