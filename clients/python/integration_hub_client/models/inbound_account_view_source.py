from enum import StrEnum

class InboundAccountViewSource(StrEnum):
    CONNECT = "connect"
    TENANT_ADMIN = "tenant_admin"

    def __str__(self) -> str:
        return str(self.value)
