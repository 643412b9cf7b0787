"""Throughput of the Python package against the CLI, and of Spark local mode (not a test).

    bash scripts/bench-packages.sh [--mb 1] [--runs 5] [--spark-mb 16] [--no-spark]

Same machine, same run: ~1 MB of the synthetic corpus (tests/corpus.py) through
`whosaid analyze --jsonl` (target/native/whosaid: the `native` profile, as the README's CLI
numbers) and through whosaid.analyze_many / analyze_many_json, on one thread and on all cores;
then whosaid.spark.analyze_column over a larger DataFrame in Spark local[N] (N = cores), timed
after a warm-up run, reported per core. Best of --runs, with the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "tests"))
import corpus  # noqa: E402

import whosaid  # noqa: E402

REPO = HERE.parents[1]


def best(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--spark-mb", type=float, default=16.0)
    ap.add_argument("--no-spark", action="store_true")
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    cli = os.environ.get("WHOSAID_CLI", str(REPO / "target" / "native" / "whosaid"))

    texts = corpus.corpus_of_size(int(args.mb * 1_000_000))
    nbytes = sum(len(t.encode()) for t in texts)
    mb = nbytes / 1e6
    jsonl = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)).encode()
    out_mb = sum(len(s) for s in whosaid.analyze_many_json(texts)) / 1e6
    print(f"corpus: {len(texts)} synthetic articles, {mb:.2f} MB of UTF-8 ({out_mb:.1f} MB of JSON records); "
          f"{cores} cores; load average before: {os.getloadavg()[0]:.2f}")

    def cli_run(threads):
        cmd = [cli, "analyze", "--jsonl"] + (["--threads", str(threads)] if threads else [])
        return lambda: subprocess.run(cmd, input=jsonl, capture_output=True, check=True)

    rows = [
        ("CLI `whosaid analyze --jsonl --threads 1` (process, JSON Lines out)", cli_run(1)),
        (f"CLI `whosaid analyze --jsonl` (all {cores} cores)", cli_run(None)),
        ("analyze_many_json(texts, threads=1) → list[str]", lambda: whosaid.analyze_many_json(texts, threads=1)),
        (f"analyze_many_json(texts) (all {cores} cores) → list[str]", lambda: whosaid.analyze_many_json(texts)),
        ("analyze_many(texts, threads=1) → list[dict]", lambda: whosaid.analyze_many(texts, threads=1)),
        (f"analyze_many(texts) (default: {max(cores - 1, 1)} analysing + the caller) → list[dict]",
         lambda: whosaid.analyze_many(texts)),
        ("[analyze(t) for t in texts] → list[dict]", lambda: [whosaid.analyze(t) for t in texts]),
    ]
    print(f"\n| {'what (same ' + f'{mb:.2f}' + ' MB, best of ' + str(args.runs) + ')':<80} | ms | MB/s |")
    print(f"|{'-' * 82}|---:|---:|")
    for name, fn in rows:
        fn()  # warm-up
        t = best(fn, args.runs)
        print(f"| {name:<80} | {t * 1000:.0f} | {mb / t:.1f} |", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")

    if not args.no_spark:
        spark_bench(args, cores)


def spark_bench(args, cores):
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    from whosaid.spark import analyze_column

    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    texts = corpus.corpus_of_size(int(args.spark_mb * 1_000_000), seed=7)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    df = spark.createDataFrame(list(enumerate(texts)), "id long, text string").repartition(cores * 4).cache()
    df.count()
    print(f"\nSpark {spark.version} local[{cores}]: {len(texts)} articles, {mb:.2f} MB, {cores * 4} partitions "
          f"(load average {os.getloadavg()[0]:.2f})")
    print("| what | s | MB/s | MB/s per core |\n|---|---:|---:|---:|")

    def baseline():  # the same mapInArrow, adding a constant column: Spark's and Arrow's own cost
        from pyspark.sql import types as T

        def run_batches(batches):
            import pyarrow as pa

            for b in batches:
                yield pa.RecordBatch.from_arrays(
                    list(b.columns) + [pa.array(["{}"] * b.num_rows)], names=list(b.schema.names) + ["whosaid"]
                )

        schema = T.StructType(list(df.schema.fields) + [T.StructField("whosaid", T.StringType())])
        return df.mapInArrow(run_batches, schema)

    for name, run in [
        ("baseline: the same mapInArrow adding a constant column", baseline),
        ("analyze_column(df, \"text\", as_json=True) → noop sink", lambda: analyze_column(df, "text", as_json=True)),
        ("analyze_column(df, \"text\") (struct) → noop sink", lambda: analyze_column(df, "text")),
    ]:
        go = lambda: run().write.format("noop").mode("overwrite").save()  # noqa: E731
        go()  # warm-up: Python workers start, imports
        t = best(go, max(2, args.runs // 2))
        print(f"| {name} | {t:.2f} | {mb / t:.2f} | {mb / t / cores:.2f} |", flush=True)
    spark.stop()


if __name__ == "__main__":
    main()
