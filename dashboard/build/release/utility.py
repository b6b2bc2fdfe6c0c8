"""What the release's utility benchmark measured, as the methodology page quotes it.

The figures come from ``python -m benchmarks.release_utility --seeds 3`` on the demo store
(``build-demo --seed 42 --rows 50000``) at the default budget, and from the coverage of the public
95% intervals measured on the same store (``benchmarks/README.md``, "Protected release"). They
describe the demo data, not any imported survey: the page says so. Update them with the table.
"""

from __future__ import annotations

from dashboard.i18n import format_number, format_percent

# Means: median and 95th percentile of the error for groups of 1,000 or more returnees; share of
# means of groups of 100 to 999 within 0.02 of the survey's own.
LARGE_GROUP_MEDIAN_ERROR = 0.0016
LARGE_GROUP_P95_ERROR = 0.0058
MID_GROUPS_WITHIN_002 = 0.959
# Welch verdicts: same verdict on clear-cut pairs; significant differences reversed.
CLEAR_CUT_SAME_VERDICT = 0.942
REVERSED = 0.0003
# How often the public 95% interval of a mean held the survey's own mean, by group size (one
# release of the demo store; every group of every view of the workload, each score).
INTERVAL_COVERAGE = (
    ((None, 30), 0.956),
    ((30, 99), 0.951),
    ((100, 999), 0.947),
    ((1000, None), 0.977),
)


def interval_coverage_text(lang: str) -> str:
    """The measured coverage in words: '95.6% (n < 30), 95.1% (30–99), ...'."""
    parts = []
    for (low, high), share in INTERVAL_COVERAGE:
        if low is None:
            size = f"n < {format_number(high, lang)}"
        elif high is None:
            size = f"n ≥ {format_number(low, lang)}"
        else:
            size = f"{format_number(low, lang)}–{format_number(high, lang)}"
        parts.append(f"{format_percent(share, lang, 1)} ({size})")
    return ", ".join(parts)
