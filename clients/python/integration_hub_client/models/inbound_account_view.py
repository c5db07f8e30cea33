from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.inbound_account_view_source import InboundAccountViewSource






T = TypeVar("T", bound="InboundAccountView")



@_attrs_define
class InboundAccountView:
    """ 
        Attributes:
            account_id (str):
            source (InboundAccountViewSource): connect: captured from the provider when the connection was made (trusted);
                tenant_admin: typed by a tenant admin
            receiving (bool): whether the account's events reach this connection: only ids captured from the provider at
                connect do; typed ids wait for a connect to capture them
     """

    account_id: str
    source: InboundAccountViewSource
    receiving: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        source = self.source.value

        receiving = self.receiving


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accountId": account_id,
            "source": source,
            "receiving": receiving,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("accountId")

        source = InboundAccountViewSource(d.pop("source"))




        receiving = d.pop("receiving")

        inbound_account_view = cls(
            account_id=account_id,
            source=source,
            receiving=receiving,
        )


        inbound_account_view.additional_properties = d
        return inbound_account_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
