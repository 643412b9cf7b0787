"""whosaid.spark on a real local Spark (local[2]): results equal the CLI's on the same texts."""

from __future__ import annotations

import json

import pytest

import whosaid
from conftest import drop_none, need

need("pyspark")
from whosaid.spark import analyze_column, claims, record_type  # noqa: E402


@pytest.fixture(scope="module")
def df(spark, corpus):
    rows = [(i, t) for i, t in enumerate(corpus)] + [(len(corpus), None)]
    return spark.createDataFrame(rows, "id long, text string").repartition(3)


def test_struct_column_equals_cli(df, corpus, cli_records):
    out = analyze_column(df, "text").orderBy("id").collect()
    assert len(out) == len(corpus) + 1
    assert out[-1]["whosaid"] is None  # null text, null record
    for row in out[:-1]:
        got = row["whosaid"].asDict(recursive=True)
        assert drop_none(whosaid.strip_chars(got)) == drop_none(cli_records[row["id"]])
        # and the *_chars spans are those of whosaid.analyze
        assert drop_none(got) == drop_none(whosaid.analyze(corpus[row["id"]]))


def test_json_column_equals_cli(df, cli_records):
    out = analyze_column(df, "text", "rec", as_json=True, threads=None).orderBy("id").collect()
    assert out[-1]["rec"] is None
    for row in out[:-1]:
        assert whosaid.strip_chars(json.loads(row["rec"])) == cli_records[row["id"]]


def test_parquet_corpus_to_claims(spark, df, cli_records, tmp_path):
    """The README's example: a Parquet corpus in, one row per claim out."""
    df.write.parquet(str(tmp_path / "corpus.parquet"))
    corpus = spark.read.parquet(str(tmp_path / "corpus.parquet"))
    claims(analyze_column(corpus, "text"), "id").write.parquet(str(tmp_path / "claims.parquet"))
    rows = spark.read.parquet(str(tmp_path / "claims.parquet")).collect()
    expected = []
    for i, rec in enumerate(cli_records):
        for c in rec["claims"]:
            s = rec["speakers"][c["speaker"]] if c["speaker"] is not None else None
            expected.append(
                (i, c["id"], s and s["name"], s and s["anonymous"], c["kind"], c["stance"], c["cue_text"], c["content_text"])
            )
    got = [(r.id, r.claim, r.speaker, r.anonymous, r.kind, r.stance, r.cue, r.content) for r in rows]
    assert sorted(got, key=lambda x: x[:2]) == sorted(expected, key=lambda x: x[:2])
    assert any(r.anonymous for r in rows) and any(r.speaker is None for r in rows)


def test_spark_substring_with_chars_offsets(spark, df):
    from pyspark.sql import functions as F

    c = F.explode("whosaid.claims").alias("c")
    rows = analyze_column(df, "text").select("text", c).select(
        F.col("c.content_text").alias("want"),
        F.expr("substring(text, c.content_chars[0][0] + 1, c.content_chars[0][1] - c.content_chars[0][0])").alias("got"),
        F.size("c.content_chars").alias("parts"),
    ).where("parts = 1").collect()
    assert len(rows) > 1000
    assert all(r.got.strip() == r.want for r in rows)


def test_errors(spark, df):
    with pytest.raises(TypeError, match="must be a string column"):
        analyze_column(df, "id")
    with pytest.raises(ValueError, match="no column 'body'"):
        analyze_column(df, "body")
    with pytest.raises(ValueError, match="already has a column 'text'"):
        analyze_column(df, "text", "text")
    assert record_type().fieldNames() == ["speakers", "claims", "boilerplate", "boilerplate_chars", "diagnostics", "stats"]
