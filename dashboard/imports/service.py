"""What the import page does: check an uploaded file, import it, list the history, plan and carry out
rollbacks.

Uploads arrive as the browser's base64 data URL; each is written to a private temporary
directory under its own (sanitised) file name, read, and deleted. Nothing is kept between the
check and the confirmation, so any server behind a load balancer can answer either request.
"""

from __future__ import annotations

import base64
import binascii
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dashboard.auth import current_user
from dashboard.build import rollbacks
from dashboard.build.importer import ImportReport, ImportResult, Problem, check_file, import_file
from dashboard.build.release.ledger import directory_ledger
from dashboard.common.wiring import impure
from dashboard.store.context import AppContext
from dashboard.store.files import StoreError

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
KINDS = ("indicators", "survey")
_UNSAFE = re.compile(r"[^\w.\- ()]+")


@impure("names the signed-in user")
def current_user_name() -> str:
    """The signed-in user's name, recorded in the import history ('anonymous' without sign-in)."""
    return current_user().name or "anonymous"


class UploadError(ValueError):
    """The upload is not a file the page can read (shown as the report's one problem)."""


def safe_file_name(name: str | None) -> str:
    """The base name of an uploaded file, without path parts or odd characters (for messages too)."""
    base = Path(str(name or "")).name.replace("\\", "_")
    cleaned = _UNSAFE.sub("_", base).strip(" .")[:120]
    return cleaned or "upload"


@contextmanager
def saved_upload(contents: str | None, file_name: str | None) -> Iterator[Path]:
    """Decode a ``dcc.Upload`` data URL into a temporary file named like the upload."""
    if not isinstance(contents, str) or "," not in contents:
        raise UploadError("no file was received; choose the file again")
    encoded = contents.split(",", 1)[1]
    if len(encoded) > MAX_UPLOAD_BYTES * 4 // 3 + 4:
        raise UploadError(f"the file is larger than {MAX_UPLOAD_BYTES // 2**20} MiB")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise UploadError("the upload arrived damaged; choose the file again") from None
    with tempfile.TemporaryDirectory(prefix="euiom-upload-") as directory:
        path = Path(directory) / safe_file_name(file_name)
        path.write_bytes(data)
        yield path


def _kind(kind: str | None) -> str | None:
    return kind if kind in KINDS else None


@impure("writes the upload to a temporary file; its report holds returnees' records")
def check_upload(
    context: AppContext,
    contents: str | None,
    file_name: str | None,
    kind: str | None,
    replace_demo: bool,
) -> ImportReport:
    """The row-level report for an upload, checked against the served store; writes nothing."""
    try:
        ledger = (
            directory_ledger(context.store_directory)
            if context.store_directory is not None
            else None
        )
        with saved_upload(contents, file_name) as path:
            return check_file(
                context.cursor(),
                path,
                kind=_kind(kind),
                weights=context.settings.composite_weights,
                replace_demo=bool(replace_demo),
                ledger=ledger,
            )
    except (
        UploadError,
        StoreError,
    ) as error:  # StoreError: the history (the privacy ledger) is damaged
        return ImportReport(
            safe_file_name(file_name), None, 0, [Problem(safe_file_name(file_name), str(error))]
        )


@impure("writes a new store version and a history entry")
def run_import(
    context: AppContext,
    contents: str | None,
    file_name: str | None,
    kind: str | None,
    replace_demo: bool,
) -> ImportResult:
    """Import an upload into a new store version and switch this worker to it at once.

    Raises:
        ImportRefused, StoreError, UploadError: nothing was written.
    """
    directory = context.store_directory
    if directory is None:
        raise UploadError(
            "this server reads a single store file; importing in the browser needs a store "
            "directory (EUIOM_STORE=DIR, see docs/scaling.md)"
        )
    with saved_upload(contents, file_name) as path:
        result = import_file(
            directory,
            path,
            kind=_kind(kind),
            weights=context.settings.composite_weights,
            replace_demo=bool(replace_demo),
            user=current_user_name(),
            keep=context.settings.keep_versions,
        )
    context.refresh(force=True)
    return result


@impure("reads the import history, which changes without a new store version (rollbacks)")
def history(context: AppContext) -> tuple[list[dict], str | None]:
    """The store directory's history, newest first (``rollbacks.history_rows``), and what is wrong
    with its pointer (None when nothing is).

    Raises:
        HistoryDamaged: the history log is damaged (the message names the file).
    """
    directory = context.store_directory
    if directory is None:
        return [], None
    state = rollbacks.read_state(directory)
    return list(reversed(rollbacks.history_rows(state))), state.pointer_problem


@impure("reads the import history and the kept versions, which change without a new store version")
def plan_rollback(context: AppContext, request: dict) -> rollbacks.RollbackPlan:
    """What a rollback asked for on the page would change: ``{"undo": entry id}`` rolls back an
    import, ``{"serve": version}`` serves a kept version again. Writes nothing.

    Raises:
        StoreError: nothing to roll back, the version is not kept, or the request is not one.
    """
    directory = context.store_directory
    if directory is None:
        raise UploadError("this server reads a single store file, which keeps no versions")
    state = rollbacks.read_state(directory)
    if (
        isinstance(request, dict)
        and isinstance(request.get("undo"), int)
        and not isinstance(request["undo"], bool)
    ):
        return rollbacks.plan_undo(state, request["undo"])
    if isinstance(request, dict) and isinstance(request.get("serve"), str):
        return rollbacks.plan_serve(state, request["serve"])
    raise StoreError("not a rollback this page offers")


@impure("serves another store version and writes a history entry")
def roll_back(context: AppContext, request: dict, expected: dict) -> dict:
    """Carry out the rollback ``request`` if it still changes what the confirmation said
    (``expected``: the plan's target and served version); this worker switches at once.

    Returns the history entry written.

    Raises:
        StoreError: the store changed since the confirmation was shown, or a change is running.
    """
    plan = plan_rollback(context, request)
    if not isinstance(expected, dict) or (plan.target, plan.served) != (
        expected.get("target"),
        expected.get("served"),
    ):
        raise StoreError(
            "the store changed since this rollback was shown: look at what it would change again "
            "(nothing was changed)"
        )
    if context.store_directory is None:
        raise StoreError("rollbacks need a store directory (this store is a single file)")
    entry = rollbacks.carry_out(context.store_directory, plan, current_user_name())
    context.refresh(force=True)
    return entry
