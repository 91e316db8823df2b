"""Team mode: a firm's engagements on its PostgreSQL server.

Access (roles, members, row-level security), the history of changes, conflicts between
versions, offline copies and their synchronisation, presence and the firm benchmark. Free of
Qt; the windows are in ``dtbench/ui/team``.
"""
