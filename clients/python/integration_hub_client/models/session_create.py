from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SessionCreate")



@_attrs_define
class SessionCreate:
    """ 
        Attributes:
            integrations (list[str]): Ids of the tenant's integration instances the page offers
            origin (str): The origin (scheme://host[:port]) of the page that opens the connect page and receives the result
                by postMessage; one of the allowed origins (HUB_ALLOWED_RETURN_ORIGINS)
            end_user_id (None | str | Unset): The platform's user who connects: required for user-scoped integrations, whose
                connection becomes theirs
            redirect_url (None | str | Unset): Full-page use: where the page sends the browser with the result in the query
                (on an allowed origin)
            expires_in_seconds (int | Unset): Lifetime of the session (default 30 minutes) Default: 1800.
     """

    integrations: list[str]
    origin: str
    end_user_id: None | str | Unset = UNSET
    redirect_url: None | str | Unset = UNSET
    expires_in_seconds: int | Unset = 1800





    def to_dict(self) -> dict[str, Any]:
        integrations = self.integrations



        origin = self.origin

        end_user_id: None | str | Unset
        if isinstance(self.end_user_id, Unset):
            end_user_id = UNSET
        else:
            end_user_id = self.end_user_id

        redirect_url: None | str | Unset
        if isinstance(self.redirect_url, Unset):
            redirect_url = UNSET
        else:
            redirect_url = self.redirect_url

        expires_in_seconds = self.expires_in_seconds


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "integrations": integrations,
            "origin": origin,
        })
        if end_user_id is not UNSET:
            field_dict["endUserId"] = end_user_id
        if redirect_url is not UNSET:
            field_dict["redirectUrl"] = redirect_url
        if expires_in_seconds is not UNSET:
            field_dict["expiresInSeconds"] = expires_in_seconds

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        integrations = cast(list[str], d.pop("integrations"))


        origin = d.pop("origin")

        def _parse_end_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_user_id = _parse_end_user_id(d.pop("endUserId", UNSET))


        def _parse_redirect_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redirect_url = _parse_redirect_url(d.pop("redirectUrl", UNSET))


        expires_in_seconds = d.pop("expiresInSeconds", UNSET)

        session_create = cls(
            integrations=integrations,
            origin=origin,
            end_user_id=end_user_id,
            redirect_url=redirect_url,
            expires_in_seconds=expires_in_seconds,
        )

        return session_create

