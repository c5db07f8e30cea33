from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.connection_counts import ConnectionCounts





T = TypeVar("T", bound="IntegrationHealth")



@_attrs_define
class IntegrationHealth:
    """ 
        Attributes:
            integration_id (str):
            status (str): active, inactive, error, pending or expired
            healthy (bool):
            consecutive_failures (int):
            user_scoped (bool):
            name (None | str | Unset):
            provider_id (None | str | Unset):
            provider_name (None | str | Unset):
            last_checked_at (None | str | Unset):
            response_time (int | None | Unset): Milliseconds the last check took
            last_error (None | str | Unset):
            connections (ConnectionCounts | None | Unset): User-scoped integrations only
     """

    integration_id: str
    status: str
    healthy: bool
    consecutive_failures: int
    user_scoped: bool
    name: None | str | Unset = UNSET
    provider_id: None | str | Unset = UNSET
    provider_name: None | str | Unset = UNSET
    last_checked_at: None | str | Unset = UNSET
    response_time: int | None | Unset = UNSET
    last_error: None | str | Unset = UNSET
    connections: ConnectionCounts | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.connection_counts import ConnectionCounts # noqa: PLC0415
        integration_id = self.integration_id

        status = self.status

        healthy = self.healthy

        consecutive_failures = self.consecutive_failures

        user_scoped = self.user_scoped

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        provider_id: None | str | Unset
        if isinstance(self.provider_id, Unset):
            provider_id = UNSET
        else:
            provider_id = self.provider_id

        provider_name: None | str | Unset
        if isinstance(self.provider_name, Unset):
            provider_name = UNSET
        else:
            provider_name = self.provider_name

        last_checked_at: None | str | Unset
        if isinstance(self.last_checked_at, Unset):
            last_checked_at = UNSET
        else:
            last_checked_at = self.last_checked_at

        response_time: int | None | Unset
        if isinstance(self.response_time, Unset):
            response_time = UNSET
        else:
            response_time = self.response_time

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        connections: dict[str, Any] | None | Unset
        if isinstance(self.connections, Unset):
            connections = UNSET
        elif isinstance(self.connections, ConnectionCounts):
            connections = self.connections.to_dict()
        else:
            connections = self.connections


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "integrationId": integration_id,
            "status": status,
            "healthy": healthy,
            "consecutiveFailures": consecutive_failures,
            "userScoped": user_scoped,
        })
        if name is not UNSET:
            field_dict["name"] = name
        if provider_id is not UNSET:
            field_dict["providerId"] = provider_id
        if provider_name is not UNSET:
            field_dict["providerName"] = provider_name
        if last_checked_at is not UNSET:
            field_dict["lastCheckedAt"] = last_checked_at
        if response_time is not UNSET:
            field_dict["responseTime"] = response_time
        if last_error is not UNSET:
            field_dict["lastError"] = last_error
        if connections is not UNSET:
            field_dict["connections"] = connections

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.connection_counts import ConnectionCounts # noqa: PLC0415
        d = dict(src_dict)
        integration_id = d.pop("integrationId")

        status = d.pop("status")

        healthy = d.pop("healthy")

        consecutive_failures = d.pop("consecutiveFailures")

        user_scoped = d.pop("userScoped")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_provider_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_id = _parse_provider_id(d.pop("providerId", UNSET))


        def _parse_provider_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_name = _parse_provider_name(d.pop("providerName", UNSET))


        def _parse_last_checked_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_checked_at = _parse_last_checked_at(d.pop("lastCheckedAt", UNSET))


        def _parse_response_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        response_time = _parse_response_time(d.pop("responseTime", UNSET))


        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("lastError", UNSET))


        def _parse_connections(data: object) -> ConnectionCounts | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                connections_type_0 = ConnectionCounts.from_dict(data)



                return connections_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConnectionCounts | None | Unset, data)

        connections = _parse_connections(d.pop("connections", UNSET))


        integration_health = cls(
            integration_id=integration_id,
            status=status,
            healthy=healthy,
            consecutive_failures=consecutive_failures,
            user_scoped=user_scoped,
            name=name,
            provider_id=provider_id,
            provider_name=provider_name,
            last_checked_at=last_checked_at,
            response_time=response_time,
            last_error=last_error,
            connections=connections,
        )


        integration_health.additional_properties = d
        return integration_health

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
