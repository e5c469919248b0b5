"""A small certificate authority for tests: Alexa-like signing chains and signed requests.

Keys are RSA 2048 and generated once per process (cached by name); certificates are cheap.
"""

from __future__ import annotations

import base64
import functools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ECHO_API = "echo-api.amazon.com"
CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem"
VARIANTS = (
    "good",
    "expired",
    "not-yet-valid",
    "wrong-san",
    "self-signed",
    "unknown-ca",
    "missing-intermediate",
)


@functools.cache
def private_key(name: str) -> rsa.RSAPrivateKey:
    """Return the RSA 2048 key called ``name``, generated once per process."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Toe Twitch Test CA"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


@dataclass(frozen=True)
class Issued:
    """A certificate and its private key."""

    cert: x509.Certificate
    key: rsa.RSAPrivateKey


def make_cert(
    subject: str,
    key: rsa.RSAPrivateKey,
    *,
    issuer: Issued | None,
    not_before: datetime,
    not_after: datetime,
    ca: bool,
    sans: tuple[str, ...] = (),
) -> Issued:
    """Issue a certificate with the extensions the strict cryptography verifier expects."""
    signer_key = issuer.key if issuer else key
    issuer_name = issuer.cert.subject if issuer else _name(subject)
    public = key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(issuer_name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(signer_key.public_key()),
            critical=False,
        )
    )
    if ca:
        builder = builder.add_extension(
            x509.BasicConstraints(ca=True, path_length=None if issuer is None else 0), critical=True
        ).add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    else:
        builder = (
            builder.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=False,
                    key_encipherment=True,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.ExtendedKeyUsage(
                    [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
                ),
                critical=False,
            )
            .add_extension(
                x509.SubjectAlternativeName([x509.DNSName(name) for name in sans]),
                critical=False,
            )
        )
    return Issued(builder.sign(signer_key, hashes.SHA256()), key)


def pem(*certs: x509.Certificate) -> bytes:
    """Concatenate certificates as a PEM chain, in the order given."""
    return b"".join(cert.public_bytes(serialization.Encoding.PEM) for cert in certs)


def sign(body: bytes, key: rsa.RSAPrivateKey, algorithm: hashes.HashAlgorithm | None = None) -> str:
    """Sign ``body`` with RSA PKCS#1 v1.5 (SHA-256 unless told) and return base64 text."""
    signature = key.sign(body, padding.PKCS1v15(), algorithm or hashes.SHA256())
    return base64.b64encode(signature).decode("ascii")


@dataclass
class CertAuthority:
    """A root, an intermediate and an echo-api.amazon.com leaf, valid around ``ref``."""

    ref: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))

    def __post_init__(self) -> None:
        ref = self.ref
        self.root = make_cert(
            "Test Root CA",
            private_key("root"),
            issuer=None,
            not_before=ref - timedelta(days=3650),
            not_after=ref + timedelta(days=3650),
            ca=True,
        )
        self.intermediate = self.issue_ca("Test Server CA", private_key("intermediate"), self.root)
        self.leaf = self.issue_leaf()

    def issue_ca(self, name: str, key: rsa.RSAPrivateKey, issuer: Issued | None) -> Issued:
        """Issue an intermediate (or, with no issuer, a root) CA valid for ten years."""
        return make_cert(
            name,
            key,
            issuer=issuer,
            not_before=self.ref - timedelta(days=1825),
            not_after=self.ref + timedelta(days=1825),
            ca=True,
        )

    def issue_leaf(
        self,
        *,
        sans: tuple[str, ...] = (ECHO_API,),
        not_before: datetime | None = None,
        not_after: datetime | None = None,
        issuer: Issued | None = None,
        self_signed: bool = False,
    ) -> Issued:
        """Issue a signing certificate (by default current, for echo-api.amazon.com)."""
        return make_cert(
            ECHO_API,
            private_key("leaf"),
            issuer=None if self_signed else (issuer or self.intermediate),
            not_before=not_before or self.ref - timedelta(days=30),
            not_after=not_after or self.ref + timedelta(days=335),
            ca=False,
            sans=sans,
        )

    @property
    def roots(self) -> list[x509.Certificate]:
        """The trust roots to verify this CA's chains against."""
        return [self.root.cert]

    def chain(self, variant: str = "good") -> bytes:
        """Return the PEM chain served at the certificate URL for one of ``VARIANTS``."""
        ref, mid = self.ref, self.intermediate.cert
        if variant == "good":
            return pem(self.leaf.cert, mid)
        if variant == "expired":
            leaf = self.issue_leaf(
                not_before=ref - timedelta(days=400), not_after=ref - timedelta(days=1)
            )
        elif variant == "not-yet-valid":
            leaf = self.issue_leaf(
                not_before=ref + timedelta(days=1), not_after=ref + timedelta(days=400)
            )
        elif variant == "wrong-san":
            leaf = self.issue_leaf(sans=("echo-api.example.com", "amazon.com"))
        elif variant == "self-signed":
            return pem(self.issue_leaf(self_signed=True).cert)
        elif variant == "unknown-ca":
            other_root = self.issue_ca("Other Root CA", private_key("other-root"), None)
            other_mid = self.issue_ca("Other Server CA", private_key("other-mid"), other_root)
            return pem(self.issue_leaf(issuer=other_mid).cert, other_mid.cert)
        elif variant == "missing-intermediate":
            return pem(self.leaf.cert)
        else:
            raise ValueError(f"unknown variant {variant!r}")
        return pem(leaf.cert, mid)

    def headers(self, body: bytes, url: str = CERT_URL) -> dict[str, str]:
        """Return the headers Alexa would send with ``body`` signed by this CA's leaf key."""
        return {"SignatureCertChainUrl": url, "Signature-256": sign(body, self.leaf.key)}
