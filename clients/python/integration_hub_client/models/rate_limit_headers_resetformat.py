from enum import StrEnum

class RateLimitHeadersResetformat(StrEnum):
    DELTA_SECONDS = "delta_seconds"
    EPOCH_MILLISECONDS = "epoch_milliseconds"
    EPOCH_SECONDS = "epoch_seconds"

    def __str__(self) -> str:
        return str(self.value)
