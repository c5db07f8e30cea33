"""Scheduled jobs and event/queue consumers (docs/architecture.md, Jobs and events).

- `due`: the sparse due index (GSI2) every job reads by Query, never Scan
- `refresh_due`: refresh connections whose token is about to expire (fan-out through SQS)
- `health`: health-check markers, the health-check job and the health endpoints' reads
- `purge`: sweep OAuth states that DynamoDB TTL has not removed yet
- `sync`: sync logs and the manual / event-triggered sync
- `consumers`: `user.deleted` and `content.published`
"""
