"""Reading and rewriting the URL query string: filters, language and page options share it."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode

from dashboard.i18n import LANGUAGES

LANGUAGE_KEY = "lang"


def as_text(value: object) -> str:
    """A URL part as text; anything that is not a string (a tampered request) counts as empty."""
    return value if isinstance(value, str) else ""


def query_params(search: str | None) -> dict[str, str]:
    """The query string as a dict (last value wins for repeated keys)."""
    return dict(parse_qsl(as_text(search).lstrip("?"), keep_blank_values=False))


def replace_params(
    search: str | None, owned_keys: Iterable[str], items: Iterable[tuple[str, str]]
) -> str:
    """Replace every parameter in ``owned_keys`` by ``items`` (first), keeping the others after them
    in order, so that one view has one address whichever part changed last."""
    owned = set(owned_keys)
    kept = [
        (key, value) for key, value in parse_qsl(as_text(search).lstrip("?")) if key not in owned
    ]
    merged = [(key, value) for key, value in items if value not in (None, "")] + kept
    return "?" + urlencode(merged, safe=",") if merged else ""


def language_from(search: str | None, default: str) -> tuple[str, str | None]:
    """The language of the URL and the raw value if it was not a known language."""
    raw = query_params(search).get(LANGUAGE_KEY)
    if raw is None:
        return default, None
    return (raw, None) if raw in LANGUAGES else (default, raw[:64])
