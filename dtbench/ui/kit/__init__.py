"""Shared pieces every feature may use: the shell protocol, change notices, undo, tasks,
autosave, charts, labels."""
