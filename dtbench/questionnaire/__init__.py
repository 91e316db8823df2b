"""Client self-assessment: a questionnaire workbook for the client to fill in, read back and
compared with the recorded answers before the consultant applies any of it.

``workbook`` holds the core (it loads openpyxl and the store, so it is imported only when a
questionnaire is written or read); ``dtbench.cli.questionnaire`` holds the two commands.
"""
