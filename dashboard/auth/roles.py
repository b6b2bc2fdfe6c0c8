"""Roles, what each may do, and the signed-in user."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """A role given to a user by the users file or the identity provider's groups."""

    VIEWER = "viewer"
    ANALYST = "analyst"
    DATA_MANAGER = "data_manager"


class Permission(StrEnum):
    """Something a request may do; decided on the server for every route and callback."""

    VIEW = "view"  # pages, charts, table views
    EXPORT = "export"  # CSV and Excel downloads of chart data
    EXACT_STATISTICS = (
        "exact_statistics"  # survey statistics without disclosure rounding, where allowed
    )
    MANAGE_DATA = "manage_data"  # the import page: upload, history, rollback


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset({Permission.VIEW}),
    Role.ANALYST: frozenset({Permission.VIEW, Permission.EXPORT, Permission.EXACT_STATISTICS}),
    Role.DATA_MANAGER: frozenset({Permission.VIEW, Permission.MANAGE_DATA}),
}

# A visitor of the open (public demo) mode: sees the dashboard and downloads chart data as the
# demo always did, but is not an analyst (no exact statistics) and never manages data.
OPEN_VISITOR_PERMISSIONS = frozenset({Permission.VIEW, Permission.EXPORT})


@dataclass(frozen=True)
class User:
    """Who makes the current request.

    ``name`` is empty for an anonymous visitor. ``roles`` always holds viewer for a signed-in user.
    ``id`` is the user's stable, never reused id (users file id, or the identity provider's subject),
    empty for a visitor.
    """

    name: str
    roles: frozenset[Role]
    permissions: frozenset[Permission]
    signed_in: bool
    id: str = ""
    stamp: str = (
        ""  # users mode: changes with the user's password or roles (ends sessions and tokens)
    )

    def has_role(self, role: Role | str) -> bool:
        """True when the user holds ``role``."""
        return role in self.roles

    def can(self, permission: Permission | str) -> bool:
        """True when the user may do ``permission``."""
        return permission in self.permissions


def signed_in_user(
    name: str, roles: Iterable[Role | str], user_id: str = "", stamp: str = ""
) -> User:
    """A signed-in user with ``roles`` (viewer added) and the permissions they give."""
    held = frozenset({Role.VIEWER, *(Role(role) for role in roles)})
    permissions = frozenset().union(*(ROLE_PERMISSIONS[role] for role in held))
    return User(
        name=name,
        roles=held,
        permissions=permissions,
        signed_in=True,
        id=user_id or name,
        stamp=stamp,
    )


OPEN_VISITOR = User(
    name="", roles=frozenset({Role.VIEWER}), permissions=OPEN_VISITOR_PERMISSIONS, signed_in=False
)
NOBODY = User(name="", roles=frozenset(), permissions=frozenset(), signed_in=False)
