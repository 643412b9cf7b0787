//! Getting results out: the exports (what the engine writes, made ready for a researcher's
//! tools), files to download and text for the clipboard.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::engine::export::{self, spans_text, Origin, CSV_HEADER};
use crate::engine::Analysis;

/// The version of the app's JSON export (docs/format.md, "The app's exports").
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON export: the engine's record (with `file` = the document's name and the corrections
/// already in it, [`super::corrections::in_record`]) opened by `schema_version` and
/// `offset_unit`, closed by the analysed `text`, so the file is complete on its own.
pub fn json_export(record: String, text: &str) -> String {
    let Some(body) = record.strip_prefix('{').and_then(|r| r.strip_suffix('}')) else {
        return record;
    };
    let text = serde_json::to_string(text).unwrap_or_default();
    format!("{{\"schema_version\":{SCHEMA_VERSION},\"offset_unit\":\"utf8_byte\",{body},\"text\":{text}}}")
}

/// The JSON export of a document.
pub fn json(name: &str, text: &str, analysis: &Analysis, corrections: &[super::corrections::Correction]) -> String {
    let record = export::json_record(Origin::File(name), text, analysis);
    json_export(super::corrections::in_record(record, corrections), text)
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
/// (the text's first line), one row per claim.
pub fn csv(name: &str, text: &str, analysis: &Analysis) -> String {
    csv_all(&[(name, text, analysis)])
}

/// The CSV export of several documents (name, text, analysis): one header, then each one's rows.
pub fn csv_all(docs: &[(&str, &str, &Analysis)]) -> String {
    let mut out = String::from("\u{feff}document,title,");
    out.push_str(&CSV_HEADER.join(","));
    out.push_str("\r\n");
    for (name, text, analysis) in docs {
        csv_rows(&mut out, name, text, analysis);
    }
    out
}

fn csv_rows(out: &mut String, name: &str, text: &str, analysis: &Analysis) {
    let title = title(text);
    let speaker = |id: Option<u32>| id.and_then(|id| analysis.speakers.get(id as usize));
    for c in &analysis.claims {
        let s = speaker(c.speaker);
        let via = c.via.as_ref().map(|v| match speaker(v.speaker) {
            Some(s) => s.name.clone(),
            None => spans_text(text, &v.source),
        });
        let first = c.content.first().map(|s| s.start.to_string());
        let last = c.content.last().map(|s| s.end.to_string());
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
            format!("{:.2}", c.confidence),
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_cell(out, f);
        }
        out.push_str("\r\n");
    }
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
        let out = csv("@story.txt", text, &a);
        let rows: Vec<&str> = out.split("\r\n").collect();
        assert!(rows[0].starts_with("\u{feff}document,title,claim_id,kind,"));
        assert_eq!(rows[0].matches(',').count() + 1, CSV_HEADER.len() + 2);
        assert!(rows[1].starts_with("\"'@story.txt\",\"'=SUM(A1) was the headline\",0,hedge,"), "{}", rows[1]);
        assert!(rows[1].contains(",\"'=SUM(A1) … -1\","), "{}", rows[1]);
        assert_eq!(rows[2], "");
    }

    #[test]
    fn json_export_carries_the_version_the_unit_and_the_text() {
        let a = Analysis::default();
        let json = json("a.txt", "“Hi,” é", &a, &[]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["schema_version"], 1);
        assert_eq!(v["offset_unit"], "utf8_byte");
        assert_eq!(v["text"], "“Hi,” é");
        assert_eq!(v["file"], "a.txt");
        assert!(v["claims"].is_array());
    }

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("Example: State Department rebuts"), "Example-State-Department-rebuts");
        assert_eq!(file_stem("my story.html"), "my-story");
        assert_eq!(file_stem("  "), "article");
    }
}
