from enum import StrEnum

class HealthListParamsStatusType0(StrEnum):
    ACTIVE = "active"
    ERROR = "error"
    EXPIRED = "expired"
    INACTIVE = "inactive"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
