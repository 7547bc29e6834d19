"""Saving an analysis table as CSV or as an Excel workbook (.xlsx, with openpyxl).

The tables are made as CSV text once; the workbook is written from the same rows, with
figures as numbers, so a spreadsheet can sort and sum them.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from reader.core.fileutil import write_output

_NUMBER_RE = re.compile(r"^-?\d+(?:\.\d+)?$")


def csv_rows(text: str) -> list[list[str]]:
    """The rows of a CSV text."""
    return list(csv.reader(io.StringIO(text)))


def save_table(path: Path, csv_text: str, sheet: str = "data") -> None:
    """Save a table: Excel when the name ends in .xlsx, else CSV (UTF-8 with the BOM spreadsheets expect).

    Raises:
        OSError: The file cannot be written.
    """
    if path.suffix.lower() != ".xlsx":
        write_output(path, ("\ufeff" + csv_text).encode("utf-8"))
        return
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", sheet)[:31] or "data")
    for row in csv_rows(csv_text):
        worksheet.append([float(cell) if _NUMBER_RE.match(cell) else cell for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_output(path, buffer.getvalue())
