"""Inbound provider webhooks: verify, attribute, forward (docs/inbound-webhooks.md).

- `spec`: the `inboundWebhooks` section of a provider template (what a provider sends);
- `schemes`: signature verification per scheme (HMAC over the body, timestamped HMACs,
  ed25519, Standard Webhooks), with the hub's clock;
- `extract`: handshakes, delivery ids, event types and account ids read from a request;
- `repository`: the intake record (dedupe + payload), account links, unclaimed counts;
- `intake` / `processor`: the public intake (acknowledge first) and the queue worker that
  attributes events to connections and publishes `provider.event`.
"""
