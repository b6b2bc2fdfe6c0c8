"""Text summaries (for screen readers) of the sustainability charts."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.cells import number_or_nan
from dashboard.common.precision import distinct_decimals
from dashboard.i18n import format_number, format_percent, t
from dashboard.sustainability.labels import (
    capitalised,
    comparison_notes,
    difference_verdict,
    interval_text,
    measure_label,
    ordered_groups,
    score_text,
    series_labels,
    short_verdict,
    signed_text,
    unavailable_text,
)


def means_summary(
    by_group: pd.DataFrame, *, labels: Mapping[str, str], lang: str, min_group_size: int
) -> str:
    """One or two sentences saying what the means chart shows, for every reader."""
    if by_group.empty:
        return t("sustainability.summary.empty", lang)
    ordered = ordered_groups(by_group, labels)
    shown = ordered[~ordered["suppressed"]]
    parts = [_groups_sentence(ordered, lang, min_group_size)]
    if not shown.empty:
        # pandas-stubs' .loc does not take the Hashable label idxmax returns
        best = shown.loc[shown["composite_mean"].astype(float).idxmax()]  # type: ignore[call-overload]
        worst = shown.loc[shown["composite_mean"].astype(float).idxmin()]  # type: ignore[call-overload]
        parts.append(
            t(
                "sustainability.summary.means",
                lang,
                best=best["label"],
                value=score_text(best["composite_mean"], lang),
                worst=worst["label"],
                low_value=score_text(worst["composite_mean"], lang),
            )
        )
        computed = float(shown["computed_composites"].astype(float).sum()) / float(
            shown["n"].astype(float).sum()
        )
        if computed > 0:
            parts.append(
                t("sustainability.summary.computed", lang, share=format_percent(computed, lang))
            )
    return " ".join(parts)


def _groups_sentence(ordered: pd.DataFrame, lang: str, min_group_size: int) -> str:
    if ordered["suppressed"].all():
        return t("sustainability.all_suppressed", lang, min=format_number(min_group_size, lang))
    suppressed = int(ordered["suppressed"].sum())
    return t(
        "sustainability.summary.groups",
        lang,
        shown=len(ordered) - suppressed,
        suppressed=suppressed,
        min=format_number(min_group_size, lang),
    )


def distribution_summary(by_group: pd.DataFrame, *, lang: str, min_group_size: int) -> str:
    """How many groups the box chart shows, how many are suppressed, and how to read a box."""
    if by_group.empty:
        return t("sustainability.summary.empty", lang)
    return (
        f"{_groups_sentence(by_group, lang, min_group_size)} {t('sustainability.box.legend', lang)}"
    )


def threshold_summary(
    by_group: pd.DataFrame, *, threshold: float, lang: str, min_group_size: int
) -> str:
    """Groups shown and the overall share at or above the threshold among them."""
    if by_group.empty:
        return t("sustainability.summary.empty", lang)
    parts = [_groups_sentence(by_group, lang, min_group_size)]
    shown = by_group[~by_group["suppressed"]]
    if not shown.empty:
        total = float(shown["n"].astype(float).sum())
        parts.append(
            t(
                "sustainability.summary.share",
                lang,
                share=format_percent(float(shown["at_or_above"].astype(float).sum()) / total, lang),
                n=format_number(total, lang),
                threshold=format_number(threshold, lang, 2),
            )
        )
    return " ".join(parts)


def over_time_summary(
    by_band: pd.DataFrame,
    *,
    labels: Mapping[str, str],
    grouping: str,
    lang: str,
    min_group_size: int,
    max_series: int,
) -> str:
    """Which series the chart over time shows, and why some points are missing."""
    if by_band.empty:
        return t("sustainability.summary.empty", lang)
    if by_band["suppressed"].all():
        return t(
            "sustainability.time.all_suppressed", lang, min=format_number(min_group_size, lang)
        )
    shown = by_band[~by_band["suppressed"]]
    series = ordered_groups(
        shown.drop_duplicates("group_code")[["group_code"]], series_labels(grouping, labels, lang)
    )
    return t(
        "sustainability.summary.time",
        lang,
        series=", ".join(series["label"]),
        max=max_series,
        min=format_number(min_group_size, lang),
    )


def comparison_summary(
    compared: pd.DataFrame,
    *,
    label_a: str,
    label_b: str,
    lang: str,
    min_group_size: int,
    same_group: bool = False,
    available: int | None = None,
) -> str:
    """The comparison in words: the composite means of A and B, their difference with its
    interval, and for every score whether the difference is distinguishable from zero at 95%."""
    if available is not None and available < 2:
        return unavailable_text(lang, min_group_size)
    if same_group:
        return t("sustainability.compare.same", lang)
    if compared.empty or all(compared[f"{side}_status"].iloc[0] == "absent" for side in ("a", "b")):
        return t("sustainability.summary.empty", lang)
    statuses = {side: compared[f"{side}_status"].iloc[0] for side in ("a", "b")}
    if any(status != "shown" for status in statuses.values()):
        return " ".join(comparison_notes(statuses, label_a, label_b, lang, min_group_size))
    by_measure = compared.set_index("measure")
    composite = by_measure.loc["composite"]
    words = {"label_a": label_a, "label_b": label_b, "lang": lang}
    means = distinct_decimals([(composite["a_mean"], composite["b_mean"])])
    sentences = [
        t(
            "sustainability.summary.compare",
            lang,
            a=label_a,
            b=label_b,
            value_a=score_text(number_or_nan(composite["a_mean"]), lang, means),
            value_b=score_text(number_or_nan(composite["b_mean"]), lang, means),
            difference=interval_text(
                composite["difference"],
                composite["difference_ci_low"],
                composite["difference_ci_high"],
                lang,
                signed=True,
            ),
            verdict=capitalised(
                difference_verdict(
                    composite["difference_ci_low"], composite["difference_ci_high"], **words
                )
            ),
        )
    ]
    dimensions = [
        t(
            "sustainability.summary.compare_item",
            lang,
            measure=measure_label(str(measure), lang),
            difference=interval_text(
                row["difference"],
                row["difference_ci_low"],
                row["difference_ci_high"],
                lang,
                signed=True,
            ),
            verdict=short_verdict(
                row["difference_ci_low"], row["difference_ci_high"], lang, lower=True
            ),
        )
        for measure, row in by_measure.iterrows()
        if measure != "composite"
    ]
    sentences.append(
        t(
            "sustainability.summary.compare_dimensions",
            lang,
            items=t("sustainability.summary.separator", lang).join(dimensions),
        )
    )
    return " ".join(sentences)


def changes_summary(
    changes: pd.DataFrame, *, labels: Mapping[str, str], lang: str, min_group_size: int
) -> str:
    """Groups shown, returnees paired, and the mean change of the composite among them."""
    if changes.empty:
        return t("sustainability.changes.none", lang)
    ordered = ordered_groups(changes, labels)
    shown = ordered[~ordered["suppressed"]]
    if shown.empty:
        return t("sustainability.all_suppressed", lang, min=format_number(min_group_size, lang))
    n = shown["n"].astype(float)
    parts = [
        t(
            "sustainability.summary.groups",
            lang,
            shown=len(shown),
            suppressed=int(ordered["suppressed"].sum()),
            min=format_number(min_group_size, lang),
        )
    ]
    parts.append(
        t(
            "sustainability.summary.changes",
            lang,
            n=format_number(float(n.sum()), lang),
            change=signed_text(
                float((shown["composite_change"].astype(float) * n).sum() / n.sum()), lang
            ),
            rose=format_percent(float((shown["rose"].astype(float) * n).sum() / n.sum()), lang),
            fell=format_percent(float((shown["fell"].astype(float) * n).sum() / n.sum()), lang),
        )
    )
    return " ".join(parts)
