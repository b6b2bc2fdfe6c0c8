"""Addresses the pages hand out: the embed snippet of a chart for the page's current address (only
the parameters the API takes are kept). The "download all data" links follow the same rule
(``api_search``), built in the browser (``callbacks.open_data``, ``assets/address-links.js``)."""

from __future__ import annotations

from collections.abc import Collection
from html import escape
from urllib.parse import parse_qsl, urlencode, urlsplit

from dashboard.common.urlstate import LANGUAGE_KEY, as_text

from .params import FILTER_PARAMS


def api_search(
    search: object, options: Collection[str], lang: str | None = None, **extra: str
) -> str:
    """``?filters&options&lang`` from a page's query string, dropping what the API does not take."""
    allowed = {*FILTER_PARAMS, *options}
    items = [
        (key, value)
        for key, value in parse_qsl(as_text(search).lstrip("?"))
        if key in allowed and value
    ]
    if lang:
        items.append((LANGUAGE_KEY, lang))
    items.extend((key, value) for key, value in extra.items() if value)
    return "?" + urlencode(items, safe=",") if items else ""


def origin_of(href: object) -> str:
    """``scheme://host:port`` of the page's address ('' when it has none)."""
    parts = urlsplit(as_text(href))
    return (
        f"{parts.scheme}://{parts.netloc}"
        if parts.scheme in ("http", "https") and parts.netloc
        else ""
    )


def embed_snippet(
    origin: str, chart_key: str, search: object, options: Collection[str], lang: str, title: str
) -> str:
    """The iframe a partner site pastes to show this chart with these filters and language."""
    source = f"{origin}/embed/{chart_key}" + api_search(search, options, lang)
    return (
        f'<iframe src="{escape(source)}" title="{escape(title)}" width="720" height="640" '
        f'style="border:0" loading="lazy"></iframe>'
    )
