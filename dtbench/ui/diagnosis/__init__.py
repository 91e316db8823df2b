"""The diagnosis: its session, scope, checklist, clause details and dashboard."""
