"""The local JWT issuer: RS256 tokens that the emulator verifies like API Gateway's JWT
authorizer (signature, issuer, audience, expiry). The key lives in .local/ so that `make token`
and a running `make run` agree."""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

STATE_DIR = Path(__file__).resolve().parent.parent / ".local"
ISSUER = "https://issuer.integration-hub.local"
AUDIENCE = "integration-hub"
ROLES = ("super_admin", "tenant_admin", "user")


class TokenRejected(Exception):
    """The bearer token is missing, malformed, expired, or for someone else."""


@dataclass
class LocalIssuer:
    key_path: Path = STATE_DIR / "jwt-signing-key.pem"
    issuer: str = ISSUER
    audience: str = AUDIENCE

    def __post_init__(self) -> None:
        if not self.key_path.exists():
            self._create_key()
        # always load from the file: when two processes start at once, both use the key that won
        self._key = serialization.load_pem_private_key(self.key_path.read_bytes(), password=None)

    def _create_key(self) -> None:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        self.key_path.parent.mkdir(parents=True, exist_ok=True)
        staging = self.key_path.with_name(f"{self.key_path.name}.{os.getpid()}.{uuid.uuid4().hex}")
        staging.write_bytes(pem)
        staging.chmod(0o600)
        try:
            os.link(staging, self.key_path)  # atomic, and fails if another process got there first
        except FileExistsError:
            pass
        finally:
            staging.unlink()

    def issue(
        self,
        *,
        role: str = "tenant_admin",
        tenant: str = "acme",
        user: str = "alice",
        ttl_seconds: int = 12 * 3600,
        audience: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> str:
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": audience or self.audience,
            "sub": user,
            "tenant_id": tenant,
            "roles": [role],
            "email": f"{user}@{tenant}.example",
            "iat": now,
            "nbf": now - 5,
            "exp": now + ttl_seconds,
            "jti": uuid.uuid4().hex,
            **(extra or {}),
        }
        return jwt.encode(claims, self._key, algorithm="RS256", headers={"kid": "local"})  # type: ignore[arg-type]

    def verify(self, token: str) -> dict[str, Any]:
        try:
            return jwt.decode(  # type: ignore[no-any-return]
                token,
                self._key.public_key(),  # type: ignore[union-attr, arg-type]
                algorithms=["RS256"],
                audience=self.audience,
                issuer=self.issuer,
                options={"require": ["exp", "iat", "sub", "iss", "aud"]},
                leeway=5,
            )
        except jwt.PyJWTError as error:
            raise TokenRejected(type(error).__name__) from None

    def bearer_claims(self, authorization: str | None) -> dict[str, Any]:
        if not authorization or not authorization.lower().startswith("bearer "):
            raise TokenRejected("missing bearer token")
        return self.verify(authorization.split(" ", 1)[1].strip())
