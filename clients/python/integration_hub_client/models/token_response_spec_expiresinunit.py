from enum import StrEnum

class TokenResponseSpecExpiresinunit(StrEnum):
    HOURS = "hours"
    MILLISECONDS = "milliseconds"
    MINUTES = "minutes"
    SECONDS = "seconds"

    def __str__(self) -> str:
        return str(self.value)
