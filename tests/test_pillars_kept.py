"""The pillars page's blocks, summaries and coverage figures are kept by the rows they show: the
same rows give the same block without building it again; any change of a value, a type, a
missing value or an option builds it again."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import plain_texts, t
from dashboard.pillars.kept import kept, rows_key


def counting():
    built = []

    @kept
    def block(frame: pd.DataFrame, *, lang: str) -> dict:
        built.append(lang)
        return {"rows": len(frame), "lang": lang}

    return block, built


def frame(**columns) -> pd.DataFrame:
    base = {
        "code": ["JI-NA", "RADA"],
        "total": [1.0, float("nan")],
        "pillar_no": pd.array([2, None], dtype="Int32"),
        "as_of": pd.to_datetime(["2020-01-01", None]),
    }
    return pd.DataFrame({**base, **columns})


def test_the_same_rows_give_the_same_block_without_building_it_again():
    block, built = counting()
    first = block(frame(), lang="en")
    assert block(frame(), lang="en") is first  # another frame, the same rows
    assert built == ["en"]


def test_a_changed_value_type_missing_value_or_option_builds_it_again():
    block, built = counting()
    block(frame(), lang="en")
    block(frame(), lang="fr")
    block(frame(total=[2.0, float("nan")]), lang="en")
    block(frame(total=[1.0, 0.0]), lang="en")  # a missing value filled
    block(frame(code=["JI-NA", None]), lang="en")
    block(frame(code=["JI-NA", "MISSING"]), lang="en")  # a text that reads like the marker
    block(frame(total=pd.Series([1, 2], dtype=object)), lang="en")
    block(frame(total=pd.Series([1.0, 2], dtype=object)), lang="en")  # 1.0 is not 1 here
    block(frame().iloc[0:0], lang="en")
    assert len(built) == 9


def test_rows_that_cannot_key_a_block_build_it_every_time():
    block, built = counting()
    lists = frame(code=[["JI-NA"], ["RADA"]])
    block(lists, lang="en")
    block(lists, lang="en")
    assert len(built) == 2


def test_the_key_leaves_the_frame_as_it_was():
    rows = frame()
    rows_key(rows)
    assert rows["total"].isna().tolist() == [False, True]
    assert rows["code"].tolist() == ["JI-NA", "RADA"]


def test_a_block_built_for_a_file_is_not_shown_on_screen():
    """Files and API answers spell French texts plainly (``plain_texts``); the screen puts
    no-break spaces before high punctuation: the same rows keep one block for each."""

    @kept
    def block(frame: pd.DataFrame, *, lang: str) -> str:
        return t("pillars.legend.none", lang)  # "vide : non couvert"

    with plain_texts():
        in_a_file = block(frame(), lang="fr")
    on_screen = block(frame(), lang="fr")
    with plain_texts():
        assert block(frame(), lang="fr") == in_a_file
    assert (in_a_file, on_screen) == ("vide : non couvert", "vide\u00a0: non couvert")
