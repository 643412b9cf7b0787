//! Getting results out: the exports (what the engine writes, made ready for a researcher's
//! tools), files to download and text for the clipboard.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::engine::export::{self, spans_text, Origin, CSV_HEADER};
use crate::engine::Analysis;

use super::input::Converted;

/// The version of the app's JSON export (docs/format.md, "The app's exports").
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON export: the engine's record (with `file` = the document's name and the corrections
/// already in it, [`super::corrections::in_record`]) opened by `schema_version` and
/// `offset_unit`, every span field followed by its twins in UTF-16 units (`*_utf16`, for
/// JavaScript) and code points (`*_chars`, for Python) as the Python and npm packages give them,
/// and closed by the analysed `text`, so the file is complete on its own. A text read from a
/// Markdown file (`source`: its map back to the file) also has `"source_format":"markdown"`
/// and a third twin, `*_source`, in bytes of the file.
pub fn json_export(record: String, text: &str, source: Option<&Converted>) -> String {
    let record = with_offset_twins(&record, text, source);
    let Some(body) = record.strip_prefix('{').and_then(|r| r.strip_suffix('}')) else {
        return record;
    };
    let text = serde_json::to_string(text).unwrap_or_default();
    let format = if source.is_some() { "\"source_format\":\"markdown\"," } else { "" };
    format!("{{\"schema_version\":{SCHEMA_VERSION},\"offset_unit\":\"utf8_byte\",{format}{body},\"text\":{text}}}")
}

/// The keys whose values are spans (`[start, end]`) or lists of spans, in UTF-8 bytes.
const SPAN_KEYS: [&str; 6] = ["mentions", "content", "cue", "source", "boilerplate", "span"];

/// Calls `found(key, value)` for every span field of a JSON record: a key of [`SPAN_KEYS`]
/// whose value is an array of numbers (or `null`). Strings are skipped whole, so a key's name
/// inside a quoted text never counts.
fn span_fields(json: &str, mut found: impl FnMut(&str, std::ops::Range<usize>)) {
    let b = json.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'"' {
            i += 1;
            continue;
        }
        // A string: find its end (escapes skipped).
        let start = i + 1;
        i = start;
        while i < b.len() && b[i] != b'"' {
            i += if b[i] == b'\\' { 2 } else { 1 };
        }
        let key = json.get(start..i.min(b.len())).unwrap_or("");
        i += 1;
        let mut j = i;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        if j >= b.len() || b[j] != b':' || !SPAN_KEYS.contains(&key) {
            continue;
        }
        j += 1;
        let value = j;
        if json[j..].starts_with("null") {
            found(key, value..j + 4);
            continue;
        }
        if b.get(j) != Some(&b'[') {
            continue;
        }
        let mut depth = 0usize;
        while j < b.len() && matches!(b[j], b'[' | b']' | b',' | b' ' | b'0'..=b'9') {
            match b[j] {
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            j += 1;
            if depth == 0 {
                found(key, value..j);
                break;
            }
        }
    }
}

/// Every number in a JSON value made only of arrays and numbers, through `map(number, end)`:
/// `end` is true for the second number of an array (a span's end).
fn map_numbers(value: &str, out: &mut String, mut map: impl FnMut(usize, bool) -> usize) {
    let mut n: Option<usize> = None;
    let mut end = false;
    for c in value.chars().chain(std::iter::once(' ')) {
        match c.to_digit(10) {
            Some(d) => n = Some(n.unwrap_or(0) * 10 + d as usize),
            None => {
                if let Some(v) = n.take() {
                    out.push_str(&map(v, end).to_string());
                }
                match c {
                    ',' => end = !end,
                    '[' | ']' => end = false,
                    _ => {}
                }
                if c != ' ' {
                    out.push(c);
                }
            }
        }
    }
}

/// A JSON record of `text` with, right after every span field, its twins `<key>_utf16` and
/// `<key>_chars`: the same spans in UTF-16 code units and in code points; and with `source`
/// (the map back to the file `text` was converted from) `<key>_source`: the spans in bytes of
/// that file.
pub fn with_offset_twins(record: &str, text: &str, source: Option<&Converted>) -> String {
    // Every byte offset used, then the text walked once to convert them all.
    let mut offsets: Vec<usize> = Vec::new();
    span_fields(record, |_, v| {
        map_numbers(&record[v], &mut String::new(), |n, _| {
            offsets.push(n);
            n
        })
    });
    let mut offsets = crate::web::sorted_by(offsets, &|a, b| a.cmp(b));
    offsets.dedup();
    let mut table: Vec<(usize, usize)> = Vec::with_capacity(offsets.len());
    let (mut utf16, mut chars, mut chars_iter) = (0, 0, text.char_indices().peekable());
    for &o in &offsets {
        while let Some(&(at, c)) = chars_iter.peek() {
            if at >= o {
                break;
            }
            utf16 += c.len_utf16();
            chars += 1;
            chars_iter.next();
        }
        table.push((utf16, chars));
    }
    let lookup = |n: usize| offsets.binary_search(&n).map(|i| table[i]).unwrap_or_default();
    let mut out = String::with_capacity(record.len() * 2);
    let mut last = 0;
    span_fields(record, |key, v| {
        out.push_str(&record[last..v.end]);
        for pick in 0..2 + usize::from(source.is_some()) {
            out.push_str(&format!(",\"{key}{}\":", ["_utf16", "_chars", "_source"][pick]));
            let mut start = 0;
            map_numbers(&record[v.clone()], &mut out, |n, end| match (pick, source) {
                (0, _) => lookup(n).0,
                (1, _) | (_, None) => lookup(n).1,
                // An empty span stays empty (never reversed).
                (_, Some(map)) if end => map.end(n).max(start),
                (_, Some(map)) => {
                    start = map.start(n);
                    start
                }
            });
        }
        last = v.end;
    });
    out.push_str(&record[last..]);
    out
}

/// The JSON export of a document; `source`: the map back to its Markdown file, if it has one.
pub fn json(
    name: &str,
    text: &str,
    analysis: &Analysis,
    corrections: &[super::corrections::Correction],
    source: Option<&Converted>,
) -> String {
    let record = export::json_record(Origin::File(name), text, analysis);
    json_export(super::corrections::in_record(record, corrections), text, source)
}

/// A cell as written to CSV: quoted when needed (RFC 4180), and a leading `=`, `+`, `-`, `@`,
/// tab or carriage return neutralised with an apostrophe so a spreadsheet never runs it as a
/// formula.
fn csv_cell(out: &mut String, field: &str) {
    let guard = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if guard || field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        if guard {
            out.push('\'');
        }
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// The title of a text: its first non-blank line, at most 200 characters.
pub fn title(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    super::components::shorten(line, 200)
}

/// The CSV export: a UTF-8 byte-order mark (spreadsheets then read the accents right), then
/// the engine's columns (docs/format.md) after `document` (the document's name) and `title`
/// (the text's first line), one row per claim. With a Markdown file (`source`: the map back to
/// it), two more columns last: `content_start_source`, `content_end_source`, in bytes of the file.
pub fn csv(name: &str, text: &str, analysis: &Analysis, source: Option<Converted>) -> String {
    csv_all(&[(name, text, analysis, source)])
}

/// The CSV export of several documents (name, text, analysis, map back to a Markdown file): one
/// header, then each one's rows; the `*_source` columns when any document has a map (empty for
/// the others).
pub fn csv_all(docs: &[(&str, &str, &Analysis, Option<Converted>)]) -> String {
    let mut out = String::from("\u{feff}document,title,");
    out.push_str(&CSV_HEADER.join(","));
    let sources = docs.iter().any(|d| d.3.is_some());
    if sources {
        out.push_str(",content_start_source,content_end_source");
    }
    out.push_str("\r\n");
    for (name, text, analysis, source) in docs {
        csv_rows(&mut out, name, text, analysis, sources.then_some(source));
    }
    out
}

/// `source`: `None` without the `*_source` columns, `Some(None)` with them empty.
fn csv_rows(out: &mut String, name: &str, text: &str, analysis: &Analysis, source: Option<&Option<Converted>>) {
    let title = title(text);
    let speaker = |id: Option<u32>| id.and_then(|id| analysis.speakers.get(id as usize));
    for c in &analysis.claims {
        let s = speaker(c.speaker);
        let via = c.via.as_ref().map(|v| match speaker(v.speaker) {
            Some(s) => s.name.clone(),
            None => spans_text(text, &v.source),
        });
        let (first, last) = (c.content.first().map(|s| s.start), c.content.last().map(|s| s.end));
        let in_file = match (source, first, last) {
            (Some(Some(m)), Some(s), Some(e)) => format!(",{},{}", m.start(s), m.end(e).max(m.start(s))),
            (Some(_), ..) => ",,".to_string(),
            _ => String::new(),
        };
        let (first, last) = (first.map(|s| s.to_string()), last.map(|s| s.to_string()));
        let fields = [
            name.to_string(),
            title.clone(),
            c.id.to_string(),
            c.kind.as_str().into(),
            c.speaker.map(|s| s.to_string()).unwrap_or_default(),
            s.map(|s| s.name.clone()).unwrap_or_default(),
            s.map(|s| s.kind.as_str().into()).unwrap_or_default(),
            s.map(|s| s.anonymous.to_string()).unwrap_or_default(),
            s.map(|s| s.anonymity.as_str().into()).unwrap_or_default(),
            s.map(|s| s.evidence.clone()).unwrap_or_default(),
            spans_text(text, &c.source),
            spans_text(text, &c.cue),
            c.stance.as_str().into(),
            via.unwrap_or_default(),
            spans_text(text, &c.content),
            first.unwrap_or_default(),
            last.unwrap_or_default(),
            hundredths(c.confidence),
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_cell(out, f);
        }
        out.push_str(&in_file);
        out.push_str("\r\n");
    }
}

/// A confidence with two decimals ("0.85"), in integers: formatting a float would link the
/// float printing code into the app.
fn hundredths(x: f32) -> String {
    let h = (x.clamp(0.0, 1000.0) * 100.0).round() as u32;
    format!("{}.{:02}", h / 100, h % 100)
}

/// Offers `contents` as a file named `file_name` (a Blob, an object URL and a click on a
/// temporary `<a download>`). Nothing leaves the browser.
pub fn save_file(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail = |e: JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.dyn_into().map_err(|_| "cannot create a link".to_string())?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_hidden(true);
    let body = document.body().ok_or("no document body")?;
    body.append_child(&a).map_err(fail)?;
    a.click();
    a.remove();
    // Revoke once the download has started.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Copies `text` to the clipboard; `Err` with a message when the browser refuses (no
/// permission, insecure context, no clipboard API).
pub async fn copy_text(text: &str) -> Result<(), String> {
    let navigator = gloo::utils::window().navigator();
    // `navigator.clipboard` is undefined outside secure contexts.
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        return Err("the clipboard is not available here".to_string());
    }
    JsFuture::from(navigator.clipboard().write_text(text)).await.map(|_| ()).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "the browser refused".to_string())
    })
}

/// A file name from a document name (without its extension): letters, digits, `-` and `_`,
/// at most 60 characters.
pub fn file_stem(name: &str) -> String {
    let name = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && (1..=5).contains(&ext.len()) => stem,
        _ => name,
    };
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "article".to_string()
    } else {
        out.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Claim, ClaimKind, Span, Stance};

    #[test]
    fn confidences_have_two_decimals() {
        for (x, s) in
            [(0.9, "0.90"), (0.855, "0.86"), (1.0, "1.00"), (0.0, "0.00"), (0.071, "0.07"), (f32::NAN, "0.00")]
        {
            assert_eq!(hundredths(x), s, "{x}");
            if x.is_finite() {
                assert_eq!(hundredths(x), format!("{x:.2}"), "the same as a float's format");
            }
        }
    }

    #[test]
    fn csv_has_a_bom_document_columns_and_no_formulas() {
        let text = "=SUM(A1) was the headline\n\n-1 they said, \"x\".";
        let claim = Claim {
            id: 0,
            kind: ClaimKind::Hedge,
            content: vec![Span::new(0, 8), Span::new(27, 29)],
            cue: vec![],
            source: vec![],
            speaker: None,
            stance: Stance::Neutral,
            via: None,
            confidence: 0.5,
        };
        let a = Analysis { claims: vec![claim], ..Analysis::default() };
        let out = csv("@story.txt", text, &a, None);
        let rows: Vec<&str> = out.split("\r\n").collect();
        assert!(rows[0].starts_with("\u{feff}document,title,claim_id,kind,"));
        assert_eq!(rows[0].matches(',').count() + 1, CSV_HEADER.len() + 2);
        assert!(rows[1].starts_with("\"'@story.txt\",\"'=SUM(A1) was the headline\",0,hedge,"), "{}", rows[1]);
        assert!(rows[1].contains(",\"'=SUM(A1) … -1\","), "{}", rows[1]);
        assert_eq!(rows[2], "");
    }

    #[test]
    fn span_fields_get_utf16_and_code_point_twins() {
        use crate::engine::{Diagnostic, Level, Speaker};
        // "é" is 2 bytes, 1 UTF-16 unit, 1 char; "😀" is 4 bytes, 2 units, 1 char.
        let text = "é 😀 “content” said Anna.";
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        let claim = Claim {
            id: 0,
            kind: ClaimKind::Direct,
            content: vec![at("“content”")],
            cue: vec![at("said")],
            source: vec![at("Anna")],
            speaker: Some(0),
            stance: Stance::Neutral,
            via: None,
            confidence: 0.9,
        };
        let speaker = Speaker {
            id: 0,
            name: "Anna \"content\":[[1,2]]".into(),
            kind: crate::engine::SpeakerKind::Person,
            anonymous: false,
            anonymity: Default::default(),
            evidence: String::new(),
            confidence: 1.0,
            titles: vec![],
            mentions: vec![at("Anna")],
        };
        let diagnostics = vec![
            Diagnostic { level: Level::Info, code: "x".into(), message: "m".into(), span: Some(at("😀")) },
            Diagnostic { level: Level::Info, code: "y".into(), message: "n".into(), span: None },
        ];
        let a = Analysis { speakers: vec![speaker], claims: vec![claim], diagnostics, ..Analysis::default() };
        let v: serde_json::Value = serde_json::from_str(&json("t", text, &a, &[], None)).unwrap();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let chars: Vec<char> = text.chars().collect();
        let c = &v["claims"][0];
        for key in ["content", "cue", "source"] {
            let bytes = &c[key][0];
            let (s, e) = (bytes[0].as_u64().unwrap() as usize, bytes[1].as_u64().unwrap() as usize);
            let u = &c[format!("{key}_utf16")][0];
            let ch = &c[format!("{key}_chars")][0];
            let from_utf16 =
                String::from_utf16(&utf16[u[0].as_u64().unwrap() as usize..u[1].as_u64().unwrap() as usize]).unwrap();
            let from_chars: String =
                chars[ch[0].as_u64().unwrap() as usize..ch[1].as_u64().unwrap() as usize].iter().collect();
            assert_eq!((from_utf16.as_str(), from_chars.as_str()), (&text[s..e], &text[s..e]), "{key}");
        }
        assert_eq!(v["speakers"][0]["mentions_chars"], v["claims"][0]["source_chars"]);
        assert_eq!(v["speakers"][0]["name"], "Anna \"content\":[[1,2]]", "a key inside a string is left alone");
        assert!(v["speakers"][0].get("name_chars").is_none());
        assert_eq!(v["diagnostics"][0]["span_utf16"], serde_json::json!([2, 4]));
        assert_eq!(v["diagnostics"][0]["span_chars"], serde_json::json!([2, 3]));
        assert!(v["diagnostics"][1]["span_chars"].is_null());
        assert_eq!(v["boilerplate_utf16"], serde_json::json!([]));
    }

    #[test]
    fn json_export_carries_the_version_the_unit_and_the_text() {
        let a = Analysis::default();
        let json = json("a.txt", "“Hi,” é", &a, &[], None);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["schema_version"], 1);
        assert_eq!(v["offset_unit"], "utf8_byte");
        assert_eq!(v["text"], "“Hi,” é");
        assert_eq!(v["file"], "a.txt");
        assert!(v["claims"].is_array());
    }

    #[test]
    fn a_markdown_document_gets_offsets_in_its_file() {
        use crate::engine::{Diagnostic, Level, Via};
        let md = "\u{feff}---\r\ntitle: x\r\n---\r\n# *Talks* stall\r\n\r\n“We will **not** negotiate,” \
                  [Anna _Berg_](https://x.test/a) said.\r\n";
        let map = super::super::input::markdown(md);
        let text = map.text.as_str();
        assert_eq!(text, "Talks stall\n\n“We will not negotiate,” Anna Berg said.");
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        let claim = Claim {
            id: 0,
            kind: ClaimKind::Direct,
            content: vec![at("“We will not negotiate,”")],
            cue: vec![at("said")],
            source: vec![at("Anna Berg")],
            speaker: None,
            stance: Stance::Neutral,
            via: Some(Via { speaker: None, source: vec![at("Talks")], cue: vec![Span::new(3, 3)] }),
            confidence: 0.9,
        };
        let diagnostics =
            vec![Diagnostic { level: Level::Info, code: "x".into(), message: "m".into(), span: Some(at("not")) }];
        let a = Analysis { claims: vec![claim], diagnostics, ..Analysis::default() };
        let v: serde_json::Value = serde_json::from_str(&json("a.md", text, &a, &[], Some(&map))).unwrap();
        assert_eq!(v["source_format"], "markdown");
        let in_file = |span: &serde_json::Value| {
            let (s, e) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
            &md[s..e]
        };
        let c = &v["claims"][0];
        assert_eq!(in_file(&c["content_source"][0]), "“We will **not** negotiate,”");
        assert_eq!(in_file(&c["cue_source"][0]), "said");
        assert_eq!(in_file(&c["source_source"][0]), "Anna _Berg");
        assert_eq!(in_file(&c["via"]["source_source"][0]), "Talks");
        assert_eq!(in_file(&c["via"]["cue_source"][0]), "", "an empty span stays empty");
        assert_eq!(in_file(&v["diagnostics"][0]["span_source"]), "not");
        assert_eq!(v["boilerplate_source"], serde_json::json!([]));
        // The other twins are unchanged: they index the text.
        assert_eq!(c["content_utf16"], serde_json::json!([[13, 37]]));

        // The CSV: two more columns, in bytes of the file; empty for a plain text beside it.
        let out = csv_all(&[("a.md", text, &a, Some(map.clone())), ("b.txt", text, &a, None)]);
        let rows: Vec<&str> = out.split("\r\n").collect();
        assert!(rows[0].ends_with(",content_start,content_end,confidence,content_start_source,content_end_source"));
        let cells: Vec<&str> = rows[1].rsplit(',').take(2).collect();
        let (s, e) = (cells[1].parse::<usize>().unwrap(), cells[0].parse::<usize>().unwrap());
        assert_eq!(&md[s..e], "“We will **not** negotiate,”");
        assert!(rows[2].ends_with(",0.90,,"), "{}", rows[2]);

        // A plain text has none of it.
        let plain = json("b.txt", text, &a, &[], None);
        assert!(!plain.contains("source_format") && !plain.contains("_source\""));
        assert!(!csv("b.txt", text, &a, None).contains("_source"));
    }

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("Example: State Department rebuts"), "Example-State-Department-rebuts");
        assert_eq!(file_stem("my story.html"), "my-story");
        assert_eq!(file_stem("  "), "article");
    }
}
