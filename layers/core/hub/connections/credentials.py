"""Credentials a tenant types in (API key, basic, custom): checked against the template's
credential schema, completed with hub-generated values, and turned into tokens where the
provider's login needs it (client credentials, Google service-account JWT grant).

Error messages name the field, never the value.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hub import clock
from hub.connections.tokens import (
    TokenRequestRejected,
    TransientTokenError,
    client_credentials_token,
    jwt_bearer_token,
)
from hub.errors import ConnectionFailed, InvalidCredentials, ValidationError
from hub.redaction import is_secret_key, register_secret, register_secret_fields
from hub.repository import ConditionFailed, Repository
from hub.table import tenant_pk
from hub.validation import parse_json

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hub.connections.spec import ProviderSpec
    from hub.connections.tokens import TokenSet

MAX_VALUE_LENGTH = 16 * 1024
MAX_FIELDS = 20
_FIELD_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_EXCEPT_WHITESPACE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$")
EXTERNAL_ID_SK = "AWS_EXTERNAL_ID"


# ---- hub-generated values (AWS ExternalId) -------------------------------------------------


class GeneratedValueRepository(Repository):
    """One AWS ExternalId per tenant (confused-deputy protection), created on first use."""

    def external_id(self, tenant_id: str) -> str:
        existing = self.get(tenant_pk(tenant_id), EXTERNAL_ID_SK)
        if existing:
            return str(existing["value"])
        value = f"ih-{secrets.token_hex(16)}"
        try:
            self.put_new({"pk": tenant_pk(tenant_id), "sk": EXTERNAL_ID_SK, "entity": "external-id",
                          "value": value, "createdAt": clock.iso()})
        except ConditionFailed:  # another request created it first: use theirs
            existing = self.get(tenant_pk(tenant_id), EXTERNAL_ID_SK)
            return str(existing["value"]) if existing else value
        return value


def generated_values(spec: ProviderSpec, tenant_id: str) -> dict[str, str]:
    """The values the hub creates for the tenant to copy (shown on the connection status)."""
    values: dict[str, str] = {}
    for spec_field in spec.credential_fields:
        if spec_field.generated:
            if spec_field.name == "externalId":
                values[spec_field.name] = GeneratedValueRepository().external_id(tenant_id)
            else:  # pragma: no cover - no template generates anything else yet
                raise ValidationError(f"The hub cannot generate '{spec_field.name}'")
    return values


# ---- validation ---------------------------------------------------------------------------


def _invalid(name: str, message: str) -> ValidationError:
    return ValidationError(message, details={"field": f"credentials.{name}"})


def _free_form(given: Mapping[str, Any]) -> dict[str, str]:
    """Providers without a template and without a known auth type: any string fields, all secret."""
    if not given:
        raise ValidationError("Credentials are required", details={"field": "credentials"})
    if len(given) > MAX_FIELDS:
        raise ValidationError(f"At most {MAX_FIELDS} credential fields", details={"field": "credentials"})
    values: dict[str, str] = {}
    for name, raw in given.items():
        if not isinstance(name, str) or not _FIELD_NAME.match(name):
            raise ValidationError("Credential field names are letters, digits and underscores",
                                  details={"field": "credentials"})
        if not isinstance(raw, str) or not raw or len(raw) > MAX_VALUE_LENGTH or _CONTROL.search(raw):
            raise _invalid(name, f"The credential '{name}' must be a non-empty string without control characters")
        if is_secret_key(name):
            register_secret(raw)
        values[name] = raw
    return values


def validate_credentials(spec: ProviderSpec, given: Mapping[str, Any], *, tenant_id: str) -> dict[str, str]:
    """Check `given` against the template's credential fields: unknown fields, hub-generated
    fields sent by the client, missing required ones, types and patterns are 400s. Returns the
    values to store (defaults and generated values filled in)."""
    fields = spec.credential_fields
    if not fields:
        return _free_form(given)
    known = {f.name: f for f in fields}
    unknown = sorted(str(name) for name in given if name not in known)
    if unknown:
        raise ValidationError("Unknown credential fields", details={"fields": unknown,
                                                                    "expected": sorted(known)})
    values: dict[str, str] = {}
    generated = generated_values(spec, tenant_id)
    for spec_field in fields:
        name = spec_field.name
        raw = given.get(name)
        if spec_field.generated:
            if raw not in (None, "") and raw != generated.get(name):
                raise _invalid(name, f"'{name}' is generated by the hub; copy it from the connection status, "
                                     "do not send another value")
            values[name] = generated[name]
            continue
        if spec_field.type == "json" and isinstance(raw, dict):
            raw = json.dumps(raw)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if spec_field.default is not None:
                values[name] = spec_field.default
            elif spec_field.required:
                raise _invalid(name, f"The credential '{name}' is required")
            continue
        if not isinstance(raw, str):
            raise _invalid(name, f"The credential '{name}' must be a string")
        if len(raw) > MAX_VALUE_LENGTH:
            raise _invalid(name, f"The credential '{name}' is longer than {MAX_VALUE_LENGTH} characters")
        value = raw if spec_field.type == "json" else raw.strip()
        control = _CONTROL_EXCEPT_WHITESPACE if spec_field.type == "json" else _CONTROL
        if control.search(value):
            raise _invalid(name, f"The credential '{name}' contains control characters")
        if spec_field.secret:
            register_secret(value)
        if spec_field.pattern and not re.fullmatch(spec_field.pattern, value):
            raise _invalid(name, f"The credential '{name}' has an invalid format")
        _check_type(name, spec_field.type, value)
        values[name] = value
    return values


def _check_type(name: str, kind: str, value: str) -> None:
    if kind == "email" and not _EMAIL.match(value):
        raise _invalid(name, f"The credential '{name}' must be an email address")
    if kind == "url":
        from hub.urlguard import check_url

        check_url(value, purpose="credential", resolve=False, field=f"credentials.{name}")
    if kind == "json":
        try:
            parsed = parse_json(value)
        except ValueError:
            raise _invalid(name, f"The credential '{name}' must be a JSON object") from None
        if not isinstance(parsed, dict):
            raise _invalid(name, f"The credential '{name}' must be a JSON object")
        register_secret_fields(parsed)


def public_credential_values(spec: ProviderSpec, values: Mapping[str, str]) -> dict[str, str]:
    """The values that may be shown back (non-secret fields such as a role ARN or a user name)."""
    shown: dict[str, str] = {}
    for spec_field in spec.credential_fields:
        if not spec_field.secret and spec_field.type != "json" and spec_field.name in values:
            shown[spec_field.name] = values[spec_field.name]
    return shown


# ---- logins that produce a token ----------------------------------------------------------


def acquire_token(spec: ProviderSpec, values: Mapping[str, str]) -> TokenSet | None:
    """Tokens for credential-based logins that need one before any API call; None for the rest.
    Provider refusals become INVALID_CREDENTIALS, provider trouble CONNECTION_FAILED."""

    try:
        if spec.auth_mode == "oauth2_client_credentials":
            return client_credentials_token(spec, values["clientId"], values["clientSecret"])
        if spec.custom_auth == "google_service_account":
            return jwt_bearer_token(spec, service_account_assertion(spec, values["serviceAccountKey"]))
    except TokenRequestRejected as error:
        raise InvalidCredentials(f"The provider rejected the credentials ({error.error})",
                                 details={"providerError": error.error}) from None
    except TransientTokenError as error:
        raise ConnectionFailed(error.message, details=error.details) from None
    return None


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def service_account_assertion(spec: ProviderSpec, key_json: str, *, now: float | None = None) -> str:
    """An RS256-signed JWT assertion for a Google service account (RFC 7523)."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    try:
        key_data = parse_json(key_json)
    except ValueError:
        key_data = None
    if not isinstance(key_data, dict):
        raise _invalid("serviceAccountKey", "The service account key must be a JSON object")
    email, pem = key_data.get("client_email"), key_data.get("private_key")
    if key_data.get("type") != "service_account" or not isinstance(email, str) or not isinstance(pem, str):
        raise _invalid("serviceAccountKey",
                       "The service account key must be a JSON key of type 'service_account' with client_email "
                       "and private_key")
    try:
        private_key = serialization.load_pem_private_key(pem.encode("utf-8"), password=None)
    except (ValueError, TypeError):
        raise _invalid("serviceAccountKey", "The service account key's private_key is not a readable PEM key") from None
    if not isinstance(private_key, rsa.RSAPrivateKey):
        raise _invalid("serviceAccountKey", "The service account key's private_key must be an RSA key")
    issued = int(clock.now() if now is None else now)
    header = {"alg": "RS256", "typ": "JWT"}
    if isinstance(key_data.get("private_key_id"), str):
        header["kid"] = key_data["private_key_id"]
    claims = {
        "iss": email,
        "scope": " ".join(spec.scopes()),
        # the audience is the template's token endpoint, never the key file's token_uri
        "aud": spec.token_url(),
        "iat": issued,
        "exp": issued + 3600,
    }
    signing_input = f"{_b64url(json.dumps(header).encode())}.{_b64url(json.dumps(claims).encode())}"
    signature = private_key.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())
    assertion = f"{signing_input}.{_b64url(signature)}"
    register_secret(assertion)
    return assertion
