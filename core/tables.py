"""Tables as CSV or XLSX that a spreadsheet opens safely: every app's exports use these.

Every cell goes through `safe_cell`: a spreadsheet runs text that starts with = + - @
(or a tab or carriage return before one) as a formula, so such text is prefixed with a
single quote and shown as written (formula injection, OWASP "CSV injection").
"""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """`value` as a spreadsheet shows it and never runs it: text starting with
    = + - @ tab or CR gets a leading single quote; other values are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def as_csv(header, rows):
    """UTF-8 with a byte-order mark, so spreadsheet programs read every script."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    for row in (header, *rows):
        writer.writerow([safe_cell(str(cell)) for cell in row])
    return out.getvalue().encode("utf-8")


def as_xlsx(header, rows, title):
    """One sheet named `title` (at most 31 characters, as Excel allows), bold header row
    frozen at the top."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(title)[:31]
    for row in (header, *rows):
        sheet.append([safe_cell(cell) for cell in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
