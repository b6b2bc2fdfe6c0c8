"""One table of the "Download all data" zip, as the bundle and its data package both read it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Table:
    """One table of the zip: its file stem, title, kind of data and rows (with their key, if any)."""

    stem: str
    title: str
    kind: str
    code: str
    label: str
    source: str
    frame: pd.DataFrame
    key: tuple[str, ...] = ()
    subject: str | None = None  # the HXL hashtag of what a row names (reference tables)
