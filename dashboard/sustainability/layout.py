"""The reintegration sustainability page: RSS scores compared across groups of returnees, and how
they are computed (``dashboard.common.methodology``, which the About page shows too)."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import html

from dashboard import ids
from dashboard.auth import disclosure_mode
from dashboard.common.attributes import attributes
from dashboard.common.charts import ChartSpec
from dashboard.common.methodology import methodology_section
from dashboard.common.options import OptionEnv
from dashboard.common.pages import PageContext
from dashboard.i18n import format_number, t
from dashboard.selection import Selection
from dashboard.settings import Settings
from dashboard.sustainability import queries
from dashboard.sustainability.charts import BY_KEY as CHART
from dashboard.sustainability.charts import CHARTS
from dashboard.sustainability.labels import grouping_label, measure_label
from dashboard.sustainability.options import (
    GROUP_A_PARAM,
    GROUP_B_PARAM,
    TABLE,
    PageOptions,
    comparison_choices,
    survey_group_codes,
    threshold_text,
)
from layouts.chart_block import chart_block, more_charts
from layouts.page_options import options_store

SLIDER_MIN, SLIDER_MAX, SLIDER_STEP = 0.3, 0.8, 0.01
# URL parameter -> text key of the control it sets (for the notice about ignored values).
OPTION_LABEL_KEYS = {option.param: option.label_key for option in TABLE.options}
GROUP_PARAMS = (GROUP_A_PARAM, GROUP_B_PARAM)

# The charts this layout places itself; any other row of the registry goes after them (more_charts).
PLACED = frozenset(
    {
        ids.SUSTAINABILITY_MEANS_CHART,
        ids.SUSTAINABILITY_BOX_CHART,
        ids.SUSTAINABILITY_SHARE_CHART,
        ids.SUSTAINABILITY_TIME_CHART,
        ids.SUSTAINABILITY_CHANGES_CHART,
        ids.SUSTAINABILITY_CHANGE_SHARES_CHART,
        ids.SUSTAINABILITY_COMPARE_CHART,
    }
)


def slider_bounds(settings: Settings) -> tuple[float, float]:
    """The threshold slider's range: 0.3 to 0.8, widened to include the configured threshold."""
    return min(SLIDER_MIN, settings.threshold), max(SLIDER_MAX, settings.threshold)


def options_notice(
    options: PageOptions, lang: str, min_group_size: int = 1, known_groups: Sequence[str] = ()
) -> dbc.Alert | None:
    """A visible note naming the link's page options that were ignored, if any: values not
    recognised, and groups A or B of the survey data (``known_groups``) without enough
    respondents under the filters to compare."""
    if not options.dropped:
        return None

    def items(dropped: list[tuple[str, str]]) -> str:
        return t("list.separator", lang).join(
            t(
                "sustainability.notice.item",
                lang,
                value=value,
                option=t(OPTION_LABEL_KEYS[key], lang),
            )
            for key, value in dropped
        )

    unavailable = [
        (key, value)
        for key, value in options.dropped
        if key in GROUP_PARAMS and value in known_groups
    ]
    unknown = [pair for pair in options.dropped if pair not in unavailable]
    sentences = [t("sustainability.notice.dropped", lang, items=items(unknown))] if unknown else []
    if unavailable:
        sentences.append(
            t(
                "sustainability.notice.groups_unavailable",
                lang,
                items=items(unavailable),
                min=format_number(max(min_group_size, 2), lang),
            )
        )
    return dbc.Alert(
        " ".join(sentences),
        id=ids.SUSTAINABILITY_OPTIONS_NOTICE,
        color="warning",
        className="small py-2",
    )


def option_env(context: PageContext) -> OptionEnv:
    """What the page's options are parsed against: the data under the filters of the address."""
    selection = Selection.from_query_string(urlencode(context.params), context.catalog)
    return OptionEnv(context.catalog, context.settings, context.cursor, context.lang, selection)


def _label(text: str, target: str) -> html.Label:
    return html.Label(text, htmlFor=target, className="form-label fw-semibold small mb-1")


def controls(context: PageContext, options: PageOptions) -> html.Div:
    """Grouping, measure and threshold (native controls: labelled, keyboard-operable)."""
    lang = context.lang
    low, high = slider_bounds(context.settings)
    grouping = dbc.Select(
        id=ids.SUSTAINABILITY_GROUPING,
        value=options.grouping,
        options=[{"label": grouping_label(key, lang), "value": key} for key in queries.GROUPINGS],
    )
    measure = dbc.RadioItems(
        id=ids.SUSTAINABILITY_MEASURE,
        value=options.measure,
        inline=True,
        options=[{"label": measure_label(key, lang), "value": key} for key in queries.MEASURES],
    )
    threshold = html.Div(
        [
            dbc.Input(
                id=ids.SUSTAINABILITY_THRESHOLD_RANGE,
                type="range",
                min=low,
                max=high,
                step=SLIDER_STEP,
                value=min(max(options.threshold, low), high),
                debounce=300,
                className="form-range flex-grow-1",
                list="sustainability-threshold-ticks",
            ),
            html.Datalist(
                [html.Option(value=f"{tick / 10:.1f}") for tick in range(3, 9)],
                id="sustainability-threshold-ticks",
            ),
            html.Label(
                t("sustainability.threshold_value_label", lang),
                htmlFor=ids.SUSTAINABILITY_THRESHOLD,
                className="visually-hidden",
            ),
            dbc.Input(
                id=ids.SUSTAINABILITY_THRESHOLD,
                type="text",
                value=threshold_text(options.threshold, lang),
                debounce=True,
                size="sm",
                className="sustainability-threshold-number",
            ),
        ],
        className="d-flex align-items-center gap-2",
    )
    return html.Div(
        dbc.Row(
            [
                dbc.Col(
                    [
                        _label(
                            t("sustainability.grouping_label", lang), ids.SUSTAINABILITY_GROUPING
                        ),
                        grouping,
                    ],
                    xs=12,
                    md=4,
                    lg=3,
                    className="mb-2",
                ),
                dbc.Col(
                    html.Fieldset(
                        [
                            html.Legend(
                                t("sustainability.measure_label", lang),
                                className="form-label fw-semibold small mb-1",
                            ),
                            measure,
                        ],
                        className="m-0 p-0 border-0",
                    ),
                    xs=12,
                    md=8,
                    lg=4,
                    className="mb-2",
                ),
                dbc.Col(
                    [
                        _label(
                            t("sustainability.threshold_label", lang),
                            ids.SUSTAINABILITY_THRESHOLD_RANGE,
                        ),
                        threshold,
                        html.Small(
                            t(
                                "sustainability.threshold_help",
                                lang,
                                default=format_number(context.settings.threshold, lang, 2),
                            ),
                            id="sustainability-threshold-help",
                            className="text-muted d-block",
                        ),
                    ],
                    xs=12,
                    lg=5,
                    className="mb-2",
                ),
            ],
            className="g-3",
        ),
        className="sustainability-controls border rounded bg-light px-3 pt-2 mb-3",
        role="group",
        **attributes({"aria-label": t("sustainability.controls", lang)}),
    )


def chart_panel(spec: ChartSpec, lang: str, description: str | None = None) -> html.Div:
    """A chart block (heading, downloads, table view) with the sentence that summarises it."""
    return html.Div(
        chart_block(spec, lang, description=description),
        className="sustainability-panel border rounded p-2 h-100",
    )


def comparison_panel(
    context: PageContext, options: PageOptions, group_choices: list[dict]
) -> html.Section:
    """Two drop-downs picking groups A and B, their chart and the table of differences."""
    lang = context.lang
    heading_id = "sustainability-compare-heading-panel"
    return html.Section(
        [
            html.H2(t("sustainability.compare.heading", lang), id=heading_id, className="h6 mb-1"),
            html.P(
                t(
                    "sustainability.compare.help",
                    lang,
                    grouping_lower=grouping_label(options.grouping, lang, lower=True),
                    min=format_number(max(context.settings.min_group_size, 2), lang),
                ),
                id=ids.SUSTAINABILITY_COMPARE_HELP,
                className="small text-muted mb-2",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            _label(
                                t("sustainability.compare.group_a", lang),
                                ids.SUSTAINABILITY_GROUP_A,
                            ),
                            dbc.Select(
                                id=ids.SUSTAINABILITY_GROUP_A,
                                options=group_choices,
                                value=options.group_a,
                            ),
                        ],
                        xs=12,
                        md=6,
                        lg=3,
                    ),
                    dbc.Col(
                        [
                            _label(
                                t("sustainability.compare.group_b", lang),
                                ids.SUSTAINABILITY_GROUP_B,
                            ),
                            dbc.Select(
                                id=ids.SUSTAINABILITY_GROUP_B,
                                options=group_choices,
                                value=options.group_b,
                            ),
                        ],
                        xs=12,
                        md=6,
                        lg=3,
                    ),
                ],
                className="sustainability-compare-choice g-3 mb-2",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        chart_block(CHART[ids.SUSTAINABILITY_COMPARE_CHART], lang),
                        xs=12,
                        xl=9,
                        xxl=7,
                    ),
                    # Full width: five columns, the last saying in words what each difference shows.
                    dbc.Col(
                        html.Div(
                            id=ids.SUSTAINABILITY_COMPARE_TABLE,
                            **attributes({"aria-live": "polite"}),
                        ),
                        xs=12,
                    ),
                ]
            ),
        ],
        className="sustainability-panel border rounded p-2 mb-3",
        **attributes({"aria-labelledby": heading_id}),
    )


def exact_banner(settings: Settings, lang: str) -> dbc.Alert | None:
    """A visible warning on every view of survey figures when they are published unperturbed."""
    if disclosure_mode(settings) != "exact":
        return None
    return dbc.Alert(
        t("sustainability.exact_banner", lang),
        color="danger",
        id=ids.SUSTAINABILITY_EXACT_BANNER,
        className="fw-semibold",
    )


def layout(context: PageContext) -> html.Div:
    """The page: controls, four charts, the two-group comparison and the methodology."""
    lang = context.lang
    env = option_env(context)
    parsed = TABLE.parse(context.params, env)
    options = PageOptions(**parsed.values, dropped=parsed.dropped)
    choices = comparison_choices(env, options.grouping)
    changes_help = t("sustainability.changes.help", lang)
    panels = [
        (ids.SUSTAINABILITY_MEANS_CHART, None),
        (ids.SUSTAINABILITY_BOX_CHART, None),
        (ids.SUSTAINABILITY_SHARE_CHART, None),
        (ids.SUSTAINABILITY_TIME_CHART, None),
        (ids.SUSTAINABILITY_CHANGES_CHART, changes_help),
        (ids.SUSTAINABILITY_CHANGE_SHARES_CHART, changes_help),
    ]
    return html.Div(
        [
            exact_banner(context.settings, lang),
            html.H1(t("sustainability.title", lang), className="h3"),
            html.P(
                t(
                    "sustainability.intro.exact"
                    if disclosure_mode(context.settings) == "exact"
                    else "sustainability.intro",
                    lang,
                    min=format_number(context.settings.min_group_size, lang),
                ),
                className="text-muted",
            ),
            options_notice(
                options,
                lang,
                context.settings.min_group_size,
                survey_group_codes(context.catalog, context.cursor, options.grouping),
            ),
            controls(context, options),
            dbc.Row(
                [
                    dbc.Col(chart_panel(CHART[key], lang, description), xs=12, xl=6)
                    for key, description in panels
                ],
                className="g-3 mb-3",
            ),
            comparison_panel(context, options, choices),
            html.Details(
                [
                    html.Summary(
                        t("sustainability.methodology_link", lang), className="fw-semibold"
                    ),
                    methodology_section(lang, context.settings, context.catalog.release),
                ],
                className="sustainability-method-details border rounded p-2",
            ),
            more_charts(context.charts if context.charts is not None else CHARTS, PLACED, lang),
            options_store(TABLE, parsed, context.search),
        ],
        id=ids.SUSTAINABILITY_PAGE,
    )
