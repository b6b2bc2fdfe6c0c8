"""The sustainability page's own options (grouping, score, threshold, compared groups A and B).

``TABLE`` is the page's one option table: the layout (first values, the notice about ignored
values), the options callback, the charts and the exports all read options through it, so that
a copied link, the charts and the downloaded data always agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import duckdb

from dashboard import ids
from dashboard.common.options import (
    INVALID,
    OptionEnv,
    OptionTable,
    PageOption,
    ParsedOptions,
    constant,
    one_of,
)
from dashboard.selection import Selection
from dashboard.store.catalog import Catalog
from dashboard.sustainability import queries
from dashboard.sustainability.labels import group_labels, group_options
from dashboard.sustainability.queries import (
    DEFAULT_GROUPING,
    DEFAULT_MEASURE,
    GROUPINGS,
    MEASURES,
    default_pair,
)

# URL parameters of the page options (the filters are the shell's).
GROUP_PARAM = "group"
MEASURE_PARAM = "measure"
THRESHOLD_PARAM = "threshold"
GROUP_A_PARAM = "a"
GROUP_B_PARAM = "b"
PARAMS = (GROUP_PARAM, MEASURE_PARAM, THRESHOLD_PARAM, GROUP_A_PARAM, GROUP_B_PARAM)


def chosen_grouping(raw: object) -> str:
    """A known grouping: ``raw`` if it is one, else the default."""
    return raw if isinstance(raw, str) and raw in GROUPINGS else DEFAULT_GROUPING


def fraction(raw: object) -> float | None:
    """A number in [0, 1] from a control or URL value (text with a decimal point or a decimal
    comma, as French writes it), rounded to 2 decimals so that 0.6000000001 is 0.6; None for
    anything else (including NaN and booleans)."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        return None
    try:
        number = float(raw.strip().replace(",", ".") if isinstance(raw, str) else raw)
    except ValueError:
        return None
    return round(number, 2) if 0 <= number <= 1 else None


def threshold_text(value: object, lang: str = "en") -> str:
    """The threshold as the number box shows it: 0.6 in English, 0,6 in French."""
    chosen = fraction(value)
    if chosen is None:
        return ""
    text = f"{chosen:g}"
    return text.replace(".", ",") if lang == "fr" else text


def survey_group_codes(
    catalog: Catalog, cursor: duckdb.DuckDBPyConnection, grouping: str
) -> list[str]:
    """Every code of ``grouping`` with survey records (``queries.group_codes``), read once per store
    version: every options parse and page view asks for them."""
    return list(
        catalog.once(
            ("survey_group_codes", grouping), lambda: tuple(queries.group_codes(cursor, grouping))
        )
    )


def comparable_codes(env: OptionEnv, grouping: str) -> list[str]:
    """The grouping's codes that groups A and B can be under the filters of ``env``: groups whose
    statistics the charts publish (at least the minimum group size, never one respondent), in the
    order the drop-downs list them. Suppressed and empty groups are not offered: comparing them
    would show nothing."""
    if env.cursor is None:
        return []
    key = ("comparable_codes", grouping)
    if key not in env.memo:
        minimum = env.settings.min_group_size if env.settings is not None else 1
        selection = env.selection if env.selection is not None else Selection()
        # Every callback of the page parses the options again for the same filters: one query.
        codes = env.catalog.recent(
            ("comparable_group_codes", selection, grouping, minimum),
            lambda: tuple(
                queries.comparable_group_codes(
                    env.cursor, selection, grouping, min_group_size=minimum
                )
            ),
        )
        labels = group_labels(grouping, env.lang, env.catalog)
        env.memo[key] = [choice["value"] for choice in group_options(codes, labels)]
    return list(env.memo[key])


def comparison_choices(env: OptionEnv, grouping: str) -> list[dict[str, str]]:
    """Drop-down options for groups A and B: :func:`comparable_codes` with their labels."""
    labels = group_labels(grouping, env.lang, env.catalog)
    return group_options(comparable_codes(env, grouping), labels)


def _threshold(raw: object, env: OptionEnv, chosen: Mapping[str, object]) -> object:
    number = fraction(raw)
    return INVALID if number is None else number


def _default_threshold(env: OptionEnv, chosen: Mapping[str, object]) -> float:
    return env.settings.threshold if env.settings is not None else 0.5


def _pair_default(index: int):
    def default(env: OptionEnv, chosen: Mapping[str, object]) -> str | None:
        grouping = str(chosen["grouping"])
        return default_pair(grouping, comparable_codes(env, grouping))[index]

    return default


def _in_grouping(env: OptionEnv, chosen: Mapping[str, object]) -> Sequence[str]:
    return comparable_codes(env, str(chosen["grouping"]))


TABLE = OptionTable(
    "sustainability",
    "/sustainability",
    (
        PageOption(
            GROUP_PARAM,
            "grouping",
            (ids.SUSTAINABILITY_GROUPING, "value"),
            "sustainability.grouping_label",
            one_of(lambda env, chosen: GROUPINGS),
            constant(DEFAULT_GROUPING),
        ),
        PageOption(
            MEASURE_PARAM,
            "measure",
            (ids.SUSTAINABILITY_MEASURE, "value"),
            "sustainability.measure_label",
            one_of(lambda env, chosen: MEASURES),
            constant(DEFAULT_MEASURE),
        ),
        PageOption(
            THRESHOLD_PARAM,
            "threshold",
            (ids.SUSTAINABILITY_THRESHOLD, "value"),
            "sustainability.threshold_label",
            _threshold,
            _default_threshold,
            to_text=threshold_text,
            to_control=lambda value, env: threshold_text(value, env.lang),
        ),
        PageOption(
            GROUP_A_PARAM,
            "group_a",
            (ids.SUSTAINABILITY_GROUP_A, "value"),
            "sustainability.compare.group_a",
            one_of(_in_grouping),
            _pair_default(0),
        ),
        PageOption(
            GROUP_B_PARAM,
            "group_b",
            (ids.SUSTAINABILITY_GROUP_B, "value"),
            "sustainability.compare.group_b",
            one_of(_in_grouping),
            _pair_default(1),
        ),
    ),
    follows_filters=True,
)


@dataclass(frozen=True)
class PageOptions:
    """The page's own choices. ``dropped`` lists (URL parameter, value) pairs that were ignored;
    it does not take part in comparisons (two option sets are equal when they show the same)."""

    grouping: str
    measure: str
    threshold: float
    group_a: str | None
    group_b: str | None
    dropped: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @classmethod
    def from_params(cls, params: Mapping[str, object], env: OptionEnv) -> PageOptions:
        """Options from URL parameters ``group``, ``measure``, ``threshold``, ``a`` and ``b``
        (groups A and B among the grouping's groups with published statistics under the filters
        of ``env``). Anything unknown or out
        of range falls back to the default and is listed in ``dropped``."""
        return cls.from_parsed(TABLE.parse(params, env))

    @classmethod
    def from_parsed(cls, parsed: ParsedOptions) -> PageOptions:
        """Options from the table's parse."""
        return cls(**parsed.values, dropped=parsed.dropped)


def parse_following_filters(params: Mapping[str, object], env: OptionEnv) -> ParsedOptions:
    """The options value ``params`` parsed again after a change of the filters (the charts' answer
    to that change draws with it and writes it back: ``charts.options_under_filters``).

    ``TABLE.parse``, with one rule for the compared groups: when ``params`` name two different
    groups A and B and one of them, no longer comparable under the new filters, falls back onto
    the other, the other is picked again too (both take their defaults, which differ). The
    options value does not say which groups were defaults; the usual case is a default kept,
    which is picked again when its page is drawn from the address (defaults are not in it).
    Without the rule a filter change that drops group A could show "A and B are the same".
    """
    parsed = TABLE.parse(params, env)
    params = params if isinstance(params, Mapping) else {}
    raw = {param: params.get(param) for param in (GROUP_A_PARAM, GROUP_B_PARAM)}
    texts = {param: parsed.texts.get(param) for param in raw}
    if (
        texts[GROUP_A_PARAM] != texts[GROUP_B_PARAM]
        or not all(isinstance(value, str) and value for value in raw.values())
        or raw[GROUP_A_PARAM] == raw[GROUP_B_PARAM]
    ):
        return parsed
    kept = [param for param in raw if texts[param] == raw[param]]
    if len(kept) != 1:
        return parsed
    again = TABLE.parse({key: value for key, value in params.items() if key != kept[0]}, env)
    return ParsedOptions(again.values, again.texts, again.default_texts, parsed.dropped)
