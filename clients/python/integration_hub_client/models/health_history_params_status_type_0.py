from enum import StrEnum

class HealthHistoryParamsStatusType0(StrEnum):
    HEALTHY = "healthy"
    UNHEALTHY = "unhealthy"
    UNVERIFIED = "unverified"

    def __str__(self) -> str:
        return str(self.value)
