from enum import StrEnum

class ProviderViewAuthTypeType0(StrEnum):
    API_KEY = "api_key"
    BASIC = "basic"
    CUSTOM = "custom"
    OAUTH2 = "oauth2"
    OAUTH2_CLIENT_CREDENTIALS = "oauth2_client_credentials"

    def __str__(self) -> str:
        return str(self.value)
