from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OAuthExchangeRequest")



@_attrs_define
class OAuthExchangeRequest:
    """ Only for a flow the hub started (connect/oauth with a frontend `redirectUri`): the hub's
    state is required, and the hub uses the PKCE verifier, redirect URI and scopes it stored with
    it; a client-supplied verifier is refused (unknown field), so a leaked code cannot be
    redeemed by someone who did not start the flow.

        Attributes:
            code (str):
            redirect_uri (str): The frontend page the flow was started with (never the hub's callback)
            state (str): The state connect/oauth answered
            iss (None | str | Unset): The `iss` the provider sent with the code (RFC 9207): required when the provider
                advertises it, and it must name the provider's issuer
     """

    code: str
    redirect_uri: str
    state: str
    iss: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        redirect_uri = self.redirect_uri

        state = self.state

        iss: None | str | Unset
        if isinstance(self.iss, Unset):
            iss = UNSET
        else:
            iss = self.iss


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "redirectUri": redirect_uri,
            "state": state,
        })
        if iss is not UNSET:
            field_dict["iss"] = iss

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        redirect_uri = d.pop("redirectUri")

        state = d.pop("state")

        def _parse_iss(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        iss = _parse_iss(d.pop("iss", UNSET))


        o_auth_exchange_request = cls(
            code=code,
            redirect_uri=redirect_uri,
            state=state,
            iss=iss,
        )

        return o_auth_exchange_request

