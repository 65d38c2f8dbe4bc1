"""The pandas peer of `npm run bench` (docs/engine.md, "Benchmark peers"): the same job as our CLI and
the DuckDB query, on the same generated file, with pandas.

  python3 pandas_rfm.py customers IN.csv OUT.csv
  python3 pandas_rfm.py sales IN.csv OUT.csv SINCE AS_OF

Quintiles with average ties (2·rank = 2a + count - 1, so score = 5 - 5(2·rank - 2) // 2n on
integers), the composite as the integer 3R + 3F + 4M (grades A >= 40, B >= 30, C >= 20, D). Sales
records are grouped by customer first: R = days from the last purchase (positive amount) to the
as-of day, F = rows with a positive amount, M = the net amount, summed exactly in integer cents;
customers without a purchase are left out and M < 0 is not scored (docs/transactions.md). Prints one
JSON line: {"ms": ..., "maxRssMB": ..., "version": ...}.
"""
import json
import resource
import sys
import time

import pandas as pd


def scores(df):
    """R/F/M Score, RFM Score and Grade columns for a frame with r, f, m (lower R is better)."""
    n = len(df)
    for col, ascending, out in (("r", True, "R Score"), ("f", False, "F Score"), ("m", False, "M Score")):
        twice = (df[col].rank(method="average", ascending=ascending) * 2).astype("int64")
        df[out] = 5 - (5 * (twice - 2)) // (2 * n)
    rfm10 = 3 * df["R Score"] + 3 * df["F Score"] + 4 * df["M Score"]
    df["RFM Score"] = rfm10 / 10
    df["Grade"] = "D"
    df.loc[rfm10 >= 20, "Grade"] = "C"
    df.loc[rfm10 >= 30, "Grade"] = "B"
    df.loc[rfm10 >= 40, "Grade"] = "A"
    return df


def customers(src, out):
    df = pd.read_csv(src, dtype={"客户编号": str, "地区": str})
    df = df.rename(columns={"R值": "r", "F值": "f", "M值": "m"})
    scores(df)
    df = df.rename(columns={"r": "R值", "f": "F值", "m": "M值"})
    df.to_csv(out, index=False)


def sales(src, out, since, as_of):
    df = pd.read_csv(src, usecols=["交易日期", "客户编号", "金额"], dtype={"交易日期": str, "客户编号": str, "金额": "float64"})
    day = pd.to_datetime(df["交易日期"], format="%Y-%m-%d")
    # Exact integer cents: the bench writes at most two decimals, so amount·100 is within far less
    # than half a cent of the integer, and rounding finds it.
    cents = (df["金额"] * 100).round().astype("int64")
    keep = (day >= pd.Timestamp(since)) & (day <= pd.Timestamp(as_of))
    tx = pd.DataFrame({"c": df["客户编号"][keep], "d": day[keep], "a": cents[keep]})
    buys = tx[tx["a"] > 0]
    agg = pd.DataFrame(
        {
            "last": buys.groupby("c", sort=False)["d"].max(),
            "f": buys.groupby("c", sort=False)["d"].size(),
        }
    )
    agg["cents"] = tx.groupby("c", sort=False)["a"].sum()
    agg = agg[agg["cents"] >= 0].copy()
    agg["r"] = (pd.Timestamp(as_of) - agg["last"]).dt.days
    agg["m"] = agg["cents"]
    scores(agg)
    agg["M"] = agg["cents"].map(lambda c: f"{'-' if c < 0 else ''}{abs(c) // 100}.{abs(c) % 100:02d}")
    agg = agg.rename(columns={"r": "R", "f": "F"})
    agg.index.name = "Customer"
    agg[["R", "F", "M", "R Score", "F Score", "M Score", "RFM Score", "Grade"]].to_csv(out)


def main():
    mode, src, out = sys.argv[1:4]
    start = time.perf_counter()
    if mode == "customers":
        customers(src, out)
    else:
        sales(src, out, sys.argv[4], sys.argv[5])
    ms = (time.perf_counter() - start) * 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"ms": ms, "maxRssMB": peak, "version": pd.__version__}))


if __name__ == "__main__":
    main()
