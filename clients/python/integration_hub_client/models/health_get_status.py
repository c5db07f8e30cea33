from enum import StrEnum

class HealthGetStatus(StrEnum):
    HEALTHY = "healthy"
    UNHEALTHY = "unhealthy"
    UNVERIFIED = "unverified"

    def __str__(self) -> str:
        return str(self.value)
