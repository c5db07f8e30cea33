from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SessionCreated")



@_attrs_define
class SessionCreated:
    """ 
        Attributes:
            session_id (str):
            token (str): The session's single-use secret: hand it to the connect page only
            connect_url (str): The hosted connect page with the token in its fragment (never sent to a server or a Referer)
            expires_at (str):
            origin (str):
            integrations (list[str]):
            end_user_id (None | str | Unset):
     """

    session_id: str
    token: str
    connect_url: str
    expires_at: str
    origin: str
    integrations: list[str]
    end_user_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        token = self.token

        connect_url = self.connect_url

        expires_at = self.expires_at

        origin = self.origin

        integrations = self.integrations



        end_user_id: None | str | Unset
        if isinstance(self.end_user_id, Unset):
            end_user_id = UNSET
        else:
            end_user_id = self.end_user_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "sessionId": session_id,
            "token": token,
            "connectUrl": connect_url,
            "expiresAt": expires_at,
            "origin": origin,
            "integrations": integrations,
        })
        if end_user_id is not UNSET:
            field_dict["endUserId"] = end_user_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = d.pop("sessionId")

        token = d.pop("token")

        connect_url = d.pop("connectUrl")

        expires_at = d.pop("expiresAt")

        origin = d.pop("origin")

        integrations = cast(list[str], d.pop("integrations"))


        def _parse_end_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_user_id = _parse_end_user_id(d.pop("endUserId", UNSET))


        session_created = cls(
            session_id=session_id,
            token=token,
            connect_url=connect_url,
            expires_at=expires_at,
            origin=origin,
            integrations=integrations,
            end_user_id=end_user_id,
        )


        session_created.additional_properties = d
        return session_created

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
