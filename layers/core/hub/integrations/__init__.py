"""A tenant's integration instances: one per provider per tenant."""
