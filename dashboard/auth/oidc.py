"""OpenID Connect sign-in through Authlib: discovery, authorization code flow with PKCE (S256),
ID token checked against the provider's keys (signature, issuer, audience, expiry, nonce), and the
provider's groups mapped to roles by ``EUIOM_OIDC_ROLES``. What the provider said is kept per
person and asked again when its tokens expire (``dashboard.auth.provider_grants``).

The redirect URI is built from ``EUIOM_PUBLIC_URL`` when set (behind a TLS proxy the app itself
sees plain HTTP), else from the request."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.flask_client import OAuth
from flask import Flask, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from joserfc.errors import JoseError
from requests import RequestException

from dashboard import audit
from dashboard.auth.pages import page_language, safe_next
from dashboard.auth.provider_grants import ProviderGrants, oidc_user_id
from dashboard.auth.roles import Role
from dashboard.i18n import t
from dashboard.settings import Settings

LOG = logging.getLogger(__name__)
CLIENT_NAME = "idp"
USERINFO_TIMEOUT = 10


def roles_for_groups(groups: object, role_map: tuple[tuple[str, str], ...]) -> list[str]:
    """The roles the groups claim gives (``*`` matches everyone), in a stable order."""
    if isinstance(groups, str):
        groups = [groups]
    held = (
        {group for group in groups if isinstance(group, str)} if isinstance(groups, list) else set()
    )
    granted = {role for group, role in role_map if group == "*" or group in held}
    return [str(role) for role in Role if role in granted]


def display_name(claims: dict) -> str:
    """What the navbar shows for the user: their name, user name, e-mail or subject."""
    for key in ("name", "preferred_username", "email", "sub"):
        if isinstance(claims.get(key), str) and claims[key].strip():
            return claims[key].strip()[:80]
    return "?"


@dataclass
class Provider:
    """The identity provider registered with Authlib."""

    client: Any  # Authlib's registered client (Authlib ships no types)
    issuer: str

    @property
    def origin(self) -> str:
        """scheme://host[:port] of the provider (the sign-out form may be sent there)."""
        parts = urlsplit(self.issuer)
        return f"{parts.scheme}://{parts.netloc}"

    def refresh(self, refresh_token: str) -> tuple[dict, dict]:
        """A refresh-token grant, then the person's claims from the userinfo endpoint.

        Raises:
            AuthlibBaseError, RequestException: the provider refused or did not answer.
        """
        token = self.client.fetch_access_token(
            grant_type="refresh_token", refresh_token=refresh_token
        )
        endpoint = self.client.load_server_metadata().get("userinfo_endpoint")
        if not endpoint:
            return dict(token), {}
        # Plain requests: Authlib's session would treat a token shorter-lived than its 60 s leeway
        # as already expired.
        answer = requests.get(
            endpoint,
            headers={"Authorization": f"Bearer {token['access_token']}"},
            timeout=USERINFO_TIMEOUT,
        )
        answer.raise_for_status()
        claims = answer.json()
        if not isinstance(claims, dict):
            raise ValueError("userinfo is not a JSON object")
        return dict(token), claims

    def end_session_url(self, id_token: str | None, after: str) -> str | None:
        """The provider's sign-out address (RP-initiated logout), or None when it has none."""
        try:
            return self.client.create_logout_url(
                post_logout_redirect_uri=after,
                id_token_hint=id_token,
                client_id=self.client.client_id,
            )["url"]
        except (RuntimeError, AuthlibBaseError, RequestException, ValueError) as error:
            LOG.warning("no provider sign-out: %s", error)
            return None


def register(server: Flask, settings: Settings) -> Provider:
    """Register the provider from its discovery document (read on first sign-in)."""
    oauth = OAuth(server)
    client = oauth.register(
        CLIENT_NAME,
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret or None,
        server_metadata_url=f"{settings.oidc_issuer}/.well-known/openid-configuration",
        client_kwargs={"scope": settings.oidc_scopes, "code_challenge_method": "S256"},
    )
    return Provider(client, settings.oidc_issuer)


def redirect_uri(settings: Settings) -> str:
    """Where the provider sends the browser back: from ``EUIOM_PUBLIC_URL``, else this request's host."""
    if settings.public_url:
        return settings.public_url + "/auth/oidc/callback"
    return url_for("auth_oidc_callback", _external=True)


def add_routes(
    server: Flask,
    provider: Provider,
    settings: Settings,
    login_page: Callable[..., ResponseReturnValue],
    grants: ProviderGrants,
) -> None:
    """``/auth/oidc/start`` sends the browser to the provider; ``/auth/oidc/callback`` signs in."""
    from dashboard.auth.session import start_session

    def start() -> ResponseReturnValue:
        next_path = safe_next(request.args.get("next"))
        try:
            response = provider.client.authorize_redirect(redirect_uri(settings))
        except (AuthlibBaseError, RequestException, ValueError) as error:
            LOG.warning("identity provider unreachable: %s", error)
            lang = page_language(settings, next_path)
            return login_page(
                next_path,
                status=502,
                error=t("auth.provider_error", lang, reason=type(error).__name__),
            )
        session["after_sign_in"] = next_path
        return response

    def callback() -> ResponseReturnValue:
        next_path = safe_next(session.get("after_sign_in"))
        lang = page_language(settings, next_path)
        try:
            token = provider.client.authorize_access_token()
            claims = token.get("userinfo") or {}
            if not claims:
                raise ValueError("no ID token")
        except (AuthlibBaseError, JoseError, RequestException, ValueError, KeyError) as error:
            # A bad signature, issuer, audience, expiry or nonce in the ID token, or a refused code.
            LOG.warning("OIDC sign-in refused: %s", error)
            reason = getattr(error, "error", None) or type(error).__name__
            audit.record(
                settings.audit_path,
                "sign_in_failed",
                address=request.remote_addr or "",
                detail={"reason": f"identity provider: {reason}"},
            )
            return login_page(
                next_path, status=400, error=t("auth.provider_error", lang, reason=reason)
            )
        name = display_name(claims)
        roles = roles_for_groups(claims.get(settings.oidc_groups_claim, []), settings.oidc_role_map)
        user_id = oidc_user_id(provider.issuer, str(claims.get("sub", "")))
        if not roles:
            session.clear()
            audit.record(
                settings.audit_path,
                "sign_in_refused",
                user=name,
                user_id=user_id,
                address=request.remote_addr or "",
                detail={"reason": "no group mapped to a role"},
            )
            return login_page(next_path, status=403, error=t("auth.no_role", lang, name=name))
        grants.record(user_id, token, dict(claims), roles)
        start_session(name, roles, "oidc", user_id=user_id, id_token=token.get("id_token", ""))
        audit.record(
            settings.audit_path,
            "sign_in",
            user=name,
            user_id=user_id,
            address=request.remote_addr or "",
            detail={"mode": "oidc", "roles": ",".join(roles)},
        )
        return redirect(next_path)

    server.add_url_rule("/auth/oidc/start", "auth_oidc_start", start)
    server.add_url_rule("/auth/oidc/callback", "auth_oidc_callback", callback)
