"""The plan: strategy, roadmap, KPIs, leadership, organization and culture (guide 5.2–6.3).

``catalogue`` holds the guide's option sets; ``records`` the typed records; ``service``
stores and loads them; ``suggest`` proposes initiatives from the diagnosis; ``checks``
validates a roadmap.
"""
