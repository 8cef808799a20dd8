#!/usr/bin/python3
"""Dumps an .xlsx as JSON with openpyxl, an independent reader (not exceljs), for the jest checks.

Usage: /usr/bin/python3 test/checks/read_workbook.py <workbook.xlsx>
Run with Debian's /usr/bin/python3 (python3-openpyxl), not the pyenv python3 on PATH.
Per sheet, in tab order: name, header row (the row above the frozen pane), headers, freeze panes, autofilter ref,
page setup, column widths, conditional-formatting rules (range, type, operator, formulae, colours), the number of
rows below the header and the first column's values below the header (for counting and ordering checks).
"""
import json
import sys

import openpyxl
from openpyxl.utils.cell import coordinate_from_string


def colour(c):
    if c is None:
        return None
    return getattr(c, "rgb", None) if isinstance(getattr(c, "rgb", None), str) else None


def rule_json(sqref, rule):
    out = {
        "range": str(sqref),
        "type": rule.type,
        "operator": rule.operator,
        "formula": list(rule.formula or []),
        "priority": rule.priority,
    }
    if rule.dxf is not None:
        fill = rule.dxf.fill
        font = rule.dxf.font
        out["fill"] = colour(fill.bgColor) or colour(fill.fgColor) if fill is not None else None
        out["font"] = colour(font.color) if font is not None else None
    if rule.colorScale is not None:
        out["colorScale"] = {
            "cfvo": [{"type": v.type, "val": v.val} for v in rule.colorScale.cfvo],
            "colors": [colour(c) for c in rule.colorScale.color],
        }
    return out


def sheet_json(ws):
    freeze = ws.freeze_panes
    header_row = coordinate_from_string(freeze)[1] - 1 if freeze else 1
    headers = [c.value for c in ws[header_row] if c.value is not None] if ws.max_row >= header_row else []
    rules = []
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            rules.append(rule_json(cf.sqref, rule))
    first_column = [
        ws.cell(row=r, column=1).value for r in range(header_row + 1, ws.max_row + 1)
    ]
    return {
        "name": ws.title,
        "headerRow": header_row,
        "headers": headers,
        "freezePanes": freeze,
        "autoFilter": ws.auto_filter.ref,
        "orientation": ws.page_setup.orientation,
        "fitToWidth": ws.page_setup.fitToWidth,
        "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "widths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
        "conditionalFormatting": rules,
        "dataRows": max(0, ws.max_row - header_row),
        "firstColumn": first_column,
    }


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: read_workbook.py <workbook.xlsx>\n")
        return 2
    wb = openpyxl.load_workbook(sys.argv[1])
    json.dump({"sheets": [sheet_json(ws) for ws in wb.worksheets]}, sys.stdout, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
