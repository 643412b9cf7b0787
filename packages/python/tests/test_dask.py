"""whosaid.dask on a distributed.LocalCluster with 2 worker processes: results equal the CLI's."""

from __future__ import annotations

import json

import pytest

import whosaid
from conftest import need

need("dask.distributed")
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

import whosaid.dask as wd  # noqa: E402


def test_bag_equals_cli(dask_client, corpus, cli_records):
    assert len(dask_client.scheduler_info()["workers"]) == 2
    bag = db.from_sequence(corpus, npartitions=8)
    records = wd.analyze_bag(bag).compute()
    assert [whosaid.strip_chars(r) for r in records] == cli_records
    assert records == whosaid.analyze_many(corpus)


def test_bag_json_and_none(dask_client, corpus, cli_records):
    bag = db.from_sequence(corpus[:50] + [None], npartitions=4)
    out = wd.analyze_bag(bag, as_json=True).compute()
    assert out[-1] is None
    assert [whosaid.strip_chars(json.loads(s)) for s in out[:-1]] == cli_records[:50]


def test_dataframe_map_partitions_equals_cli(dask_client, corpus, cli_records):
    pdf = pd.DataFrame({"id": range(len(corpus)), "text": corpus})
    ddf = dd.from_pandas(pdf, npartitions=6)
    out = wd.analyze_dataframe(ddf, "text").compute().sort_values("id")
    assert list(out.columns) == ["id", "text", "whosaid"]
    assert [whosaid.strip_chars(r) for r in out["whosaid"]] == cli_records
    js = wd.analyze_dataframe(ddf, "text", "rec", as_json=True).compute().sort_values("id")
    assert [whosaid.strip_chars(json.loads(s)) for s in js["rec"]] == cli_records


def test_partition_helper_errors():
    pdf = pd.DataFrame({"text": ["A said B.", None]})
    out = wd.analyze_partition(pdf)
    assert out["whosaid"].iloc[1] is None and out["whosaid"].iloc[0]["stats"]["words"] == 3
    with pytest.raises(ValueError, match="no column 'body'"):
        wd.analyze_partition(pdf, "body")
    with pytest.raises(TypeError, match=r"texts\[0\] must be str, not int"):
        wd.analyze_partition(pd.DataFrame({"text": [3]}))
