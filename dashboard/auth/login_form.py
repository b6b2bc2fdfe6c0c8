"""The sign-in form's protection against cross-site posts, without a server-side session.

Flask-WTF keeps its token in the session, so every anonymous visit of /auth/login made one in the
shared state (Redis, the state directory): a stranger could fill it. Instead the form carries a
token signed with the secret key, bound to a random value in a short-lived cookie of its own
(SameSite=Strict, HttpOnly): a post must bring both, and must not come from another site (Origin,
or over HTTPS the Referer, names this site or ``EUIOM_PUBLIC_URL``). Nothing is stored on the server
until a sign-in succeeds.
"""

from __future__ import annotations

import hmac
import re
import secrets
from urllib.parse import urlsplit

from flask import Request, Response
from itsdangerous import BadData, URLSafeTimedSerializer

COOKIE = "euiom_sign_in"
FORM_SECONDS = 2 * 3600  # a form left open longer is refused with "reload"
SALT = "euiom sign-in form"


NONCE = re.compile(r"[A-Za-z0-9_-]{43}")  # what secrets.token_urlsafe(32) gives


def new_form_token(secret_key: str | bytes, cookie: str | None = None) -> tuple[str, str]:
    """(the form's token, the cookie's value) for one sign-in form. A browser that already holds a
    form cookie keeps it, so every form it shows stays valid (a second tab, a page that asked
    for something else on the way, such as the browser's own request for /favicon.ico)."""
    nonce = cookie if cookie and NONCE.fullmatch(cookie) else secrets.token_urlsafe(32)
    return URLSafeTimedSerializer(secret_key, salt=SALT).dumps(nonce), nonce


def set_form_cookie(response: Response, nonce: str, secure: bool) -> Response:
    response.set_cookie(
        COOKIE,
        nonce,
        max_age=FORM_SECONDS,
        httponly=True,
        samesite="Strict",
        secure=secure,
        path="/auth/",
    )
    return response


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def same_site(request: Request, public_url: str) -> bool:
    """The post comes from this site: Origin, else (over HTTPS, as Flask-WTF did) the Referer,
    names this host or the public address."""
    allowed = {_origin(request.host_url)} | ({_origin(public_url)} if public_url else set())
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return origin.lower() in allowed
    referrer = request.headers.get("Referer")
    if referrer:
        return _origin(referrer) in allowed
    return not request.is_secure


def form_is_genuine(request: Request, secret_key: str | bytes, public_url: str) -> bool:
    """The posted form's token is one this server gave, to this browser, recently, on this site."""
    nonce = request.cookies.get(COOKIE, "")
    try:
        signed = URLSafeTimedSerializer(secret_key, salt=SALT).loads(
            request.form.get("csrf_token", ""), max_age=FORM_SECONDS
        )
    except BadData:
        return False
    return (
        isinstance(signed, str)
        and bool(nonce)
        and hmac.compare_digest(signed.encode(), nonce.encode())
        and same_site(request, public_url)
    )
