"""The openpyxl peer of `npm run bench` (docs/xlsx.md "Speed and memory").

The same job as `rfm-score IN.xlsx --out OUT.xlsx` with the default scheme, done the way a Python
user would with openpyxl: load the workbook, read R, F, M of the first sheet (header row 1, columns
found by the headers R值, F值, M值), score them (quintiles with average ranks for ties, as
docs/SPEC.md: score = 5 - floor(5 * (rank - 1) / n) on the best-first rank; RFM score
0.3 R + 0.3 F + 0.4 M; grades A >= 4, B >= 3, C >= 2, else D, compared in integers), append five
columns (bold headers, the RFM score as 0.00) and save. Prints one JSON line:
{"ms": time from load to saved, "maxRssMB": peak resident memory, "n": customers scored,
"grades": counts A..D}.

Usage: python3 bench/openpyxl_score.py IN.xlsx OUT.xlsx
"""
import json
import resource
import sys
import time

from openpyxl import load_workbook
from openpyxl.styles import Font

K = 5


def quintiles(values, lower_better):
    """Scores 1..5 for the valid values (None for invalid), ties by their average rank."""
    valid = sorted((v, i) for i, v in enumerate(values) if v is not None)
    n = len(valid)
    scores = [None] * len(values)
    start = 0
    while start < n:
        end = start + 1
        while end < n and valid[end][0] == valid[start][0]:
            end += 1
        # Best-first positions a..b (1-based) of this tie group; ranks doubled to stay integers.
        a = start + 1 if lower_better else n - end + 1
        b = end if lower_better else n - start
        s = K - (K * (a + b - 2)) // (2 * n)
        for j in range(start, end):
            scores[valid[j][1]] = s
        start = end
    return scores


def number(v):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    return v if v >= 0 else None


def main():
    src, out = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    wb = load_workbook(src)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    cols = [header.index(h) for h in ("R值", "F值", "M值")]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    metrics = [[number(r[c]) if c < len(r) else None for r in rows] for c in cols]
    valid = [all(m[i] is not None for m in metrics) for i in range(len(rows))]
    metrics = [[v if ok else None for v, ok in zip(m, valid)] for m in metrics]
    r, f, m = quintiles(metrics[0], True), quintiles(metrics[1], False), quintiles(metrics[2], False)

    start = ws.max_column + 1
    bold = Font(bold=True)
    for j, h in enumerate(("R得分", "F得分", "M得分", "RFM得分", "客户等级")):
        ws.cell(row=1, column=start + j, value=h).font = bold
    counts = {"A": 0, "B": 0, "C": 0, "D": 0}
    for i in range(len(rows)):
        if r[i] is None:
            continue
        tenths = 3 * r[i] + 3 * f[i] + 4 * m[i]
        grade = "A" if tenths >= 40 else "B" if tenths >= 30 else "C" if tenths >= 20 else "D"
        counts[grade] += 1
        row = i + 2
        ws.cell(row=row, column=start, value=r[i])
        ws.cell(row=row, column=start + 1, value=f[i])
        ws.cell(row=row, column=start + 2, value=m[i])
        ws.cell(row=row, column=start + 3, value=tenths / 10).number_format = "0.00"
        ws.cell(row=row, column=start + 4, value=grade)
    wb.save(out)
    ms = (time.perf_counter() - t0) * 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"ms": ms, "maxRssMB": peak, "n": sum(counts.values()), "grades": counts}))


if __name__ == "__main__":
    main()
