"""Engagement templates: start a new client from a proven scope, plan and KPIs (no Qt)."""
