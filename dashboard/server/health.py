"""GET /healthz: whether this worker can serve, for a load balancer or a person (public, no data).

200 ``{"status": "ok", "store": "ok", "shared_state": "ok (redis)"}`` when the served store version
opens and the shared state answers; 503 with the part that is down named (``"down (redis: ...)"``)
otherwise. It reads no session, so it answers while Redis is down.
"""

from __future__ import annotations

from flask import Flask, Response, jsonify

from dashboard.server.shared_state import SharedState
from dashboard.store.context import AppContext
from dashboard.store.files import StoreError

HEALTH_PATH = "/healthz"


def health_report(context: AppContext, state: SharedState) -> tuple[dict[str, str], bool]:
    """What is up and what is down, and whether all is up."""
    try:
        store = f"ok ({context.version_name})"
    except (StoreError, OSError) as error:
        store = f"down ({' '.join(str(error).split())[:200]})"
    problem = state.down()
    shared = f"ok ({state.kind})" if problem is None else f"down ({state.kind}: {problem[:200]})"
    healthy = store.startswith("ok") and problem is None
    return {"status": "ok" if healthy else "down", "store": store, "shared_state": shared}, healthy


def install_health(server: Flask, context: AppContext, state: SharedState) -> None:
    """Serve ``HEALTH_PATH`` (endpoint ``health``, public in dashboard.auth.policy)."""

    def health() -> Response:
        report, healthy = health_report(context, state)
        response = jsonify(report)
        response.status_code = 200 if healthy else 503
        response.headers["Cache-Control"] = "no-store"
        return response

    server.add_url_rule(HEALTH_PATH, "health", health, methods=["GET"])
