"""The data behind the EUTF target-vs-actual charts, as the tables downloads and table views show."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import TEXT, t


def indicator_label(number: str, indicator: str, lang: str) -> str:
    """A numbered Common Output Indicator's name in ``lang``, after its number: the EUTF's
    wording without "Number of" in English, the dashboard's translation in French (the wording as
    reported where the dashboard has none)."""
    key = f"eutf.coi.{number}"
    if key in TEXT:
        return f"{number} {t(key, lang)}"
    text = str(indicator).removeprefix(number).strip().removeprefix("Number of ").strip()
    return f"{number} {text[:1].upper()}{text[1:]}"


def country_results_frame(results: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``queries.eutf.country_results`` rows with each indicator's name in ``lang`` (``label``;
    the chart shortens it, the hover shows ``label_full``)."""
    frame = results.copy()
    frame["label"] = [indicator_label(number, indicator, lang)
                      for number, indicator in zip(frame["indicator_number"], frame["indicator"], strict=True)]
    frame["label_full"] = frame["label"]
    return frame


def country_results_table(results: pd.DataFrame, *, iso3: str, country: str, lang: str) -> pd.DataFrame:
    """The country chart's rows: indicator, level and projects counted, target, actual, pillar
    (the dashboard's correspondence), framework and source."""
    return pd.DataFrame({
        t("map.col.country_code", lang): [iso3] * len(results),
        t("map.col.country", lang): [country] * len(results),
        t("eutf.col.number", lang): results["indicator_number"].tolist(),
        t("eutf.col.indicator", lang): results["indicator"].tolist(),
        t("eutf.col.label", lang): [indicator_label(number, indicator, lang).removeprefix(f"{number} ")
                                    for number, indicator in zip(results["indicator_number"], results["indicator"],
                                                                 strict=True)],
        t("eutf.hover.level", lang): [t(f"eutf.level.{level}", lang) for level in results["level"]],
        t("map.amount.col.ids", lang): results["iati_ids"].tolist(),
        t("eutf.value.target", lang): results["target"].tolist(),
        t("eutf.value.actual", lang): results["actual"].tolist(),
        t("eutf.col.pillar", lang): [None if pd.isna(pillar) else int(pillar) for pillar in results["pillar_no"]],
        t("map.amount.col.source", lang): [t("eutf.source_line", lang, date="2021-12-17",
                                             framework=t("eutf.framework.coi", lang, number=number))
                                           for number in results["indicator_number"]],
    })


def pillar_results_table(rows: pd.DataFrame, *, pillar_names: dict[int, str], lang: str) -> pd.DataFrame:
    """``queries.eutf.pillar_results`` rows as a table in ``lang``, regional rows included and
    marked; the pillar column says the correspondence is the dashboard's."""
    return pd.DataFrame({
        t("eutf.col.pillar", lang): [pillar_names.get(int(number), str(number)) for number in rows["pillar_no"]],
        t("eutf.col.number", lang): rows["indicator_number"].tolist(),
        t("eutf.col.indicator", lang): rows["indicator"].tolist(),
        t("eutf.col.scope", lang): [t(f"eutf.scope.{scope}", lang) for scope in rows["scope"]],
        t("map.col.country_code", lang): rows["iso3"].tolist(),
        t("eutf.col.place", lang): rows["place"].tolist(),
        t("eutf.hover.level", lang): [t(f"eutf.level.{level}", lang) for level in rows["level"]],
        t("eutf.value.target", lang): rows["target"].tolist(),
        t("eutf.value.actual", lang): rows["actual"].tolist(),
    })
