from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="InboundAccountsUpdate")



@_attrs_define
class InboundAccountsUpdate:
    """ PUT /api/tenant/integrations/{id}/inbound-accounts: every provider account id the
    integration's connection answers for (replaces the list).

        Attributes:
            account_ids (list[str]): the provider's account ids (Slack team id, Shopify shop domain, ...), as its webhooks
                name them
     """

    account_ids: list[str]





    def to_dict(self) -> dict[str, Any]:
        account_ids = self.account_ids




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accountIds": account_ids,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_ids = cast(list[str], d.pop("accountIds"))


        inbound_accounts_update = cls(
            account_ids=account_ids,
        )

        return inbound_accounts_update

