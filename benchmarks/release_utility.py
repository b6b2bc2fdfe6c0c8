"""Utility of the protected release on the demo store: public figures against exact ones.

Builds the demo store (seed 42, 50,000 records), then for each candidate release and each of
several secret seeds, computes every view the sustainability page offers over a fixed workload
(every grouping × no filter, each region, status, Action and country, each year, and each
region × year) from the release and from the survey records, and compares them by the exact
group size: means (three scores and the composite), shares at or above 0.5, changes between
rounds; Welch verdicts of every pair of groups of a view on every score.

    python -m benchmarks.release_utility [--seeds 3] [--candidates model,model-1,bootstrap] [--markdown]

Candidates: ``model`` (the release as built), ``model-N`` (the same model drawing N records per
returnee; ``model-1``: statistics from sampled records), ``bootstrap`` (no privacy: returnees
resampled with replacement, for scale), ``rho-R`` (diagnostic only: the same model at a budget ρ = R,
which may be looser than any release is allowed; it shows how much of the error is the noise, and
what budget a target would need), ``split-K`` (the same model and ρ with another split of ρ between
the measurements, ``SPLITS[K]``).
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from dashboard.build.aggregates import RELEASE_CELLS, build_cells
from dashboard.build.release import build as release_build
from dashboard.build.release.budget import SHARES, Budget, Guarantee
from dashboard.build.stores import build_store
from dashboard.selection import Selection
from dashboard.sustainability import queries
from dashboard.sustainability.disclosure import EXACT, PROTECTED

SIZE_CLASSES = (
    (0, 30, "n < 30"),
    (30, 100, "30–99"),
    (100, 1000, "100–999"),
    (1000, 10**9, "≥ 1,000"),
)
MEASURES = tuple(queries.MEASURES)
MINIMUM = 10
T_SIGNIFICANT = 1.96


def workload(cursor: duckdb.DuckDBPyConnection) -> list[Selection]:
    """The filters of the evaluation: none, each region, status, Action, country, year, region × year."""
    regions = [
        r[0]
        for r in cursor.execute("SELECT DISTINCT region_code FROM actions ORDER BY 1").fetchall()
    ]
    statuses = [
        r[0]
        for r in cursor.execute("SELECT DISTINCT status_code FROM actions ORDER BY 1").fetchall()
    ]
    actions = [
        r[0] for r in cursor.execute("SELECT action_code FROM actions ORDER BY 1").fetchall()
    ]
    countries = [
        r[0]
        for r in cursor.execute("SELECT DISTINCT iso3 FROM action_countries ORDER BY 1").fetchall()
    ]
    years = range(2017, 2023)
    selections = [Selection()]
    selections += [Selection(regions=(r,)) for r in regions]
    selections += [Selection(statuses=(s,)) for s in statuses]
    selections += [Selection(actions=(a,)) for a in actions]
    selections += [Selection(countries=(c,)) for c in countries]
    selections += [Selection(period_start=f"{y}-Q1", period_end=f"{y}-Q4") for y in years]
    selections += [
        Selection(regions=(r,), period_start=f"{y}-Q1", period_end=f"{y}-Q4")
        for r, y in itertools.product(regions, (2018, 2020, 2022))
    ]
    return selections


def view_rows(cursor, selection: Selection, grouping: str, disclosure) -> dict[str, pd.DataFrame]:
    """Means, shares at 0.5 and changes of one view."""
    means = queries.group_means(
        cursor, selection, grouping, min_group_size=1, disclosure=disclosure
    )
    shares = queries.threshold_shares(
        cursor, selection, grouping, "composite", 0.5, min_group_size=1, disclosure=disclosure
    )
    changes = queries.round_changes(
        cursor, selection, grouping, min_group_size=1, disclosure=disclosure
    )
    return {"means": means, "shares": shares, "changes": changes}


def compare(cursor, selections) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per group: exact n and the absolute error of every statistic; per pair: exact and public t."""
    errors, pairs = [], []
    for selection, grouping in itertools.product(selections, queries.GROUPINGS):
        exact = view_rows(cursor, selection, grouping, EXACT)
        public = view_rows(cursor, selection, grouping, PROTECTED)
        for kind, statistics in (
            ("means", [f"{m}_mean" for m in MEASURES]),
            ("shares", ["share"]),
            ("changes", [f"{m}_change" for m in MEASURES]),
        ):
            merged = exact[kind].merge(
                public[kind], on="group_code", suffixes=("_exact", "_public")
            )
            merged = merged[merged["n_exact"].fillna(0) >= MINIMUM]
            for statistic in statistics:
                for n, true, released in zip(
                    merged["n_exact"],
                    merged[f"{statistic}_exact"],
                    merged[f"{statistic}_public"],
                    strict=True,
                ):
                    errors.append(
                        {
                            "kind": kind,
                            "statistic": statistic,
                            "n": n,
                            "error": abs(released - true) if pd.notna(released) else np.nan,
                        }
                    )
        means = exact["means"].merge(
            public["means"], on="group_code", suffixes=("_exact", "_public")
        )
        means = means[(means["n_exact"].fillna(0) >= MINIMUM)]
        for (_, a), (_, b) in itertools.combinations(means.iterrows(), 2):
            for measure in MEASURES:
                row = {"measure": measure}
                for source in ("exact", "public"):
                    ma, mb = a[f"{measure}_mean_{source}"], b[f"{measure}_mean_{source}"]
                    sa, sb = a[f"{measure}_sd_{source}"], b[f"{measure}_sd_{source}"]
                    na, nb = a[f"n_{source}"], b[f"n_{source}"]
                    if pd.isna(ma) or pd.isna(mb) or not na or not nb:
                        row[source] = np.nan
                        continue
                    se = np.sqrt(sa**2 / na + sb**2 / nb)
                    row[source] = (ma - mb) / se if se > 0 else np.nan
                pairs.append(row)
    return pd.DataFrame(errors), pd.DataFrame(pairs)


def summarise(errors: pd.DataFrame, pairs: pd.DataFrame) -> dict[str, object]:
    """The utility table's numbers."""
    summary: dict[str, object] = {}
    for kind in ("means", "shares", "changes"):
        rows = errors[errors["kind"] == kind]
        for low, high, label in SIZE_CLASSES:
            selected = rows[(rows["n"] >= low) & (rows["n"] < high)]["error"]
            missing = float(selected.isna().mean()) if len(selected) else np.nan
            values = selected.dropna()
            summary[(kind, label)] = {
                "groups": int(len(selected)),
                "median": float(values.median()) if len(values) else np.nan,
                "p95": float(values.quantile(0.95)) if len(values) else np.nan,
                "within_0.02": float((values <= 0.02).mean()) if len(values) else np.nan,
                "suppressed_in_release": missing,
            }
    valid = pairs.dropna()
    exact_significant = valid["exact"].abs() > T_SIGNIFICANT
    public_significant = valid["public"].abs() > T_SIGNIFICANT
    same = exact_significant == public_significant
    same &= ~(
        exact_significant
        & public_significant
        & (np.sign(valid["exact"]) != np.sign(valid["public"]))
    )
    clear = (valid["exact"].abs() < 1) | (valid["exact"].abs() > 3)
    reversed_ = (
        exact_significant
        & public_significant
        & (np.sign(valid["exact"]) != np.sign(valid["public"]))
    )
    summary["verdicts"] = {
        "pairs": int(len(valid)),
        "same_all": float(same.mean()),
        "clear_pairs": int(clear.sum()),
        "same_clear": float(same[clear].mean()),
        "reversed": float(reversed_.mean()),
        "reversed_count": int(reversed_.sum()),
    }
    return summary


def bootstrap_release(connection: duckdb.DuckDBPyConnection, seed: int) -> None:
    """No privacy, for scale: the release's records are the returnees resampled with replacement."""
    connection.execute(release_build.RELEASE_DDL)
    connection.execute("DELETE FROM release_records")
    ids = connection.execute("SELECT DISTINCT respondent_id FROM survey_responses ORDER BY 1").df()
    rng = np.random.default_rng(seed)
    picks = pd.DataFrame(
        {"respondent_id": ids["respondent_id"].to_numpy()[rng.integers(0, len(ids), len(ids))]}
    )
    picks["draw"] = np.arange(len(picks))
    connection.register("picks", picks)
    connection.execute("""
        INSERT INTO release_records
        SELECT p.draw, row_number() OVER (), s.action_code, s.iso3, s.survey_date, s.months_since_return, s.sex,
               s.age_group, s.assistance_type, s.assistance_level, s.referral, s.economic_score, s.social_score,
               s.psychosocial_score, s.composite_score, 1.0
        FROM picks p JOIN survey_responses s USING (respondent_id)""")
    connection.unregister("picks")
    build_cells(connection, RELEASE_CELLS)


# Other splits of ρ between the release's measurements (fractions summing to 1), for ``split-K``.
SPLITS = {
    "means": {
        **SHARES,
        "score_sums": 0.63,
        "change_sums": 0.10,
        "change_spread": 0.03,
        "score_spread": 0.04,
    },
}


class DiagnosticBudget(Budget):
    """A budget for the benchmark only: any positive ρ (past the release's maximum) and any split."""

    def __init__(self, rho: float, shares: dict[str, float] | None = None) -> None:
        object.__setattr__(self, "rho", rho)
        object.__setattr__(self, "_shares", shares or SHARES)
        Guarantee.__post_init__(self)

    def share(self, part: str) -> float:
        return self.rho * self._shares[part]


def candidate_budget(candidate: str) -> Budget:
    """The budget a candidate's release spends."""
    if candidate.startswith("rho-"):
        return DiagnosticBudget(float(candidate.split("-", 1)[1]))
    if candidate.startswith("split-"):
        shares = SPLITS[candidate.split("-", 1)[1]]
        assert abs(sum(shares.values()) - 1) < 1e-9
        return DiagnosticBudget(Budget().rho, shares)
    return Budget()


def make_release(connection, candidate: str, seed: int) -> float:
    """Build one candidate's release in ``connection``; returns the seconds it took."""
    started = time.perf_counter()
    if candidate == "bootstrap":
        bootstrap_release(connection, seed)
    else:
        # "model-N": the same model drawing N records per returnee.
        draws = float(candidate.split("-", 1)[1]) if candidate.startswith("model-") else None
        release_build.build_release(
            connection, seed=seed, budget=candidate_budget(candidate), draws=draws
        )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--candidates", default="model,model-1,bootstrap")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="release-utility-"))
    try:
        store = build_store(work / "demo.duckdb", demo=True, seed=42, rows=50_000, release_seed=1)
        results = []
        for candidate in args.candidates.split(","):
            for seed in range(1, args.seeds + 1):
                copy = work / f"{candidate}-{seed}.duckdb"
                shutil.copy(store, copy)
                connection = duckdb.connect(str(copy))
                seconds = make_release(connection, candidate, 1000 + seed)
                selections = workload(connection)
                errors, pairs = compare(connection, selections)
                connection.close()
                copy.unlink()
                results.append(
                    (candidate, seed, seconds, summarise(errors, pairs), len(selections))
                )
                print(
                    f"{candidate} seed {seed}: {seconds:.1f} s, {len(errors)} statistics, {len(pairs)} pairs",
                    flush=True,
                )
        print(report(results, markdown=args.markdown))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(results, *, markdown: bool) -> str:
    """The utility table: per candidate, mean over seeds."""
    lines = []
    by_candidate: dict[str, list] = {}
    for candidate, _seed, _seconds, summary, _views in results:
        by_candidate.setdefault(candidate, []).append(summary)
    header = (
        "| candidate | statistic | group size | groups | median error | p95 error | within 0.02 |"
        "\n|---|---|---|---|---|---|---|"
    )
    lines.append(header)
    for candidate, summaries in by_candidate.items():
        for kind in ("means", "shares", "changes"):
            for _low, _high, label in SIZE_CLASSES:
                cells = [s[(kind, label)] for s in summaries]
                groups = int(np.mean([c["groups"] for c in cells]))
                if not groups:
                    continue
                median = np.nanmean([c["median"] for c in cells])
                p95 = np.nanmean([c["p95"] for c in cells])
                within = np.nanmean([c["within_0.02"] for c in cells])
                lines.append(
                    f"| {candidate} | {kind} | {label} | {groups:,} | {median:.4f} | {p95:.4f} | {within:.1%} |"
                )
    lines.append("")
    lines.append(
        "| candidate | comparisons | same verdict (all) | clear-cut pairs | same verdict (clear-cut) "
        "| significant difference reversed |"
    )
    lines.append("|---|---|---|---|---|---|")
    for candidate, summaries in by_candidate.items():
        verdicts = [s["verdicts"] for s in summaries]
        lines.append(
            f"| {candidate} | {int(np.mean([v['pairs'] for v in verdicts])):,} | "
            f"{np.mean([v['same_all'] for v in verdicts]):.1%} | "
            f"{int(np.mean([v['clear_pairs'] for v in verdicts])):,} | "
            f"{np.mean([v['same_clear'] for v in verdicts]):.1%} | "
            f"{np.mean([v['reversed'] for v in verdicts]):.2%} "
            f"({sum(v['reversed_count'] for v in verdicts)} in {len(verdicts)} runs) |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
