"""Helpers the tests share for Dash component trees (layouts, callback outputs): walk them, find
components, read their text. Browser helpers are in browser_helpers.py, sign-in ones in auth_helpers.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any


def walk(component: Any) -> Iterator[Any]:
    """Every component of a tree (a component or a list of them), in document order."""
    if isinstance(component, list | tuple):
        for node in component:
            yield from walk(node)
        return
    if component is None or isinstance(component, str | int | float):
        return
    yield component
    yield from walk(getattr(component, "children", None))


def find(component: Any, predicate: Callable[[Any], bool]) -> list:
    """Every component in a tree matching ``predicate``, in document order."""
    return [node for node in walk(component) if predicate(node)]


def by_id(tree: Any, component_id: str) -> Any:
    """The first component with ``component_id`` in a tree, or None."""
    return next((node for node in walk(tree) if getattr(node, "id", None) == component_id), None)


def texts(component: Any) -> str:
    """Every string inside a Dash component tree, joined by spaces."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(texts(child) for child in component)
    return texts(getattr(component, "children", None))
