"""Outgoing webhooks: tenant endpoints, Standard Webhooks signing, delivery with retries.

models      API input/output models
repository  endpoints and deliveries in the single table (sparse due index for retries)
signing     Standard Webhooks signatures; signing_keys: secrets sealed with the Encryption SDK
service     one domain function per route
dispatcher  hub event → deliveries; the retry sweep
delivery    one attempt: sign, POST through the URL guard, record, retry or give up
"""
