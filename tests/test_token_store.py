"""API tokens created and revoked by several processes at once: none is lost, none comes back.

Before: each worker held a thread lock around its read-change-write of the tokens file, so two
workers (or servers) rewrote it from copies read before each other's change: 12 tokens created at
once through two servers left 8 that worked, and a revoked token still worked once in 15 tries.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from dashboard.auth.tokens import TokenStore

PROCESSES = 8
EACH = 6


def create_tokens(path: str, worker: int, gate) -> list[str]:
    gate.wait()
    store = TokenStore(Path(path))
    return [
        store.create(f"user{worker}", ("analyst",), f"t{number}", user_id=f"id{worker}")[0]
        for number in range(EACH)
    ]


def revoke_and_create(path: str, worker: int, token_id: str, gate) -> str:
    gate.wait()
    store = TokenStore(Path(path))
    if worker % 2:
        store.revoke("victim-id", token_id)
        return ""
    return store.create("other", ("analyst",), "new", user_id=f"other{worker}")[0]


def test_tokens_created_by_many_processes_at_once_all_work(tmp_path):
    path = tmp_path / "api_tokens.json"
    context = multiprocessing.get_context("spawn")
    gate = context.Manager().Barrier(PROCESSES)
    with context.Pool(PROCESSES) as pool:
        made = pool.starmap(
            create_tokens, [(str(path), worker, gate) for worker in range(PROCESSES)]
        )
    tokens = [token for batch in made for token in batch]
    store = TokenStore(path)
    assert len(tokens) == PROCESSES * EACH
    assert all(store.find(token) is not None for token in tokens)
    assert len(store._read()) == PROCESSES * EACH


def test_a_token_revoked_while_others_are_created_stays_revoked(tmp_path):
    path = tmp_path / "api_tokens.json"
    store = TokenStore(path)
    context = multiprocessing.get_context("spawn")
    for _trial in range(5):
        victim, record = store.create("victim", ("analyst",), "victim", user_id="victim-id")
        gate = context.Manager().Barrier(PROCESSES)
        with context.Pool(PROCESSES) as pool:
            made = pool.starmap(
                revoke_and_create,
                [(str(path), worker, record.token_id, gate) for worker in range(PROCESSES)],
            )
        assert store.find(victim) is None
        assert all(store.find(token) is not None for token in made if token)
