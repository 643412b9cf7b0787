//! `whosaid._whosaid`: the engine as a CPython extension module (PyO3). The public module is
//! `whosaid` (packages/python/py/whosaid/__init__.py), which re-exports these functions; their
//! docstrings are the ones below. The record is built by `whosaid-record` (the CLI's JSON
//! record plus `*_chars` offsets), so nothing of the format is re-implemented here.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use whosaid_record::Unit;

/// The largest text accepted, in UTF-8 bytes (100 MB). The engine needs about 14 times the
/// input in memory; a longer string is refused with `ValueError` instead of risking the
/// interpreter running out of memory.
const MAX_TEXT_BYTES: usize = 100_000_000;

/// Texts queued between the analysing threads and the thread building Python objects.
const QUEUE_PER_THREAD: usize = 16;

/// `obj` as the text to analyse, or the Python exception that says why it cannot be.
fn text_arg<'a>(obj: &'a Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<&'a str> {
    let Ok(s) = obj.cast::<PyString>() else {
        let type_name = obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into());
        let hint = match type_name.as_str() {
            "bytes" | "bytearray" | "memoryview" => "; decode it first, e.g. data.decode(\"utf-8\")",
            "NoneType" => "; there is no text to analyse",
            _ => "",
        };
        return Err(PyTypeError::new_err(format!("{} must be str, not {type_name}{hint}", what())));
    };
    let text = s.to_str().map_err(|e| {
        PyValueError::new_err(format!(
            "{} is not valid Unicode ({e}); whosaid analyses text, not lone surrogates: \
             decode the source with errors=\"replace\"",
            what()
        ))
    })?;
    if text.len() > MAX_TEXT_BYTES {
        return Err(PyValueError::new_err(format!(
            "{} is {} bytes of UTF-8; whosaid analyses at most {MAX_TEXT_BYTES} bytes \
             (MAX_TEXT_BYTES) per text: split it into articles",
            what(),
            text.len()
        )));
    }
    Ok(text)
}

/// The strings of `texts` (any iterable of `str`), checked one by one.
fn texts_arg<'py>(texts: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyString>>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str, not a str (it would be read one character at a time); \
             use whosaid.analyze(text) for one text",
        ));
    }
    let type_name = || texts.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into());
    if matches!(type_name().as_str(), "bytes" | "bytearray") {
        return Err(PyTypeError::new_err(format!("texts must be an iterable of str, not {}", type_name())));
    }
    let iter = texts
        .try_iter()
        .map_err(|_| PyTypeError::new_err(format!("texts must be an iterable of str, not {}", type_name())))?;
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        text_arg(&item, &|| format!("texts[{i}]"))?;
        out.push(item.cast_into::<PyString>().map_err(PyErr::from)?);
    }
    Ok(out)
}

/// Python's `json.loads` (its C scanner): the fastest way to turn a record into dicts and lists
/// here, faster than building them one by one through the C API from a parsed tree.
fn json_loads<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")
}

/// The analysing threads: `threads`, or by default every core, less one when `caller_busy` (the
/// calling thread builds the dicts meanwhile, and that serial step, under the GIL, is the
/// slower one: one more analysing thread would only take CPU from it).
fn thread_count(threads: Option<i64>, caller_busy: bool) -> PyResult<usize> {
    match threads {
        Some(n) if n < 1 => {
            Err(PyValueError::new_err(format!("threads must be at least 1 (or None: all cores), not {n}")))
        }
        Some(n) => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        None => {
            let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
            Ok(if caller_busy { cores.saturating_sub(1).max(1) } else { cores })
        }
    }
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// Runs `work` on every text on `threads` threads without the GIL, and `build` on each result
/// (with the GIL, on this thread, while the other texts are still being analysed). Results come
/// back in input order. A panic in the engine becomes a `RuntimeError`; Ctrl-C interrupts.
fn run_many<'py, T: Send>(
    py: Python<'py>,
    texts: &[&str],
    threads: usize,
    work: impl Fn(&str) -> T + Sync,
    mut build: impl FnMut(Python<'py>, T) -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let n = texts.len();
    let threads = threads.min(n).max(1);
    let mut out: Vec<Option<Bound<'py, PyAny>>> = (0..n).map(|_| None).collect();
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let result: PyResult<()> = std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<(usize, std::thread::Result<T>)>(threads * QUEUE_PER_THREAD);
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop, work) = (&next, &stop, &work);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n || stop.load(Ordering::Relaxed) {
                    break;
                }
                let r = catch_unwind(AssertUnwindSafe(|| work(texts[i])));
                if tx.send((i, r)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let rx = Mutex::new(rx); // `detach` needs `Sync`; only this thread ever locks it
        let outcome = (|| {
            for _ in 0..n {
                // Wait without the GIL: other Python threads run meanwhile.
                let Some((i, r)) = py.detach(|| rx.lock().ok().and_then(|rx| rx.recv().ok())) else { break };
                let value = r.map_err(|p| {
                    PyRuntimeError::new_err(format!("whosaid failed on texts[{i}]: {}", panic_message(&*p)))
                })?;
                out[i] = Some(build(py, value)?);
                py.check_signals()?;
            }
            Ok(())
        })();
        if outcome.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        drop(rx); // unblocks any thread still sending, before the scope joins them
        outcome
    });
    result?;
    let items: Vec<Bound<'py, PyAny>> =
        out.into_iter().map(|o| o.unwrap_or_else(|| py.None().into_bound(py))).collect();
    PyList::new(py, items)
}

fn analyze_one<T: Send>(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    work: impl Fn(&str) -> T + Send + Sync,
) -> PyResult<T> {
    let text = text_arg(text, &|| "text".to_string())?;
    py.detach(|| catch_unwind(AssertUnwindSafe(|| work(text))))
        .map_err(|p| PyRuntimeError::new_err(format!("whosaid failed: {}", panic_message(&*p))))
}

fn strs<'a>(texts: &'a [Bound<'_, PyString>]) -> PyResult<Vec<&'a str>> {
    texts.iter().map(|t| t.to_str()).collect()
}

/// Who said what in `text`: the JSON record of docs/format.md as a dict (`speakers`, `claims`,
/// `boilerplate`, `diagnostics`, `stats`; spans are UTF-8 byte offsets, exactly as
/// `whosaid analyze` prints them), plus for every span field a `*_chars` field with the same
/// spans in code points, so that `text[s:e]` is the span's text: `mentions_chars`,
/// `content_chars`, `cue_chars`, `source_chars` (also in `via`), `boilerplate_chars`,
/// `span_chars`.
///
/// Raises TypeError if `text` is not a str (bytes must be decoded first), ValueError if it
/// holds lone surrogates or is longer than MAX_TEXT_BYTES. The GIL is released while the
/// text is analysed.
#[pyfunction]
fn analyze<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let json = analyze_one(py, text, |t| whosaid_record::record_json(t, Unit::CodePoints))?;
    json_loads(py)?.call1((json,))
}

/// `analyze(text)` as a JSON string (the same record, `*_chars` fields included), without
/// building Python objects: the cheapest way to store or ship the result.
#[pyfunction]
fn analyze_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    analyze_one(py, text, |t| whosaid_record::record_json(t, Unit::CodePoints))
}

/// `analyze` on every str of the iterable `texts`, in input order, on all cores: `threads`
/// threads analyse with the GIL released while the calling thread turns each finished record
/// into dicts (None: one thread per core, less the caller's). Each element is checked first: a
/// non-str element raises TypeError naming its index (`texts[3] must be str, not NoneType`).
#[pyfunction]
#[pyo3(signature = (texts, threads=None))]
fn analyze_many<'py>(py: Python<'py>, texts: &Bound<'py, PyAny>, threads: Option<i64>) -> PyResult<Bound<'py, PyList>> {
    let threads = thread_count(threads, true)?;
    let texts = texts_arg(texts)?;
    let strs = strs(&texts)?;
    let loads = json_loads(py)?;
    run_many(py, &strs, threads, |t| whosaid_record::record_json(t, Unit::CodePoints), |_, json| loads.call1((json,)))
}

/// `analyze_many` with each record as a JSON string (as `analyze_json`); `threads` threads
/// (None: one per core).
#[pyfunction]
#[pyo3(signature = (texts, threads=None))]
fn analyze_many_json<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<i64>,
) -> PyResult<Bound<'py, PyList>> {
    let threads = thread_count(threads, false)?;
    let texts = texts_arg(texts)?;
    let strs = strs(&texts)?;
    run_many(
        py,
        &strs,
        threads,
        |t| whosaid_record::record_json(t, Unit::CodePoints),
        |py, s| Ok(PyString::new(py, &s).into_any()),
    )
}

/// Two reports of one story aligned (the CLI's `whosaid compare A B`): a dict with `documents`
/// (the two records, as `analyze` returns them), `speakers` (entities in both: `{"in": [[doc,
/// speaker id], …]}`), `pairs` (aligned claims: `a`, `b` as `[doc, claim id]`, `relation` "same"
/// or "related", `score`, `differences`) and `only` (claims one report alone carries). Raises
/// TypeError/ValueError on bad input as `analyze` does; the GIL is released meanwhile.
#[pyfunction]
fn compare<'py>(py: Python<'py>, a: &Bound<'py, PyAny>, b: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let a = text_arg(a, &|| "a".to_string())?;
    let b = text_arg(b, &|| "b".to_string())?;
    let json = py
        .detach(|| catch_unwind(AssertUnwindSafe(|| whosaid_record::compare_json(a, b, Unit::CodePoints))))
        .map_err(|p| PyRuntimeError::new_err(format!("whosaid failed: {}", panic_message(&*p))))?;
    json_loads(py)?.call1((json,))
}

/// The compiled part of the `whosaid` package (use `whosaid`, not this module).
#[pymodule]
fn _whosaid(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MAX_TEXT_BYTES", MAX_TEXT_BYTES)?;
    Ok(())
}
