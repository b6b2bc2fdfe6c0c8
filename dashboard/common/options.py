"""One options value per page: a page's table of options, the one parser, the URL it writes.

A page declares its options once, as a tuple of ``PageOption`` records (URL parameter, the
control that sets it, how to read and write it). ``OptionTable.parse`` is the only parser: the
URL (a first load, Back, Forward, a pasted link) and the controls (a person's change) both go
through it into the page's options store, which the charts, table views and exports read and
from which the address is written. Adding an option is one more record in the page's table.

The address holds only what differs from the defaults, so opening a page adds no history entry.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

from dashboard import ids
from dashboard.common.urlstate import LANGUAGE_KEY, as_text
from dashboard.selection import URL_KEYS
from dashboard.settings import Settings
from dashboard.store.catalog import Catalog

MAX_REPORTED_LENGTH = 64
TRUE_TEXT = ("1", "true", "yes")
FALSE_TEXT = ("", "0", "false", "no")
SHELL_KEYS = frozenset({*URL_KEYS.values(), LANGUAGE_KEY})


class Invalid:
    """The parse result of a value an option does not accept."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = Invalid()


@dataclass(frozen=True)
class OptionEnv:
    """What parsing an option may look at: the catalog, settings, a cursor, the language and the
    filters in force (options whose choices depend on the data, such as the groups a page
    compares; None: no filter)."""

    catalog: Catalog
    settings: Settings | None = None
    cursor: Any = None
    lang: str = "en"
    selection: Any = None
    # Answers computed while parsing with this environment (one request's lifetime), so that an
    # option list a default and a parser both need is queried once.
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else ""
    return "" if value is None else str(value)


def _same(value: object, env: OptionEnv) -> object:
    return value


def _raw(value: object) -> object:
    return value


@dataclass(frozen=True)
class PageOption:
    """One option of a page.

    Attributes:
        param: URL parameter.
        field: attribute of the page's typed options value.
        control: (component id, property) of the control that sets it.
        label_key: text key naming the option (the notice about ignored link values).
        parse: ``(raw, env, chosen)`` -> value, or ``INVALID``; ``chosen`` holds the options
            parsed before this one (by field), for options that depend on others.
        default: ``(env, chosen)`` -> the value when the URL or control holds none or a bad one.
        to_text: value -> URL text ("" means: not in the address).
        to_control: ``(value, env)`` -> the control's property value.
        from_control: the control's property value -> raw value for ``parse``.
    """

    param: str
    field: str
    control: tuple[str, str]
    label_key: str
    parse: Callable[[object, OptionEnv, Mapping[str, object]], object]
    default: Callable[[OptionEnv, Mapping[str, object]], object]
    to_text: Callable[[object], str] = _text
    to_control: Callable[[object, OptionEnv], object] = _same
    from_control: Callable[[object], object] = _raw


@dataclass(frozen=True)
class ParsedOptions:
    """The parsed options: values by field, canonical URL texts by parameter, the defaults'
    texts, and the (parameter, value) pairs that were ignored."""

    # Each option's parser accepts only its own type; the page's options dataclass takes them by name.
    values: dict[str, Any]
    texts: dict[str, str]
    default_texts: dict[str, str]
    dropped: tuple[tuple[str, str], ...]


def _present(raw: object) -> bool:
    return raw is not None and raw != "" and raw != []


@dataclass(frozen=True)
class OptionTable:
    """A page's options: its key, its path and its records, in parsing order.

    ``follows_filters``: some option's values depend on the data under the filters (the groups the
    sustainability page compares), so the options are parsed again when the filters change, before
    the charts draw.
    """

    page: str
    path: str
    options: tuple[PageOption, ...]
    follows_filters: bool = False

    @property
    def store_id(self) -> dict[str, str]:
        """The id of the page's options store (a ``dcc.Store`` in the page's layout)."""
        return {"type": ids.PAGE_OPTIONS_STORE, "page": self.page}

    @property
    def address_store_id(self) -> str:
        """The id of the page's copy of the address (a ``dcc.Store`` in the page's layout).

        A plain id, one copying callback per page: Dash skips a callback whose outputs are all
        absent, so the copy for a page not shown is never attempted."""
        return f"{self.page}-{ids.PAGE_ADDRESS_STORE}"

    @property
    def url_write_store_id(self) -> dict[str, str]:
        """The id of the page's store of the address to write (a ``dcc.Store`` in the page's layout)."""
        return {"type": ids.PAGE_URL_WRITE_STORE, "page": self.page}

    @property
    def tidy_store_id(self) -> dict[str, str]:
        """The id of the page's store of its tidied address at load (a ``dcc.Store`` in the page's layout)."""
        return {"type": ids.PAGE_TIDY_STORE, "page": self.page}

    @property
    def params(self) -> tuple[str, ...]:
        return tuple(option.param for option in self.options)

    @property
    def controls(self) -> tuple[tuple[str, str], ...]:
        return tuple(option.control for option in self.options)

    def parse(
        self,
        params: Mapping[str, object],
        env: OptionEnv,
        fallback: Mapping[str, object] | None = None,
    ) -> ParsedOptions:
        """The options ``params`` name. A missing value takes the default; a bad one takes the
        ``fallback``'s value for that parameter if it is good, else the default, and is listed
        in ``dropped``."""
        values: dict[str, Any] = {}
        texts: dict[str, str] = {}
        default_texts: dict[str, str] = {}
        dropped: list[tuple[str, str]] = []
        params = params if isinstance(params, Mapping) else {}
        for option in self.options:
            raw = params.get(option.param)
            default = option.default(env, values)
            value = option.parse(raw, env, values) if _present(raw) else default
            if value is INVALID:
                dropped.append((option.param, str(raw)[:MAX_REPORTED_LENGTH]))
                backup = (fallback or {}).get(option.param)
                value = option.parse(backup, env, values) if _present(backup) else INVALID
                value = default if value is INVALID else value
            values[option.field] = value
            texts[option.param] = option.to_text(value)
            default_texts[option.param] = option.to_text(default)
        return ParsedOptions(values, texts, default_texts, tuple(dropped))

    def url_items(self, parsed: ParsedOptions) -> list[tuple[str, str]]:
        """The (parameter, text) pairs the address holds: the options that differ from their
        defaults."""
        return [
            (param, text)
            for param, text in parsed.texts.items()
            if text != parsed.default_texts[param] and text != ""
        ]

    def params_from_controls(self, control_values: Sequence[object]) -> dict[str, object]:
        """Raw values by URL parameter from the controls' property values, in table order."""
        return {
            option.param: option.from_control(value)
            for option, value in zip(self.options, control_values, strict=True)
        }

    def control_values(self, parsed: ParsedOptions, env: OptionEnv) -> list[object]:
        """Each control's property value for the parsed options, in table order."""
        return [option.to_control(parsed.values[option.field], env) for option in self.options]


# ---------------------------------------------------------------- reusable parsers
def one_of(choices: Callable[[OptionEnv, Mapping[str, object]], Collection[str]]):
    """A parser accepting a text among ``choices(env, chosen)``."""

    def parse(raw: object, env: OptionEnv, chosen: Mapping[str, object]) -> object:
        return raw if isinstance(raw, str) and raw in choices(env, chosen) else INVALID

    return parse


def flag(raw: object, env: OptionEnv, chosen: Mapping[str, object]) -> object:
    """A yes/no option from URL text ("1", "true", "0", ...) or a boolean."""
    if isinstance(raw, bool):
        return raw
    text = raw.lower() if isinstance(raw, str) else None
    if text in TRUE_TEXT:
        return True
    return False if text in FALSE_TEXT else INVALID


def constant(value: object) -> Callable[[OptionEnv, Mapping[str, object]], object]:
    """A default that does not depend on anything."""
    return lambda env, chosen: value


# ---------------------------------------------------------------- the address
def normal_path(pathname: object) -> str:
    """A path without its trailing slash ("/" for the root)."""
    return (pathname if isinstance(pathname, str) and pathname else "/").rstrip("/") or "/"


def shell_search(search: object) -> str:
    """The query string keeping only the shell's parameters (filters and language), in order."""
    kept = [
        (key, value) for key, value in parse_qsl(as_text(search).lstrip("?")) if key in SHELL_KEYS
    ]
    return "?" + urlencode(kept, safe=",") if kept else ""


def page_search(search: object, table: OptionTable, parsed: ParsedOptions) -> str:
    """The address for this page: the shell's parameters, then the options not at their defaults."""
    kept = parse_qsl(shell_search(search).lstrip("?"))
    merged = kept + table.url_items(parsed)
    return "?" + urlencode(merged, safe=",") if merged else ""


def copy_address(search: object, pathname: object) -> dict[str, str]:
    """The address, for the page's own copy."""
    return {"search": as_text(search), "path": normal_path(pathname)}


def tidy_address(
    search: object, table: OptionTable, parsed: ParsedOptions
) -> dict[str, str] | None:
    """The tidied address a page drawn from ``search`` (options ``parsed``) puts in place of the
    current history entry: options at their defaults and values it dropped left out. None when
    the address is tidy. ``from`` is the address it tidies: a newer one is left alone."""
    tidied = page_search(search, table, parsed)
    if tidied == as_text(search):
        return None
    return {"search": tidied, "from": as_text(search), "path": table.path}


def url_write(search: str, pathname: object, *, replace: bool) -> dict[str, object]:
    """What the clientside writer puts in the address bar: a new entry, or (``replace``) the
    current one tidied."""
    return {"search": search, "path": normal_path(pathname), "replace": replace}
