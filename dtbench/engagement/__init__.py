"""Engagements and their clients as plain records, and the services that change them (no Qt)."""
