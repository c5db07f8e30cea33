from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="InboundKeysUpdate")



@_attrs_define
class InboundKeysUpdate:
    """ PUT /api/admin/integrations/{category}/{id}/inbound-webhooks: the keys the provider's
    inbound webhooks are verified with. Only the fields sent change; null removes one.

        Attributes:
            signing_secret (None | str | Unset): the provider's webhook signing secret
            public_key (None | str | Unset): the provider's ed25519 public key, hex (Discord)
            verify_token (None | str | Unset): the token the provider's subscription handshake echoes (Meta)
     """

    signing_secret: None | str | Unset = UNSET
    public_key: None | str | Unset = UNSET
    verify_token: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        signing_secret: None | str | Unset
        if isinstance(self.signing_secret, Unset):
            signing_secret = UNSET
        else:
            signing_secret = self.signing_secret

        public_key: None | str | Unset
        if isinstance(self.public_key, Unset):
            public_key = UNSET
        else:
            public_key = self.public_key

        verify_token: None | str | Unset
        if isinstance(self.verify_token, Unset):
            verify_token = UNSET
        else:
            verify_token = self.verify_token


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if signing_secret is not UNSET:
            field_dict["signingSecret"] = signing_secret
        if public_key is not UNSET:
            field_dict["publicKey"] = public_key
        if verify_token is not UNSET:
            field_dict["verifyToken"] = verify_token

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_signing_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        signing_secret = _parse_signing_secret(d.pop("signingSecret", UNSET))


        def _parse_public_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        public_key = _parse_public_key(d.pop("publicKey", UNSET))


        def _parse_verify_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        verify_token = _parse_verify_token(d.pop("verifyToken", UNSET))


        inbound_keys_update = cls(
            signing_secret=signing_secret,
            public_key=public_key,
            verify_token=verify_token,
        )

        return inbound_keys_update

