"""Hand-made requests an attacker with the code would send: tampered callback bodies and a forged
OpenID Connect ID token. Each gets a 4xx with one line, never a 500 or a traceback.

(Bodies over the size limit and paths not in normal form: tests/test_request_limits.py.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from dashboard import ids
from dashboard.app import create_app

from auth_helpers import SECRET, SignedInClient, page_body, write_users
from conftest import settings_for
from oidc_provider import IdpUser, LocalOidcProvider
from test_auth_oidc_http import PEOPLE, oidc_app
from test_auth_oidc_http import sign_in as oidc_sign_in

CALLBACK = "/_dash-update-component"
PAGE = {"id": ids.PAGE_CONTENT, "property": "children"}
URL_INPUTS = [
    {"id": ids.URL, "property": "pathname", "value": "/"},
    {"id": ids.LANGUAGE_STORE, "property": "data", "value": "en"},
]

# (body, content type): shapes no Dash renderer sends. The first five answered 500 before.
TAMPERED = {
    "output is a list": (
        json.dumps({"output": [ids.PAGE_CONTENT + ".children"], "outputs": PAGE, "inputs": []}),
        "application/json",
    ),
    "an input without id": (
        json.dumps(
            {
                "output": ids.PAGE_CONTENT + ".children",
                "outputs": PAGE,
                "inputs": [{}],
                "changedPropIds": [],
            }
        ),
        "application/json",
    ),
    "inputs of the wrong types": (
        json.dumps(
            {
                "output": ids.PAGE_CONTENT + ".children",
                "outputs": PAGE,
                "inputs": [{"id": 5, "property": None, "value": 1}, {"id": "x"}],
                "changedPropIds": 5,
            }
        ),
        "application/json",
    ),
    "no outputs": (
        json.dumps(
            {
                "output": ids.PAGE_CONTENT + ".children",
                "outputs": [],
                "inputs": [],
                "changedPropIds": ["x"],
            }
        ),
        "application/json",
    ),
    "changedPropIds of the wrong types": (
        json.dumps(
            {
                "output": ids.PAGE_CONTENT + ".children",
                "outputs": PAGE,
                "inputs": URL_INPUTS,
                "state": [{"id": ids.URL, "property": "search", "value": ""}],
                "changedPropIds": [5, None, {"a": 1}],
            }
        ),
        "application/json",
    ),
    "wrong types everywhere": (
        '{"output": 5, "outputs": "x", "inputs": {"a": 1}, "state": 7}',
        "application/json",
    ),
    "missing keys": (json.dumps({"output": ids.PAGE_CONTENT + ".children"}), "application/json"),
    "too many inputs": (
        json.dumps(
            {
                "output": ids.PAGE_CONTENT + ".children",
                "outputs": PAGE,
                "inputs": URL_INPUTS * 3,
                "state": [],
                "changedPropIds": [],
            }
        ),
        "application/json",
    ),
    "huge nesting": (
        '{"output":"x","outputs":' + "[" * 200_000 + "]" * 200_000 + ',"inputs":[]}',
        "application/json",
    ),
    "nesting in an id": (
        '{"output":"x","outputs":{"id":' + '{"a":' * 50_000 + "1" + "}" * 50_000 + '},"inputs":[]}',
        "application/json",
    ),
    "not JSON": ("output=x&inputs=y", "application/json"),
    "a form": ("output=x&inputs=y", "application/x-www-form-urlencoded"),
    "JSON sent as text": (json.dumps(page_body("/")), "text/plain"),
    "an array": ("[1,2,3]", "application/json"),
    "bad UTF-8": (b'{"output": "\xff\xfe"}', "application/json"),
    "NaN": ('{"output": NaN}', "application/json"),
}


@pytest.fixture(scope="module", params=["open", "users"])
def client(request, tiny_store_path, tmp_path_factory):
    if request.param == "open":
        return create_app(settings_for(tiny_store_path)).server.test_client()
    users_file = write_users(tmp_path_factory.mktemp("users") / "users.json")
    return SignedInClient(
        create_app(
            settings_for(
                tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users_file
            )
        )
    )


@pytest.mark.parametrize("name", TAMPERED)
def test_a_tampered_callback_body_is_a_one_line_client_error(client, name):
    body, content_type = TAMPERED[name]
    answer = client.post(CALLBACK, data=body, content_type=content_type)
    text = answer.get_data(as_text=True)
    assert answer.status_code == 400, (name, answer.status_code, text[:200])
    assert text == "Malformed callback request.\n"


def test_the_renderers_own_body_still_answers(client):
    assert client.post(CALLBACK, json=page_body("/")).status_code == 200


@pytest.fixture()
def provider() -> Iterator[LocalOidcProvider]:
    started = LocalOidcProvider(
        [IdpUser(*vars(person).values()) for person in PEOPLE.values()]
    ).start()
    yield started
    started.stop()


def test_an_id_token_with_a_bad_signature_is_refused_in_one_line(provider, tiny_store_path):
    live = oidc_app(provider, tiny_store_path)
    try:
        provider.sign_with_wrong_key = True  # signed with a key the provider does not publish
        _, answer = oidc_sign_in(live.url, provider, "dora")
        assert answer.status_code == 400
        assert answer.url.startswith(live.url + "/auth/oidc/callback")
        message = (
            "The sign-in with your organisation did not complete (bad_signature). Please try again."
        )
        assert message in answer.text and "Traceback" not in answer.text
        provider.sign_with_wrong_key = False
        assert oidc_sign_in(live.url, provider, "dora")[1].status_code == 200
    finally:
        live.server.shutdown()
