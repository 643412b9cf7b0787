"""Type stubs of the compiled module (use ``whosaid``, which re-exports these)."""

from typing import Any, Dict, Iterable, List, Optional

from .record import Record

__version__: str
MAX_TEXT_BYTES: int

def analyze(text: str) -> Record:
    """The JSON record of docs/format.md for ``text``, plus ``*_chars`` spans in str indices.

    Raises TypeError if ``text`` is not a str, ValueError if it holds lone surrogates or is
    longer than MAX_TEXT_BYTES (UTF-8). Releases the GIL while analysing.
    """

def analyze_json(text: str) -> str:
    """``analyze(text)`` as a JSON string."""

def analyze_many(texts: Iterable[str], threads: Optional[int] = None) -> List[Record]:
    """``analyze`` on every text, in input order, on ``threads`` threads (None: all cores), GIL released."""

def analyze_many_json(texts: Iterable[str], threads: Optional[int] = None) -> List[str]:
    """``analyze_many`` with each record as a JSON string."""

def compare(a: str, b: str) -> Dict[str, Any]:
    """Two reports of one story aligned: ``documents`` (both records), ``speakers``, ``pairs``, ``only``."""
    ...
