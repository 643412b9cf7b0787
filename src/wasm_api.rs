//! Functions the page's JavaScript may call directly (exported by wasm-bindgen from both the
//! app and the worker module). Used by the benchmark harness (`bench/`), which times the engine
//! in the very build the app ships.

use wasm_bindgen::prelude::wasm_bindgen;

/// Analyses `text` and returns the number of claims found (the benchmark needs a result that
/// cannot be optimised away, not the analysis itself).
#[wasm_bindgen(js_name = benchAnalyze)]
pub fn bench_analyze(text: &str) -> u32 {
    crate::engine::analyze(text).claims.len() as u32
}

/// Analyses `text` and returns the analysis as the JSON record of the CLI.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: &str) -> String {
    let analysis = crate::engine::analyze(text);
    crate::engine::export::json_record(crate::engine::export::Origin::None, text, &analysis)
}

/// Installs the learned model from the bytes of `whosaid.model` (the benchmark page fetches it,
/// as the app's worker does); `false` when they are not a model for this engine.
#[wasm_bindgen(js_name = installModel)]
pub fn install_model(bytes: Vec<u8>) -> bool {
    crate::engine::attribution::learned::install(bytes)
}
