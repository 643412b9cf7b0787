"""The shape of the dicts whosaid returns: the JSON record of docs/format.md plus ``*_chars`` spans.

These are typing helpers only (``TypedDict``); at run time a record is a plain ``dict``.

Every span is a two-element list ``[start, end]``. The fields named in docs/format.md hold UTF-8
byte offsets, exactly as ``whosaid analyze`` prints them; each has a twin ending in ``_chars``
right after it holding the same spans in code points, i.e. Python ``str`` indices::

    rec = whosaid.analyze(text)
    for claim in rec["claims"]:
        for s, e in claim["content_chars"]:
            print(text[s:e])                                 # == text.encode()[bs:be].decode()
"""

from __future__ import annotations

from typing import List, Literal, Optional, TypedDict

Span = List[int]
"""``[start, end]``, half-open."""

SpeakerKind = Literal["person", "organisation", "media_outlet", "government_body", "group", "document", "unknown"]
Anonymity = Literal["named", "anonymous", "vague"]
ClaimKind = Literal["direct", "indirect", "mixed", "according_to", "belief", "hedge"]
Stance = Literal["neutral", "distancing", "endorsing", "conceding", "rejecting"]


class _SpeakerBase(TypedDict):
    id: int
    name: str
    kind: SpeakerKind
    anonymous: bool
    anonymity: Anonymity
    confidence: float
    titles: List[str]
    mentions: List[Span]
    mentions_chars: List[Span]


class Speaker(_SpeakerBase, total=False):
    """A speaker card. ``evidence`` is present only when ``anonymity`` is not ``named``."""

    evidence: str


class Via(TypedDict):
    """The intermediary of a chain ("NBC … citing a US official": ``via`` is NBC)."""

    speaker: Optional[int]
    source: List[Span]
    source_chars: List[Span]
    cue: List[Span]
    cue_chars: List[Span]


class Claim(TypedDict):
    id: int
    kind: ClaimKind
    content: List[Span]
    content_chars: List[Span]
    cue: List[Span]
    cue_chars: List[Span]
    source: List[Span]
    source_chars: List[Span]
    speaker: Optional[int]
    stance: Stance
    via: Optional[Via]
    confidence: float
    content_text: str
    cue_text: str
    source_text: str


class Diagnostic(TypedDict):
    level: Literal["info", "warning"]
    code: str
    message: str
    span: Optional[Span]
    span_chars: Optional[Span]


class Stats(TypedDict):
    bytes: int
    words: int
    sentences: int
    paragraphs: int


class Record(TypedDict):
    """What ``whosaid.analyze`` returns."""

    speakers: List[Speaker]
    claims: List[Claim]
    boilerplate: List[Span]
    boilerplate_chars: List[Span]
    diagnostics: List[Diagnostic]
    stats: Stats


CHARS_SUFFIX = "_chars"


def strip_chars(record: Record) -> dict:
    """The record without its ``*_chars`` fields: exactly the CLI's JSON record (``whosaid analyze``)."""

    def strip(v):
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if not k.endswith(CHARS_SUFFIX)}
        if isinstance(v, list):
            return [strip(x) for x in v]
        return v

    return strip(record)
