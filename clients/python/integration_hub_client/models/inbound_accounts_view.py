from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.inbound_account_view import InboundAccountView





T = TypeVar("T", bound="InboundAccountsView")



@_attrs_define
class InboundAccountsView:
    """ The provider accounts whose webhook events are attributed to the integration's connection.

        Attributes:
            integration_id (str):
            provider_id (str):
            connection_id (str):
            account_id_pattern (str): what an account id of this provider looks like (regular expression)
            accounts (list[InboundAccountView]):
            connect_account_id (None | str | Unset): how the id is captured at connect time (the template's placeholders)
     """

    integration_id: str
    provider_id: str
    connection_id: str
    account_id_pattern: str
    accounts: list[InboundAccountView]
    connect_account_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.inbound_account_view import InboundAccountView # noqa: PLC0415
        integration_id = self.integration_id

        provider_id = self.provider_id

        connection_id = self.connection_id

        account_id_pattern = self.account_id_pattern

        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)



        connect_account_id: None | str | Unset
        if isinstance(self.connect_account_id, Unset):
            connect_account_id = UNSET
        else:
            connect_account_id = self.connect_account_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "integrationId": integration_id,
            "providerId": provider_id,
            "connectionId": connection_id,
            "accountIdPattern": account_id_pattern,
            "accounts": accounts,
        })
        if connect_account_id is not UNSET:
            field_dict["connectAccountId"] = connect_account_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inbound_account_view import InboundAccountView # noqa: PLC0415
        d = dict(src_dict)
        integration_id = d.pop("integrationId")

        provider_id = d.pop("providerId")

        connection_id = d.pop("connectionId")

        account_id_pattern = d.pop("accountIdPattern")

        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in (_accounts):
            accounts_item = InboundAccountView.from_dict(accounts_item_data)



            accounts.append(accounts_item)


        def _parse_connect_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connect_account_id = _parse_connect_account_id(d.pop("connectAccountId", UNSET))


        inbound_accounts_view = cls(
            integration_id=integration_id,
            provider_id=provider_id,
            connection_id=connection_id,
            account_id_pattern=account_id_pattern,
            accounts=accounts,
            connect_account_id=connect_account_id,
        )


        inbound_accounts_view.additional_properties = d
        return inbound_accounts_view

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
