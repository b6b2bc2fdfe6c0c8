"""Settings read from environment variables, each with a name, a default and a help text."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard import DATA_DIR
from dashboard.private_dirs import default_private_directory


class SettingsError(ValueError):
    """A setting from the environment has a value the app cannot use."""


@dataclass(frozen=True)
class SettingSpec:
    """One documented setting: environment variable, default, parser and help text."""

    env: str
    default: str
    help: str
    parse: Callable[[str], Any] = field(repr=False)


def _positive_int(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise ValueError("must be at least 1")
    return value


def _port(raw: str) -> int:
    value = int(raw)
    if not 1 <= value <= 65535:
        raise ValueError("must be between 1 and 65535")
    return value


def _non_negative_float(raw: str) -> float:
    value = float(raw)
    if not 0.0 <= value <= 3600.0:
        raise ValueError("must be between 0 and 3600")
    return value


def _unit_interval(raw: str) -> float:
    value = float(raw)
    if not 0.0 <= value <= 1.0:
        raise ValueError("must be between 0 and 1")
    return value


def _language(raw: str) -> str:
    value = raw.strip().lower()
    if value not in ("en", "fr"):
        raise ValueError("must be 'en' or 'fr'")
    return value


def _weights(raw: str) -> tuple[float, float, float]:
    parts = [float(part) for part in raw.split(",")]
    if len(parts) != 3 or any(part < 0 for part in parts) or sum(parts) <= 0:
        raise ValueError("must be three non-negative numbers, economic,social,psychosocial")
    total = sum(parts)
    return (parts[0] / total, parts[1] / total, parts[2] / total)


def _memory_size(raw: str) -> str:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB|KiB|MiB|GiB)\s*", raw, re.IGNORECASE)
    if not match:
        raise ValueError("must be a size such as 256MB or 1GB")
    return f"{match.group(1)}{match.group(2).upper().replace('IB', 'iB')}"


def _disclosure(raw: str) -> str:
    value = raw.strip().lower()
    if value not in ("protected", "exact"):
        raise ValueError("must be 'protected' or 'exact'")
    return value


def _frame_options(raw: str) -> str:
    value = raw.strip().upper()
    if value not in ("DENY", "SAMEORIGIN", "ALLOW"):
        raise ValueError("must be DENY, SAMEORIGIN or ALLOW")
    return value


def _auth_mode(raw: str) -> str:
    value = raw.strip().lower()
    if value not in ("open", "users", "oidc"):
        raise ValueError("must be open, users or oidc")
    return value


def _duration_seconds(raw: str) -> int:
    match = re.fullmatch(r"\s*(\d+)\s*([smhd]?)\s*", raw, re.IGNORECASE)
    if not match or int(match.group(1)) < 1:
        raise ValueError(
            "must be a positive duration such as 30m, 8h or 1d (a bare number is minutes)"
        )
    unit = {"s": 1, "m": 60, "h": 3600, "d": 86400, "": 60}[match.group(2).lower()]
    return int(match.group(1)) * unit


def _optional_secret(raw: str) -> str:
    value = raw.strip()
    if value and len(value) < 32:
        raise ValueError(
            "must be at least 32 characters (python -c 'import secrets; print(secrets.token_hex(32))')"
        )
    return value


def _optional_url(raw: str) -> str:
    value = raw.strip().rstrip("/")
    if value and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", value):
        raise ValueError("must be an http(s) URL such as https://login.example.org/realms/iom")
    return value


def _boolean(raw: str) -> bool:
    value = raw.strip().lower()
    if value not in ("0", "1", "true", "false", "yes", "no"):
        raise ValueError("must be true or false")
    return value in ("1", "true", "yes")


# The default budget of ONE release (one store version): ρ = 0.5 zCDP (μ = 1 GDP, ε ≈ 4.9 at
# δ = 10⁻⁶). The only place the default is set; EUIOM_RELEASE_RHO may make it stricter, never looser.
DEFAULT_RHO = 0.5
MAX_RHO = DEFAULT_RHO
# The default cap on the SUM over every release of imported survey data ever published in a store
# directory (EUIOM_RELEASE_RHO_TOTAL, ``dashboard.build.release.ledger``): four releases at the
# default ρ (or eight at 0.25). At the cap μ = 2: no membership test is right more than 84% of the
# time at equal odds, ε ≈ 11 at δ = 10⁻⁶.
DEFAULT_RHO_TOTAL = 2.0
# The roles a user may be given (``dashboard.auth.roles.Role``, whose values these are; a test
# keeps them equal): the users file and the identity provider's role map name them.
ROLES = ("viewer", "analyst", "data_manager")


def parse_rho(raw: str) -> float:
    """ρ from a setting's text: a number in (0, MAX_RHO]."""
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"must be a number in (0, {MAX_RHO}]") from None
    if not 0 < value <= MAX_RHO:
        raise ValueError(
            f"must be a number in (0, {MAX_RHO}]: the release's budget may be stricter than the default, never looser"
        )
    return value


def parse_rho_total(raw: str) -> float:
    """The cap on the total ρ from a setting's text: a positive number."""
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(
            "must be a positive number (the total zCDP rho all releases of the survey may spend)"
        ) from None
    if not 0 < value < math.inf:
        raise ValueError(
            "must be a positive number (the total zCDP rho all releases of the survey may spend)"
        )
    return value


def _role_map(raw: str) -> tuple[tuple[str, str], ...]:
    """``group=role;group=role`` pairs; ``*`` as the group gives the role to every signed-in user."""
    pairs = []
    for item in filter(None, (part.strip() for part in raw.split(";"))):
        group, separator, role = (text.strip() for text in item.rpartition("="))
        if not separator or not group or role not in ROLES:
            raise ValueError(f"{item!r} is not group=role with a role among {', '.join(ROLES)}")
        pairs.append((group, role))
    return tuple(pairs)


def _cache_dir(raw: str) -> Path | None:
    value = raw.strip()
    if not value:
        raise ValueError("must be a directory, or 'off'")
    return None if value.lower() == "off" else Path(value)


def _rate(raw: str) -> str:
    """One or more rates separated by ';', each ``N/second|minute|hour|day`` (or ``N/15 minutes``),
    in Flask-Limiter's notation: ``120/minute``, ``5/minute;20/hour``."""
    from limits import parse_many

    value = raw.strip()
    try:
        rates = parse_many(value)
    except ValueError:
        rates = []
    if not value or not rates or any(rate.amount < 1 for rate in rates):
        raise ValueError(
            "must be requests per second, minute, hour or day, e.g. 60/minute or 5/minute;20/hour"
        )
    return value


def _redis_url(raw: str) -> str:
    value = raw.strip()
    if value and not re.fullmatch(r"(redis|rediss|unix)://\S+", value):
        raise ValueError("must be a Redis URL such as redis://127.0.0.1:6379/0")
    return value


def _public_url(raw: str) -> str:
    value = raw.strip().rstrip("/")
    if value and not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:\d{1,5})?", value):
        raise ValueError(
            "must be the address people open, scheme and host only, e.g. https://dash.example.org"
        )
    return value


def _local_data_manager(raw: str) -> str:
    value = raw.strip().lower()
    if value not in ("auto", "off"):
        raise ValueError("must be auto or off")
    return value


def _proxy_hops(raw: str) -> int:
    value = int(raw)
    if not 0 <= value <= 5:
        raise ValueError("must be a number of proxies between 0 and 5")
    return value


def _origins(raw: str) -> tuple[str, ...]:
    """Space- or comma-separated ``scheme://host[:port]`` origins allowed to embed charts."""
    origins = tuple(part for part in re.split(r"[\s,]+", raw.strip()) if part)
    for origin in origins:
        if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:\d{1,5})?", origin):
            raise ValueError(f"{origin!r} is not an origin such as https://partner.example.org")
    return origins


def _optional_path(raw: str) -> Path | None:
    return Path(raw.strip()) if raw.strip() else None


SETTINGS_SPECS: dict[str, SettingSpec] = {
    "store_path": SettingSpec(
        "EUIOM_STORE",
        str(DATA_DIR / "store"),
        "Store the app reads, opened read-only: a store directory (versions plus a 'current' pointer; "
        "imports and rollbacks go live without a restart) or a single .duckdb file (served as it is).",
        Path,
    ),
    "keep_versions": SettingSpec(
        "EUIOM_KEEP_VERSIONS",
        "5",
        "Store versions kept in a store directory for rollback: the served one and the one it was made "
        "from always, then those served most recently.",
        _positive_int,
    ),
    "store_check_seconds": SettingSpec(
        "EUIOM_STORE_CHECK_SECONDS",
        "1",
        "Least time between two checks of a store directory's pointer by a worker (seconds).",
        _non_negative_float,
    ),
    "query_seconds": SettingSpec(
        "EUIOM_QUERY_SECONDS",
        "20",
        "Longest time one query of the store may take while a request is answered (seconds; 0: no "
        "limit). Past it the query is interrupted and the request answered 503 with one line.",
        _non_negative_float,
    ),
    "host": SettingSpec("EUIOM_HOST", "127.0.0.1", "Address the server listens on.", str),
    "port": SettingSpec("EUIOM_PORT", "8050", "Port the server listens on.", _port),
    "workers": SettingSpec(
        "EUIOM_WORKERS", "2", "gunicorn worker processes (production only).", _positive_int
    ),
    "threshold": SettingSpec(
        "EUIOM_THRESHOLD",
        "0.5",
        "Score at or above which a returnee counts as sustainably reintegrated in the threshold "
        "chart. A setting of this dashboard, not IOM's official cut-off.",
        _unit_interval,
    ),
    "min_group_size": SettingSpec(
        "EUIOM_MIN_GROUP",
        "10",
        "Smallest group of survey respondents shown; smaller groups are suppressed.",
        _positive_int,
    ),
    "disclosure": SettingSpec(
        "EUIOM_DISCLOSURE",
        "protected",
        "Protection of survey statistics: protected (every figure is computed from the protected "
        "release, made once per store version under differential privacy) or exact (signed-in "
        "analysts see figures computed from the survey records, and every view says so; needs "
        "EUIOM_AUTH=users or oidc).",
        _disclosure,
    ),
    "release_rho": SettingSpec(
        "EUIOM_RELEASE_RHO",
        str(DEFAULT_RHO),
        "Privacy budget (zCDP rho) of each protected release, spent once when a store version is "
        f"made (build, import). At most {DEFAULT_RHO}: stricter is allowed, looser is not.",
        parse_rho,
    ),
    "release_rho_total": SettingSpec(
        "EUIOM_RELEASE_RHO_TOTAL",
        str(DEFAULT_RHO_TOTAL),
        "Most the releases of a store's imported survey may spend together (zCDP rho, summed over every "
        "release ever published in the store directory): an import past it is refused, one leaving room "
        f"for less than one more release warns. Default {DEFAULT_RHO_TOTAL:g}: four releases at the default "
        "rho; the methodology page states the guarantee of the total spent.",
        parse_rho_total,
    ),
    "composite_weights": SettingSpec(
        "EUIOM_WEIGHTS",
        "1,1,1",
        "Weights economic,social,psychosocial used to compute a composite score when an imported "
        "record has none (normalised to sum to 1). Not IOM's official weights.",
        _weights,
    ),
    "language": SettingSpec("EUIOM_LANG", "en", "Default interface language: en or fr.", _language),
    "duckdb_memory": SettingSpec(
        "EUIOM_DUCKDB_MEMORY",
        "256MB",
        "Memory limit of each worker's DuckDB connection (its buffer pool and query memory).",
        _memory_size,
    ),
    "duckdb_threads": SettingSpec(
        "EUIOM_DUCKDB_THREADS",
        "1",
        "Threads of each worker's DuckDB connection. The queries read small pre-aggregated tables, "
        "so a second thread costs more CPU than it saves time; the workers (EUIOM_WORKERS) use the cores.",
        _positive_int,
    ),
    "frame_options": SettingSpec(
        "EUIOM_FRAME_OPTIONS",
        "SAMEORIGIN",
        "X-Frame-Options for embedding: DENY, SAMEORIGIN or ALLOW (no header).",
        _frame_options,
    ),
    "auth_mode": SettingSpec(
        "EUIOM_AUTH",
        "open",
        "Sign-in: open (public demo, no sign-in, no imports), users (the users file) or oidc "
        "(OpenID Connect).",
        _auth_mode,
    ),
    "secret_key": SettingSpec(
        "EUIOM_SECRET_KEY",
        "",
        "Key signing the session and CSRF cookies (at least 32 characters); required with users or "
        "oidc, the same in every worker and server.",
        _optional_secret,
    ),
    "session_lifetime": SettingSpec(
        "EUIOM_SESSION_LIFETIME",
        "8h",
        "How long a sign-in lasts (30m, 8h, 1d; a bare number is minutes); then the user signs in again.",
        _duration_seconds,
    ),
    "cookie_secure": SettingSpec(
        "EUIOM_COOKIE_SECURE",
        "false",
        "Send the session cookie over HTTPS only (automatic when EUIOM_PUBLIC_URL is https).",
        _boolean,
    ),
    "users_file": SettingSpec(
        "EUIOM_USERS_FILE",
        str(DATA_DIR / "users.json"),
        "Users file for EUIOM_AUTH=users (names, password hashes, roles); edit it with "
        "python -m dashboard add-user.",
        Path,
    ),
    "oidc_issuer": SettingSpec(
        "EUIOM_OIDC_ISSUER",
        "",
        "OpenID Connect issuer URL; its discovery document is read from "
        "<issuer>/.well-known/openid-configuration.",
        _optional_url,
    ),
    "oidc_client_id": SettingSpec(
        "EUIOM_OIDC_CLIENT_ID", "", "OpenID Connect client id.", str.strip
    ),
    "oidc_client_secret": SettingSpec(
        "EUIOM_OIDC_CLIENT_SECRET", "", "OpenID Connect client secret.", str.strip
    ),
    "oidc_scopes": SettingSpec(
        "EUIOM_OIDC_SCOPES",
        "openid profile email",
        "Scopes asked for (add the one your provider needs for groups).",
        str.strip,
    ),
    "oidc_groups_claim": SettingSpec(
        "EUIOM_OIDC_GROUPS_CLAIM", "groups", "ID token claim listing the user's groups.", str.strip
    ),
    "oidc_role_map": SettingSpec(
        "EUIOM_OIDC_ROLES",
        "",
        "Groups to roles: group=role pairs separated by ';' (roles viewer, analyst, data_manager; "
        "group * means every signed-in user). A user with no role is refused.",
        _role_map,
    ),
    "cache_dir": SettingSpec(
        "EUIOM_CACHE_DIR",
        str(default_private_directory("callback-cache")),
        "Directory of the cache of callback answers shared by the workers of a server (entries are "
        "keyed on the store version, settings and code, and signed); it must be this user's alone "
        "(made with mode 700; refused if another user owns or may write it); 'off' turns the cache off.",
        _cache_dir,
    ),
    "api_rate": SettingSpec(
        "EUIOM_API_RATE",
        "120/minute",
        "Requests each API client (its user, or its address without one) may make; counted once for "
        "every worker and server (see EUIOM_REDIS_URL).",
        _rate,
    ),
    "embed_rate": SettingSpec(
        "EUIOM_EMBED_RATE",
        "120/minute",
        "Embedded chart pages (/embed/...) each address may open.",
        _rate,
    ),
    "export_rate": SettingSpec(
        "EUIOM_EXPORT_RATE",
        "30/minute;300/hour",
        "Chart data downloads (CSV, Excel) and 'download all data' zips each user (or address) may make.",
        _rate,
    ),
    "sign_in_source_rate": SettingSpec(
        "EUIOM_SIGN_IN_SOURCE_RATE",
        "5/minute;20/hour;100/day",
        "Failed sign-ins each address may make, whatever the user names; then it is slowed (a wait of a "
        "minute, doubled by each wrong password, at most an hour).",
        _rate,
    ),
    "sign_in_account_rate": SettingSpec(
        "EUIOM_SIGN_IN_ACCOUNT_RATE",
        "10/15 minutes",
        "Failed sign-ins for one user name, from all addresses; then only addresses with no recent "
        "failure may try that name (so a stranger cannot lock its owner out).",
        _rate,
    ),
    "redis_url": SettingSpec(
        "EUIOM_REDIS_URL",
        "",
        "Redis holding sessions, rate limits and sign-in counters for every worker and server, e.g. "
        "redis://127.0.0.1:6379/0; needed with several servers.",
        _redis_url,
    ),
    "state_dir": SettingSpec(
        "EUIOM_STATE_DIR",
        "",
        "Without Redis: directory where the workers of one server share sessions and counts (gunicorn "
        "makes a private one when unset); unset with run.py: the process's memory.",
        _optional_path,
    ),
    "public_url": SettingSpec(
        "EUIOM_PUBLIC_URL",
        "",
        "The address people open, e.g. https://dash.example.org (behind a TLS proxy): the OpenID "
        "Connect redirect is built from it; https also means Secure cookies and HSTS.",
        _public_url,
    ),
    "proxy_hops": SettingSpec(
        "EUIOM_PROXY_HOPS",
        "0",
        "Proxies in front of the app whose X-Forwarded-For/-Proto/-Host to trust (HAProxy or nginx: 1); "
        "0 trusts none.",
        _proxy_hops,
    ),
    "local_data_manager": SettingSpec(
        "EUIOM_LOCAL_DATA_MANAGER",
        "auto",
        "Open mode only: auto lets the person at the machine import (requests from this computer, straight "
        "to an app listening on loopback only, through no proxy); off: nobody imports in open mode.",
        _local_data_manager,
    ),
    "api_tokens_file": SettingSpec(
        "EUIOM_API_TOKENS_FILE",
        "",
        "File of API tokens (hashed) created on /tokens when sign-in is on; default: api_tokens.json "
        "next to the users file.",
        _optional_path,
    ),
    "audit_log": SettingSpec(
        "EUIOM_AUDIT_LOG",
        "",
        "Audit log of sign-ins, sign-outs, API tokens and user changes (append-only, chained; read it with "
        "python -m dashboard audit); default: audit.jsonl next to the users file.",
        _optional_path,
    ),
    "embed_origins": SettingSpec(
        "EUIOM_EMBED_ORIGINS",
        "",
        "Partner sites allowed to embed charts (/embed/...): origins separated by spaces, e.g. "
        "https://partner.example.org; none: only this site.",
        _origins,
    ),
}


@dataclass(frozen=True)
class Settings:
    """The app's settings; build with :func:`load_settings`."""

    store_path: Path
    keep_versions: int
    store_check_seconds: float
    query_seconds: float
    host: str
    port: int
    workers: int
    threshold: float
    min_group_size: int
    disclosure: str
    release_rho: float
    release_rho_total: float
    composite_weights: tuple[float, float, float]
    language: str
    duckdb_memory: str
    duckdb_threads: int
    frame_options: str
    auth_mode: str
    secret_key: str = field(repr=False)
    session_lifetime: int
    cookie_secure: bool
    users_file: Path
    oidc_issuer: str
    oidc_client_id: str
    oidc_client_secret: str = field(repr=False)
    oidc_scopes: str
    oidc_groups_claim: str
    oidc_role_map: tuple[tuple[str, str], ...]
    cache_dir: Path | None

    api_rate: str = "120/minute"
    embed_rate: str = "120/minute"
    export_rate: str = "30/minute;300/hour"
    sign_in_source_rate: str = "5/minute;20/hour;100/day"
    sign_in_account_rate: str = "10/15 minutes"
    redis_url: str = ""
    state_dir: Path | None = None
    public_url: str = ""
    proxy_hops: int = 0
    local_data_manager: str = "auto"
    # Not from the environment: the key run.py makes at each start (dashboard.auth.local).
    local_key: str = field(default="", repr=False)
    api_tokens_file: Path | None = None
    audit_log: Path | None = None
    embed_origins: tuple[str, ...] = ()

    @property
    def https(self) -> bool:
        """True when people reach the app over HTTPS (``EUIOM_PUBLIC_URL`` says so)."""
        return self.public_url.startswith("https://")

    @property
    def secure_cookies(self) -> bool:
        """Cookies only over HTTPS: asked for, or implied by an https public address."""
        return self.cookie_secure or self.https

    @property
    def audit_path(self) -> Path:
        """Where the audit trail is kept: the setting, else next to the users file."""
        return self.audit_log or self.users_file.parent / "audit.jsonl"

    @property
    def tokens_path(self) -> Path:
        """Where API tokens are kept: the setting, else next to the users file."""
        return self.api_tokens_file or self.users_file.parent / "api_tokens.json"


def _check_auth(values: dict[str, Any]) -> None:
    """Settings that only make sense together: sign-in needs a key, OIDC needs its provider."""
    mode = values["auth_mode"]
    if mode == "open" and values["disclosure"] == "exact":
        raise SettingsError(
            "EUIOM_DISCLOSURE=exact needs sign-in (EUIOM_AUTH=users or oidc): exact survey "
            "figures are for signed-in analysts, never for every visitor"
        )
    if mode == "open":
        return
    if not values["secret_key"]:
        raise SettingsError(
            f"EUIOM_AUTH={mode} needs EUIOM_SECRET_KEY (at least 32 characters, the same "
            "in every worker): python -c 'import secrets; print(secrets.token_hex(32))'"
        )
    if mode == "oidc":
        for name, env in (
            ("oidc_issuer", "EUIOM_OIDC_ISSUER"),
            ("oidc_client_id", "EUIOM_OIDC_CLIENT_ID"),
            ("oidc_role_map", "EUIOM_OIDC_ROLES"),
        ):
            if not values[name]:
                raise SettingsError(f"EUIOM_AUTH=oidc needs {env}")
        if "openid" not in values["oidc_scopes"].split():
            raise SettingsError("EUIOM_OIDC_SCOPES must include openid")


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read every setting from ``environ`` (default: the process environment).

    Raises:
        SettingsError: naming the variable and why its value was refused.
    """
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for name, spec in SETTINGS_SPECS.items():
        raw = environ.get(spec.env, spec.default)
        try:
            values[name] = spec.parse(raw)
        except ValueError as error:
            shown = "(hidden)" if "SECRET" in spec.env else repr(raw)
            raise SettingsError(f"{spec.env}={shown} is not valid: {error}") from None
    _check_auth(values)
    return Settings(**values)
