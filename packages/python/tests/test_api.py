"""The Python API: the record equals the CLI's, offsets round-trip, errors are clear."""

from __future__ import annotations

import importlib.metadata
import json
import re
import threading
import time
from pathlib import Path

import pytest

import whosaid
from conftest import REPO, run_cli_jsonl

NON_ASCII = (
    "Zürich — « Nous ne céderons pas », a déclaré Zoë Müller 🙂 lundi.\n\n"
    "“We will not negotiate,” Foreign Minister Anna Berg said, according to 新华社. "
    "A senior official, who spoke on condition of anonymity, denied the report 😀👩‍👩‍👧.\n\n"
    "„Das ist falsch“, sagte Jürgen Schröder. Ngozi Okonjo-Iweala said that the deal 🇺🇳 was dead. "
    "Olúwadámilọ́lá Adébáyọ̀ told reporters that “nothing has changed”."
)

SPAN_FIELDS = [("speakers", ["mentions"]), ("claims", ["content", "cue", "source"]), ("diagnostics", ["span"])]


def span_pairs(record: dict):
    """(byte spans, char spans) of every span field of a record."""
    yield record["boilerplate"], record["boilerplate_chars"]
    for claim in record["claims"]:
        for f in ("content", "cue", "source"):
            yield claim[f], claim[f + "_chars"]
        if claim["via"] is not None:
            for f in ("source", "cue"):
                yield claim["via"][f], claim["via"][f + "_chars"]
    for s in record["speakers"]:
        yield s["mentions"], s["mentions_chars"]
    for d in record["diagnostics"]:
        yield ([d["span"]], [d["span_chars"]]) if d["span"] is not None else ([], [])


def check_offsets(text: str, record: dict) -> int:
    data = text.encode("utf-8")
    n = 0
    for spans, chars in span_pairs(record):
        assert len(spans) == len(chars)
        for (bs, be), (cs, ce) in zip(spans, chars):
            assert data[bs:be].decode("utf-8") == text[cs:ce]
            n += 1
    return n


def test_version():
    cargo = (REPO / "Cargo.toml").read_text()
    root_version = re.search(r'^version = "([^"]+)"', cargo, re.M).group(1)
    assert whosaid.__version__ == root_version
    assert importlib.metadata.version("whosaid") == root_version


def test_record_is_the_cli_record_plus_chars(corpus, cli_records):
    records = whosaid.analyze_many(corpus)
    assert len(records) == len(cli_records)
    for rec, cli in zip(records, cli_records):
        assert whosaid.strip_chars(rec) == cli
    assert sum(len(r["claims"]) for r in records) > 1000


def test_analyze_one(corpus, cli_records):
    for i in (0, 1, len(corpus) - 1):
        assert whosaid.strip_chars(whosaid.analyze(corpus[i])) == cli_records[i]
        assert json.loads(whosaid.analyze_json(corpus[i])) == whosaid.analyze(corpus[i])


def test_example_in_docstring():
    rec = whosaid.analyze("“We will not negotiate,” Foreign Minister Anna Berg said on Monday.")
    claim = rec["claims"][0]
    assert (rec["speakers"][claim["speaker"]]["name"], claim["kind"], claim["cue_text"]) == ("Anna Berg", "direct", "said")


def test_offsets_round_trip_on_non_ascii(corpus):
    rec = whosaid.analyze(NON_ASCII)
    assert check_offsets(NON_ASCII, rec) > 10
    assert rec == whosaid.analyze_many([NON_ASCII])[0]
    assert whosaid.strip_chars(rec) == run_cli_jsonl([NON_ASCII])[0]
    # and on the whole corpus (diacritics, CJK, emoji): every span of every record
    assert sum(check_offsets(t, r) for t, r in zip(corpus, whosaid.analyze_many(corpus))) > 10000


def test_chars_of_a_content_is_its_text():
    text = "Zoë said: “Ça va 🙂.”"
    rec = whosaid.analyze(text)
    claim = rec["claims"][0]
    (s, e), = claim["content_chars"]
    assert text[s:e] == claim["content_text"]


def test_key_order_is_the_cli_order():
    rec = whosaid.analyze(NON_ASCII)
    assert list(rec) == ["speakers", "claims", "boilerplate", "boilerplate_chars", "diagnostics", "stats"]
    assert list(rec["claims"][0])[:4] == ["id", "kind", "content", "content_chars"]


def test_analyze_many_order_threads_and_iterables(corpus):
    texts = corpus[:40]
    base = [whosaid.analyze(t) for t in texts]
    for threads in (1, 2, 7, None):
        assert whosaid.analyze_many(texts, threads=threads) == base
    assert whosaid.analyze_many(t for t in texts) == base
    assert whosaid.analyze_many(tuple(texts), 3) == base
    assert whosaid.analyze_many([]) == []
    assert [json.loads(s) for s in whosaid.analyze_many_json(texts, threads=2)] == base


def test_analyze_many_releases_the_gil(corpus):
    texts = corpus * 8  # ~4 MB: a few seconds of work
    done = {}
    worker = threading.Thread(target=lambda: done.setdefault("r", whosaid.analyze_many(texts, threads=1)))
    ticks = []
    start = time.perf_counter()
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    total = time.perf_counter() - start
    gaps = [b - a for a, b in zip([start] + ticks, ticks + [time.perf_counter()])]
    assert len(done["r"]) == len(texts)
    # With the GIL held for the whole call this thread could not run at all meanwhile.
    assert total > 0.2 and max(gaps) < total / 2, (total, max(gaps), len(ticks))


@pytest.mark.parametrize(
    "bad, exc, message",
    [
        (b"He said so.", TypeError, "text must be str, not bytes; decode it first"),
        (bytearray(b"x"), TypeError, "text must be str, not bytearray"),
        (None, TypeError, "text must be str, not NoneType"),
        (42, TypeError, "text must be str, not int"),
        (["a"], TypeError, "text must be str, not list"),
        ("He said \ud800 so.", ValueError, "text is not valid Unicode"),
    ],
)
def test_bad_text(bad, exc, message):
    with pytest.raises(exc, match=re.escape(message)):
        whosaid.analyze(bad)
    with pytest.raises(exc, match=re.escape(message)):
        whosaid.analyze_json(bad)


@pytest.mark.parametrize(
    "texts, threads, exc, message",
    [
        ("one text", None, TypeError, "texts must be an iterable of str, not a str"),
        (b"bytes", None, TypeError, "texts must be an iterable of str, not bytes"),
        (None, None, TypeError, "texts must be an iterable of str, not NoneType"),
        (5, None, TypeError, "texts must be an iterable of str, not int"),
        (["ok", None], None, TypeError, "texts[1] must be str, not NoneType"),
        (["ok", "fine", b"x"], None, TypeError, "texts[2] must be str, not bytes"),
        (["ok", "\udcff"], None, ValueError, "texts[1] is not valid Unicode"),
        (["ok"], 0, ValueError, "threads must be at least 1"),
        (["ok"], -3, ValueError, "threads must be at least 1"),
        (["ok"], "2", TypeError, "threads"),
    ],
)
def test_bad_texts(texts, threads, exc, message):
    with pytest.raises(exc, match=re.escape(message)):
        whosaid.analyze_many(texts, threads=threads)
    with pytest.raises(exc, match=re.escape(message)):
        whosaid.analyze_many_json(texts, threads=threads)


def test_huge_string_is_refused_not_crashing():
    huge = "a" * (whosaid.MAX_TEXT_BYTES + 1)
    t = time.perf_counter()
    with pytest.raises(ValueError, match="at most 100000000 bytes"):
        whosaid.analyze(huge)
    with pytest.raises(ValueError, match=re.escape("texts[1] is 100000001 bytes")):
        whosaid.analyze_many(["fine", huge])
    assert time.perf_counter() - t < 5
    # multi-byte: 34 M code points of 'é' are 68 MB (accepted), 51 M are 102 MB (refused)
    with pytest.raises(ValueError, match="102000000 bytes"):
        whosaid.analyze("é" * 51_000_000)


def test_big_and_adversarial_strings_work():
    for text in [
        "the official said that the minister told reporters " * 40_000,  # 2 MB, no punctuation
        "according to " * 150_000,
        'he said, "' * 200_000,
        "\x00\x01\u200b\ufeff" * 100_000,
        "",
        " \n\n ",
    ]:
        rec = whosaid.analyze(text)
        assert rec["stats"]["bytes"] == len(text.encode())
        check_offsets(text, rec)


def test_typing_files_are_installed():
    pkg = Path(whosaid.__file__).parent
    assert (pkg / "py.typed").exists()
    assert (pkg / "_whosaid.pyi").exists()
    for fn in (whosaid.analyze, whosaid.analyze_many, whosaid.analyze_json, whosaid.analyze_many_json, whosaid.compare):
        assert fn.__doc__ and len(fn.__doc__) > 40
    assert whosaid.analyze_many.__text_signature__ == "(texts, threads=None)"


def test_compare_is_the_cli_compare():
    seeds = REPO / "tests" / "fixtures" / "seeds"
    a = (seeds / "000_aa45f71569c94b10.txt").read_text(encoding="utf-8")
    b = (seeds / "004_c516d1f4fd7c086b.txt").read_text(encoding="utf-8")
    got = whosaid.compare(a, b)
    assert [whosaid.strip_chars(d) for d in got["documents"]] == [whosaid.strip_chars(whosaid.analyze(t)) for t in (a, b)]
    assert any(p["relation"] == "same" and {d["kind"] for d in p["differences"]} >= {"stance", "source"} for p in got["pairs"])
    with pytest.raises(TypeError):
        whosaid.compare(a, None)
