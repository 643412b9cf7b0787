"""whosaid on Dask: analyse a bag of texts or a text column of a Dask DataFrame on the workers.

>>> import dask.bag as db, whosaid.dask
>>> records = whosaid.dask.analyze_bag(db.from_sequence(texts, npartitions=8)).compute()
>>> ddf = whosaid.dask.analyze_dataframe(ddf, "text")            # + column "whosaid"

Each partition goes to ``whosaid.analyze_many`` in one call (the GIL is released while the
engine runs, so threaded workers run in parallel too). Results keep the input order; a ``None``
text gives a ``None`` record. Workers need the whosaid wheel installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, List, Optional

import whosaid

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = ["analyze_texts", "analyze_bag", "analyze_partition", "analyze_dataframe"]


def analyze_texts(texts: Iterable[Optional[str]], *, as_json: bool = False, threads: Optional[int] = 1) -> List[Any]:
    """``whosaid.analyze_many`` (or ``analyze_many_json``) over ``texts``, ``None`` for ``None``."""
    texts = list(texts)
    present = [t for t in texts if t is not None]
    fn = whosaid.analyze_many_json if as_json else whosaid.analyze_many
    done = iter(fn(present, threads=threads))
    return [None if t is None else next(done) for t in texts]


def analyze_bag(bag: "dask.bag.Bag", *, as_json: bool = False, threads: Optional[int] = 1) -> "dask.bag.Bag":
    """A bag of whosaid records (dicts, or JSON strings with ``as_json``) for a bag of str.

    ``threads`` is per partition task (1: the cluster already runs one task per worker thread).
    """
    return bag.map_partitions(analyze_texts, as_json=as_json, threads=threads)


def analyze_partition(
    pdf: "pd.DataFrame",
    column: str = "text",
    output: str = "whosaid",
    *,
    as_json: bool = False,
    threads: Optional[int] = 1,
) -> "pd.DataFrame":
    """A pandas DataFrame with one more column ``output``: the record of each row's ``column``
    (a dict, or a JSON string with ``as_json``). For ``ddf.map_partitions``, or pandas alone."""
    import pandas as pd

    if column not in pdf.columns:
        raise ValueError(f"no column {column!r} in the DataFrame (columns: {list(pdf.columns)})")
    if output in pdf.columns:
        raise ValueError(f"the DataFrame already has a column {output!r}; pass another output=")
    texts = [None if (t is None or (isinstance(t, float) and t != t)) else t for t in pdf[column].tolist()]
    out = pdf.copy()
    out[output] = pd.Series(analyze_texts(texts, as_json=as_json, threads=threads), index=pdf.index, dtype=object)
    return out


def analyze_dataframe(
    ddf: "dask.dataframe.DataFrame",
    column: str = "text",
    output: str = "whosaid",
    *,
    as_json: bool = False,
    threads: Optional[int] = 1,
) -> "dask.dataframe.DataFrame":
    """``ddf.map_partitions(analyze_partition, …)``: the Dask DataFrame with the ``output`` column."""
    meta = analyze_partition(ddf._meta, column, output, as_json=as_json, threads=threads)
    return ddf.map_partitions(analyze_partition, column, output, as_json=as_json, threads=threads, meta=meta)
