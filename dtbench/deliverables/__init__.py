"""Client deliverables: the Word proposal and the Excel action plan, in the engagement's
deliverable language whatever the UI language.

``content`` gathers one engagement into plain data; ``docx_texts`` and ``xlsx_texts`` hold
the documents' fixed texts in both languages; ``docx_proposal`` and ``xlsx_plan`` build them
(``xlsx_cells`` is the one way a value enters a cell); ``files`` writes atomically.
"""
