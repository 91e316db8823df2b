"""Qt-free report building blocks: CJK font lookup and matplotlib charts for the dashboard
and the Word/Excel deliverables; ``summary`` reports an engagement's scores, gaps and plan
(``dtbench summary``)."""
