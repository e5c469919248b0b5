"""Alexa's signing certificate: URL rules, chain validation, download and a per-URL cache.

``requests`` and ``certifi`` are imported when first used (a chain download, the default
roots): a process that never downloads, or trusts its own roots, does not load them.
"""

from __future__ import annotations

import functools
import posixpath
import re
import threading
import time
import warnings
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509 import verification

if TYPE_CHECKING:
    import requests

ECHO_API_DNS_NAME = "echo-api.amazon.com"
CERT_URL_HOST = "s3.amazonaws.com"
CERT_URL_PATH_PREFIX = "/echo.api/"
MAX_CHAIN_BYTES = 64 * 1024
MAX_CHAIN_CERTS = 10
FETCH_TIMEOUT = (2, 3)
FETCH_DEADLINE = 6.0
MAX_CACHED_CHAINS = 32
FAILED_FETCH_BACKOFF = 60.0

_PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.S)
_NEGATIVE_SERIAL = re.escape("Parsed a serial number which wasn't positive")
_LOAD_LOCK = threading.Lock()
_URL_CHARS = re.compile(r"[!-~]+")  # printable ASCII, no spaces or control characters


class VerificationError(Exception):
    """A request failed verification; ``str(error)`` is a short reason, safe to log and return."""


def now() -> datetime:
    """Return the current time in UTC (the default clock of every check)."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """Return ``moment`` as an aware UTC datetime (naive datetimes are taken to be UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def canonical_cert_url(url: str) -> str:
    """Check a ``SignatureCertChainUrl`` against Amazon's rules and return its normalised form."""
    if not isinstance(url, str) or not _URL_CHARS.fullmatch(url):
        raise VerificationError("certificate URL is malformed")
    try:
        parts = urlsplit(url)
    except ValueError:
        raise VerificationError("certificate URL is malformed") from None
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        raise VerificationError("certificate URL must not carry a query or fragment")
    if parts.scheme.lower() != "https":
        raise VerificationError("certificate URL must use https")
    try:
        port = parts.port
    except ValueError:
        raise VerificationError("certificate URL is malformed") from None
    if parts.username is not None or parts.password is not None:
        raise VerificationError("certificate URL must not carry credentials")
    if (parts.hostname or "") != CERT_URL_HOST:
        raise VerificationError("certificate URL host must be s3.amazonaws.com")
    if port not in (None, 443):
        raise VerificationError("certificate URL port must be 443")
    path = posixpath.normpath(unquote(parts.path)) if parts.path else ""
    if not path.startswith(CERT_URL_PATH_PREFIX):
        raise VerificationError("certificate URL path must be under /echo.api/")
    return f"https://{CERT_URL_HOST}{quote(path, safe='/')}"


def load_certificates(data: bytes, *, skip_bad: bool = False) -> list[x509.Certificate]:
    """Parse every PEM certificate in ``data``, tolerating legacy non-positive serial numbers."""
    certs = []
    with _LOAD_LOCK, warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=_NEGATIVE_SERIAL, category=CryptographyDeprecationWarning
        )
        for block in _PEM_BLOCK.findall(data):
            try:
                certs.append(x509.load_pem_x509_certificate(block))
            except ValueError:
                if not skip_bad:
                    raise VerificationError("certificate chain is malformed") from None
    return certs


def _make_store(roots: list[x509.Certificate]) -> verification.Store:
    try:
        return verification.Store(roots)
    except ValueError:
        usable = []
        for root in roots:
            try:
                verification.Store([root])
            except ValueError:
                continue
            usable.append(root)
        return verification.Store(usable)


@functools.cache
def default_trust_store() -> verification.Store:
    """Return the public roots from ``certifi``, loaded once on first use."""
    import certifi

    roots = load_certificates(Path(certifi.where()).read_bytes(), skip_bad=True)
    return _make_store(roots)


def trust_store(trust_roots: Any = None) -> verification.Store:
    """Build a trust store from certificates, PEM bytes, a list of either, or certifi (None)."""
    if trust_roots is None:
        return default_trust_store()
    if isinstance(trust_roots, verification.Store):
        return trust_roots
    items: Iterable[Any] = (
        [trust_roots] if isinstance(trust_roots, bytes | str | x509.Certificate) else trust_roots
    )
    roots: list[x509.Certificate] = []
    for item in items:
        if isinstance(item, x509.Certificate):
            roots.append(item)
        else:
            pem = item.encode("ascii") if isinstance(item, str) else bytes(item)
            roots.extend(load_certificates(pem, skip_bad=True))
    if not roots:
        raise ValueError("no usable trust roots")
    return _make_store(roots)


def _san_names(cert: x509.Certificate) -> list[str]:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (x509.ExtensionNotFound, ValueError):
        return []
    return [name.lower() for name in san.get_values_for_type(x509.DNSName)]


def _validate(
    chain_pem: bytes, at: datetime, store: verification.Store
) -> tuple[x509.Certificate, rsa.RSAPublicKey, datetime, datetime]:
    """Validate a chain; return the leaf, its key and the window in which the path is valid."""
    chain = load_certificates(chain_pem)
    if not chain:
        raise VerificationError("certificate chain is empty or malformed")
    if len(chain) > MAX_CHAIN_CERTS:
        raise VerificationError("certificate chain is too long")
    leaf = chain[0]
    if at < leaf.not_valid_before_utc:
        raise VerificationError("signing certificate is not yet valid")
    if at > leaf.not_valid_after_utc:
        raise VerificationError("signing certificate has expired")
    if ECHO_API_DNS_NAME not in _san_names(leaf):
        raise VerificationError("signing certificate is not for echo-api.amazon.com")
    key = leaf.public_key()
    if not isinstance(key, rsa.RSAPublicKey) or key.key_size < 2048:
        raise VerificationError("signing certificate key is not RSA-2048 or larger")
    verifier = (
        verification.PolicyBuilder()
        .store(store)
        .time(at)
        .build_server_verifier(verification.DNSName(ECHO_API_DNS_NAME))
    )
    try:
        path = verifier.verify(leaf, chain[1:])
    except (verification.VerificationError, ValueError):
        raise VerificationError("certificate chain is not trusted") from None
    start = max(cert.not_valid_before_utc for cert in path)
    end = min(cert.not_valid_after_utc for cert in path)
    return leaf, key, start, end


def validate_cert_chain(
    chain_pem: bytes, at: datetime | None = None, trust_roots: Any = None
) -> x509.Certificate:
    """Validate a PEM chain (leaf first) for echo-api.amazon.com at ``at``; return the leaf."""
    moment = now() if at is None else as_utc(at)
    return _validate(chain_pem, moment, trust_store(trust_roots))[0]


def fetch_cert_chain(url: str, session: requests.Session | None = None) -> bytes:
    """Download a certificate chain: no redirects, short timeouts, at most 64 KiB."""
    import requests

    client: Any = session if session is not None else requests
    deadline = time.monotonic() + FETCH_DEADLINE
    try:
        with client.get(
            url,
            timeout=FETCH_TIMEOUT,
            allow_redirects=False,
            stream=True,
            headers={"Accept-Encoding": "identity"},
        ) as response:
            if response.status_code != 200:
                raise VerificationError(
                    f"certificate chain download failed (HTTP {response.status_code})"
                )
            length = response.headers.get("Content-Length")
            if length is not None and (not length.isdigit() or int(length) > MAX_CHAIN_BYTES):
                raise VerificationError("certificate chain is too large")
            body = bytearray()
            for chunk in response.iter_content(8192):
                body += chunk
                if len(body) > MAX_CHAIN_BYTES:
                    raise VerificationError("certificate chain is too large")
                if time.monotonic() > deadline:
                    raise VerificationError("certificate chain download timed out")
            return bytes(body)
    except requests.RequestException:
        raise VerificationError("certificate chain download failed") from None


@dataclass(frozen=True, slots=True)
class _Entry:
    leaf: x509.Certificate
    public_key: rsa.RSAPublicKey
    not_before: datetime
    not_after: datetime


class ChainCache:
    """Validated signing keys per certificate URL, kept until they expire; thread-safe."""

    def __init__(self, trust_roots: Any = None, session: requests.Session | None = None) -> None:
        self._store = None if trust_roots is None else trust_store(trust_roots)
        self._session = session
        self._entries: dict[str, _Entry] = {}
        self._failed_until: dict[str, float] = {}
        self._lock = threading.Lock()
        self._url_locks: weakref.WeakValueDictionary[str, Any] = weakref.WeakValueDictionary()

    def public_key(self, url: str, at: datetime) -> rsa.RSAPublicKey:
        """Return the signing key for a canonical certificate URL, valid at ``at``."""
        entry = self._entries.get(url)
        if entry is not None and entry.not_before <= at <= entry.not_after:
            return entry.public_key
        with self._lock:
            url_lock = self._url_locks.get(url)
            if url_lock is None:
                url_lock = self._url_locks[url] = threading.Lock()
        with url_lock:  # one download per URL however many requests wait for it
            entry = self._entries.get(url)
            if entry is not None and entry.not_before <= at <= entry.not_after:
                return entry.public_key
            if self._failed_until.get(url, 0.0) > time.monotonic():
                raise VerificationError("certificate chain recently failed; not fetched again yet")
            try:
                pem = fetch_cert_chain(url, self._session)
            except VerificationError:
                self._remember_failure(url)
                raise
            store = self._store if self._store is not None else default_trust_store()
            entry = _Entry(*_validate(pem, at, store))
            with self._lock:
                entries = self._pruned(at)
                entries[url] = entry
                self._entries = entries
        return entry.public_key

    def _remember_failure(self, url: str) -> None:
        with self._lock:
            if len(self._failed_until) >= MAX_CACHED_CHAINS:
                self._failed_until.clear()
            self._failed_until[url] = time.monotonic() + FAILED_FETCH_BACKOFF

    def _pruned(self, at: datetime) -> dict[str, _Entry]:
        kept = {url: e for url, e in self._entries.items() if e.not_after >= at}
        while len(kept) >= MAX_CACHED_CHAINS:
            del kept[next(iter(kept))]
        return kept

    def clear(self) -> None:
        """Forget every cached signing certificate."""
        with self._lock:
            self._entries = {}
            self._failed_until = {}
