"""Reads a submission workbook with openpyxl (an independent reader) and prints what the test checks, as JSON."""
import hashlib
import json
import sys

import openpyxl

path, cells_arg = sys.argv[1], sys.argv[2]
wanted = json.loads(cells_arg)  # {"sheet": ["A1", ...]}
wb = openpyxl.load_workbook(path)
out = {"sheets": [], "cells": {}, "data": {}}
for ws in wb.worksheets:
    fit = ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr is not None else None
    out["sheets"].append({
        "name": ws.title,
        "state": ws.sheet_state,
        "merges": sorted(str(r) for r in ws.merged_cells.ranges),
        "printTitleRows": ws.print_title_rows,
        "paperSize": ws.page_setup.paperSize,
        "orientation": ws.page_setup.orientation,
        "fitToPage": fit,
        "fitToWidth": ws.page_setup.fitToWidth,
        "fitToHeight": ws.page_setup.fitToHeight,
        "header": [ws.oddHeader.left.text, ws.oddHeader.center.text, ws.oddHeader.right.text],
        "footer": ws.oddFooter.center.text,
        "maxRow": ws.max_row,
    })
for sheet, addresses in wanted.items():
    ws = wb[sheet]
    out["cells"][sheet] = {a: {"value": ws[a].value, "format": ws[a].number_format, "bold": bool(ws[a].font.b), "border": ws[a].border.left.style} for a in addresses}

data = wb["zr_data"]
meta = {data.cell(row=r, column=1).value: data.cell(row=r, column=2).value for r in range(1, 9)}
parts = [data.cell(row=r, column=2).value for r in range(10, 10 + int(meta["parts"]))]
payload = json.loads("".join(parts))
# Canonical JSON as the program defines it: sorted keys, no whitespace, non-ASCII kept.
canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
out["data"] = {
    "meta": meta,
    "return": payload["return"],
    "sha256": hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
}
print(json.dumps(out, ensure_ascii=False))
