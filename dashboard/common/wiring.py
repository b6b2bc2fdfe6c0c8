"""How a server callback is declared: ``declare`` wires it to the app and records, next to its
outputs and inputs, whether its answers may be cached (``pure``) and what it needs (``needs``).
Both are required: nothing is inferred from a component id, and a test walks every callback of
the app (tests/test_callback_declarations.py).

A callback is **pure** when its answer depends only on what the answer cache's key holds (the
request body, the store version, the settings, the code, the date and the user's permissions) and
it changes nothing. Only pure callbacks are cached: a replayed answer of a side-effecting callback
is a lie (an import that says it imported and wrote nothing), so the choice is made where the
callback is declared, not in a list kept elsewhere. Functions that write (a store version, the
history, a file) or read what changes without a new store version (the import history, who is
signed in) are marked :func:`impure`; ``tests/test_callback_purity.py`` fails when a pure callback
reaches one, writes a file download, or names a data manager's or the account's component.

What a callback **needs** is a ``dashboard.auth.policy.Needs``: a permission always (view, manage
data), one when a download was clicked, or the permission of the page at the address it reads. The
server checks it for every call, before the callback runs (``dashboard.server.security``).
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from dash import Dash

from dashboard.auth.policy import Needs

EXTENSION_KEY = "euiom_callback_declarations"
IMPURE_ATTRIBUTE = "__euiom_impure__"
OWN_PACKAGES = ("dashboard", "callbacks", "layouts")

F = TypeVar("F", bound=Callable[..., Any])


def impure(reason: str) -> Callable[[F], F]:
    """Mark a function whose result the answer cache must never replay, saying why."""

    def mark(function: F) -> F:
        setattr(function, IMPURE_ATTRIBUTE, reason)
        return function

    return mark


@dataclass(frozen=True)
class Declaration:
    """What was declared with one server callback."""

    function: Callable
    pure: bool
    needs: Needs


def declarations(app: Dash) -> dict[str, Declaration]:
    """Dash output key -> the declaration of every server callback of ``app``."""
    return app.server.extensions.setdefault(EXTENSION_KEY, {})


def declare(
    app: Dash, *dependencies: Any, pure: bool, needs: Needs, **kwargs: Any
) -> Callable[[F], F]:
    """``app.callback(*dependencies, **kwargs)``, declaring whether the answers may be cached and
    what a request needs.

    Args:
        pure: True only for callbacks that change nothing and whose answer follows from the request,
            the store version, the settings and the user's permissions (see the module docstring).
        needs: the permissions a request needs (``dashboard.auth.policy``: ``VIEWING``,
            ``MANAGING_DATA``, ``DOWNLOADING``, ``READING_THE_ADDRESS``).
    """

    def wire(function: F) -> F:
        before = set(app.callback_map)
        app.callback(*dependencies, **kwargs)(function)
        for key in set(app.callback_map) - before:
            declarations(app)[key] = Declaration(function, pure, needs)
        return function

    return wire


def pure_callbacks(app: Dash) -> dict[str, Callable]:
    """Dash output key -> function of every callback of ``app`` declared pure."""
    return {
        key: declaration.function
        for key, declaration in declarations(app).items()
        if declaration.pure
    }


def callback_needs(app: Dash) -> dict[str, Needs]:
    """Dash output key -> what each declared callback of ``app`` needs."""
    return {key: declaration.needs for key, declaration in declarations(app).items()}


def _code_objects(code: types.CodeType) -> Iterator[types.CodeType]:
    yield code
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            yield from _code_objects(constant)


def _names_used(code: types.CodeType) -> set[str]:
    """Every global, attribute and free-variable name the code (and the code nested in it) uses."""
    names: set[str] = set()
    for nested in _code_objects(code):
        names.update(nested.co_names, nested.co_freevars)
    return names


def _is_own(value: object, packages: tuple[str, ...]) -> bool:
    module = getattr(value, "__module__", None) or getattr(value, "__name__", "")
    return isinstance(module, str) and module.split(".")[0] in packages


def _namespace(function: types.FunctionType) -> dict[str, object]:
    namespace = dict(function.__globals__)
    for name, cell in zip(function.__code__.co_freevars, function.__closure__ or (), strict=True):
        try:
            namespace[name] = cell.cell_contents
        except ValueError:  # an empty cell
            continue
    return namespace


def _callees(function: types.FunctionType, packages: tuple[str, ...]) -> Iterator[object]:
    """What ``function`` may call, looked up statically: the functions its names resolve to, the
    attributes of our modules it names, the methods and properties of our objects it names."""
    names = _names_used(function.__code__)
    namespace = _namespace(function)
    for name in names:
        value = namespace.get(name)
        if value is None:
            continue
        if isinstance(value, types.ModuleType):
            if _is_own(value, packages):
                yield from (
                    getattr(value, attribute) for attribute in names if hasattr(value, attribute)
                )
            continue
        if isinstance(value, types.FunctionType | types.MethodType):
            yield value
            continue
        owner = value if isinstance(value, type) else type(value)
        if _is_own(owner, packages):
            for attribute in names:
                member = inspect.getattr_static(owner, attribute, None)
                if isinstance(member, property):
                    yield from (accessor for accessor in (member.fget, member.fset) if accessor)
                elif isinstance(member, staticmethod | classmethod):
                    yield member.__func__
                elif isinstance(member, types.FunctionType):
                    yield member


def impure_reached(function: Callable, packages: tuple[str, ...] = OWN_PACKAGES) -> dict[str, str]:
    """The impure functions ``function`` may reach through the code of ``packages`` (this app's),
    found by following the names each function uses: ``{qualified name: reason}``.

    A static walk: a call through a value chosen at run time (a chart's data function taken from
    the registry) is not followed, so the test pairs it with rules on the callback's ids.
    """
    found: dict[str, str] = {}
    seen: set[int] = set()
    pending: list[object] = [function]
    while pending:
        value = pending.pop()
        value = getattr(value, "__func__", value)
        if id(value) in seen:
            continue
        seen.add(id(value))
        reason = getattr(value, IMPURE_ATTRIBUTE, None)
        if reason is not None:
            found[f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', '?')}"] = (
                reason
            )
            continue
        if isinstance(value, types.FunctionType) and (
            value is function or _is_own(value, packages)
        ):
            pending.extend(_callees(value, packages))
    return found
