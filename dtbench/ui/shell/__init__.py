"""The application shell: main window, workspace, engagement list, profile, guide, trash,
crash handling."""
