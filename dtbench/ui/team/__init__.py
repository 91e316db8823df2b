"""Team mode's windows: connecting to a firm's server, members, history, conflicts, merging."""
