"""The constructs IntegrationHubStack is composed of (one concern per module)."""
