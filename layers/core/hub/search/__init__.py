"""Search across a tenant's integrations and in one of them (seed 002 "Search Endpoints")."""
