"""The plan: its session, strategy, roadmap, KPIs, leadership, organization and culture."""
