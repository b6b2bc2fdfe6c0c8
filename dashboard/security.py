"""HTTP response headers: a content security policy allowing only the app's own origin, and friends."""

from __future__ import annotations

from collections.abc import Sequence

from flask import Flask, Response


def content_security_policy(script_hashes: Sequence[str], frame_options: str) -> str:
    """The CSP: everything from the app's own origin; Dash's inline bootstrap script by hash.

    plotly.js compiles some functions at run time and both plotly and React set inline styles, so
    'unsafe-eval' (scripts) and 'unsafe-inline' (styles only) are needed; no other origin is allowed.
    """
    ancestors = {"DENY": "'none'", "SAMEORIGIN": "'self'", "ALLOW": "*"}[frame_options]
    scripts = " ".join(["'self'", "'unsafe-eval'", *script_hashes])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {ancestors}",
    ])


def install_security_headers(server: Flask, script_hashes: Sequence[str], frame_options: str) -> None:
    """Add the CSP, no-sniff, referrer and (unless embedding is allowed) frame headers to every response."""
    policy = content_security_policy(script_hashes, frame_options)

    def add_headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if frame_options != "ALLOW":
            response.headers["X-Frame-Options"] = frame_options
        return response

    server.after_request(add_headers)
