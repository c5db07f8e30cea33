"""Connect sessions and the hosted connect page (docs/frontend.md).

models      what the platform sends, what the page reads and sends, the stored record
repository  sessions in the single table (found by the token's hash; every condition)
service     create a session; read it, connect with credentials, start and complete OAuth
page        the page itself: one document, inline assets, a strict CSP with a fresh nonce
"""
