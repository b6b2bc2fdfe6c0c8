"""Refusals and failures speak the page's language: French when the page is French (lang in the
address, in the address of the page that sent the request, or the browser's Accept-Language),
English otherwise. Checked through the app for 400, 403, 404, 413 and 429, and on the handlers
for 500 and 503 (no request of a healthy app fails that way on purpose)."""

from __future__ import annotations

import pytest
import redis
from werkzeug.exceptions import InternalServerError

from dashboard.app import create_app
from dashboard.server.http_errors import unexpected
from dashboard.server.request_limits import CALLBACK_BODY_BYTES

from auth_helpers import SECRET, write_users
from conftest import settings_for

FRENCH = {"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}


@pytest.fixture(scope="module")
def client(tiny_store_path):
    return create_app(settings_for(tiny_store_path, api_rate="2/minute")).server.test_client()


def text(answer) -> str:
    return answer.get_json()["error"] if answer.is_json else answer.get_data(as_text=True).strip()


@pytest.mark.parametrize(
    ("headers", "query", "expected"),
    [
        (FRENCH, "", "Introuvable."),
        ({}, "?lang=fr", "Introuvable."),
        (ENGLISH, "", "Not found."),
        ({}, "", "Not found."),
        (FRENCH, "?lang=en", "Not found."),
    ],
)
def test_404_in_the_page_language(client, headers, query, expected):
    answer = client.get("/_dash-component-suites/dash/nothing.js" + query, headers=headers)
    assert answer.status_code == 404 and text(answer) == expected


def test_400_413_and_429_in_french(client):
    malformed = client.post(
        "/_dash-update-component",
        data=b'{"output": 1}',
        content_type="application/json",
        headers={"Referer": "http://127.0.0.1/map?lang=fr"},
    )  # a callback of a French page
    assert malformed.status_code == 400 and text(malformed) == "Requête de rappel mal formée."
    assert (
        text(
            client.post(
                "/_dash-update-component",
                data=b"{}",
                content_type="application/json",
                headers=ENGLISH,
            )
        )
        == "Malformed callback request."
    )
    path = client.get("/auth/%2e%2e/import", headers=FRENCH)
    assert path.status_code == 400 and text(path).startswith(
        "Requête incorrecte\u00a0: le chemin contient"
    )
    too_large = client.post(
        "/_dash-update-component",
        data=b"[" * (CALLBACK_BODY_BYTES + 1),
        content_type="application/json",
        headers=FRENCH,
    )
    assert too_large.status_code == 413 and text(too_large) == "Requête trop volumineuse."
    answers = [client.get("/api/v1/charts", headers=FRENCH) for _ in range(3)]
    assert answers[-1].status_code == 429 and text(answers[-1]).startswith("Trop de requêtes")


def test_403_in_french(tiny_store_path, tmp_path):
    users = write_users(tmp_path / "users.json")
    client = create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users)
    ).server.test_client()
    cross_site = client.post(
        "/_dash-update-component?lang=fr", json={}, headers={"Origin": "https://evil.example"}
    )
    assert (
        cross_site.status_code == 403
        and text(cross_site) == "Requête venant d’un autre site refusée."
    )
    signed_out = client.post("/_dash-update-component", json={}, headers=FRENCH)
    assert signed_out.status_code == 401 and text(signed_out) == "Connectez-vous d’abord."


@pytest.mark.parametrize(
    ("failure", "status", "french"),
    [
        (RuntimeError("a bug"), 500, "Le serveur n’a pas pu répondre à cette requête."),
        (redis.ConnectionError("Connection refused"), 503, "L’état partagé (Redis) ne répond pas"),
    ],
)
def test_500_and_503_in_french(client, failure, status, french):
    with client.application.test_request_context("/map?lang=fr"):
        answer = unexpected(InternalServerError(original_exception=failure))
    assert answer.status_code == status and answer.get_data(as_text=True).startswith(french)
    with client.application.test_request_context("/map", headers=ENGLISH):
        assert "French" not in unexpected(InternalServerError(original_exception=failure)).get_data(
            as_text=True
        )
