"""Connections: the credentials a tenant (or one of its users) holds for an integration."""
