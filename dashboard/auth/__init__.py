"""Sign-in and roles: who makes the current request and what they may do.

Other code asks, during a request (a layout function, a callback, a Flask route)::

    from dashboard.auth import Permission, Role, current_user, has_role, can

    current_user()                      # User(name, roles, permissions, signed_in)
    has_role(Role.DATA_MANAGER)         # True / False
    can(Permission.EXACT_STATISTICS)    # True / False

Outside a request (a test calling a callback function directly, a command) the user is nobody:
no role, no permission. The open mode's visitor is a viewer who may export, never an analyst.
"""

from __future__ import annotations

from flask import current_app, g, has_request_context

from dashboard.auth.roles import NOBODY, Permission, Role, User


def current_user() -> User:
    """The user of the current request; nobody outside a request or in an app without sign-in."""
    if not has_request_context():
        return NOBODY
    auth = current_app.extensions.get("euiom_auth")
    return auth.request_user() if auth is not None else NOBODY


def csrf_token() -> str:
    """The session's CSRF token for a form posted to the server ('' when there is no signed-in user)."""
    if not current_user().signed_in:
        return ""
    from flask_wtf.csrf import generate_csrf

    return generate_csrf()


def disclosure_mode(settings) -> str:
    """How survey statistics are published to the current request: 'protected' (the protected
    release) or 'exact' (the survey records).

    Exact only where the deployment allows it (``EUIOM_DISCLOSURE=exact``, which needs sign-in:
    the settings refuse it in the open mode), to a signed-in user holding the exact-statistics
    permission, and never for a request marked release-only (embeds: ``release_only()``).
    """
    if settings.disclosure != "exact" or settings.auth_mode == "open":
        return "protected"
    if has_request_context() and g.get("euiom_release_only", False):
        return "protected"
    return "exact" if current_user().signed_in and can(Permission.EXACT_STATISTICS) else "protected"


def release_only() -> None:
    """Mark the current request as answered from the protected release whoever asks (embeds)."""
    g.euiom_release_only = True


def has_role(role: Role | str) -> bool:
    """True when the current request's user holds ``role``."""
    return current_user().has_role(role)


def can(permission: Permission | str) -> bool:
    """True when the current request's user may do ``permission``."""
    return current_user().can(permission)


__all__ = ["Permission", "Role", "User", "can", "csrf_token", "current_user", "has_role"]
