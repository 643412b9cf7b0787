//! The record the packages return: the JSON record of `docs/format.md`, exactly as
//! `whosaid::engine::export::json_record` writes it (no `file`/`id`), plus, right after every
//! span field, a twin field with the same spans counted in the host language's string units:
//!
//! | field (byte offsets, UTF-8) | Python (`Unit::CodePoints`) | JavaScript (`Unit::Utf16`) |
//! |---|---|---|
//! | `speakers[].mentions` | `mentions_chars` | `mentions_utf16` |
//! | `claims[].content`, `.cue`, `.source` | `content_chars`, … | `content_utf16`, … |
//! | `claims[].via.source`, `.via.cue` | `via.source_chars`, … | `via.source_utf16`, … |
//! | `boilerplate` | `boilerplate_chars` | `boilerplate_utf16` |
//! | `diagnostics[].span` (or `null`) | `span_chars` | `span_utf16` |
//!
//! so that `text[s:e]` (Python) and `text.slice(s, e)` (JavaScript) give the span's text.
//! Nothing else changes; dropping the added fields gives the CLI's record back byte for byte.
//!
//! The twins are written into the JSON text as it streams by (one pass, no JSON tree), and the
//! offsets converted with one pass over the text (none for ASCII text).

use std::ops::Range;

use whosaid::engine::export::{json_record, Origin};
use whosaid::engine::{Analysis, Span};

/// What the added offsets count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Unicode code points: Python `str` indices. Fields end in `_chars`.
    CodePoints,
    /// UTF-16 code units: JavaScript string indices. Fields end in `_utf16`.
    Utf16,
}

impl Unit {
    /// The suffix of the added fields.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::CodePoints => "_chars",
            Unit::Utf16 => "_utf16",
        }
    }
}

/// The span fields of a record: `(object, field)`.
pub const SPAN_FIELDS: &[(&str, &str)] = &[
    ("record", "boilerplate"),
    ("speakers[]", "mentions"),
    ("claims[]", "content"),
    ("claims[]", "cue"),
    ("claims[]", "source"),
    ("claims[].via", "source"),
    ("claims[].via", "cue"),
    ("diagnostics[]", "span"),
];

/// The analysis of `text` as the record described in the crate docs, as JSON.
pub fn record_json(text: &str, unit: Unit) -> String {
    let analysis = whosaid::engine::analyze(text);
    with_offsets(&json_record(Origin::None, text, &analysis), text, &analysis, unit)
}

/// Two reports of one story aligned, as `whosaid compare A B` prints it: `{"documents": [record
/// of a, record of b], "speakers", "pairs", "only"}`, each record with its offset twins.
pub fn compare_json(a: &str, b: &str, unit: Unit) -> String {
    let (xa, xb) = (whosaid::engine::analyze(a), whosaid::engine::analyze(b));
    let c = whosaid::engine::compare::compare(a, &xa, b, &xb);
    let part = |v: serde_json::Result<String>| v.unwrap_or_else(|_| "null".to_string());
    format!(
        "{{\"documents\":[{},{}],\"speakers\":{},\"pairs\":{},\"only\":{}}}",
        with_offsets(&json_record(Origin::None, a, &xa), a, &xa, unit),
        with_offsets(&json_record(Origin::None, b, &xb), b, &xb, unit),
        part(serde_json::to_string(&c.speakers)),
        part(serde_json::to_string(&c.pairs)),
        part(serde_json::to_string(&c.only)),
    )
}

/// [`record_json`], parsed.
pub fn record(text: &str, unit: Unit) -> serde_json::Value {
    // `record_json` writes valid JSON.
    serde_json::from_str(&record_json(text, unit)).unwrap_or_default()
}

/// `json` (the JSON record of `analysis` of `text`) with the twin of every span field inserted.
pub fn with_offsets(json: &str, text: &str, analysis: &Analysis, unit: Unit) -> String {
    let map = (!text.is_ascii()).then(|| OffsetMap::new(text, offsets_of(analysis), unit));
    let convert = |byte: usize| match &map {
        None => byte,
        // Every span of the analysis is in the map; a stray number is counted from the start.
        Some(map) => map.get(byte).unwrap_or_else(|| units_in(&text.as_bytes()[..byte.min(text.len())], unit)),
    };
    insert_twins(json, unit.suffix(), &convert)
}

fn offsets_of(a: &Analysis) -> Vec<usize> {
    let mut out = Vec::new();
    let mut push = |spans: &[Span]| out.extend(spans.iter().flat_map(|s| [s.start, s.end]));
    push(&a.boilerplate);
    for s in &a.speakers {
        push(&s.mentions);
    }
    for c in &a.claims {
        push(&c.content);
        push(&c.cue);
        push(&c.source);
        if let Some(via) = &c.via {
            push(&via.source);
            push(&via.cue);
        }
    }
    for d in &a.diagnostics {
        push(d.span.as_slice());
    }
    out
}

/// Which object of the record a `{` opens.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Obj {
    Top,
    Speaker,
    Claim,
    Via,
    Diagnostic,
    Other,
}

enum Frame {
    /// An object, and the byte range (in the JSON) of the key being read or last read.
    Object(Obj, Range<usize>),
    /// An array, and what its elements are when they are objects.
    Array(Obj),
}

fn is_span_field(obj: Obj, key: &str) -> bool {
    matches!(
        (obj, key),
        (Obj::Top, "boilerplate")
            | (Obj::Speaker, "mentions")
            | (Obj::Claim, "content" | "cue" | "source")
            | (Obj::Via, "source" | "cue")
            | (Obj::Diagnostic, "span")
    )
}

/// Copies `json`, writing `,"<field><suffix>":<converted value>` after the value of every span
/// field. Outside strings a serde_json record is ASCII; strings are copied whole.
fn insert_twins(json: &str, suffix: &str, convert: &dyn Fn(usize) -> usize) -> String {
    let b = json.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(json.len() + json.len() / 3);
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let end = string_end(b, i);
                if expect_key {
                    if let Some(Frame::Object(_, key)) = stack.last_mut() {
                        *key = i + 1..end - 1;
                    }
                    expect_key = false;
                }
                out.extend_from_slice(&b[i..end]);
                i = end;
                continue;
            }
            b'{' => {
                let obj = match stack.last() {
                    None => Obj::Top,
                    Some(Frame::Array(elem)) => *elem,
                    Some(Frame::Object(Obj::Claim, key)) if &json[key.clone()] == "via" => Obj::Via,
                    Some(Frame::Object(..)) => Obj::Other,
                };
                stack.push(Frame::Object(obj, 0..0));
                expect_key = true;
            }
            b'[' => {
                let elem = match stack.last() {
                    Some(Frame::Object(Obj::Top, key)) => match &json[key.clone()] {
                        "speakers" => Obj::Speaker,
                        "claims" => Obj::Claim,
                        "diagnostics" => Obj::Diagnostic,
                        _ => Obj::Other,
                    },
                    _ => Obj::Other,
                };
                stack.push(Frame::Array(elem));
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => expect_key = matches!(stack.last(), Some(Frame::Object(..))),
            b':' => {
                if let Some(Frame::Object(obj, key)) = stack.last() {
                    let key = &json[key.clone()];
                    if is_span_field(*obj, key) {
                        let start = i + 1;
                        let end = span_value_end(b, start);
                        out.extend_from_slice(&b[i..end]);
                        out.extend_from_slice(b",\"");
                        out.extend_from_slice(key.as_bytes());
                        out.extend_from_slice(suffix.as_bytes());
                        out.extend_from_slice(b"\":");
                        convert_numbers(&b[start..end], convert, &mut out);
                        i = end;
                        continue;
                    }
                }
            }
            _ => {}
        }
        out.push(b[i]);
        i += 1;
    }
    // Only whole strings and ASCII bytes were copied from a `&str`.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The index after the string starting with the quote at `start`.
fn string_end(b: &[u8], start: usize) -> usize {
    let mut j = start + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'"' => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

/// The end of a span value starting at `start`: `null`, `[s,e]` or `[[s,e],…]` (no strings).
fn span_value_end(b: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut j = start;
    while j < b.len() {
        match b[j] {
            b'[' => depth += 1,
            b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return j + 1;
                }
            }
            b',' | b'}' if depth == 0 => return j,
            _ => {}
        }
        j += 1;
    }
    b.len()
}

/// Copies a span value, every number replaced by `convert(number)`.
fn convert_numbers(value: &[u8], convert: &dyn Fn(usize) -> usize, out: &mut Vec<u8>) {
    let mut j = 0;
    while j < value.len() {
        if value[j].is_ascii_digit() {
            let start = j;
            while j < value.len() && value[j].is_ascii_digit() {
                j += 1;
            }
            let n = std::str::from_utf8(&value[start..j]).ok().and_then(|s| s.parse().ok()).unwrap_or(0);
            out.extend_from_slice(convert(n).to_string().as_bytes());
        } else {
            out.push(value[j]);
            j += 1;
        }
    }
}

/// Byte offsets (sorted, distinct) and the same offsets in `Unit`s.
struct OffsetMap {
    bytes: Vec<usize>,
    units: Vec<usize>,
}

impl OffsetMap {
    fn new(text: &str, mut offsets: Vec<usize>, unit: Unit) -> OffsetMap {
        offsets.sort_unstable();
        offsets.dedup();
        let bytes = text.as_bytes();
        let (mut at, mut count) = (0, 0);
        let units = offsets
            .iter()
            .map(|&o| {
                let o = o.min(bytes.len());
                if o > at {
                    count += units_in(&bytes[at..o], unit);
                    at = o;
                }
                count
            })
            .collect();
        OffsetMap { bytes: offsets, units }
    }

    fn get(&self, byte: usize) -> Option<usize> {
        self.bytes.binary_search(&byte).ok().map(|i| self.units[i])
    }
}

/// Code points (or UTF-16 units) in a run of UTF-8 bytes: every byte that is not a continuation
/// byte starts a code point; one that starts a 4-byte sequence is two UTF-16 units.
fn units_in(bytes: &[u8], unit: Unit) -> usize {
    let chars = bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
    match unit {
        Unit::CodePoints => chars,
        Unit::Utf16 => chars + bytes.iter().filter(|&&b| b >= 0xF0).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const SEEDS: [&str; 2] = [
        include_str!("../../../tests/fixtures/seeds/000_aa45f71569c94b10.txt"),
        include_str!("../../../tests/fixtures/seeds/004_c516d1f4fd7c086b.txt"),
    ];
    const OTHER: &str = "« Nous ne céderons pas », a déclaré Zoë Müller 🙂 lundi. “We will not negotiate,” Foreign \
         Minister Anna Berg said, according to 新华社. A senior official, who spoke on condition of \
         anonymity, denied the report 😀😀. Reuters reported, citing an official, that \"[1,2]\" \
         and {\"a\": \\\"b\"} were “fine”. He said: “Unclosed 🙂.";

    fn texts() -> Vec<&'static str> {
        vec![SEEDS[0], SEEDS[1], OTHER, "", "plain ascii, he said.", "“", "\u{0}\u{1F600}"]
    }

    fn cli(text: &str) -> String {
        json_record(Origin::None, text, &whosaid::engine::analyze(text))
    }

    /// (byte spans, unit spans) of every span field, read from the parsed record.
    fn pairs(rec: &Value, suffix: &str) -> Vec<(Value, Value)> {
        let mut out = Vec::new();
        let mut field = |obj: &Value, f: &str| {
            let twin = obj.get(format!("{f}{suffix}")).cloned().expect("twin field");
            out.push((obj[f].clone(), twin));
        };
        field(rec, "boilerplate");
        for s in rec["speakers"].as_array().unwrap() {
            field(s, "mentions");
        }
        for c in rec["claims"].as_array().unwrap() {
            for f in ["content", "cue", "source"] {
                field(c, f);
            }
            if c["via"].is_object() {
                field(&c["via"], "source");
                field(&c["via"], "cue");
            }
        }
        for d in rec["diagnostics"].as_array().unwrap() {
            field(d, "span");
        }
        out
    }

    fn spans(v: &Value) -> Vec<(usize, usize)> {
        match v {
            Value::Array(a) if a.len() == 2 && a.iter().all(Value::is_u64) => {
                vec![(a[0].as_u64().unwrap() as usize, a[1].as_u64().unwrap() as usize)]
            }
            Value::Array(a) => a.iter().flat_map(spans).collect(),
            _ => vec![],
        }
    }

    fn check(text: &str, unit: Unit) -> usize {
        let rec: Value = serde_json::from_str(&record_json(text, unit)).expect("valid JSON");
        let units: Vec<u16> = text.encode_utf16().collect();
        let by_unit = |(s, e): (usize, usize)| match unit {
            Unit::CodePoints => text.chars().skip(s).take(e - s).collect::<String>(),
            Unit::Utf16 => String::from_utf16(&units[s..e]).unwrap(),
        };
        let mut n = 0;
        for (bytes, twins) in pairs(&rec, unit.suffix()) {
            let (b, u) = (spans(&bytes), spans(&twins));
            assert_eq!(b.len(), u.len());
            assert_eq!(bytes.is_null(), twins.is_null());
            for (b, u) in b.into_iter().zip(u) {
                assert_eq!(&text[b.0..b.1], by_unit(u));
                n += 1;
            }
        }
        n
    }

    #[test]
    fn offsets_cover_the_same_text() {
        for unit in [Unit::CodePoints, Unit::Utf16] {
            assert!(check(SEEDS[0], unit) > 20);
            assert!(check(SEEDS[1], unit) > 20);
            assert!(check(OTHER, unit) > 5);
            for t in texts() {
                check(t, unit);
            }
        }
    }

    #[test]
    fn dropping_the_added_fields_gives_the_cli_record_byte_for_byte() {
        for text in texts() {
            for unit in [Unit::CodePoints, Unit::Utf16] {
                let rec = record_json(text, unit);
                let mut stripped: Value = serde_json::from_str(&rec).unwrap();
                strip(&mut stripped, unit.suffix());
                assert_eq!(serde_json::to_string(&stripped).unwrap(), cli(text));
            }
        }
    }

    #[test]
    fn via_and_diagnostic_twins_are_written() {
        let rec = record_json(OTHER, Unit::Utf16);
        assert!(rec.contains("\"via\":{\"speaker\":"), "{rec}");
        assert!(rec.contains("\"source_utf16\":[["));
        assert!(rec.contains(",\"span_utf16\":["), "{rec}");
        let seed = record_json(SEEDS[0], Unit::CodePoints);
        assert!(seed.contains("\"via\":{"));
    }

    fn strip(v: &mut Value, suffix: &str) {
        match v {
            Value::Object(m) => {
                m.retain(|k, _| !k.ends_with(suffix));
                m.values_mut().for_each(|v| strip(v, suffix));
            }
            Value::Array(a) => a.iter_mut().for_each(|v| strip(v, suffix)),
            _ => {}
        }
    }

    /// Format drift guard: every field of the record that holds spans is one of SPAN_FIELDS.
    #[test]
    fn no_other_field_holds_spans() {
        fn is_span(v: &Value) -> bool {
            matches!(v, Value::Array(a) if a.len() == 2 && a.iter().all(Value::is_u64))
        }
        fn walk(v: &Value, found: &mut Vec<String>) {
            match v {
                Value::Object(m) => {
                    for (k, v) in m {
                        if is_span(v) || matches!(v, Value::Array(a) if !a.is_empty() && a.iter().all(is_span)) {
                            found.push(k.clone());
                        }
                        walk(v, found);
                    }
                }
                Value::Array(a) => a.iter().for_each(|v| walk(v, found)),
                _ => {}
            }
        }
        let known: Vec<&str> = SPAN_FIELDS.iter().map(|(_, f)| *f).collect();
        for text in texts() {
            let mut found = Vec::new();
            walk(&serde_json::from_str(&cli(text)).unwrap(), &mut found);
            for f in found {
                assert!(known.contains(&f.as_str()), "field {f:?} holds spans but is not in SPAN_FIELDS");
            }
        }
    }

    #[test]
    fn twins_follow_their_field() {
        let rec = record(OTHER, Unit::CodePoints);
        let keys: Vec<&str> = rec.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["speakers", "claims", "boilerplate", "boilerplate_chars", "diagnostics", "stats"]);
        let claim: Vec<&str> = rec["claims"][0].as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            &claim[..8],
            ["id", "kind", "content", "content_chars", "cue", "cue_chars", "source", "source_chars"]
        );
    }
}
