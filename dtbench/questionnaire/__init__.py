"""Client self-assessment: a questionnaire workbook for the client to fill in, read back and
compared with the recorded answers before the consultant applies any of it."""

from dtbench.questionnaire.workbook import (
    Change,
    Questionnaire,
    QuestionnaireError,
    apply,
    compare,
    export_questionnaire,
    read_questionnaire,
    restore,
    target_round,
)

__all__ = [
    "Change",
    "Questionnaire",
    "QuestionnaireError",
    "apply",
    "compare",
    "export_questionnaire",
    "read_questionnaire",
    "restore",
    "target_round",
]
