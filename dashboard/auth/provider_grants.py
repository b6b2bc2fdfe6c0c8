"""What the identity provider last confirmed about each signed-in person, and until when.

At sign-in (oidc mode) the provider's answer is kept in the shared state under the person's id:
their roles, the moment its tokens expire (``expires_at``: the access token's lifetime, never
more than the ID token's), and the refresh token if the provider gave one. Sessions and API
tokens of that person are accepted while that moment has not passed. After it, the next request
asks the provider again: a refresh-token grant, then the userinfo endpoint for the groups. If
the provider refuses (the person was removed or disabled, the grant revoked) or gave no refresh
token, the grant is dropped: every session of that person asks to sign in again and their API
tokens stop, within one token lifetime of the removal.

One worker asks at a time per person (a short lock in the shared state); the others keep the
previous answer for up to ``GRACE_SECONDS`` meanwhile.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from authlib.common.errors import AuthlibBaseError
from cachelib import BaseCache
from joserfc.errors import JoseError
from requests import RequestException

LOG = logging.getLogger(__name__)
GRACE_SECONDS = 30
LOCK_SECONDS = 15
DEFAULT_TOKEN_SECONDS = 300  # when the provider says nothing of its tokens' lifetime


def oidc_user_id(issuer: str, subject: str) -> str:
    """A person's stable id: their subject at this issuer (never reused by a conforming provider)."""
    return "oidc-" + hashlib.sha256(f"{issuer}\n{subject}".encode()).hexdigest()[:24]


def expiry_of(token: dict, claims: dict | None = None) -> float:
    """When the provider's answer must be checked again: the access token's expiry, and never after
    the ID token's."""
    now = time.time()
    moments = []
    if isinstance(token.get("expires_at"), int | float):
        moments.append(float(token["expires_at"]))
    elif isinstance(token.get("expires_in"), int | float):
        moments.append(now + float(token["expires_in"]))
    if claims and isinstance(claims.get("exp"), int | float):
        moments.append(float(claims["exp"]))
    return min(moments) if moments else now + DEFAULT_TOKEN_SECONDS


@dataclass
class ProviderGrants:
    """Per person: roles, expiry and refresh token, in the shared state.

    ``refresh`` asks the provider with a refresh token and returns the new token and the person's
    claims (userinfo); ``roles_for`` maps claims to roles.
    """

    cache: BaseCache
    prefix: str
    refresh: Callable[[str], tuple[dict, dict]]
    roles_for: Callable[[dict], list[str]]

    def _key(self, user_id: str) -> str:
        return f"{self.prefix}grant:{user_id}"

    def record(self, user_id: str, token: dict, claims: dict, roles: list[str]) -> None:
        """Keep what the provider said at sign-in."""
        grant = {
            "roles": roles,
            "expires_at": expiry_of(token, claims),
            "refresh_token": token.get("refresh_token") or "",
        }
        self.cache.set(self._key(user_id), grant, timeout=0)

    def forget(self, user_id: str) -> None:
        self.cache.delete(self._key(user_id))

    def roles(self, user_id: str) -> list[str] | None:
        """The roles the provider confirms for ``user_id`` now, or None when it no longer does."""
        grant = self.cache.get(self._key(user_id))
        if not isinstance(grant, dict):
            return None
        now = time.time()
        if now < grant["expires_at"]:
            return list(grant["roles"])
        if not self.cache.add(self._key(user_id) + ":asking", 1, timeout=LOCK_SECONDS):
            return list(grant["roles"]) if now < grant["expires_at"] + GRACE_SECONDS else None
        try:
            return self._ask_again(user_id, grant)
        finally:
            self.cache.delete(self._key(user_id) + ":asking")

    def _ask_again(self, user_id: str, grant: dict) -> list[str] | None:
        if not grant.get("refresh_token"):
            self.forget(user_id)
            return None
        try:
            token, claims = self.refresh(grant["refresh_token"])
        except (AuthlibBaseError, JoseError, RequestException, ValueError, KeyError) as error:
            LOG.info(
                "identity provider no longer confirms %s: %s",
                user_id,
                getattr(error, "error", error),
            )
            self.forget(user_id)
            return None
        roles = self.roles_for(claims)
        if not roles:
            self.forget(user_id)
            return None
        self.record(
            user_id,
            {**token, "refresh_token": token.get("refresh_token") or grant["refresh_token"]},
            {},
            roles,
        )
        return roles
