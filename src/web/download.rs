//! Getting results out: files to download and text for the clipboard.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

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
    use super::file_stem;

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("Example: State Department rebuts"), "Example-State-Department-rebuts");
        assert_eq!(file_stem("my story.html"), "my-story");
        assert_eq!(file_stem("  "), "article");
    }
}
