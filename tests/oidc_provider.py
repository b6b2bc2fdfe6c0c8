"""A small OpenID Connect provider for tests, built with Authlib's server components.

Real protocol, served by werkzeug on loopback: a discovery document, a login form, the
authorization code flow with PKCE (S256 required), RS256-signed ID tokens whose keys are published
as a JWKS, a ``groups`` claim, refresh tokens, a userinfo endpoint, and RP-initiated sign-out. It
keeps no sign-in session of its own, so every sign-in shows the login form.

``token_lifetime`` sets how long access tokens live; ``remove_user`` takes a person away (their
refresh tokens and userinfo stop working, as at a real provider); ``sign_with_wrong_key`` makes it
sign ID tokens with a key it does not publish (an attacker's forged token).
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field

from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import ClientMixin, grants
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import AuthorizationCodeMixin, UserInfo
from authlib.oidc.core.grants import OpenIDCode
from flask import Flask, abort, jsonify, redirect, render_template_string, request
from joserfc.jwk import RSAKey
from werkzeug.serving import make_server

LOGIN_FORM = """<!DOCTYPE html><html lang="en"><head><title>Test identity provider</title></head><body>
<main><h1>Test identity provider</h1>
{% if error %}<p role="alert">{{ error }}</p>{% endif %}
<form method="post" action="/authorize?{{ query }}">
<label>Email or user name <input name="username" id="idp-username"></label>
<label>Password <input name="password" type="password" id="idp-password"></label>
<button type="submit" id="idp-submit">Continue</button>
</form></main></body></html>"""


@dataclass(frozen=True)
class IdpUser:
    """A person the provider knows."""

    sub: str
    name: str
    password: str
    groups: tuple[str, ...]


@dataclass
class Client(ClientMixin):
    """A registered relying party (confidential: it has a secret; it must use PKCE too)."""

    client_id: str
    client_secret: str
    redirect_uris: list[str] = field(default_factory=list)
    post_logout_redirect_uris: list[str] = field(default_factory=list)

    def get_client_id(self):
        return self.client_id

    def get_default_redirect_uri(self):
        return self.redirect_uris[0] if self.redirect_uris else None

    def get_allowed_scope(self, scope):
        return " ".join(
            part
            for part in (scope or "").split()
            if part in ("openid", "profile", "email", "groups")
        )

    def check_redirect_uri(self, redirect_uri):
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret):
        return secrets.compare_digest(client_secret or "", self.client_secret)

    def check_endpoint_auth_method(self, method, endpoint):
        return endpoint != "token" or method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type in ("authorization_code", "refresh_token")


@dataclass
class Code(AuthorizationCodeMixin):
    """An issued authorization code."""

    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: IdpUser
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    auth_time: int = field(default_factory=lambda: int(time.time()))

    def get_redirect_uri(self):
        return self.redirect_uri

    def get_scope(self):
        return self.scope

    def get_nonce(self):
        return self.nonce

    def get_auth_time(self):
        return self.auth_time

    def get_acr(self):
        return None

    def get_amr(self):
        return None


@dataclass
class IssuedToken:
    """An access token (and its refresh token) the provider gave."""

    access_token: str
    refresh_token: str | None
    client_id: str
    sub: str
    scope: str
    expires_at: float

    def check_client(self, client):
        return client.get_client_id() == self.client_id

    def get_scope(self):
        return self.scope

    def is_revoked(self):
        return False

    def is_expired(self):
        return False


class LocalOidcProvider:
    """The provider's state and its Flask app; ``start()`` serves it on a free loopback port."""

    def __init__(self, users: list[IdpUser], token_lifetime: int = 3600):
        self.users = {user.sub: user for user in users}
        self.clients: dict[str, Client] = {}
        self.codes: dict[str, Code] = {}
        self.tokens: dict[str, IssuedToken] = {}  # by access token and by refresh token
        self.issued_tokens = 0
        self.refreshes = 0
        self.token_lifetime = token_lifetime
        self.sign_with_wrong_key = False
        self.key = RSAKey.generate_key(
            2048, parameters={"kid": "test-signing-key", "use": "sig", "alg": "RS256"}, private=True
        )
        self.wrong_key = RSAKey.generate_key(
            2048, parameters={"kid": "test-signing-key", "use": "sig", "alg": "RS256"}, private=True
        )
        self._server = make_server("127.0.0.1", 0, self._app(), threaded=True)
        self.issuer = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> LocalOidcProvider:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()

    def add_client(self, client_id: str, client_secret: str, app_url: str) -> None:
        """Register a relying party served at ``app_url`` (more than one address may be added)."""
        known = self.clients.get(client_id)
        client = known or Client(client_id, client_secret)
        client.redirect_uris.append(f"{app_url}/auth/oidc/callback")
        client.post_logout_redirect_uris.append(f"{app_url}/auth/login")
        self.clients[client_id] = client

    def remove_user(self, sub: str) -> None:
        """The person leaves the organisation: they can no longer sign in, refresh or read userinfo."""
        self.users.pop(sub, None)

    def _save_token(self, token: dict, request) -> None:
        issued = IssuedToken(
            token["access_token"],
            token.get("refresh_token"),
            request.client.get_client_id(),
            request.user.sub,
            token.get("scope", ""),
            time.time() + int(token.get("expires_in", 0)),
        )
        self.tokens[issued.access_token] = issued
        if issued.refresh_token:
            self.tokens[issued.refresh_token] = issued

    def _app(self) -> Flask:
        app = Flask("test-oidc-provider")
        app.secret_key = secrets.token_hex(16)
        app.config["OAUTH2_REFRESH_TOKEN_GENERATOR"] = True
        provider = self
        app.config["OAUTH2_TOKEN_EXPIRES_IN"] = {
            "authorization_code": provider.token_lifetime,
            "refresh_token": provider.token_lifetime,
        }

        class CodeGrant(grants.AuthorizationCodeGrant):
            TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

            def save_authorization_code(self, code, request):
                data = request.payload.data
                provider.codes[code] = Code(
                    code,
                    request.client.client_id,
                    request.payload.redirect_uri,
                    request.scope,
                    request.user,
                    data.get("nonce"),
                    data.get("code_challenge"),
                    data.get("code_challenge_method"),
                )

            def query_authorization_code(self, code, client):
                item = provider.codes.get(code)
                return item if item is not None and item.client_id == client.client_id else None

            def delete_authorization_code(self, authorization_code):
                provider.codes.pop(authorization_code.code, None)

            def authenticate_user(self, authorization_code):
                return authorization_code.user

        class IdToken(OpenIDCode):
            def exists_nonce(self, nonce, request):
                return any(code.nonce == nonce for code in provider.codes.values())

            def resolve_client_private_key(self, client):
                return provider.wrong_key if provider.sign_with_wrong_key else provider.key

            def get_client_algorithm(self, client):
                return "RS256"

            def get_encode_header(self, client):
                return {"alg": "RS256", "kid": "test-signing-key"}

            def get_client_claims(self, client):
                return {"iss": provider.issuer, "aud": [client.get_client_id()]}

            def generate_user_info(self, user, scope):
                provider.issued_tokens += 1
                return UserInfo(
                    sub=user.sub,
                    name=user.name,
                    email=f"{user.sub}@example.org",
                    groups=list(user.groups),
                )

        class RefreshGrant(grants.RefreshTokenGrant):
            TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

            def authenticate_refresh_token(self, refresh_token):
                issued = provider.tokens.get(refresh_token)
                return (
                    issued if issued is not None and issued.refresh_token == refresh_token else None
                )

            def authenticate_user(self, refresh_token):
                return provider.users.get(refresh_token.sub)  # None once removed: the grant fails

            def revoke_old_credential(self, refresh_token):
                provider.refreshes += 1

        server = AuthorizationServer(
            app,
            query_client=lambda client_id: provider.clients.get(client_id),
            save_token=provider._save_token,
        )
        server.register_grant(
            CodeGrant, [IdToken(require_nonce=True), CodeChallenge(required=True)]
        )
        server.register_grant(RefreshGrant)

        @app.get("/.well-known/openid-configuration")
        def discovery():
            return jsonify(
                {
                    "issuer": provider.issuer,
                    "authorization_endpoint": f"{provider.issuer}/authorize",
                    "token_endpoint": f"{provider.issuer}/token",
                    "jwks_uri": f"{provider.issuer}/jwks",
                    "userinfo_endpoint": f"{provider.issuer}/userinfo",
                    "end_session_endpoint": f"{provider.issuer}/logout",
                    "response_types_supported": ["code"],
                    "subject_types_supported": ["public"],
                    "id_token_signing_alg_values_supported": ["RS256"],
                    "code_challenge_methods_supported": ["S256"],
                    "scopes_supported": ["openid", "profile", "email", "groups"],
                    "token_endpoint_auth_methods_supported": [
                        "client_secret_basic",
                        "client_secret_post",
                    ],
                    "claims_supported": ["sub", "name", "email", "groups"],
                }
            )

        @app.get("/userinfo")
        def userinfo():
            scheme, _, value = request.headers.get("Authorization", "").partition(" ")
            issued = provider.tokens.get(value) if scheme.lower() == "bearer" else None
            user = provider.users.get(issued.sub) if issued is not None else None
            if (
                issued is None
                or issued.access_token != value
                or issued.expires_at < time.time()
                or user is None
            ):
                return jsonify(error="invalid_token"), 401
            return jsonify(
                sub=user.sub,
                name=user.name,
                email=f"{user.sub}@example.org",
                groups=list(user.groups),
            )

        @app.get("/jwks")
        def jwks():
            return jsonify({"keys": [provider.key.as_dict(private=False)]})

        @app.route("/authorize", methods=["GET", "POST"])
        def authorize():
            query = request.query_string.decode()
            if request.method == "GET":
                server.get_consent_grant(
                    end_user=None
                )  # refuses a bad client, redirect or challenge
                return render_template_string(LOGIN_FORM, query=query, error="")
            user = provider.users.get(request.form.get("username", ""))
            if user is None or not secrets.compare_digest(
                request.form.get("password", ""), user.password
            ):
                return render_template_string(
                    LOGIN_FORM, query=query, error="Unknown user or wrong password"
                ), 401
            return server.create_authorization_response(grant_user=user)

        @app.post("/token")
        def token():
            return server.create_token_response()

        @app.get("/logout")
        def logout():
            client = provider.clients.get(request.args.get("client_id", ""))
            after = request.args.get("post_logout_redirect_uri", "")
            if client is None or after.split("?")[0] not in client.post_logout_redirect_uris:
                abort(400)
            return redirect(after)

        return app
