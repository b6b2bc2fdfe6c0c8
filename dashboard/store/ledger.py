"""The privacy ledger, read from a store: how much of the budget every release ever published has spent.

Each release spends its ρ on every returnee whose answers the store version holds. A rollback
serves a kept version again and spends nothing, but it takes nothing back either: the releases
made before it were public. So the total a store directory has spent on its returnees is the sum
over **every release ever published in that directory**, read from its history (each build,
import or upgrade entry records the ρ its new version's release spent, ``release``), never from
the version served now. zCDP composes by addition, so the total is a ρ like any other and the
guarantees of ``guarantee.Guarantee`` hold for it.

Demo releases and releases of imported data are counted apart: demo returnees are invented, so
their releases spend nothing on real people, and an import that replaces demo data starts the
real ledger. A release of imported data counts against every later one, whoever is in it (an
upper bound: the returnees of an import rolled back are in no later release).

The cap on the total (``EUIOM_RELEASE_RHO_TOTAL``) is checked when a release is made:
``dashboard.build.release.ledger``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dashboard.settings import MAX_RHO
from dashboard.store import history
from dashboard.store.door import ROW, ROWS, query
from dashboard.store.guarantee import Guarantee

# The field of a history entry recording its new version's release: {"rho": ρ spent, "of": "demo",
# "imported" or "none"}. Entries written before it existed are estimated (:func:`_estimated`).
RELEASE_FIELD = "release"
DEMO = "demo"
IMPORTED = "imported"
NOBODY = "none"
# The first schema whose stores make releases: an upgrade from an older one made its first release.
FIRST_RELEASE_SCHEMA = 5


@dataclass(frozen=True)
class Release:
    """One published release, as the history records it.

    Attributes:
        entry_id: the history entry that made it.
        action: build, import or upgrade.
        at: when (the entry's time, UTC).
        rho: the ρ it spent.
        of: whose answers: ``demo``, ``imported`` or ``none`` (no survey data).
        estimated: True for an entry written before releases were recorded (ρ taken at its
            largest possible value).
    """

    entry_id: int
    action: str
    at: str
    rho: float
    of: str
    estimated: bool = False


@dataclass(frozen=True)
class Ledger:
    """Every release published in a store directory (or a single store file), oldest first."""

    releases: tuple[Release, ...]

    def spent(self, of: str) -> float:
        """Total ρ spent on the returnees of ``of`` (``demo`` or ``imported``)."""
        return round(sum(release.rho for release in self.releases if release.of == of), 6)

    def count(self, of: str) -> int:
        """How many releases of ``of`` spent anything."""
        return sum(1 for release in self.releases if release.of == of and release.rho > 0)

    def public(self, of: str) -> dict[str, object]:
        """What the methodology page and ``provenance.json`` show: the total, the number of
        releases and the guarantee of the total."""
        spent = self.spent(of)
        values: dict[str, object] = {
            "rho_spent_by_this_store": spent,
            "releases_published": self.count(of),
            "ledger_of": of,
        }
        if spent > 0:
            total = Guarantee(spent)
            values.update(
                {
                    "mu_total": round(total.mu, 4),
                    "epsilon_total_at_delta_1e-6": round(total.epsilon(1e-6), 3),
                    "membership_accuracy_total": round(total.membership_accuracy(), 4),
                }
            )
        if any(release.estimated and release.of == of for release in self.releases):
            values["ledger_note"] = (
                "releases made before the ledger was recorded are counted at the largest "
                f"budget they could have had (ρ = {MAX_RHO})"
            )
        return values


def _estimated(entry: dict) -> tuple[float, str] | None:
    """(ρ, of) of an entry written before releases were recorded, at the largest budget a release
    could have had; None for an entry that made no release."""
    action, kind, holds = entry.get("action"), entry.get("kind"), entry.get("holds")
    if action == "build":
        return (MAX_RHO, DEMO) if kind == DEMO else (0.0, NOBODY)
    if action == "import":
        return (MAX_RHO, IMPORTED) if kind == "survey" else (0.0, NOBODY)
    if action == "upgrade" and holds:
        try:
            old = int(str(kind).split("schema ", 1)[1].split(" ", 1)[0])
        except (IndexError, ValueError):
            return None
        return (MAX_RHO, IMPORTED) if old < FIRST_RELEASE_SCHEMA else None
    return None


def ledger_from_entries(entries: list[dict]) -> Ledger:
    """The ledger of a store directory's history entries."""
    releases = []
    for entry in entries:
        recorded = entry.get(RELEASE_FIELD)
        if isinstance(recorded, dict):
            rho, of, estimated = (
                float(recorded.get("rho", 0.0)),
                str(recorded.get("of", NOBODY)),
                False,
            )
        else:
            guess = _estimated(entry)
            if guess is None:
                continue
            (rho, of), estimated = guess, True
        releases.append(
            Release(
                int(entry.get("id", 0)),
                str(entry.get("action")),
                str(entry.get("at", "")),
                rho,
                of,
                estimated,
            )
        )
    return Ledger(tuple(releases))


def directory_ledger(directory: Path) -> Ledger:
    """The ledger of a store directory, from its history (checked).

    Raises:
        HistoryDamaged: the history is damaged (names the file and the fix).
    """
    return ledger_from_entries(history.read_entries(Path(directory)))


def file_ledger(connection: duckdb.DuckDBPyConnection) -> Ledger:
    """The ledger of a single store file (no history: changed in place, never rolled back): the
    running total its release keeps."""
    try:
        rows = dict(
            query(
                connection, "ledger_release_info", "SELECT key, value FROM release_info", read=ROWS
            )
        )
    except duckdb.CatalogException:
        return Ledger(())
    spent = float(json.loads(rows.get("rho_spent_by_this_store", "0")))
    if "release_of" in rows:
        of = json.loads(rows["release_of"])
    else:  # a release made before it was recorded: the store's data origin says whose answers
        origin = query(
            connection,
            "ledger_data_origin",
            "SELECT value FROM store_info WHERE key = 'data_origin'",
            read=ROW,
        )
        of = DEMO if origin and origin[0] == DEMO else IMPORTED
    return Ledger((Release(0, "file", "", spent, of),)) if spent else Ledger(())
