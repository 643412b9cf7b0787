//! The analysis web worker: one request (a document's text) in, one response out.
//!
//! The worker binary (`src/bin/worker.rs`) only registers [`AnalyzeTask`]; the app spawns it
//! with [`spawn`]. Messages cross the thread boundary through [`SerdeWasm`], a
//! [`gloo::worker::Codec`] built on serde-wasm-bindgen: the engine's types use
//! `skip_serializing_if`, which gloo's default bincode codec cannot round-trip.

use gloo::worker::oneshot::{oneshot, OneshotBridge};
use gloo::worker::{Codec, Spawnable};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};

use crate::engine::{self, Analysis, Claim};

use super::state::DocId;

/// Where trunk writes the worker's loader shim (`data-loader-shim` on the `worker` bin).
///
/// Relative on purpose: `new Worker(url)` resolves it against the page's URL, so the app works
/// under any sub-path. Trunk does not hash worker file names, so the name is stable.
pub const WORKER_LOADER: &str = "./worker_loader.js";

/// One request to analyse a document's text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnalyzeRequest {
    /// Increases with every request the app makes; responses carry it back.
    pub seq: u64,
    /// The document the text belongs to.
    pub doc: DocId,
    /// The text to analyse.
    pub text: String,
}

/// The answer to an [`AnalyzeRequest`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnalyzeResponse {
    /// The request's sequence number.
    pub seq: u64,
    /// The request's document.
    pub doc: DocId,
    /// The analysis, or why there is none.
    pub outcome: Result<AnalysisJson, String>,
    /// Time the engine took, in milliseconds (measured inside the worker).
    pub engine_ms: f64,
}

/// Claims per JSON chunk of an [`AnalysisJson`].
pub const CLAIMS_PER_CHUNK: usize = 2000;

/// An [`Analysis`] serialised as JSON for the trip from the worker: everything but the claims
/// in `head`, the claims in chunks of [`CLAIMS_PER_CHUNK`].
///
/// A big article yields tens of thousands of claims. As a few strings they cross the thread
/// boundary cheaply and serde_json parses them several times faster than serde-wasm-bindgen
/// walks as many small JS objects; in chunks, the main thread can parse them a piece at a
/// time between frames ([`AnalysisJson::decode_in_steps`]). The envelope itself still goes
/// through [`SerdeWasm`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnalysisJson {
    /// The analysis without its claims.
    pub head: String,
    /// The claims, in order, as JSON arrays.
    pub claims: Vec<String>,
}

impl AnalysisJson {
    /// Serialises an analysis.
    pub fn encode(mut analysis: Analysis) -> AnalysisJson {
        let claims = std::mem::take(&mut analysis.claims);
        AnalysisJson {
            head: serde_json::to_string(&analysis).unwrap_or_default(),
            claims: claims.chunks(CLAIMS_PER_CHUNK).map(|c| serde_json::to_string(c).unwrap_or_default()).collect(),
        }
    }

    /// Parses it back in one go.
    pub fn decode(&self) -> Result<Analysis, String> {
        let mut analysis = self.decode_head()?;
        for i in 0..self.claims.len() {
            analysis.claims.append(&mut self.decode_chunk(i)?);
        }
        Ok(analysis)
    }

    /// Parses it back one chunk per event-loop task, so the page stays responsive.
    pub async fn decode_in_steps(&self) -> Result<Analysis, String> {
        let mut analysis = self.decode_head()?;
        for i in 0..self.claims.len() {
            gloo::timers::future::TimeoutFuture::new(0).await;
            analysis.claims.append(&mut self.decode_chunk(i)?);
        }
        Ok(analysis)
    }

    fn decode_head(&self) -> Result<Analysis, String> {
        serde_json::from_str(&self.head).map_err(|e| format!("cannot read the analysis ({e})"))
    }

    fn decode_chunk(&self, i: usize) -> Result<Vec<Claim>, String> {
        serde_json::from_str(&self.claims[i]).map_err(|e| format!("cannot read the analysis ({e})"))
    }
}

/// Runs the engine on a request. Also what [`AnalyzeTask`] does inside the worker, and what
/// the app does on the main thread when it has no worker (tests).
pub fn run(request: AnalyzeRequest) -> AnalyzeResponse {
    let started = now_ms();
    let mut analysis = engine::analyze(&request.text);
    if let Some(why) = super::model::failure() {
        analysis.diagnostics.push(engine::Diagnostic {
            level: engine::Level::Info,
            code: "rules_only".into(),
            message: format!("the learned model is not loaded ({why}): these claims are the rules' alone"),
            span: None,
        });
    }
    AnalyzeResponse {
        seq: request.seq,
        doc: request.doc,
        outcome: Ok(AnalysisJson::encode(analysis)),
        engine_ms: now_ms() - started,
    }
}

/// The oneshot worker task: analyses one request.
#[oneshot]
pub async fn AnalyzeTask(request: AnalyzeRequest) -> AnalyzeResponse {
    super::model::ensure().await;
    run(request)
}

/// Spawns the worker (its loader shim at `loader_url`) and returns a bridge to it.
pub fn spawn(loader_url: &str) -> OneshotBridge<AnalyzeTask> {
    AnalyzeTask::spawner().encoding::<SerdeWasm>().spawn_with_loader(loader_url)
}

/// Registers the task inside the worker (the worker binary's `main`).
pub fn register() {
    use gloo::worker::Registrable;
    AnalyzeTask::registrar().encoding::<SerdeWasm>().register();
    super::model::start();
}

/// A [`Codec`] that turns messages into plain JS values with serde-wasm-bindgen.
///
/// Unlike bincode it supports every serde feature the engine's types use (`skip_serializing_if`,
/// `flatten`, untagged options) and it lets the browser's structured clone copy strings
/// natively instead of through a byte buffer.
#[derive(Debug)]
pub struct SerdeWasm;

impl Codec for SerdeWasm {
    fn encode<I>(input: I) -> JsValue
    where
        I: Serialize,
    {
        serde_wasm_bindgen::to_value(&input).expect_throw("cannot encode a worker message")
    }

    fn decode<O>(input: JsValue) -> O
    where
        O: for<'de> Deserialize<'de>,
    {
        serde_wasm_bindgen::from_value(input).expect_throw("cannot decode a worker message")
    }
}

/// A monotonic clock in milliseconds: `performance.now()` in a window or a worker.
pub fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}
