"""Rollbacks: serve a kept store version again, as a new history entry, after saying what changes.

Every version a store directory keeps is a whole store; the history log says which imports' rows
each one holds (``holds``: the ids of the import entries, and of a demo build for demo rows). A
rollback never rewrites a version and never deletes an entry: it appends a ``rollback`` entry and
points ``current`` at the version it serves again. Two ways to ask for one:

- **Roll back an import** (an import whose rows are served now): serve the kept version holding
  the most of the other served rows and none of that import's, nor any rows not served now but
  the demo rows that import replaced. So a rollback never brings back rows rolled back before;
  when no kept version holds exactly the other served rows (the import was followed by others),
  the plan says which other imports' rows disappear with it.
- **Serve version N again** (any kept version): what it holds is served, whatever was rolled back
  before; the plan lists every import whose rows appear or disappear.

Either way the plan is shown before anything happens (the import page's confirmation, the command
line's ``--check``), and carried out only if the served version is still the one it was made
against. A damaged ``current`` pointer is repaired the same way: the default rollback then serves
again the version the log says was served.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dashboard.build import history_log, versions
from dashboard.store.files import VERSION_SUFFIX, StoreError, current_version_name


@dataclass(frozen=True)
class StoreState:
    """A store directory's history, its pointer and the versions it keeps, read together."""

    entries: list[dict]
    pointer: str | None
    pointer_problem: str | None
    kept: tuple[str, ...]

    @property
    def served(self) -> str | None:
        """The version served now: the pointer's, or the log's when the pointer is damaged."""
        return (
            self.pointer
            if self.pointer_problem is None
            else history_log.served_by_log(self.entries)
        )

    @property
    def holdings(self) -> dict[str, list[int]]:
        """Version -> entry ids whose rows it holds (versions the log made)."""
        return history_log.version_holdings(self.entries)

    @property
    def served_holds(self) -> set[int]:
        """Entry ids whose rows the served version holds."""
        return set(self.holdings.get(self.served or "", []))

    def entry(self, entry_id: int) -> dict | None:
        """The entry ``entry_id``, or None."""
        return next((entry for entry in self.entries if entry.get("id") == entry_id), None)

    def creator(self, version: str) -> dict | None:
        """The entry that made ``version`` (a build, import or upgrade), or None."""
        return next(
            (
                entry
                for entry in reversed(self.entries)
                if entry.get("version") == version and "holds" in entry
            ),
            None,
        )

    def can_serve_again(self, version: str | None) -> bool:
        """True for a kept version the log describes, other than the served one (any, when the
        pointer is damaged: serving one repairs it)."""
        return (
            bool(version)
            and version in self.kept
            and version in self.holdings
            and (version != self.served or self.pointer_problem is not None)
        )

    def can_roll_back(self, entry: dict) -> bool:
        """True for an import whose rows are served now and that some kept version holds without."""
        try:
            undo_target(self, entry["id"])
        except StoreError:
            return False
        return True


def read_state(directory: Path) -> StoreState:
    """The store directory's history (checked), pointer and kept versions.

    Raises:
        HistoryDamaged: the history log is damaged, or stops before the entry a version or its
            anchor records.
    """
    directory = Path(directory)
    entries = history_log.read_entries(directory)
    versions.check_version_anchors(directory, entries)
    try:
        pointer, problem = current_version_name(directory).removesuffix(VERSION_SUFFIX), None
    except StoreError as error:
        pointer, problem = None, str(error)
    kept = tuple(name.removesuffix(VERSION_SUFFIX) for name in versions.version_names(directory))
    return StoreState(entries, pointer, problem, kept)


@dataclass(frozen=True)
class RollbackPlan:
    """What serving ``target`` again changes, against the version served when it was planned."""

    target: str
    served: str | None
    appear: tuple[int, ...] = ()
    disappear: tuple[int, ...] = ()
    undoes: int | None = None
    repairs: str | None = None
    entries: list[dict] = field(default_factory=list, repr=False, compare=False)

    def described(self, entry_id: int) -> dict:
        """The entry ``entry_id`` (file, rows, kind, who, when), for the plan's wording."""
        return next(entry for entry in self.entries if entry.get("id") == entry_id)

    def as_entry(self) -> dict:
        """The history entry carrying this plan out writes (id, time and user added then)."""
        entry = {
            "action": "rollback",
            "version": self.target,
            "previous": self.served,
            "undoes": self.undoes,
            "appear": list(self.appear),
            "disappear": list(self.disappear),
        }
        if self.repairs:
            entry["repairs"] = self.repairs
        if self.undoes is not None:
            undone = self.described(self.undoes)
            entry.update(
                file=undone.get("file"),
                kind=undone.get("kind"),
                rows=undone.get("rows"),
                sha256=undone.get("sha256"),
            )
        return entry


def _plan(state: StoreState, target: str, undoes: int | None = None) -> RollbackPlan:
    target_holds = set(state.holdings.get(target, []))
    served_holds = state.served_holds
    return RollbackPlan(
        target,
        state.served,
        appear=tuple(sorted(target_holds - served_holds)),
        disappear=tuple(sorted(served_holds - target_holds)),
        undoes=undoes,
        repairs=state.pointer_problem,
        entries=state.entries,
    )


def plan_serve(state: StoreState, version: str) -> RollbackPlan:
    """Serve kept ``version`` again (rows it holds come back, whatever was rolled back before).

    Raises:
        StoreError: the version is not kept, unknown to the log, or served already.
    """
    if version == state.served and state.pointer_problem is None:
        raise StoreError(f"{version} is served already: nothing to change")
    if version not in state.kept:
        raise StoreError(
            f"Version {version} is no longer kept (only the last versions are; see "
            f"EUIOM_KEEP_VERSIONS); kept: {', '.join(state.kept) or 'none'}"
        )
    if version not in state.holdings:
        raise StoreError(
            f"The history does not say what version {version} holds: it cannot be served again "
            "from the dashboard"
        )
    return _plan(state, version)


def undo_target(state: StoreState, entry_id: int) -> str:
    """The kept version to serve to roll back import ``entry_id``: none of its rows, no row that
    is not served now (but the demo rows the import replaced), and the most of the other served
    rows (then the most rows, then the newest).

    Raises:
        StoreError: not an import, its rows are not served, or no kept version qualifies.
    """
    entry = state.entry(entry_id)
    if entry is None or entry.get("action") != "import":
        raise StoreError(
            f"History entry {entry_id} is not an import: to serve an older version again, "
            "name the version (python -m dashboard rollback --version store-NNNNNN)"
        )
    served_holds = state.served_holds
    if entry_id not in served_holds:
        raise StoreError(
            f"The rows of import {entry_id} ({entry.get('file')}) are not served now: nothing to "
            "roll back"
        )
    others = served_holds - {entry_id}
    demo = {
        item["id"]
        for item in state.entries
        if item.get("action") == "build" and item.get("kind") == "demo"
    }
    replaced = set(state.holdings.get(entry.get("previous") or "", [])) & demo
    candidates = [
        (len(set(holds) & others), len(holds), version)
        for version, holds in state.holdings.items()
        if version in state.kept and set(holds) <= others | replaced
    ]
    if not candidates:
        raise StoreError(
            f"No kept version holds the served rows without those of import {entry_id}: the "
            "versions before it are no longer kept (see EUIOM_KEEP_VERSIONS)"
        )
    return max(candidates)[2]


def plan_undo(state: StoreState, entry_id: int) -> RollbackPlan:
    """Roll back import ``entry_id`` (see :func:`undo_target`)."""
    return _plan(state, undo_target(state, entry_id), undoes=entry_id)


def plan_default(state: StoreState) -> RollbackPlan:
    """The command line's ``rollback`` without arguments: with a damaged pointer, serve again what
    the log says was served; else roll back the newest import whose rows are served.

    Raises:
        StoreError: nothing to roll back (the plan names what can be done instead).
    """
    if state.pointer_problem is not None:
        logged = history_log.served_by_log(state.entries)
        if logged in state.kept:
            return _plan(state, logged)
        newest = next(
            (version for version in reversed(state.kept) if version in state.holdings), None
        )
        if newest is None:
            raise StoreError(
                f"{state.pointer_problem}; and no kept version is described by the history: "
                "build a new store (python -m dashboard build-empty)"
            )
        return _plan(state, newest)
    served_imports = sorted(
        state.served_holds
        & {entry["id"] for entry in state.entries if entry.get("action") == "import"}
    )
    if not served_imports:
        kept = [version for version in state.kept if state.can_serve_again(version)]
        raise StoreError(
            "The served version holds no imported rows: nothing to roll back"
            + (
                f"; to serve another version again: --version {kept[-1]} (kept: {', '.join(kept)})"
                if kept
                else ""
            )
        )
    return plan_undo(state, served_imports[-1])


def carry_out(directory: Path, plan: RollbackPlan, user: str) -> dict:
    """Serve ``plan.target`` again and record it, if the store is still as the plan saw it.

    Returns the history entry written.

    Raises:
        StoreError: the store changed since the plan (nothing was changed), the version is gone,
            or a change is running (StoreBusy).
    """
    directory = Path(directory)
    with versions.exclusive(directory, "a rollback", user):
        state = read_state(directory)
        if state.served != plan.served or (plan.repairs is None) != (state.pointer_problem is None):
            raise StoreError(
                f"The store changed since this rollback was prepared (it serves {state.served} now, "
                f"not {plan.served}): look at what it would change again (nothing was changed)"
            )
        if plan.target not in state.kept:
            raise StoreError(
                f"Version {plan.target} is no longer kept in {directory} (see EUIOM_KEEP_VERSIONS)"
            )
        versions.check_version_file(directory / f"{plan.target}{VERSION_SUFFIX}")
        return versions.switch(
            directory, f"{plan.target}{VERSION_SUFFIX}", {**plan.as_entry(), "user": user}
        )


def history_rows(state: StoreState) -> list[dict]:
    """The history as the import page and ``python -m dashboard history`` show it, oldest first:
    each entry, whether its version is the one served, and which rollback it offers."""
    creators = {
        entry["version"]: entry["id"]
        for entry in state.entries
        if "holds" in entry and entry.get("version")
    }
    rows = []
    for entry in state.entries:
        version = entry.get("version")
        makes_version = "holds" in entry and creators.get(version) == entry.get("id")
        rows.append(
            {
                **{key: value for key, value in entry.items() if key not in ("prev", "hash")},
                "served": version == state.served,
                "can_roll_back": entry.get("action") == "import" and state.can_roll_back(entry),
                "can_serve_again": makes_version and state.can_serve_again(version),
            }
        )
    return rows
