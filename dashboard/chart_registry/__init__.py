"""Every page's charts, one module per page, each a tuple ``CHARTS`` of ``ChartSpec`` rows.

The one place a chart is declared: layouts build its panel from the row, callbacks wire its ids,
downloads, table views, embeds and the API compute its data and figure through it.
"""

from __future__ import annotations

from dashboard.chart_registry import map as map_charts
from dashboard.chart_registry import pillars as pillar_charts
from dashboard.chart_registry import sustainability as sustainability_charts
from dashboard.charts import ChartSpec

PAGE_CHARTS: tuple[tuple[ChartSpec, ...], ...] = (map_charts.CHARTS, pillar_charts.CHARTS, sustainability_charts.CHARTS)


def all_charts() -> dict[str, ChartSpec]:
    """Every chart of every page, by key.

    Raises:
        RuntimeError: two charts share a key.
    """
    charts = [chart for page_charts in PAGE_CHARTS for chart in page_charts]
    keys = [chart.key for chart in charts]
    if len(keys) != len(set(keys)):
        raise RuntimeError(f"chart keys are not unique: {sorted(keys)}")
    return {chart.key: chart for chart in charts}


def chart(key: str) -> ChartSpec:
    """The chart ``key`` names (a layout's panel, a callback's ids)."""
    return all_charts()[key]
