"""Files in and out: export, engagement files, questionnaires, templates, backups."""
