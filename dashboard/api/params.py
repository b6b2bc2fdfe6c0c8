"""Reading an API request's query string: the page address's filters and options, language,
format and paging. Every bad value is refused with a 400 naming the parameter."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from dashboard.common.urlstate import LANGUAGE_KEY
from dashboard.i18n import LANGUAGES
from dashboard.selection import URL_KEYS, Selection
from dashboard.store.catalog import Catalog

from .errors import ApiError

FORMATS = ("json", "csv")
DEFAULT_LIMIT = 1000
MAX_LIMIT = 10_000
# A CSV asked for without ``limit`` holds every row up to this many (a script reading the file
# gets the whole table, not a first page); beyond it, the Link header leads on.
MAX_CSV_ROWS = 100_000
MAX_OFFSET = 10_000_000
MAX_QUERY_LENGTH = 4096
MAX_VALUE_LENGTH = 512
FILTER_PARAMS = tuple(URL_KEYS.values())
PAGING_PARAMS = ("format", "limit", "offset")


@dataclass(frozen=True)
class ApiQuery:
    """A checked API request: filters, page options (raw URL texts), language, format, paging."""

    selection: Selection
    options: dict[str, str]
    lang: str
    format: str
    limit: int
    offset: int

    def filter_items(self) -> list[tuple[str, str]]:
        """The filters and options as page-address parameters, in a stable order."""
        return [*self.selection.to_query_items(), *sorted(self.options.items())]


def _shown(value: str) -> str:
    return value if len(value) <= 64 else value[:64] + "…"


def _whole_number(name: str, raw: str | None, default: int, low: int, high: int) -> int:
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit():
        raise ApiError(400, f"{name} must be a whole number, not {_shown(raw)!r}.", parameter=name)
    value = int(raw)
    if not low <= value <= high:
        raise ApiError(
            400, f"{name} must be between {low} and {high}; it was {value}.", parameter=name
        )
    return value


def query_pairs(raw_query: str) -> list[tuple[str, str]]:
    """The query string's (name, value) pairs; refuses one too long or not decodable."""
    if len(raw_query) > MAX_QUERY_LENGTH:
        raise ApiError(414, f"The query string is longer than {MAX_QUERY_LENGTH} characters.")
    try:
        pairs = parse_qsl(
            raw_query,
            keep_blank_values=True,
            strict_parsing=False,
            errors="strict",
            max_num_fields=200,
        )
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "The query string is not valid UTF-8 URL text.") from None
    for name, value in pairs:
        if len(value) > MAX_VALUE_LENGTH:
            raise ApiError(
                400,
                f"The value of {_shown(name)!r} is longer than {MAX_VALUE_LENGTH} characters.",
                parameter=name[:64],
            )
        if any(ord(char) < 32 or ord(char) == 127 for char in name + value):
            raise ApiError(
                400, f"The value of {_shown(name)!r} holds control characters.", parameter=name[:64]
            )
    return pairs


def parse_query(
    raw_query: str,
    catalog: Catalog,
    *,
    accept: str = "",
    default_lang: str = "en",
    options: Collection[str] = (),
    extra: Collection[str] = (),
) -> ApiQuery:
    """Check a request's query string.

    Args:
        raw_query: the URL's query string (without ``?``).
        catalog: the codes the filters may name.
        accept: the request's Accept header (``text/csv`` asks for CSV when ``format`` is absent).
        options: the page options this endpoint accepts (its chart's page).
        extra: other parameters this endpoint accepts.
    Raises:
        ApiError: an unknown parameter, an unknown filter value, a bad number or format.
    """
    pairs = query_pairs(raw_query)
    allowed = {*FILTER_PARAMS, LANGUAGE_KEY, *PAGING_PARAMS, *options, *extra}
    for name, _ in pairs:
        if name not in allowed:
            known = ", ".join(sorted(allowed))
            raise ApiError(
                400,
                f"Unknown parameter {_shown(name)!r}. Known here: {known}.",
                parameter=name[:64],
            )
    values: dict[str, str] = dict(pairs)
    filters = urlencode([(name, value) for name, value in pairs if name in FILTER_PARAMS])
    selection = Selection.from_query_string(filters, catalog)
    if selection.dropped:
        first = selection.dropped[0]
        parameter = URL_KEYS.get(first.field, first.field)
        raise ApiError(
            400,
            f"Unknown value {first.value!r} for filter {parameter!r} (see /api/v1/reference/ "
            "for the codes; periods are quarters such as 2021-Q3 within the data).",
            parameter=parameter,
        )
    lang = values.get(LANGUAGE_KEY, default_lang)
    if lang not in LANGUAGES:
        raise ApiError(400, f"lang must be one of {', '.join(LANGUAGES)}.", parameter=LANGUAGE_KEY)
    fmt = values.get("format") or ("csv" if "text/csv" in accept else "json")
    if fmt not in FORMATS:
        raise ApiError(400, f"format must be one of {', '.join(FORMATS)}.", parameter="format")
    return ApiQuery(
        selection=selection,
        options={name: values[name] for name in options if values.get(name, "") != ""},
        lang=lang,
        format=fmt,
        limit=_whole_number(
            "limit",
            values.get("limit"),
            MAX_CSV_ROWS if fmt == "csv" else DEFAULT_LIMIT,
            1,
            MAX_LIMIT,
        ),
        offset=_whole_number("offset", values.get("offset"), 0, 0, MAX_OFFSET),
    )
