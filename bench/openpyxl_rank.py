"""The peer of `indicator-tables summarize FILE --json` in the benchmark: an openpyxl script
that only loads a workbook and ranks every indicator, as a Python-literate statistician would
write it (issue 14). It finds the header row that names 增速 columns, takes the indicator name
from the merged group header above, and ranks the regions (the rows under the first, total
row) by growth, competition ranking (1,2,2,4) on the figure rounded to one decimal.

    python3 bench/openpyxl_rank.py FILE [--read-only]

Prints one JSON line: the number of indicators, of regions ranked, and a checksum of the ranks
so that a run that did no work cannot pass for a fast one.
"""
import json
import sys

import openpyxl


def main() -> None:
    path = sys.argv[1]
    read_only = '--read-only' in sys.argv
    wb = openpyxl.load_workbook(path, data_only=True, read_only=read_only)
    ws = wb.worksheets[0]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if any(isinstance(v, str) and '增速' in v for v in r))
    groups = rows[header - 1]
    body = rows[header + 2:]  # the total row first, then the regions
    indicators, ranked, checksum = 0, 0, 0
    for col, label in enumerate(rows[header]):
        if not (isinstance(label, str) and '增速' in label):
            continue
        name = next(groups[c] for c in range(col, -1, -1) if groups[c])
        growth = [(round(r[col], 1), i) for i, r in enumerate(body) if isinstance(r[col], (int, float))]
        order = sorted(growth, key=lambda g: -g[0])
        rank, previous = 0, None
        for k, (g, i) in enumerate(order):
            if g != previous:
                rank, previous = k + 1, g
            checksum = (checksum * 31 + rank * (i + 1)) % 1_000_000_007
        indicators += 1
        ranked += len(order)
        del name
    print(json.dumps({'indicators': indicators, 'ranked': ranked, 'checksum': checksum}))


if __name__ == '__main__':
    main()
