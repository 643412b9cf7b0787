"""whosaid on Apache Spark: analyse a text column of a PySpark DataFrame on the executors.

>>> from whosaid.spark import analyze_column, claims
>>> df = spark.read.parquet("corpus.parquet")                 # columns: id, text
>>> analyzed = analyze_column(df, "text")                    # + column "whosaid": the record as a struct
>>> claims(analyzed, "id").write.parquet("claims.parquet")   # one row per claim

``analyze_column`` runs ``DataFrame.mapInArrow``: each Arrow record batch of the partition goes to
``whosaid.analyze_many_json`` in the Python worker and comes back as one more column, either a struct
(``RECORD_SCHEMA``: the record of docs/format.md with its ``*_chars`` spans) or, with
``as_json=True``, the record as a JSON string. Rows whose text is null get null. Executors need
the whosaid wheel installed (``pip install`` it where Spark runs Python, or ship it with
``spark.submit.pyFiles``/``--archives`` as any native package).

Spans in the struct are ``array<bigint>`` pairs. ``*_chars`` count code points, which is what
Spark's ``substring(text, start + 1, end - start)`` counts too.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, Iterator, List, Optional

import whosaid

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

__all__ = ["RECORD_SCHEMA", "record_type", "analyze_column", "claims"]

_SPAN = ("list", "long")
_SPANS = ("list", _SPAN)

# The record of docs/format.md (+ *_chars) in a neutral notation, turned into Spark and Arrow types.
RECORD_SCHEMA: tuple = (
    "struct",
    [
        (
            "speakers",
            (
                "list",
                (
                    "struct",
                    [
                        ("id", "long"),
                        ("name", "string"),
                        ("kind", "string"),
                        ("anonymous", "bool"),
                        ("anonymity", "string"),
                        ("evidence", "string"),
                        ("confidence", "double"),
                        ("titles", ("list", "string")),
                        ("mentions", _SPANS),
                        ("mentions_chars", _SPANS),
                    ],
                ),
            ),
        ),
        (
            "claims",
            (
                "list",
                (
                    "struct",
                    [
                        ("id", "long"),
                        ("kind", "string"),
                        ("content", _SPANS),
                        ("content_chars", _SPANS),
                        ("cue", _SPANS),
                        ("cue_chars", _SPANS),
                        ("source", _SPANS),
                        ("source_chars", _SPANS),
                        ("speaker", "long"),
                        ("stance", "string"),
                        (
                            "via",
                            (
                                "struct",
                                [
                                    ("speaker", "long"),
                                    ("source", _SPANS),
                                    ("source_chars", _SPANS),
                                    ("cue", _SPANS),
                                    ("cue_chars", _SPANS),
                                ],
                            ),
                        ),
                        ("confidence", "double"),
                        ("content_text", "string"),
                        ("cue_text", "string"),
                        ("source_text", "string"),
                    ],
                ),
            ),
        ),
        ("boilerplate", _SPANS),
        ("boilerplate_chars", _SPANS),
        (
            "diagnostics",
            (
                "list",
                (
                    "struct",
                    [
                        ("level", "string"),
                        ("code", "string"),
                        ("message", "string"),
                        ("span", _SPAN),
                        ("span_chars", _SPAN),
                    ],
                ),
            ),
        ),
        (
            "stats",
            ("struct", [("bytes", "long"), ("words", "long"), ("sentences", "long"), ("paragraphs", "long")]),
        ),
    ],
)


def _spark_type(t: Any):
    from pyspark.sql import types as T

    if isinstance(t, str):
        return {"long": T.LongType(), "string": T.StringType(), "bool": T.BooleanType(), "double": T.DoubleType()}[t]
    if t[0] == "list":
        return T.ArrayType(_spark_type(t[1]), containsNull=True)
    return T.StructType([T.StructField(name, _spark_type(ft), nullable=True) for name, ft in t[1]])


def _arrow_type(t: Any) -> "pa.DataType":
    import pyarrow as pa

    if isinstance(t, str):
        return {"long": pa.int64(), "string": pa.string(), "bool": pa.bool_(), "double": pa.float64()}[t]
    if t[0] == "list":
        return pa.list_(_arrow_type(t[1]))
    return pa.struct([pa.field(name, _arrow_type(ft)) for name, ft in t[1]])


def record_type() -> "StructType":
    """The Spark type of the struct column ``analyze_column`` adds."""
    return _spark_type(RECORD_SCHEMA)


def _struct_array(records_json: List[str], struct: "pa.StructType") -> "pa.Array":
    """JSON records → an Arrow struct array, parsed by Arrow's own JSON reader (two to three
    times faster than building Python dicts and converting them). A field the schema lacks is
    an error, not silently dropped."""
    import pyarrow as pa
    import pyarrow.json as pj

    if not records_json:
        return pa.array([], type=struct)
    data = "\n".join(records_json).encode("utf-8")
    table = pj.read_json(
        io.BytesIO(data),
        read_options=pj.ReadOptions(use_threads=False, block_size=len(data) + 1),
        parse_options=pj.ParseOptions(explicit_schema=pa.schema(list(struct)), unexpected_field_behavior="error"),
    )
    return table.to_struct_array().combine_chunks()


def _column(texts: List[Optional[str]], as_json: bool, threads: Optional[int]) -> "pa.Array":
    """The output column for a batch's texts: a record per text, null for a null text."""
    import pyarrow as pa

    present = [t for t in texts if t is not None]
    records = whosaid.analyze_many_json(present, threads=threads)
    if as_json:
        done = iter(records)
        return pa.array([None if t is None else next(done) for t in texts], type=pa.string())
    arr = _struct_array(records, _arrow_type(RECORD_SCHEMA))
    if len(present) == len(texts):
        return arr
    k = iter(range(len(present)))
    return arr.take(pa.array([None if t is None else next(k) for t in texts], type=pa.int64()))


def _batches(
    batches: Iterator["pa.RecordBatch"], column: str, output: str, as_json: bool, threads: Optional[int]
) -> Iterator["pa.RecordBatch"]:
    import pyarrow as pa

    for batch in batches:
        texts = batch.column(batch.schema.get_field_index(column)).to_pylist()
        arr = _column(texts, as_json, threads)
        yield pa.RecordBatch.from_arrays(list(batch.columns) + [arr], names=list(batch.schema.names) + [output])


def analyze_column(
    df: "DataFrame",
    column: str = "text",
    output: str = "whosaid",
    *,
    as_json: bool = False,
    threads: Optional[int] = 1,
) -> "DataFrame":
    """``df`` with one more column ``output``: the whosaid record of each row's ``column``.

    The new column is a struct of type ``record_type()`` or, with ``as_json=True``, a JSON
    string (``json.loads`` of it is ``whosaid.analyze(text)``). ``threads`` is the number of
    threads per Spark task (1: Spark already runs one task per core; None: all cores).
    Raises TypeError if ``column`` is not a string column, ValueError if ``output`` exists.
    """
    from pyspark.sql import types as T

    if column not in df.columns:
        raise ValueError(f"no column {column!r} in the DataFrame (columns: {df.columns})")
    if not isinstance(df.schema[column].dataType, T.StringType):
        raise TypeError(f"column {column!r} must be a string column, not {df.schema[column].dataType.simpleString()}")
    if output in df.columns:
        raise ValueError(f"the DataFrame already has a column {output!r}; pass another output=")
    out_type = T.StringType() if as_json else record_type()
    schema = T.StructType(list(df.schema.fields) + [T.StructField(output, out_type, nullable=True)])

    def run(batches):  # a plain closure: it is pickled to the executors
        return _batches(batches, column, output, as_json, threads)

    return df.mapInArrow(run, schema)


def claims(analyzed: "DataFrame", id_column: str = "id", output: str = "whosaid") -> "DataFrame":
    """One row per claim of a DataFrame returned by ``analyze_column`` (struct form).

    Columns: the document id, ``claim`` (claim id), ``speaker`` (its name, null if none),
    ``anonymous``, ``speaker_kind``, ``kind``, ``stance``, ``cue``, ``content`` (the texts of the
    claim's spans), ``confidence``.
    """
    from pyspark.sql import functions as F

    c = F.col("c")
    speaker = F.when(
        c["speaker"].isNotNull(), F.element_at(F.col("_s"), (c["speaker"] + 1).cast("int"))
    )
    return (
        analyzed.select(F.col(id_column), F.col(f"{output}.speakers").alias("_s"), F.explode(f"{output}.claims").alias("c"))
        .select(
            F.col(id_column),
            c["id"].alias("claim"),
            speaker["name"].alias("speaker"),
            speaker["anonymous"].alias("anonymous"),
            speaker["kind"].alias("speaker_kind"),
            c["kind"].alias("kind"),
            c["stance"].alias("stance"),
            c["cue_text"].alias("cue"),
            c["content_text"].alias("content"),
            c["confidence"].alias("confidence"),
        )
    )
