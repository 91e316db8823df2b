"""Diagnosis: the maturity scale, answers per round, scope and weights, and the scores.

``scale`` and ``scoring`` are pure (no database, no Qt); ``service`` stores and loads.
"""
