"""Providers (configured by the super admin) and the tenant-facing catalog."""
