"""Directories only this OS account can change: for the answer cache and the shared state.

What the app reads back from such a directory (cached answers, sessions, counts) must not be
writable by another account of the machine, or that account could feed it answers or sessions.
:func:`private_directory` makes the directory (mode 700) when it is missing and refuses one that
is not safe:

- it must be a real directory (not a symbolic link), owned by this process's user, and not
  writable by its group or by others;
- every directory above it must be owned by this user or by root, and writable by group or others
  only when it is sticky (like ``/tmp``): otherwise another account could rename it and put its own
  in its place.

``strict`` also refuses a directory its group or others may read or enter (sessions).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
from pathlib import Path

KEY_BYTES = 32


class UnsafeDirectory(OSError):
    """A directory another account could change (or that cannot be made)."""


def _check_ancestor(path: Path, uid: int) -> None:
    info = os.stat(path)
    if info.st_uid not in (uid, 0):
        raise UnsafeDirectory(f"{path} belongs to another user (uid {info.st_uid})")
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH) and not info.st_mode & stat.S_ISVTX:
        raise UnsafeDirectory(
            f"{path} may be changed by other users (mode {stat.S_IMODE(info.st_mode):o}, not sticky)"
        )


def _check_own(path: Path, uid: int, strict: bool) -> None:
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise UnsafeDirectory(f"{path} is not a directory (a symbolic link or a file)")
    if info.st_uid != uid:
        raise UnsafeDirectory(
            f"{path} belongs to another user (uid {info.st_uid}, this process runs as uid {uid})"
        )
    mode = stat.S_IMODE(info.st_mode)
    if mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafeDirectory(f"{path} may be written by other users (mode {mode:o}): chmod 700 it")
    if strict and mode & 0o077:
        raise UnsafeDirectory(f"{path} may be read by other users (mode {mode:o}): chmod 700 it")


def private_directory(path: Path, *, strict: bool = False) -> Path:
    """``path``, made (mode 700, with any missing parent) or checked as only this user can change it.

    Raises:
        UnsafeDirectory: another account could change it, or it cannot be made (the message says why).
    """
    path = Path(os.path.abspath(path))
    uid = os.geteuid()
    missing = []
    probe = path
    while not os.path.lexists(probe):
        missing.append(probe)
        probe = probe.parent
    try:
        for ancestor in reversed(probe.parents):
            _check_ancestor(ancestor, uid)
        if missing:
            _check_ancestor(probe, uid)
            for directory in reversed(missing):
                with contextlib.suppress(FileExistsError):  # another worker made it meanwhile:
                    os.mkdir(directory, 0o700)  # it is checked below like any other
                _check_own(directory, uid, strict=False)
        _check_own(path, uid, strict)
    except UnsafeDirectory:
        raise
    except OSError as error:
        raise UnsafeDirectory(f"{path} cannot be made or read ({error.strerror})") from None
    return path


def default_private_directory(name: str) -> Path:
    """This user's directory ``name`` for the app's own files: under ``$XDG_CACHE_HOME`` (else
    ``~/.cache``), never in a directory every account may write (``/tmp``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "euiom" / name


def private_key(directory: Path, name: str) -> bytes:
    """A random key kept in file ``name`` of the private ``directory``: made once (mode 600,
    atomically, so that workers starting together agree), then read.

    Raises:
        UnsafeDirectory: the file is not a key of this user's alone (the message names it).
        OSError: it cannot be made or read.
    """
    path = Path(directory) / name
    if not os.path.lexists(path):
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".key-")
        try:
            os.write(handle, secrets.token_bytes(KEY_BYTES))
            os.fsync(handle)
            os.close(handle)
            with contextlib.suppress(
                FileExistsError
            ):  # atomic: a key another worker made meanwhile wins
                os.link(temporary, path)
        finally:
            os.unlink(temporary)
    info = os.lstat(path)
    if (
        not stat.S_ISREG(info.st_mode)
        or info.st_uid != os.geteuid()
        or stat.S_IMODE(info.st_mode) & 0o077
    ):
        raise UnsafeDirectory(f"{path} is not a key file of this user's alone: delete it")
    key = path.read_bytes()
    if len(key) != KEY_BYTES:
        raise UnsafeDirectory(f"{path} is not a key file this app made: delete it")
    return key
