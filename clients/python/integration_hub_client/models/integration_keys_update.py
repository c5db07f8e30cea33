from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="IntegrationKeysUpdate")



@_attrs_define
class IntegrationKeysUpdate:
    """ PUT /api/tenant/integrations/{id}/inbound-webhooks: the signing secret of the provider
    app or account that sends this integration's webhooks (a Stripe endpoint's `whsec_…`).

        Attributes:
            signing_secret (str): the provider's webhook signing secret
     """

    signing_secret: str





    def to_dict(self) -> dict[str, Any]:
        signing_secret = self.signing_secret


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "signingSecret": signing_secret,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        signing_secret = d.pop("signingSecret")

        integration_keys_update = cls(
            signing_secret=signing_secret,
        )

        return integration_keys_update

