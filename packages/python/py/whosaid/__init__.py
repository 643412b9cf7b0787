"""whosaid: who said what in news articles.

The speakers an article attributes claims to, the claims (direct, indirect and mixed quotes,
"according to", beliefs, hedges) and the attribution of each (cue, stance, source, chain),
computed by the whosaid Rust engine in this process.

>>> import whosaid
>>> rec = whosaid.analyze("“We will not negotiate,” Foreign Minister Anna Berg said on Monday.")
>>> claim = rec["claims"][0]
>>> rec["speakers"][claim["speaker"]]["name"], claim["kind"], claim["cue_text"]
('Anna Berg', 'direct', 'said')

Functions:

- ``analyze(text) -> dict``: the JSON record of docs/format.md (byte offsets, as the CLI prints)
  plus a ``*_chars`` twin of every span field in ``str`` indices, so ``text[s:e]`` works.
- ``analyze_many(texts, threads=None) -> list[dict]``: the same for many texts, in order, on all
  cores, with the GIL released.
- ``analyze_json`` / ``analyze_many_json``: the same records as JSON strings.
- ``strip_chars(record)``: the record without the ``*_chars`` fields (= the CLI's record).

Modules ``whosaid.spark`` (PySpark DataFrames) and ``whosaid.dask`` (Dask bags and DataFrames)
run it on a cluster.

- ``compare(a, b) -> dict``: two reports of one story aligned (the CLI's ``whosaid compare``).
"""

from ._whosaid import (
    MAX_TEXT_BYTES,
    __version__,
    analyze,
    analyze_json,
    analyze_many,
    analyze_many_json,
    compare,
)
from .record import Claim, Diagnostic, Record, Speaker, Stats, Via, strip_chars

__all__ = [
    "MAX_TEXT_BYTES",
    "__version__",
    "analyze",
    "analyze_json",
    "analyze_many",
    "analyze_many_json",
    "compare",
    "strip_chars",
    "Record",
    "Speaker",
    "Claim",
    "Via",
    "Diagnostic",
    "Stats",
]
