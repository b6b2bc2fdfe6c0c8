"""``install_auth``: sign-in routes, session cookie, CSRF protection and the per-request role check.

Every request passes ``check_request`` first: sign-in pages and static files holding no data are
public; anything else needs a valid session (pages redirect to the sign-in page, other requests
get 401) and the permission of its path (403). Dash callbacks are checked once more by the
callback guard (``dashboard.server.security``) with the permission their outputs and inputs need.

CSRF: in users and oidc modes every POST needs the token of the session (Flask-WTF). The Dash
renderer sends the ``_csrf_token`` cookie back in an ``X-CSRFToken`` header by itself; the cookie
is ``SameSite=Strict`` and the session cookie ``SameSite=Lax`` (Strict would drop it when the
identity provider redirects back). A POST whose ``Origin`` is another site is refused as well.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from dash import Dash
from flask import Flask, Response, abort, g, jsonify, make_response, redirect, request, session
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf

from dashboard import audit
from dashboard.auth import login_form, oidc
from dashboard.auth.guessing import GuessingGuard, Refusal
from dashboard.auth.local import COOKIE as LOCAL_COOKIE
from dashboard.auth.local import LINK_PATH as LOCAL_LINK
from dashboard.auth.local import (
    cookie_value,
    how_to_get,
    is_direct_local_request,
    is_local_manager,
    local_manager,
    may_have_local_manager,
    same_account,
)
from dashboard.auth.pages import auth_page, page_language, safe_next
from dashboard.auth.policy import is_public_request, permission_for_path
from dashboard.auth.provider_grants import ProviderGrants
from dashboard.auth.rate_limits import RateLimits, spend_export
from dashboard.auth.roles import NOBODY, Permission, User, signed_in_user
from dashboard.auth.session import (
    UsersDirectory,
    end_session,
    install_sessions,
    session_state,
    start_session,
)
from dashboard.auth.tokens import TokenStore
from dashboard.auth.users_file import check_password
from dashboard.i18n import LANGUAGES, t
from dashboard.server.http_errors import request_language
from dashboard.server.shared_state import SharedState
from dashboard.settings import Settings

LOG = logging.getLogger(__name__)
EXTENSION_KEY = "euiom_auth"
CSRF_COOKIE = "_csrf_token"  # the cookie name the Dash renderer reads into its X-CSRFToken header
SESSION_COOKIE = "euiom_session"
API_PREFIX = "/api/"


@dataclass
class Auth:
    """The sign-in set-up of one app: its mode, session lifetime and user sources."""

    settings: Settings
    users: UsersDirectory | None
    provider: oidc.Provider | None
    guessing: GuessingGuard
    grants: ProviderGrants | None = None
    assets_dir: Path = Path()
    library_files: Mapping[str, Collection[str]] = field(default_factory=dict)
    warned_forwarded: bool = False

    @property
    def mode(self) -> str:
        return self.settings.auth_mode

    def is_public(self) -> bool:
        """True when the current request resolved to a route anyone may use (``policy``)."""
        return is_public_request(
            request.endpoint,
            request.view_args,
            assets_dir=self.assets_dir,
            library_files=self.library_files,
        )

    def request_user(self) -> User:
        """The user of the current request (computed once per request): an API request's bearer
        token when it sends one, else the session."""
        if "euiom_user" not in g:
            token = bearer_token()
            if token is not None and self.mode != "open" and request.path.startswith(API_PREFIX):
                g.euiom_user, g.euiom_expired = self.token_user(token), False
            elif self.mode == "open" and is_local_manager(request, self.settings):
                g.euiom_user, g.euiom_expired = local_manager(), False
            else:
                g.euiom_user, g.euiom_expired = session_state(
                    self.mode,
                    self.settings.session_lifetime,
                    self.users,
                    self.grants.roles if self.grants is not None else None,
                )
        return g.euiom_user

    def token_user(self, token: str) -> User:
        """The owner of an API token, with their roles now, or nobody for an unknown or revoked
        token: users mode, the owner's entry must still have the token's id and stamp (removed,
        added back, new password or roles: the token is dead); oidc mode, the identity provider
        must still confirm the owner."""
        record = TokenStore(self.settings.tokens_path).find(token)
        if record is None or not record.user_id:
            return NOBODY
        if self.users is not None:
            entry = self.users.users().get(record.user)
            if entry is None or entry.user_id != record.user_id or entry.stamp != record.stamp:
                return NOBODY
            roles = [str(role) for role in entry.roles]
        elif self.grants is not None:
            confirmed = self.grants.roles(record.user_id)
            if not confirmed:
                return NOBODY
            roles = confirmed
        else:
            return NOBODY
        try:
            return signed_in_user(record.user, roles, record.user_id, record.stamp)
        except ValueError:
            return NOBODY

    def authorize_callback(self, needed: frozenset[Permission]) -> None:
        """Refuse (403) a Dash callback request that needs a permission the user lacks (``needed``:
        what the callback declared, for this request); count a chart data download against the
        export rate (429 past it)."""
        user = self.request_user()
        missing = [permission for permission in needed if not user.can(permission)]
        if missing:
            abort(
                403,
                description=t(
                    "http.403.role", request_language(), permissions=", ".join(sorted(missing))
                ),
            )
        if Permission.EXPORT in needed:
            spend_export()


def duration_text(seconds: int, lang: str) -> str:
    """'8 h', '30 min' or '45 s'."""
    if seconds % 3600 == 0:
        return f"{seconds // 3600} h"
    if seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds} s"


def bearer_token() -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, if any."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _wants_page(path: str) -> bool:
    """A browser opening a page (Dash's own requests start with '/_'; the API always answers JSON)."""
    accept = request.headers.get("Accept", "*/*")
    if path.startswith(API_PREFIX):
        return False
    return (
        request.method == "GET"
        and not path.startswith("/_")
        and ("text/html" in accept or "*/*" in accept)
    )


def install_auth(app: Dash, settings: Settings, state: SharedState, limits: RateLimits) -> Auth:
    """Set up sign-in for ``settings.auth_mode`` on ``app``; returns what the callback guard asks.

    Sessions live in ``state`` (Flask-Session); failed sign-ins are counted in ``limits``.
    """
    server: Flask = app.server
    server.secret_key = settings.secret_key or secrets.token_hex(32)
    server.config.update(
        SESSION_COOKIE_NAME=SESSION_COOKIE,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        SESSION_REFRESH_EACH_REQUEST=False,
        WTF_CSRF_TIME_LIMIT=None,
        WTF_CSRF_ENABLED=settings.auth_mode != "open",
    )
    install_sessions(server, state.cache, state.key_prefix, settings.session_lifetime)
    provider = oidc.register(server, settings) if settings.auth_mode == "oidc" else None
    grants = None
    if provider is not None:
        grants = ProviderGrants(
            state.cache,
            state.key_prefix,
            provider.refresh,
            lambda claims: oidc.roles_for_groups(
                claims.get(settings.oidc_groups_claim, []), settings.oidc_role_map
            ),
        )
    auth = Auth(
        settings,
        UsersDirectory(settings.users_file) if settings.auth_mode == "users" else None,
        provider,
        GuessingGuard(limits, settings.sign_in_source_rate, settings.sign_in_account_rate),
        grants,
        assets_dir=Path(app.config.assets_folder),
        library_files=app.registered_paths,
    )
    server.extensions[EXTENSION_KEY] = auth
    server.before_request(lambda: check_request(auth))
    if settings.auth_mode != "open":
        # The sign-in form has its own protection, which keeps no session (dashboard.auth.login_form).
        CSRFProtect(server).exempt(f"{__name__}.login")
        server.register_error_handler(
            CSRFError, lambda error: (jsonify(error=t("http.403.csrf", request_language())), 403)
        )
        server.after_request(lambda response: set_csrf_cookie(auth, response))
    _add_routes(server, auth)
    return auth


def warn_untrusted_forwarding(auth: Auth) -> None:
    """Say once per process that a proxy forwards requests the app does not trust
    (``EUIOM_PROXY_HOPS=0``): every client behind it then counts as one address for sign-in
    counts and rate limits."""
    if (
        auth.settings.proxy_hops == 0
        and not auth.warned_forwarded
        and "X-Forwarded-For" in request.headers
    ):
        auth.warned_forwarded = True
        LOG.warning(
            "Requests arrive with X-Forwarded-For but EUIOM_PROXY_HOPS=0: every client behind that proxy "
            "shares the proxy's address for sign-in counts and rate limits. Behind a proxy you run, set "
            "EUIOM_PROXY_HOPS=1 (only then: a client could otherwise name any address)"
        )


def check_request(auth: Auth) -> ResponseReturnValue | None:
    """Sign-in and path permission for every request (before Dash or any route sees it)."""
    warn_untrusted_forwarding(auth)
    path = request.path
    if auth.is_public():
        return None
    if auth.mode != "open" and request.method not in ("GET", "HEAD", "OPTIONS"):
        origin = request.headers.get("Origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.host:
            return jsonify(error=t("http.403.cross_site", request_language())), 403
    user = auth.request_user()
    if not user.signed_in and auth.mode != "open":
        if _wants_page(path):
            query = {"next": request.full_path.rstrip("?")}
            if g.get("euiom_expired"):
                query["expired"] = "1"
            return redirect("/auth/login?" + urlencode(query))
        if path.startswith(API_PREFIX):
            response = jsonify(error=t("http.401.api", request_language()), status=401)
            response.headers["WWW-Authenticate"] = 'Bearer realm="euiom"'
            return response, 401
        return jsonify(error=t("http.401", request_language()), sign_in="/auth/login"), 401
    needed = permission_for_path(path)
    if not user.can(needed):
        if _wants_page(path):
            lang = request_language()
            advice = how_to_get(needed, auth.settings, user.name, lang)
            return auth_page(lang, title_key="auth.forbidden", form="back", notice=advice), 403
        return jsonify(error=t("http.403", request_language()), status=403), 403
    return None


def set_csrf_cookie(auth: Auth, response: Response) -> Response:
    """Give a signed-in browser the session's CSRF token as a cookie the Dash renderer sends back."""
    if request.method != "GET" or response.status_code >= 500 or auth.is_public():
        return response  # an answer already refused (the shared state down, say) reads no session
    if auth.request_user().signed_in:
        response.set_cookie(
            CSRF_COOKIE,
            generate_csrf(),
            secure=auth.settings.secure_cookies,
            httponly=False,
            samesite="Strict",
        )
    return response


def _add_routes(server: Flask, auth: Auth) -> None:
    settings = auth.settings

    def form_key() -> str | bytes:
        """The key signing the sign-in form's token: the server's (``install_auth`` sets it)."""
        if server.secret_key is None:
            raise RuntimeError("the server has no secret key")
        return server.secret_key

    def login_page(
        next_path: str, *, status: int = 200, notice: str = "", error: str = "", username: str = ""
    ) -> Response:
        """The sign-in page; in users mode its form carries a token bound to a cookie of its own
        (dashboard.auth.login_form), so that showing it stores nothing on the server."""
        lang = page_language(settings, next_path)
        form = {"users": "password", "oidc": "oidc"}.get(auth.mode, "back")
        note = t("auth.session_note", lang, duration=duration_text(settings.session_lifetime, lang))
        token, nonce = (
            login_form.new_form_token(form_key(), request.cookies.get(login_form.COOKIE))
            if form == "password"
            else ("", "")
        )
        response = make_response(
            auth_page(
                lang,
                title_key="auth.sign_in_title",
                form=form,
                next_path=next_path,
                notice=notice,
                error=error,
                username=username,
                csrf_token=token,
                session_note=note if auth.mode != "open" else "",
            ),
            status,
        )
        return (
            login_form.set_form_cookie(response, nonce, settings.secure_cookies)
            if nonce
            else response
        )

    def login() -> ResponseReturnValue:
        next_path = safe_next(request.values.get("next"))
        lang = page_language(settings, next_path)
        if request.method == "GET":
            if auth.mode == "open" or auth.request_user().signed_in:
                return redirect(next_path)
            notice = (
                t("auth.expired", lang)
                if request.args.get("expired")
                else t("auth.signed_out", lang)
                if request.args.get("signed_out")
                else ""
            )
            return login_page(next_path, notice=notice)
        if auth.users is None:
            abort(404)
        name = request.form.get("username", "")[:64]
        if not login_form.form_is_genuine(request, form_key(), settings.public_url):
            return login_page(
                next_path, status=400, error=t("auth.form_expired", lang), username=name
            )
        address = request.remote_addr or "?"
        admitted = auth.guessing.admit(address, name)
        if isinstance(admitted, Refusal):
            refusal = (
                admitted  # no password was checked: no audit entry (a flood would fill the disk)
            )
            message = t(f"auth.too_many_{refusal.reason}", lang, minutes=refusal.minutes)
            page = login_page(next_path, status=429, error=message, username=name)
            page.headers["Retry-After"] = str(max(1, refusal.retry_after))
            return page
        entry = check_password(auth.users.users(), name, request.form.get("password", "")[:1024])
        if entry is None:
            auth.guessing.failed(admitted)
            audit.record(
                settings.audit_path,
                "sign_in_failed",
                user=name,
                address=address,
                detail={"reason": "wrong user name or password"},
            )
            return login_page(
                next_path, status=401, error=t("auth.bad_credentials", lang), username=name
            )
        auth.guessing.succeeded(admitted)
        start_session(
            entry.name,
            [str(role) for role in entry.roles],
            auth.mode,
            user_id=entry.user_id,
            stamp=entry.stamp,
        )
        audit.record(
            settings.audit_path,
            "sign_in",
            user=entry.name,
            user_id=entry.user_id,
            address=address,
            detail={"mode": "users", "roles": ",".join(str(role) for role in entry.roles)},
        )
        return redirect(next_path)

    def logout() -> ResponseReturnValue:
        lang = (
            request.form.get("lang") if request.form.get("lang") in LANGUAGES else settings.language
        )
        id_token = session.get("id_token")
        user = auth.request_user()
        if user.signed_in:
            audit.record(
                settings.audit_path,
                "sign_out",
                user=user.name,
                user_id=user.id,
                address=request.remote_addr or "",
            )
        end_session()
        signed_out = "/auth/login?" + urlencode({"signed_out": "1", "lang": lang})
        if auth.provider is not None:
            origin = settings.public_url or request.host_url.rstrip("/")
            return redirect(
                auth.provider.end_session_url(id_token, origin + signed_out) or signed_out
            )
        return redirect(signed_out)

    def local_link() -> ResponseReturnValue:
        """The link run.py prints: the browser that opens it (on this machine, straight) may import."""
        key = request.args.get("key", "")
        if (
            not may_have_local_manager(settings)
            or not is_direct_local_request(request)
            or not secrets.compare_digest(key.encode(), settings.local_key.encode())
            or not same_account(request.environ)
        ):
            abort(404)
        audit.record(
            settings.audit_path,
            "local_link",
            user=local_manager().name,
            address=request.remote_addr or "",
            detail={"right": "import data from this computer until the server stops"},
        )
        response = redirect("/import")
        response.set_cookie(
            LOCAL_COOKIE,
            cookie_value(settings.local_key),
            httponly=True,
            samesite="Strict",
            secure=False,
        )
        return response

    server.add_url_rule(LOCAL_LINK, "auth_local", local_link, methods=["GET"])
    server.add_url_rule("/auth/login", "auth_login", login, methods=["GET", "POST"])
    server.add_url_rule("/auth/logout", "auth_logout", logout, methods=["POST"])
    if auth.provider is not None:
        if auth.grants is None:
            raise RuntimeError(
                "an identity provider without its grants store"
            )  # both are made together
        oidc.add_routes(server, auth.provider, settings, login_page, auth.grants)
