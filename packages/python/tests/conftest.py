"""Shared fixtures: the synthetic corpus, the CLI's records for it, a local Spark session and a
local Dask cluster (both on loopback, both stopped at the end of the session)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import corpus as corpus_mod

REPO = Path(__file__).resolve().parents[3]
SEEDS = sorted((REPO / "tests" / "fixtures" / "seeds").glob("*.txt"))
N_ARTICLES = 300


def need(module: str):
    """Imports `module`; skips the test without it, unless $WHOSAID_PACKAGES_STRICT is set
    (scripts/packages.sh sets it: there, a missing Spark or Dask is a failure, not a skip)."""
    if os.environ.get("WHOSAID_PACKAGES_STRICT"):
        import importlib

        return importlib.import_module(module)
    return pytest.importorskip(module)


def cli_path() -> Path:
    """The `whosaid` CLI: $WHOSAID_CLI, else target/debug/whosaid (built here if missing)."""
    env = os.environ.get("WHOSAID_CLI")
    if env:
        return Path(env)
    path = REPO / "target" / "debug" / "whosaid"
    if not path.exists():
        subprocess.run(["cargo", "build", "--bin", "whosaid"], cwd=REPO, check=True)
    return path


def run_cli_jsonl(texts: list[str]) -> list[dict]:
    """`whosaid analyze --jsonl` on the texts; the records in input order, without their "id"."""
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
    out = subprocess.run(
        [str(cli_path()), "analyze", "--jsonl"], input=lines.encode(), capture_output=True, check=True
    ).stdout.decode()
    records = [json.loads(line) for line in out.splitlines()]
    assert [r.pop("id") for r in records] == list(range(len(texts)))
    return records


@pytest.fixture(scope="session")
def corpus() -> list[str]:
    """A few hundred synthetic articles plus the repository's two seed articles."""
    return corpus_mod.articles(N_ARTICLES) + [p.read_text(encoding="utf-8") for p in SEEDS]


@pytest.fixture(scope="session")
def cli_records(corpus) -> list[dict]:
    return run_cli_jsonl(corpus)


@pytest.fixture(scope="session")
def spark():
    pyspark = need("pyspark")
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("whosaid-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    print(f"\nSpark {pyspark.__version__} local[2], Java {session.sparkContext._jvm.System.getProperty('java.version')}")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def dask_client():
    need("dask.distributed")
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        scheduler_kwargs={"dashboard": False},
    )
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def drop_none(v):
    """Dicts without None values (a struct column has null where the JSON record has no key)."""
    if isinstance(v, dict):
        return {k: drop_none(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [drop_none(x) for x in v]
    return v
