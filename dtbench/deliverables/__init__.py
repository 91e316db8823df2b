"""Client deliverables: the Word proposal and the Excel action plan, in the engagement's
deliverable language whatever the UI language.

``content`` gathers one engagement into plain data; ``wording`` holds the documents' fixed
texts in both languages; ``files`` writes atomically.
"""
