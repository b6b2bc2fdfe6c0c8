"""Behind a TLS-terminating HAProxy: Secure cookies and HSTS from ``EUIOM_PUBLIC_URL`` alone.

The test makes its own certificate authority and a certificate for localhost, starts gunicorn
with ``EUIOM_PUBLIC_URL=https://localhost:<port>`` and ``EUIOM_PROXY_HOPS=1``, and HAProxy with
the configuration docs/scaling.md shows, then signs in over HTTPS with the CA as the only trust.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from auth_helpers import PASSWORD, SECRET, form_token, write_users
from servers import answers, free_port, start_gunicorn, start_haproxy, stop, wait_until

pytestmark = pytest.mark.lb

# The TLS part of docs/scaling.md's HAProxy example (paths and ports filled in by the test).
TLS_CONFIG = """
global
    maxconn 100
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
frontend dashboard_tls
    bind 127.0.0.1:{port} ssl crt {pem}
    http-request set-header X-Forwarded-Proto https
    option forwardfor
    default_backend euiom
backend euiom
    server app1 127.0.0.1:{app} check inter 1s
"""


def certificate_authority(directory: Path) -> tuple[Path, Path]:
    """A CA and a certificate for localhost/127.0.0.1 signed by it: (the CA file, cert+key for HAProxy)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "EU-IOM test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_file, pem = directory / "ca.pem", directory / "localhost.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    pem.write_bytes(
        cert.public_bytes(serialization.Encoding.PEM)
        + key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    pem.chmod(0o600)
    return ca_file, pem


@pytest.fixture(scope="module")
def tls_site(tiny_store_path, tmp_path_factory):
    directory = tmp_path_factory.mktemp("tls")
    ca_file, pem = certificate_authority(directory)
    app_port, tls_port = free_port(), free_port()
    public = f"https://localhost:{tls_port}"
    env = {
        "EUIOM_STORE": str(tiny_store_path),
        "EUIOM_AUTH": "users",
        "EUIOM_SECRET_KEY": SECRET,
        "EUIOM_USERS_FILE": str(write_users(directory / "users.json")),
        "EUIOM_PUBLIC_URL": public,
        "EUIOM_PROXY_HOPS": "1",
        "EUIOM_CACHE_DIR": "off",
    }
    started = [start_gunicorn(env, app_port, directory / "gunicorn.log", workers=1)]
    try:
        wait_until(
            lambda: answers(f"http://127.0.0.1:{app_port}/auth/login"), 90, "gunicorn to start"
        )
        started.append(
            start_haproxy(TLS_CONFIG.format(port=tls_port, pem=pem, app=app_port), directory)
        )
        wait_until(
            lambda: answers(public + "/auth/login", verify=str(ca_file)),
            30,
            "HAProxy to answer over TLS",
        )
        yield public, str(ca_file)
    finally:
        stop(started)


def test_over_https_cookies_are_secure_and_hsts_is_sent(tls_site):
    public, ca_file = tls_site
    session = requests.Session()
    session.trust_env = False  # the CA below is the only trust (no CA bundle from the environment)
    session.verify = ca_file
    form = session.get(public + "/auth/login?next=/", timeout=30)
    assert form.status_code == 200
    assert form.headers["Strict-Transport-Security"] == "max-age=31536000"
    # Over HTTPS, Flask-WTF also wants the Referer a browser sends (same origin).
    signed_in = session.post(
        public + "/auth/login",
        allow_redirects=False,
        timeout=30,
        headers={"Referer": public + "/auth/login", "Origin": public},
        data={
            "username": "ana",
            "password": PASSWORD,
            "next": "/",
            "csrf_token": form_token(form.text),
        },
    )
    assert signed_in.status_code == 302
    cookie = signed_in.headers["Set-Cookie"]
    assert cookie.startswith("euiom_session=") and "Secure" in cookie and "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    page = session.get(public + "/", timeout=30)
    assert (
        page.status_code == 200 and page.headers["Strict-Transport-Security"] == "max-age=31536000"
    )
    csrf_cookie = next(c for c in session.cookies if c.name == "_csrf_token")
    assert csrf_cookie.secure
    assert all(c.secure for c in session.cookies)


def test_sign_out_over_https_ends_the_session(tls_site):
    """The sign-out button as a browser sends it over HTTPS (the form's CSRF token, the page as
    Referer, the site as Origin): the session ends, and its cookie no longer opens the dashboard."""
    public, ca_file = tls_site
    session = requests.Session()
    session.trust_env = False
    session.verify = ca_file
    form = session.get(public + "/auth/login?next=/", timeout=30)
    signed_in = session.post(
        public + "/auth/login",
        allow_redirects=False,
        timeout=30,
        headers={"Referer": public + "/auth/login?next=/", "Origin": public},
        data={
            "username": "ana",
            "password": PASSWORD,
            "next": "/",
            "csrf_token": form_token(form.text),
        },
    )
    assert signed_in.status_code == 302
    captured = session.cookies.get("euiom_session")
    layout = session.get(public + "/_dash-layout", timeout=30).text
    token = (
        re.search(r'"name":\s*"csrf_token",\s*"type":\s*"hidden",\s*"value":\s*"([^"]+)"', layout)
        or re.search(r'"value":\s*"([^"]+)"[^{}]*"name":\s*"csrf_token"', layout)
        or re.search(r'"csrf_token"[^{}]*?"value":\s*"([^"]+)"', layout)
    )
    assert token, layout[:500]
    session.get(public + "/pillars", timeout=30)  # the page, which gives the CSRF cookie
    out = session.post(
        public + "/auth/logout",
        allow_redirects=False,
        timeout=30,
        headers={
            "Referer": public + "/pillars",
            "Origin": public,
            "X-CSRFToken": session.cookies.get("_csrf_token"),
        },
    )
    assert out.status_code == 302 and "signed_out=1" in out.headers["Location"], (
        out.status_code,
        out.text[:200],
    )
    assert token.group(1)
    assert out.status_code == 302 and "signed_out=1" in out.headers["Location"], (
        out.status_code,
        out.text[:200],
    )
    replay = requests.get(
        public + "/",
        cookies={"euiom_session": captured},
        verify=ca_file,
        timeout=30,
        allow_redirects=False,
    )
    assert replay.status_code == 302 and "/auth/login" in replay.headers["Location"]
