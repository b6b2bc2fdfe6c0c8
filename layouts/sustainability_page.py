"""The reintegration sustainability page: RSS scores compared across groups of returnees.

Also provides ``methodology_section(lang, settings)``, the explanation of these statistics that
the About page includes.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard import ids
from dashboard.auth import disclosure_mode
from dashboard.figures.sustainability import (
    group_labels,
    group_options,
    grouping_label,
    measure_label,
)
from dashboard.i18n import format_number, t
from dashboard.page_state import OptionEnv
from dashboard.queries import disclosure as sdc
from dashboard.queries import sustainability as queries
from dashboard.queries.aggregates import STAY_BAND
from dashboard.settings import Settings
from dashboard.sustainability_options import TABLE, PageOptions, survey_group_codes, threshold_text
from layouts.chart_block import chart_block
from layouts.page_context import PageContext
from layouts.page_options import options_store

SLIDER_MIN, SLIDER_MAX, SLIDER_STEP = 0.3, 0.8, 0.01
METHOD_PARAGRAPHS = ("scores", "composite", "respondents", "intervals", "suppression", "disclosure", "threshold",
                     "distribution", "time", "changes", "filters")
# URL parameter -> text key of the control it sets (for the notice about ignored values).
OPTION_LABEL_KEYS = {option.param: option.label_key for option in TABLE.options}


def slider_bounds(settings: Settings) -> tuple[float, float]:
    """The threshold slider's range: 0.3 to 0.8, widened to include the configured threshold."""
    return min(SLIDER_MIN, settings.threshold), max(SLIDER_MAX, settings.threshold)


def options_notice(options: PageOptions, lang: str) -> dbc.Alert | None:
    """A visible note naming the link's page options that were not recognised, if any."""
    if not options.dropped:
        return None
    items = "; ".join(t("sustainability.notice.item", lang, value=value, option=t(OPTION_LABEL_KEYS[key], lang))
                      for key, value in options.dropped)
    return dbc.Alert(t("sustainability.notice.dropped", lang, items=items), id=ids.SUSTAINABILITY_OPTIONS_NOTICE,
                     color="warning", className="small py-2")


def group_choices(context: PageContext, grouping: str) -> list[dict[str, str]]:
    """Options for groups A and B: the grouping's codes present in the survey data."""
    labels = group_labels(grouping, context.lang, context.catalog)
    return group_options(survey_group_codes(context.catalog, context.cursor, grouping), labels)


def _label(text: str, target: str) -> html.Label:
    return html.Label(text, htmlFor=target, className="form-label fw-semibold small mb-1")


def controls(context: PageContext, options: PageOptions) -> html.Div:
    """Grouping, measure and threshold (native controls: labelled, keyboard-operable)."""
    lang = context.lang
    low, high = slider_bounds(context.settings)
    grouping = dbc.Select(id=ids.SUSTAINABILITY_GROUPING, value=options.grouping,
                          options=[{"label": grouping_label(key, lang), "value": key} for key in queries.GROUPINGS])
    measure = dbc.RadioItems(id=ids.SUSTAINABILITY_MEASURE, value=options.measure, inline=True,
                             options=[{"label": measure_label(key, lang), "value": key} for key in queries.MEASURES])
    threshold = html.Div(
        [
            dbc.Input(id=ids.SUSTAINABILITY_THRESHOLD_RANGE, type="range", min=low, max=high, step=SLIDER_STEP,
                      value=min(max(options.threshold, low), high), debounce=300, className="form-range flex-grow-1",
                      list="sustainability-threshold-ticks"),
            html.Datalist([html.Option(value=f"{tick / 10:.1f}") for tick in range(3, 9)],
                          id="sustainability-threshold-ticks"),
            html.Label(t("sustainability.threshold_value_label", lang), htmlFor=ids.SUSTAINABILITY_THRESHOLD,
                       className="visually-hidden"),
            dbc.Input(id=ids.SUSTAINABILITY_THRESHOLD, type="text",
                      value=threshold_text(options.threshold, lang), debounce=True, size="sm",
                      className="sustainability-threshold-number"),
        ],
        className="d-flex align-items-center gap-2",
    )
    return html.Div(dbc.Row(
        [
            dbc.Col([_label(t("sustainability.grouping_label", lang), ids.SUSTAINABILITY_GROUPING), grouping],
                    xs=12, md=4, lg=3, className="mb-2"),
            dbc.Col(html.Fieldset([html.Legend(t("sustainability.measure_label", lang),
                                               className="form-label fw-semibold small mb-1"), measure],
                                  className="m-0 p-0 border-0"),
                    xs=12, md=8, lg=4, className="mb-2"),
            dbc.Col([
                _label(t("sustainability.threshold_label", lang), ids.SUSTAINABILITY_THRESHOLD_RANGE),
                threshold,
                html.Small([t("sustainability.threshold_help", lang,
                              default=format_number(context.settings.threshold, lang, 2)),
                            # Protected shares exist on a 0.05 grid only (dashboard.queries.disclosure).
                            "" if disclosure_mode(context.settings) == "exact" else
                            " " + t("sustainability.threshold_grid", lang,
                                    grid=format_number(sdc.THRESHOLD_GRID, lang, 2))],
                           id="sustainability-threshold-help", className="text-muted d-block"),
            ], xs=12, lg=5, className="mb-2"),
        ],
        className="g-3",
    ), className="sustainability-controls border rounded bg-light px-3 pt-2 mb-3",
        role="group", **{"aria-label": t("sustainability.controls", lang)})


def chart_panel(chart_key: str, heading: str, graph_id: str, summary_id: str, lang: str,
                description: str | None = None) -> html.Div:
    """A chart block (heading, downloads, table view) with the sentence that summarises it."""
    return html.Div(chart_block(chart_key, graph_id, title=heading, lang=lang, summary_id=summary_id,
                                description=description),
                    className="sustainability-panel border rounded p-2 h-100")


def comparison_panel(context: PageContext, options: PageOptions, group_choices: list[dict]) -> html.Section:
    """Two drop-downs picking groups A and B, their chart and the table of differences."""
    lang = context.lang
    heading_id = "sustainability-compare-heading-panel"
    return html.Section(
        [
            html.H2(t("sustainability.compare.heading", lang), id=heading_id, className="h6 mb-1"),
            html.P(t("sustainability.compare.help", lang, grouping_lower=grouping_label(options.grouping, lang, lower=True)),
                   id=ids.SUSTAINABILITY_COMPARE_HELP, className="small text-muted mb-2"),
            dbc.Row([
                dbc.Col([
                    _label(t("sustainability.compare.group_a", lang), ids.SUSTAINABILITY_GROUP_A),
                    dbc.Select(id=ids.SUSTAINABILITY_GROUP_A, options=group_choices, value=options.group_a),
                ], xs=12, md=6, lg=3),
                dbc.Col([
                    _label(t("sustainability.compare.group_b", lang), ids.SUSTAINABILITY_GROUP_B),
                    dbc.Select(id=ids.SUSTAINABILITY_GROUP_B, options=group_choices, value=options.group_b),
                ], xs=12, md=6, lg=3),
            ], className="sustainability-compare-choice g-3 mb-2"),
            dbc.Row([
                dbc.Col(chart_block(ids.SUSTAINABILITY_COMPARE_CHART, ids.SUSTAINABILITY_COMPARE_GRAPH,
                                    title=t("sustainability.heading.compare_chart", lang), lang=lang,
                                    summary_id=ids.SUSTAINABILITY_COMPARE_SUMMARY), xs=12, xxl=6),
                dbc.Col(html.Div(id=ids.SUSTAINABILITY_COMPARE_TABLE, **{"aria-live": "polite"}), xs=12, xxl=6,
                        className="d-flex align-items-center"),
            ]),
        ],
        className="sustainability-panel border rounded p-2 mb-3", **{"aria-labelledby": heading_id},
    )


def disclosure_values(lang: str, settings: Settings) -> dict[str, str]:
    """The parameters of the disclosure control, as the methodology text quotes them."""
    bound = sdc.MAX_NORMAL * sdc.SUM_NOISE_SD
    return {
        "sum_sd": format_number(sdc.SUM_NOISE_SD, lang, 2), "css_sd": format_number(sdc.CSS_NOISE_SD, lang, 2),
        "bound": format_number(bound, lang, 2), "bound_10": format_number(bound / settings.min_group_size, lang, 3),
        "min_n": format_number(settings.min_group_size, lang), "bound_100": format_number(bound / 100, lang, 4),
        "attack_sd": format_number(sdc.SUM_NOISE_SD * 2**0.5, lang, 2), "band": format_number(STAY_BAND, lang, 2),
        "mode": t(f"sustainability.method.mode.{disclosure_mode(settings)}", lang),
    }


def exact_banner(settings: Settings, lang: str) -> dbc.Alert | None:
    """A visible warning on every view of survey figures when they are published unperturbed."""
    if disclosure_mode(settings) != "exact":
        return None
    return dbc.Alert(t("sustainability.exact_banner", lang), color="danger", id=ids.SUSTAINABILITY_EXACT_BANNER,
                     className="fw-semibold")


def methodology_section(lang: str, settings: Settings) -> html.Section:
    """How the sustainability statistics are computed: scores, composite weights, intervals,
    suppression, threshold, distributions and bands, with the configured values filled in.

    Carries no component ids, so the About page can include it as it is.
    """
    economic, social, psychosocial = settings.composite_weights
    values = {
        "economic": format_number(economic, lang, 2), "social": format_number(social, lang, 2),
        "psychosocial": format_number(psychosocial, lang, 2), "min": format_number(settings.min_group_size, lang),
        "threshold": format_number(settings.threshold, lang, 2), "max": queries.MAX_TIME_SERIES,
        **disclosure_values(lang, settings),
    }
    return html.Section(
        [
            html.H2(t("sustainability.method.heading", lang), className="h5"),
            *[html.P(t(f"sustainability.method.{name}", lang, **values), className="sustainability-method-text")
              for name in METHOD_PARAGRAPHS],
        ],
        className="sustainability-method",
    )


def layout(context: PageContext) -> html.Div:
    """The page: controls, four charts, the two-group comparison and the methodology."""
    lang = context.lang
    parsed = TABLE.parse(context.params, OptionEnv(context.catalog, context.settings, context.cursor, lang))
    options = PageOptions(**parsed.values, dropped=parsed.dropped)
    choices = group_choices(context, options.grouping)
    panels = [
        (ids.SUSTAINABILITY_MEANS_CHART, t("sustainability.heading.means", lang), ids.SUSTAINABILITY_MEANS_GRAPH,
         ids.SUSTAINABILITY_MEANS_SUMMARY),
        (ids.SUSTAINABILITY_BOX_CHART, t("sustainability.heading.box", lang), ids.SUSTAINABILITY_BOX_GRAPH,
         ids.SUSTAINABILITY_BOX_SUMMARY),
        (ids.SUSTAINABILITY_SHARE_CHART, t("sustainability.heading.share", lang), ids.SUSTAINABILITY_SHARE_GRAPH,
         ids.SUSTAINABILITY_SHARE_SUMMARY),
        (ids.SUSTAINABILITY_TIME_CHART, t("sustainability.heading.time", lang), ids.SUSTAINABILITY_TIME_GRAPH,
         ids.SUSTAINABILITY_TIME_SUMMARY),
        (ids.SUSTAINABILITY_CHANGES_CHART, t("sustainability.heading.changes", lang),
         ids.SUSTAINABILITY_CHANGES_GRAPH, ids.SUSTAINABILITY_CHANGES_SUMMARY, lang,
         t("sustainability.changes.help", lang)),
        (ids.SUSTAINABILITY_CHANGE_SHARES_CHART, t("sustainability.heading.change_shares", lang),
         ids.SUSTAINABILITY_CHANGE_SHARES_GRAPH, ids.SUSTAINABILITY_CHANGE_SHARES_SUMMARY, lang,
         t("sustainability.changes.help", lang)),
    ]
    return html.Div(
        [
            exact_banner(context.settings, lang),
            html.H1(t("sustainability.title", lang), className="h3"),
            html.P(t("sustainability.intro", lang, min=format_number(context.settings.min_group_size, lang)),
                   className="text-muted"),
            options_notice(options, lang),
            controls(context, options),
            dbc.Row([dbc.Col(chart_panel(*panel) if len(panel) > 4 else chart_panel(*panel, lang), xs=12, xl=6)
                     for panel in panels], className="g-3 mb-3"),
            comparison_panel(context, options, choices),
            html.Details(
                [html.Summary(t("sustainability.methodology_link", lang), className="fw-semibold"),
                 methodology_section(lang, context.settings)],
                className="sustainability-method-details border rounded p-2",
            ),
            options_store(TABLE, parsed, context.search),
        ],
        id=ids.SUSTAINABILITY_PAGE,
    )
