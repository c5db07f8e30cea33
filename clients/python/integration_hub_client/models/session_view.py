from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.session_view_status import SessionViewStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.session_integration_view import SessionIntegrationView





T = TypeVar("T", bound="SessionView")



@_attrs_define
class SessionView:
    """ What the connect page shows: never the token, never a credential.

        Attributes:
            session_id (str):
            tenant_id (str):
            expires_at (str):
            origin (str):
            status (SessionViewStatus):
            integrations (list[SessionIntegrationView]):
            redirect_url (None | str | Unset):
     """

    session_id: str
    tenant_id: str
    expires_at: str
    origin: str
    status: SessionViewStatus
    integrations: list[SessionIntegrationView]
    redirect_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.session_integration_view import SessionIntegrationView # noqa: PLC0415
        session_id = self.session_id

        tenant_id = self.tenant_id

        expires_at = self.expires_at

        origin = self.origin

        status = self.status.value

        integrations = []
        for integrations_item_data in self.integrations:
            integrations_item = integrations_item_data.to_dict()
            integrations.append(integrations_item)



        redirect_url: None | str | Unset
        if isinstance(self.redirect_url, Unset):
            redirect_url = UNSET
        else:
            redirect_url = self.redirect_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "sessionId": session_id,
            "tenantId": tenant_id,
            "expiresAt": expires_at,
            "origin": origin,
            "status": status,
            "integrations": integrations,
        })
        if redirect_url is not UNSET:
            field_dict["redirectUrl"] = redirect_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_integration_view import SessionIntegrationView # noqa: PLC0415
        d = dict(src_dict)
        session_id = d.pop("sessionId")

        tenant_id = d.pop("tenantId")

        expires_at = d.pop("expiresAt")

        origin = d.pop("origin")

        status = SessionViewStatus(d.pop("status"))




        integrations = []
        _integrations = d.pop("integrations")
        for integrations_item_data in (_integrations):
            integrations_item = SessionIntegrationView.from_dict(integrations_item_data)



            integrations.append(integrations_item)


        def _parse_redirect_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redirect_url = _parse_redirect_url(d.pop("redirectUrl", UNSET))


        session_view = cls(
            session_id=session_id,
            tenant_id=tenant_id,
            expires_at=expires_at,
            origin=origin,
            status=status,
            integrations=integrations,
            redirect_url=redirect_url,
        )


        session_view.additional_properties = d
        return session_view

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
