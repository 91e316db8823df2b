"""The export benchmark's floor: a document comparable to dtbench's proposal and action plan,
written with the bare libraries (matplotlib, python-docx, openpyxl) and nothing of dtbench.

Run by bench_export.py as its own process (as ``dtbench export`` runs): ``python
export_floor.py SPEC.json OUT_FOLDER``. SPEC.json says what dtbench wrote (measured from its
files): the charts' pixel sizes, the proposal's paragraphs and tables (rows × columns), the
plan's sheets (rows × columns). The floor draws the same number of charts at the same size and
resolution (bar charts with Chinese labels, in the same font), writes as many paragraphs,
tables and rows, and as many cells, then saves both files.
"""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

START = time.perf_counter()
DPI = 200
TEXT = "企业数字化转型实施指南：现状诊断、差距分析与实施路径。Digital transformation."


def charts(sizes: list[list[int]], font: str | None) -> list[bytes]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    out = []
    for width, height in sizes:
        figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
        axes = figure.add_subplot()
        labels = [f"领域{n} 数字化" for n in range(10)]
        axes.barh(labels, [n * 7 % 60 + 20 for n in range(10)], color="#2f6f9f")
        axes.barh(labels, [n * 5 % 40 + 10 for n in range(10)], color="#9ec3de")
        axes.set_xlabel("指数（0–100）")
        for text in [*axes.get_yticklabels(), axes.xaxis.label]:
            if font:
                text.set_fontfamily([font, "DejaVu Sans"])
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI)
        out.append(buffer.getvalue())
    return out


def proposal(spec: dict, pictures: list[bytes], target: Path) -> None:
    from docx import Document
    from docx.shared import Cm

    document = Document()
    for _ in range(spec["paragraphs"]):
        document.add_paragraph(TEXT)
    for rows, columns in spec["tables"]:
        table = document.add_table(rows=rows, cols=columns)
        table.style = "Table Grid"
        for row in table.rows:
            for cell in row.cells:
                cell.text = "差距 3"
    for picture in pictures:
        document.add_picture(io.BytesIO(picture), width=Cm(15))
    document.save(str(target))


def plan(spec: dict, target: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for name, (rows, columns) in spec["sheets"].items():
        sheet = book.create_sheet(name[:31])
        for r in range(1, rows + 1):
            for c in range(1, columns + 1):
                cell = sheet.cell(r, c, "举措 I-01" if c % 2 else r * c)
                if r == 1:
                    cell.font = bold
                    cell.fill = fill
    book.save(str(target))


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out = Path(sys.argv[2])
    pictures = charts(spec["charts"], spec.get("font"))
    proposal(spec, pictures, out / "floor.docx")
    plan(spec, out / "floor.xlsx")
    print(f"{time.perf_counter() - START:.3f}")


if __name__ == "__main__":
    main()
