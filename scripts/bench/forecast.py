#!/usr/bin/env python3
"""Forecasts daily series with statsforecast, the reference for `seam bench forecast`.

Reads a CSV of series in long format (id,date,y: one row per series and day, as Seam's
forecast.WriteCSV writes it), fits statsforecast's AutoETS (weekly season) and
CrostonOptimized on every series, and writes

  --out     id,date,AutoETS,CrostonOptimized: one row per series and forecast day
  --timing  JSON: seconds spent in each model's fit+forecast, the number of series, the
            library's version and the one-off warm-up and import times

Only the fit+forecast calls are timed, after a warm-up on a few series, so the figures
compare the models' work, not Python's start-up. Run it through scripts/bench/venv.sh's
python, which has statsforecast installed.
"""
import argparse
import json
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--in", dest="inp", required=True, help="CSV id,date,y")
    ap.add_argument("--out", required=True, help="CSV of forecasts to write")
    ap.add_argument("--timing", required=True, help="JSON file of timings to write")
    ap.add_argument("--horizon", type=int, default=28, help="days to forecast")
    ap.add_argument("--jobs", type=int, default=1, help="processes statsforecast may use")
    args = ap.parse_args()

    t0 = time.perf_counter()
    import pandas as pd
    import statsforecast
    from statsforecast import StatsForecast
    from statsforecast.models import AutoETS, CrostonOptimized

    imported = time.perf_counter() - t0

    df = pd.read_csv(args.inp, dtype={"id": str, "y": float}, parse_dates=["date"])
    df = df.rename(columns={"id": "unique_id", "date": "ds"})
    if df.empty:
        print("forecast.py: no rows in " + args.inp, file=sys.stderr)
        return 1
    n_series = df["unique_id"].nunique()

    models = {
        "AutoETS": lambda: AutoETS(season_length=7),
        "CrostonOptimized": lambda: CrostonOptimized(),
    }

    # Warm-up: the first call pays for one-off compilation and caches.
    first = df["unique_id"].drop_duplicates().head(2)
    warm = df[df["unique_id"].isin(first)]
    t = time.perf_counter()
    for make in models.values():
        StatsForecast(models=[make()], freq="D", n_jobs=1).forecast(h=args.horizon, df=warm)
    warmup = time.perf_counter() - t

    out = None
    seconds = {}
    for name, make in models.items():
        sf = StatsForecast(models=[make()], freq="D", n_jobs=args.jobs)
        t = time.perf_counter()
        fc = sf.forecast(h=args.horizon, df=df)
        seconds[name] = time.perf_counter() - t
        fc = fc.reset_index() if "unique_id" not in fc.columns else fc
        fc = fc[["unique_id", "ds", name]]
        out = fc if out is None else out.merge(fc, on=["unique_id", "ds"])

    out = out.rename(columns={"unique_id": "id", "ds": "date"})
    out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d")
    out.to_csv(args.out, index=False, float_format="%.6f")
    with open(args.timing, "w") as f:
        json.dump(
            {
                "seconds": seconds,
                "series": int(n_series),
                "jobs": args.jobs,
                "statsforecast": statsforecast.__version__,
                "import_seconds": imported,
                "warmup_seconds": warmup,
            },
            f,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
