"""The caller, read from the JWT claims that API Gateway's authorizer already verified.

Claim names come from settings (docs/architecture.md, Identity). Claims are taken literally: nothing is
stripped (a subject " bob" is not "bob"), and roles come only from a real list (a JSON array
claim such as Cognito's `cognito:groups`) or from API Gateway HTTP API's rendering of an array
claim as one string "[tenant_admin user]". A plain string is ONE role value: "user super_admin"
is not two roles (it is no known role at all).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from hub.errors import PermissionDenied, Unauthorized
from hub.settings import get_settings
from hub.validation import parse_json

_TENANT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class Role(StrEnum):
    SUPER_ADMIN = "super_admin"
    TENANT_ADMIN = "tenant_admin"
    USER = "user"


KNOWN_ROLES = {role.value for role in Role}


@dataclass(frozen=True)
class Principal:
    user_id: str
    tenant_id: str
    roles: frozenset[str] = field(default_factory=frozenset)
    email: str | None = None

    @property
    def is_super_admin(self) -> bool:
        return Role.SUPER_ADMIN in self.roles

    @property
    def is_tenant_admin(self) -> bool:
        return Role.TENANT_ADMIN in self.roles or self.is_super_admin

    def has_any(self, roles: Iterable[str]) -> bool:
        return bool(self.roles.intersection(roles))

    def as_actor(self) -> dict[str, Any]:
        return {"userId": self.user_id, "tenantId": self.tenant_id, "roles": sorted(self.roles)}


def parse_roles(raw: Any) -> frozenset[str]:
    if raw is None:
        return frozenset()
    values: list[Any]
    if isinstance(raw, list | tuple):
        values = list(raw)
    elif isinstance(raw, str) and raw.startswith("[") and raw.endswith("]"):
        values = _bracketed(raw)
    else:
        values = [raw]
    return frozenset(v for v in values if isinstance(v, str) and v in KNOWN_ROLES)


def _bracketed(text: str) -> list[Any]:
    """API Gateway renders an array claim as "[a b]" (or, from some issuers, as JSON text)."""
    try:
        parsed = parse_json(text)
    except ValueError:
        inner = text[1:-1]
        return inner.split(" ") if inner else []
    return parsed if isinstance(parsed, list) else []


def principal_from_claims(claims: Mapping[str, Any] | None) -> Principal:
    if not claims:
        raise Unauthorized()
    settings = get_settings()
    user_id = _string_claim(claims, settings.claim_user)
    tenant_id = _string_claim(claims, settings.claim_tenant)
    roles = parse_roles(claims.get(settings.claim_roles))
    if not user_id:
        raise Unauthorized("The token has no subject")
    if not tenant_id or not _TENANT_ID.fullmatch(tenant_id):
        raise Unauthorized("The token has no valid tenant claim")
    email = claims.get(settings.claim_email)
    return Principal(user_id=user_id, tenant_id=tenant_id, roles=roles, email=str(email) if email else None)


def _string_claim(claims: Mapping[str, Any], name: str) -> str:
    value = claims.get(name)
    return value if isinstance(value, str) else ""


def principal_from_event(event: Mapping[str, Any]) -> Principal:
    """The caller of `requestContext.authorizer.jwt.claims`; a block of any other shape is no
    verified token (a 401), never a crash."""
    node: Any = event
    for name in ("requestContext", "authorizer", "jwt", "claims"):
        node = node.get(name) if isinstance(node, Mapping) else None
    return principal_from_claims(node if isinstance(node, Mapping) else None)


def require_roles(principal: Principal, roles: Iterable[str]) -> None:
    """Role guard: the caller must hold one of `roles` (super_admin passes tenant routes too)."""
    allowed = set(roles)
    if not allowed:
        return
    if principal.has_any(allowed):
        return
    if principal.is_super_admin and allowed & {Role.TENANT_ADMIN, Role.USER}:
        return
    raise PermissionDenied(details={"requiredRoles": sorted(allowed)})
