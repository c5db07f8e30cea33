"""The caller is read from verified claims, with configurable claim names."""

from __future__ import annotations

import pytest

from hub.errors import PermissionDenied, Unauthorized
from hub.principal import parse_roles, principal_from_claims, principal_from_event, require_roles
from hub.settings import reset_settings


@pytest.mark.parametrize(
    ("shape", "raw"),
    [
        ("a JSON array claim (Lambda test events, Cognito groups decoded)", ["tenant_admin", "user"]),
        ("API Gateway's rendering of an array claim", "[tenant_admin user]"),
        ("a JSON array rendered as text", '["tenant_admin","user"]'),
    ],
)
def test_roles_come_from_every_list_shape_cognito_and_api_gateway_produce(shape, raw) -> None:
    # Given a roles claim in one of the shapes a verified token reaches the handler in
    # When it is parsed / Then both roles are granted
    assert parse_roles(raw) == {"tenant_admin", "user"}, shape


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("tenant_admin", {"tenant_admin"}),  # a single-valued string claim
        ("[super_admin]", {"super_admin"}),  # API Gateway rendering a one-element array
        ("[]", set()),
        ("user super_admin", set()),  # ONE value with a space is no known role
        ("user,super_admin", set()),
        ([" super_admin"], set()),
        (["user super_admin"], set()),
        ("super_admin ", set()),
        ({"super_admin": True}, set()),
    ],
)
def test_one_role_value_is_never_split_or_stripped(raw, expected) -> None:
    # Given a role claim that is one string, not a list / Then it is taken literally
    assert parse_roles(raw) == expected


def test_a_padded_subject_is_another_user() -> None:
    # Given a token whose subject is " bob" / When it is read / Then it is not bob
    principal = principal_from_claims({"sub": " bob", "tenant_id": "acme", "roles": ["user"]})
    assert principal.user_id == " bob"


@pytest.mark.parametrize("tenant", [" acme", "acme ", "acme\n", 7])
def test_a_padded_or_non_string_tenant_is_unauthorized(tenant) -> None:
    with pytest.raises(Unauthorized):
        principal_from_claims({"sub": "alice", "tenant_id": tenant, "roles": ["user"]})


def test_unknown_roles_are_ignored() -> None:
    assert parse_roles("[admin root user]") == {"user"}


def test_a_roles_claim_of_json_nested_past_the_parsers_stack_holds_no_role() -> None:
    # Given a roles claim rendered as JSON text that nests past the parser's stack
    deep = "[" * 5000 + "]" * 5000
    # When it is read, Then it holds no known role (a 403 on every route), never an exception
    assert parse_roles(deep) == frozenset()


def test_principal_from_default_claims() -> None:
    principal = principal_from_claims({"sub": "alice", "tenant_id": "acme", "roles": "[tenant_admin]"})
    assert principal.tenant_id == "acme" and principal.is_tenant_admin and not principal.is_super_admin


def test_cognito_claims_work_by_configuration(monkeypatch) -> None:
    monkeypatch.setenv("HUB_CLAIM_TENANT", "custom:tenant_id")
    monkeypatch.setenv("HUB_CLAIM_ROLES", "cognito:groups")
    reset_settings()
    try:
        principal = principal_from_claims(
            {"sub": "u-1", "custom:tenant_id": "acme", "cognito:groups": "[super_admin tenant_admin]"}
        )
        assert principal.is_super_admin and principal.tenant_id == "acme"
        assert principal.roles == {"super_admin", "tenant_admin"}
    finally:
        reset_settings()


@pytest.mark.parametrize(
    "claims",
    [None, {}, {"sub": "alice"}, {"sub": "alice", "tenant_id": "../../etc"}, {"tenant_id": "acme"}],
)
def test_missing_or_malformed_identity_is_unauthorized(claims) -> None:
    with pytest.raises(Unauthorized):
        principal_from_claims(claims)


@pytest.mark.parametrize(
    "context",
    ["x", {"authorizer": "jwt"}, {"authorizer": {"jwt": ["claims"]}}, {"authorizer": {"jwt": {"claims": ["sub"]}}},
     {"authorizer": {"jwt": {"claims": "sub=alice"}}}],
)
def test_an_authorizer_block_of_another_shape_is_unauthorized(context) -> None:
    # Given a request context whose authorizer block is not API Gateway's objects
    # When the caller is read, Then it is a 401 (never an AttributeError, a 500)
    with pytest.raises(Unauthorized):
        principal_from_event({"requestContext": context})


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
