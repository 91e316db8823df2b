"""The sample engagement: a fictitious Dalian manufacturer, fully diagnosed in two rounds, with
its plan (``dtbench demo`` and the File menu create it).

``engagement`` creates the client, the rounds, answers, levels and findings, then has ``plan``
add the strategy, roadmap, KPIs and the rest. The content lives in resources/demo/ (Chinese)
and resources/demo/en/ (the same files in English); ``create_demo(store, language)`` hands the
one folder to every loader, and tests/test_demo_english.py requires each file in both.
"""

from dtbench.sample.engagement import create_demo, load_demo

__all__ = ["create_demo", "load_demo"]
