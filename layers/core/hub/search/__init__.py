"""Search across a tenant's integrations and in one of them (README.md, "Search and widgets")."""
