"""HTML blocks of the sustainability page built from data: the comparison's table of differences."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.common.attributes import attributes
from dashboard.i18n import format_number, of_name, t
from dashboard.sustainability.labels import (
    bounded_interval,
    comparison_notes,
    interval_text,
    measure_label,
    short_verdict,
    unavailable_text,
)


def comparison_table(
    compared: pd.DataFrame,
    *,
    label_a: str,
    label_b: str,
    lang: str,
    min_group_size: int,
    same_group: bool = False,
    available: int | None = None,
) -> html.Div:
    """Means of both groups and their difference with Welch's 95% interval, and in words whether
    each difference is distinguishable from zero, as an HTML table; a note instead when a group is
    suppressed, absent, both groups are the same or fewer than two groups can be compared."""
    if available is not None and available < 2:
        return html.Div(
            html.P(unavailable_text(lang, min_group_size), className="small text-muted mb-1")
        )
    if same_group:
        return html.Div(
            html.P(t("sustainability.compare.same", lang), className="small text-muted mb-1")
        )
    if compared.empty:
        return html.Div()
    statuses = {side: compared[f"{side}_status"].iloc[0] for side in ("a", "b")}
    if any(status != "shown" for status in statuses.values()):
        notes = comparison_notes(statuses, label_a, label_b, lang, min_group_size)
        return html.Div([html.P(note, className="small text-muted mb-1") for note in notes])
    header = html.Thead(
        html.Tr(
            [
                html.Th(t("sustainability.compare.col.dimension", lang), scope="col"),
                html.Th(
                    t("sustainability.compare.col.mean", lang, group=f"A · {label_a}"), scope="col"
                ),
                html.Th(
                    t("sustainability.compare.col.mean", lang, group=f"B · {label_b}"), scope="col"
                ),
                html.Th(t("sustainability.compare.col.difference", lang), scope="col"),
                html.Th(t("sustainability.compare.col.verdict", lang), scope="col"),
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Th(measure_label(row["measure"], lang), scope="row"),
                    html.Td(
                        interval_text(
                            *bounded_interval(row["a_mean"], row["a_ci_low"], row["a_ci_high"]),
                            lang,
                        )
                    ),
                    html.Td(
                        interval_text(
                            *bounded_interval(row["b_mean"], row["b_ci_low"], row["b_ci_high"]),
                            lang,
                        )
                    ),
                    html.Td(
                        interval_text(
                            row["difference"],
                            row["difference_ci_low"],
                            row["difference_ci_high"],
                            lang,
                            signed=True,
                        )
                    ),
                    html.Td(
                        short_verdict(row["difference_ci_low"], row["difference_ci_high"], lang)
                    ),
                ]
            )
            for row in compared.to_dict("records")
        ]
    )
    caption = t(
        "sustainability.compare.caption",
        lang,
        a=label_a,
        b=label_b,
        of_a=of_name(label_a, lang),
        of_b=of_name(label_b, lang),
        n_a=format_number(int(compared["a_n"].iloc[0]), lang),
        n_b=format_number(int(compared["b_n"].iloc[0]), lang),
    )
    # The caption is read above the table, at the column's width: inside a table that scrolls
    # sideways on a phone it took the table's width and was cut at the screen's edge. Screen
    # readers get it once, as the table's caption.
    return html.Div(
        [
            html.P(
                caption,
                className="small sustainability-compare-caption mb-1",
                **attributes({"aria-hidden": "true"}),
            ),
            html.Div(
                html.Table(
                    [html.Caption(caption, className="visually-hidden"), header, body],
                    className="table table-sm sustainability-compare-table",
                ),
                className="table-responsive",
            ),
        ]
    )
