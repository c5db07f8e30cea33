"""The caller is read from verified claims, with configurable claim names."""

from __future__ import annotations

import pytest

from hub.errors import PermissionDenied, Unauthorized
from hub.principal import parse_roles, principal_from_claims, require_roles
from hub.settings import reset_settings


@pytest.mark.parametrize(
    "raw",
    [["tenant_admin", "user"], "[tenant_admin user]", '["tenant_admin","user"]', "tenant_admin,user",
     "tenant_admin user"],
)
def test_roles_parse_from_every_shape_api_gateway_hands_over(raw) -> None:
    assert parse_roles(raw) == {"tenant_admin", "user"}


def test_unknown_roles_are_ignored() -> None:
    assert parse_roles("[admin root user]") == {"user"}


def test_principal_from_default_claims() -> None:
    principal = principal_from_claims({"sub": "alice", "tenant_id": "acme", "roles": "[tenant_admin]"})
    assert principal.tenant_id == "acme" and principal.is_tenant_admin and not principal.is_super_admin


def test_cognito_claims_work_by_configuration(monkeypatch) -> None:
    monkeypatch.setenv("HUB_CLAIM_TENANT", "custom:tenant_id")
    monkeypatch.setenv("HUB_CLAIM_ROLES", "cognito:groups")
    reset_settings()
    try:
        principal = principal_from_claims(
            {"sub": "u-1", "custom:tenant_id": "acme", "cognito:groups": "[super_admin]"}
        )
        assert principal.is_super_admin and principal.tenant_id == "acme"
    finally:
        reset_settings()


@pytest.mark.parametrize(
    "claims",
    [None, {}, {"sub": "alice"}, {"sub": "alice", "tenant_id": "../../etc"}, {"tenant_id": "acme"}],
)
def test_missing_or_malformed_identity_is_unauthorized(claims) -> None:
    with pytest.raises(Unauthorized):
        principal_from_claims(claims)


def test_role_guard() -> None:
    user = principal_from_claims({"sub": "bob", "tenant_id": "acme", "roles": ["user"]})
    admin = principal_from_claims({"sub": "root", "tenant_id": "p", "roles": ["super_admin"]})
    require_roles(user, ["user", "tenant_admin"])
    with pytest.raises(PermissionDenied):
        require_roles(user, ["tenant_admin"])
    with pytest.raises(PermissionDenied):
        require_roles(principal_from_claims({"sub": "a", "tenant_id": "t", "roles": ["tenant_admin"]}),
                      ["super_admin"])
    require_roles(admin, ["tenant_admin"])
