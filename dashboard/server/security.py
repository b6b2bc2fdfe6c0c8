"""HTTP response headers: a content security policy allowing only the app's own origin, and friends."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence

from flask import Flask, Response, abort, request

from dashboard.i18n import t
from dashboard.server.http_errors import request_language

EMBED_PREFIX = "/embed/"


def content_security_policy(
    script_hashes: Sequence[str],
    frame_options: str,
    form_targets: Sequence[str] = (),
    frame_ancestors: str | None = None,
) -> str:
    """The CSP: everything from the app's own origin; Dash's inline bootstrap script by hash.

    ``form_targets`` are other origins a form may lead to (the identity provider's sign-out).

    plotly.js compiles some functions at run time and both plotly and React set inline styles, so
    'unsafe-eval' (scripts) and 'unsafe-inline' (styles only) are needed; no other origin is allowed.
    """
    ancestors = (
        frame_ancestors or {"DENY": "'none'", "SAMEORIGIN": "'self'", "ALLOW": "*"}[frame_options]
    )
    scripts = " ".join(["'self'", "'unsafe-eval'", *script_hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            " ".join(["form-action 'self'", *form_targets]),
            f"frame-ancestors {ancestors}",
        ]
    )


HSTS = "max-age=31536000"  # a year; not includeSubDomains: other sites of the domain are not ours to decide


def install_security_headers(
    server: Flask,
    script_hashes: Sequence[str],
    frame_options: str,
    form_targets: Sequence[str] = (),
    embed_origins: Sequence[str] = (),
    https: bool = False,
) -> None:
    """Add the CSP, no-sniff, referrer and (unless embedding is allowed) frame headers to every response,
    and ``Strict-Transport-Security`` when the app is reached over HTTPS (``EUIOM_PUBLIC_URL``).

    Embeddable charts (``/embed/...``) may be framed by this site and the partner ``embed_origins``
    (``frame-ancestors``; X-Frame-Options cannot list origins, so they go without it); every other
    page keeps ``frame_options``.
    """
    policy = content_security_policy(script_hashes, frame_options, form_targets)
    embed_policy = content_security_policy(
        script_hashes,
        frame_options,
        form_targets,
        frame_ancestors=" ".join(["'self'", *embed_origins]),
    )

    def add_headers(response: Response) -> Response:
        if https:
            response.headers["Strict-Transport-Security"] = HSTS
        if request.path.startswith(EMBED_PREFIX):
            response.headers["Content-Security-Policy"] = embed_policy
            response.headers["X-Content-Type-Options"] = "nosniff"
            response.headers["Referrer-Policy"] = "same-origin"
            return response
        response.headers["Content-Security-Policy"] = policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if frame_options != "ALLOW":
            response.headers["X-Frame-Options"] = frame_options
        return response

    server.after_request(add_headers)


def _is_component_id(value: object) -> bool:
    """A component id as the renderer sends it: a string, or a pattern-matching dict of scalars."""
    if isinstance(value, str):
        return True
    return (
        isinstance(value, dict)
        and bool(value)
        and all(
            isinstance(key, str) and isinstance(item, str | int | float | bool)
            for key, item in value.items()
        )
    )


def _is_entry(entry: object) -> bool:
    """One {id, property[, value]} of a callback body."""
    return (
        isinstance(entry, dict)
        and _is_component_id(entry.get("id"))
        and isinstance(entry.get("property"), str)
    )


def _declared_id(raw: object) -> object:
    """A declared component id: a string, or a pattern dict (wildcards as ``["ALL"]``...)."""
    if isinstance(raw, str) and raw.startswith("{"):
        try:
            return json.loads(raw)
        except ValueError:
            return raw
    return raw


def _declared(dependency: object) -> dict:
    """``{"id", "property"}`` of a declared Output, Input or State (or of its dict form)."""
    if hasattr(dependency, "to_dict"):
        return dependency.to_dict()
    if isinstance(dependency, Mapping):
        return dict(dependency)
    raise TypeError(f"not a declared output, input or state: {dependency!r}")


def _same_id(sent: object, declared: object) -> bool:
    """True when a sent id is the declared one, or fits the declared pattern."""
    if isinstance(declared, str):
        return sent == declared
    if not isinstance(declared, dict) or not isinstance(sent, dict) or set(sent) != set(declared):
        return False
    return all(isinstance(value, list) or sent[key] == value for key, value in declared.items())


def _fits(argument: object, declared: dict) -> bool:
    """True when a sent output, input or state is the declared one: its property, its id (or ids
    fitting its pattern), one entry or a list as the pattern's wildcards imply."""
    pattern = _declared_id(declared.get("id"))
    many = isinstance(pattern, dict) and any(
        value in (["ALL"], ["ALLSMALLER"]) for value in pattern.values()
    )
    if many != isinstance(argument, list):
        return False
    entries: list = argument if isinstance(argument, list) else [argument]
    # An output's property may carry Dash's "@<hash>" of allow_duplicate (the renderer strips it).
    return all(
        _is_entry(entry)
        and entry["property"].split("@")[0] == declared.get("property")
        and _same_id(entry["id"], pattern)
        for entry in entries
    )


def _changed_ids_fit(changed: object, inputs: list) -> bool:
    """True when every ``changedPropIds`` item names one of the sent inputs (``<id>.<property>``,
    a pattern id as JSON)."""
    if not isinstance(changed, list) or not all(isinstance(item, str) for item in changed):
        return False
    sent = [
        (entry["id"], entry["property"])
        for argument in inputs
        for entry in (argument if isinstance(argument, list) else [argument])
    ]
    for item in changed:
        raw_id, dot, prop = item.rpartition(".")
        if not dot:
            return False
        if raw_id.startswith("{"):
            try:
                component_id: object = json.loads(raw_id)
            except ValueError:
                return False
        else:
            component_id = raw_id
        if (component_id, prop) not in sent:
            return False
    return True


def _is_callback_body(body: object, known: Mapping[str, Mapping]) -> bool:
    """True when ``body`` has the shape the Dash renderer sends for a known server callback: its
    output key; the outputs, inputs and states it declares, in order, each with its property and
    its id (or ids fitting its pattern), one entry or a list as declared; and ``changedPropIds``
    naming sent inputs."""
    if (
        not isinstance(body, dict)
        or not isinstance(body.get("output"), str)
        or body["output"] not in known
    ):
        return False
    spec = known[body["output"]]
    outputs, inputs, state = body.get("outputs"), body.get("inputs"), body.get("state", [])
    if not isinstance(inputs, list) or not isinstance(state, list):
        return False
    declared_inputs, declared_state = spec.get("inputs", []), spec.get("state", [])
    if len(inputs) != len(declared_inputs) or len(state) != len(declared_state):
        return False
    declared_outputs = spec.get("output")
    if isinstance(declared_outputs, list | tuple):
        if not isinstance(outputs, list) or len(outputs) != len(declared_outputs):
            return False
        output_pairs = list(zip(outputs, declared_outputs, strict=True))
    else:
        output_pairs = [(outputs, declared_outputs)]
    pairs = [
        *output_pairs,
        *zip(inputs, declared_inputs, strict=True),
        *zip(state, declared_state, strict=True),
    ]
    if not all(_fits(sent, _declared(declared)) for sent, declared in pairs):
        return False
    return _changed_ids_fit(body.get("changedPropIds", []), inputs)


def install_callback_request_guard(
    server: Flask,
    known_callbacks: Callable[[], Mapping[str, Mapping]],
    authorize: Callable[[dict], None] | None = None,
) -> None:
    """Answer 400 to callback requests that no Dash renderer would send, before Dash parses them,
    then let ``authorize`` refuse (403) a callback the user's role does not allow.

    Dash's dispatcher raises (HTTP 500) on a body of the wrong shape; a tampered or broken client
    deserves a client error instead. The role is decided here, on the server, from the outputs and
    inputs the request names, whatever the page showed.
    """

    def check_callback_request():
        if request.method != "POST" or not request.path.endswith("/_dash-update-component"):
            return None
        try:
            body = request.get_json(silent=True)
        except RecursionError:  # nested deeper than the JSON decoder goes: no renderer sends that
            abort(400, description=t("http.400.callback", request_language()))
        if authorize is not None and isinstance(body, dict):
            authorize(body)  # first: a refusal must not depend on the callback existing
        if not _is_callback_body(body, known_callbacks()):
            abort(400, description=t("http.400.callback", request_language()))
        return None

    server.before_request(check_callback_request)
