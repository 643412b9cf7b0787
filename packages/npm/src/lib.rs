//! The engine for JavaScript: what `packages/npm/js/*.js` call through wasm-bindgen's glue. The
//! public API (`analyze`, argument checks, the size limit) is in those files; this returns the
//! record of `whosaid-record` with `*_utf16` offsets, as a JSON string for `JSON.parse`.

use wasm_bindgen::prelude::wasm_bindgen;
use whosaid_record::Unit;

/// The JSON record of `text` (docs/format.md) plus `*_utf16` span fields, as a JSON string.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: &str) -> String {
    install_model();
    whosaid_record::record_json(text, Unit::Utf16)
}

/// Two reports of one story aligned: the JSON of `whosaid compare A B` (docs/format.md), both
/// records with `*_utf16` span fields.
#[wasm_bindgen(js_name = compareJson)]
pub fn compare_json(a: &str, b: &str) -> String {
    install_model();
    whosaid_record::compare_json(a, b, Unit::Utf16)
}

/// The learned model is compiled into the package (512 KB) and installed before the first
/// analysis, so the package finds what the CLI finds.
fn install_model() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        whosaid::engine::attribution::learned::install_static(include_bytes!("../../../model/whosaid.model"));
    });
}

/// The package's version (the engine's crate version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
