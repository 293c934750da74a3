"""The peer of `indicator-tables summarize FILE -o OUT` in the benchmark (issue 16): an openpyxl
script that loads the workbook (the default mode: read-only workbooks cannot be saved), ranks
every indicator as bench/openpyxl_rank.py does, adds a summary sheet (each region's growth by
indicator, the total row first) and a rank sheet (each region's rank by indicator), and saves
the copy.

    python3 bench/openpyxl_summary.py FILE OUT

Prints one JSON line: the indicators, the regions ranked and a checksum of the ranks.
"""
import json
import sys

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side


def main() -> None:
    path, out = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if any(isinstance(v, str) and '增速' in v for v in r))
    groups = rows[header - 1]
    body = rows[header + 2:]
    regions = [r[0] for r in body]
    names, growths, ranks = [], [], []
    checksum, ranked = 0, 0
    for col, label in enumerate(rows[header]):
        if not (isinstance(label, str) and '增速' in label):
            continue
        names.append(next(groups[c] for c in range(col, -1, -1) if groups[c]))
        growth = [round(r[col], 1) if isinstance(r[col], (int, float)) else None for r in body]
        order = sorted(((g, i) for i, g in enumerate(growth[1:], 1) if g is not None), key=lambda g: -g[0])
        rank = [None] * len(body)
        k_rank, previous = 0, None
        for k, (g, i) in enumerate(order):
            if g != previous:
                k_rank, previous = k + 1, g
            rank[i] = k_rank
            checksum = (checksum * 31 + k_rank * (i + 1)) % 1_000_000_007
        ranked += len(order)
        growths.append(growth)
        ranks.append(rank)
    thin = Side(style='thin')
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_font, head_fill = Font(bold=True, size=10), PatternFill('solid', fgColor='F2F2F2')
    for title, table in (('主要指标汇总表', growths), ('位次表', ranks)):
        s = wb.create_sheet(title)
        s.append([title])
        s.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(names) + 1)
        s['A1'].font = Font(bold=True, size=16)
        s['A1'].alignment = Alignment(horizontal='center')
        s.append(['地区'] + names)
        for cell in s[2]:
            cell.font, cell.fill, cell.border = head_font, head_fill, border
        for i, region in enumerate(regions):
            s.append([region] + [t[i] for t in table])
            for cell in s[s.max_row]:
                cell.border = border
        s.freeze_panes = 'B3'
        s.page_setup.orientation = 'landscape'
        s.page_setup.paperSize = s.PAPERSIZE_A4
        s.page_setup.fitToWidth = 1
        s.page_setup.fitToHeight = 0
        s.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(out)
    print(json.dumps({'indicators': len(names), 'ranked': ranked, 'checksum': checksum}))


if __name__ == '__main__':
    main()
