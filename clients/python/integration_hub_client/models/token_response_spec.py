from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.token_response_spec_expiresinunit import TokenResponseSpecExpiresinunit
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TokenResponseSpec")



@_attrs_define
class TokenResponseSpec:
    """ Where the values sit in the token endpoint's JSON response (dotted paths).

        Attributes:
            access_token_path (str | Unset):  Default: 'access_token'.
            refresh_token_path (str | Unset):  Default: 'refresh_token'.
            expires_in_path (str | Unset):  Default: 'expires_in'.
            expires_in_unit (TokenResponseSpecExpiresinunit | Unset):  Default: TokenResponseSpecExpiresinunit.SECONDS.
            expires_at_path (None | str | Unset):
            scope_path (str | Unset):  Default: 'scope'.
            token_type_path (str | Unset):  Default: 'token_type'.
            default_lifetime_seconds (int | None | Unset):
            extra_fields (list[str] | Unset):
     """

    access_token_path: str | Unset = 'access_token'
    refresh_token_path: str | Unset = 'refresh_token'
    expires_in_path: str | Unset = 'expires_in'
    expires_in_unit: TokenResponseSpecExpiresinunit | Unset = TokenResponseSpecExpiresinunit.SECONDS
    expires_at_path: None | str | Unset = UNSET
    scope_path: str | Unset = 'scope'
    token_type_path: str | Unset = 'token_type'
    default_lifetime_seconds: int | None | Unset = UNSET
    extra_fields: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        access_token_path = self.access_token_path

        refresh_token_path = self.refresh_token_path

        expires_in_path = self.expires_in_path

        expires_in_unit: str | Unset = UNSET
        if not isinstance(self.expires_in_unit, Unset):
            expires_in_unit = self.expires_in_unit.value


        expires_at_path: None | str | Unset
        if isinstance(self.expires_at_path, Unset):
            expires_at_path = UNSET
        else:
            expires_at_path = self.expires_at_path

        scope_path = self.scope_path

        token_type_path = self.token_type_path

        default_lifetime_seconds: int | None | Unset
        if isinstance(self.default_lifetime_seconds, Unset):
            default_lifetime_seconds = UNSET
        else:
            default_lifetime_seconds = self.default_lifetime_seconds

        extra_fields: list[str] | Unset = UNSET
        if not isinstance(self.extra_fields, Unset):
            extra_fields = self.extra_fields




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if access_token_path is not UNSET:
            field_dict["accessTokenPath"] = access_token_path
        if refresh_token_path is not UNSET:
            field_dict["refreshTokenPath"] = refresh_token_path
        if expires_in_path is not UNSET:
            field_dict["expiresInPath"] = expires_in_path
        if expires_in_unit is not UNSET:
            field_dict["expiresInUnit"] = expires_in_unit
        if expires_at_path is not UNSET:
            field_dict["expiresAtPath"] = expires_at_path
        if scope_path is not UNSET:
            field_dict["scopePath"] = scope_path
        if token_type_path is not UNSET:
            field_dict["tokenTypePath"] = token_type_path
        if default_lifetime_seconds is not UNSET:
            field_dict["defaultLifetimeSeconds"] = default_lifetime_seconds
        if extra_fields is not UNSET:
            field_dict["extraFields"] = extra_fields

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token_path = d.pop("accessTokenPath", UNSET)

        refresh_token_path = d.pop("refreshTokenPath", UNSET)

        expires_in_path = d.pop("expiresInPath", UNSET)

        _expires_in_unit = d.pop("expiresInUnit", UNSET)
        expires_in_unit: TokenResponseSpecExpiresinunit | Unset
        if isinstance(_expires_in_unit,  Unset):
            expires_in_unit = UNSET
        else:
            expires_in_unit = TokenResponseSpecExpiresinunit(_expires_in_unit)




        def _parse_expires_at_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expires_at_path = _parse_expires_at_path(d.pop("expiresAtPath", UNSET))


        scope_path = d.pop("scopePath", UNSET)

        token_type_path = d.pop("tokenTypePath", UNSET)

        def _parse_default_lifetime_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        default_lifetime_seconds = _parse_default_lifetime_seconds(d.pop("defaultLifetimeSeconds", UNSET))


        extra_fields = cast(list[str], d.pop("extraFields", UNSET))


        token_response_spec = cls(
            access_token_path=access_token_path,
            refresh_token_path=refresh_token_path,
            expires_in_path=expires_in_path,
            expires_in_unit=expires_in_unit,
            expires_at_path=expires_at_path,
            scope_path=scope_path,
            token_type_path=token_type_path,
            default_lifetime_seconds=default_lifetime_seconds,
            extra_fields=extra_fields,
        )

        return token_response_spec

