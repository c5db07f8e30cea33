"""Calling a provider's API through a connection: the one core every caller uses (the proxy
routes, search, widget data, sync), its per-connection quota budget, and the proxy use case.
See docs/proxy.md.
"""
