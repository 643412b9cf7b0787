//! The analysis web worker: one request (a document's text, or two texts to compare) in, one
//! response out.
//!
//! The worker binary (`src/bin/worker.rs`) calls [`register`]; the app owns the
//! `web_sys::Worker` ([`spawn`]) so it can terminate a stuck or outdated analysis at once.
//! Messages are plain JS arrays built by hand ([`encode_request`], [`encode_response`] and
//! their decoders): no serialisation framework is linked for them, and the browser's
//! structured clone copies the strings natively. The worker posts [`READY`] once its wasm
//! runs; messages sent before that would be lost, so the app waits for it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::{self, Analysis, Claim};

use super::compare::Flat;
use super::state::DocId;

/// Where trunk writes the worker's loader shim (`data-loader-shim` on the `worker` bin).
///
/// Relative on purpose: `new Worker(url)` resolves it against the page's URL, so the app works
/// under any sub-path. Trunk does not hash worker file names, so the name is stable.
pub const WORKER_LOADER: &str = "./worker_loader.js";

/// Where trunk writes the comparison worker's loader shim (the `compare_worker` bin).
pub const COMPARE_LOADER: &str = "./compare_worker_loader.js";

/// A text that makes the worker hang (a test hook: nobody writes it in an article).
pub const HOOK_HANG: &str = "whosaid-test-hook:hang";

/// A text that makes the worker crash (a test hook).
pub const HOOK_CRASH: &str = "whosaid-test-hook:crash";

/// What the worker posts when it is ready for requests.
pub const READY: &str = "ready";

/// One request to analyse a document's text.
#[derive(Clone, Debug, PartialEq)]
pub struct AnalyzeRequest {
    /// Increases with every request the app makes; responses carry it back.
    pub seq: u64,
    /// The document the text belongs to.
    pub doc: DocId,
    /// The text to analyse.
    pub text: String,
}

/// The answer to an [`AnalyzeRequest`].
#[derive(Clone, Debug, PartialEq)]
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
/// boundary cheaply and serde_json parses them several times faster than walking as many
/// small JS objects; in chunks, the main thread can parse them a piece at a time between
/// frames ([`AnalysisJson::decode_in_steps`]).
#[derive(Clone, Debug, PartialEq)]
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

/// Runs the engine on a request. Also what the worker does for each message, and what the
/// app does on the main thread when it has no worker (tests).
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

/// Two documents to compare: their texts (the worker analyses them again: the engine is
/// deterministic, so the ids are those of the analyses the app holds).
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRequest {
    /// Increases with every comparison the app asks for; the response carries it back.
    pub seq: u64,
    /// The first document's text.
    pub a: String,
    /// The second document's.
    pub b: String,
}

/// The answer to a [`CompareRequest`]: the [`engine::compare::Comparison`] in the flat form
/// the main thread reads with little code ([`Flat`]).
#[derive(Clone, Debug, PartialEq)]
pub struct CompareResponse {
    /// The request's sequence number.
    pub seq: u64,
    /// The comparison, or why there is none.
    pub outcome: Result<Flat, String>,
}

/// What the worker is asked.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkerRequest {
    /// Analyse a text.
    Analyze(AnalyzeRequest),
    /// Compare two texts.
    Compare(CompareRequest),
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkerResponse {
    /// An analysis.
    Analyzed(AnalyzeResponse),
    /// A comparison.
    Compared(CompareResponse),
}

/// Runs the engine's comparison on a request.
pub fn run_compare(request: CompareRequest) -> CompareResponse {
    let (a, b) = (engine::analyze(&request.a), engine::analyze(&request.b));
    let c = engine::compare::compare(&request.a, &a, &request.b, &b);
    let mut flat = Flat::default();
    for l in &c.speakers {
        flat.speakers.extend(l.in_docs.iter().map(|(_, id)| *id));
    }
    for p in &c.pairs {
        let same = p.relation == engine::compare::Relation::Same;
        flat.pairs.extend([p.a.1, p.b.1, same as u32, p.differences.len() as u32]);
        for d in &p.differences {
            flat.differences.extend([d.kind.to_string(), d.a.clone(), d.b.clone()]);
        }
    }
    flat.only = c.only.iter().flat_map(|(d, id)| [*d as u32, *id]).collect();
    CompareResponse { seq: request.seq, outcome: Ok(flat) }
}

/// Answers any request: what the worker does with each message, and the app's inline backend
/// (browser tests, where no worker script is served).
pub fn handle(request: WorkerRequest) -> WorkerResponse {
    match request {
        WorkerRequest::Analyze(r) => WorkerResponse::Analyzed(run(r)),
        WorkerRequest::Compare(r) => WorkerResponse::Compared(run_compare(r)),
    }
}

/// A request as a message: `[seq, doc, text]`.
pub fn encode_request(r: &AnalyzeRequest) -> JsValue {
    js_sys::Array::of3(&(r.seq as f64).into(), &r.doc.0.into(), &JsValue::from_str(&r.text)).into()
}

/// The request in a message, if it is one.
pub fn decode_request(v: &JsValue) -> Option<AnalyzeRequest> {
    let a: &js_sys::Array = v.dyn_ref()?;
    Some(AnalyzeRequest {
        seq: a.get(0).as_f64()? as u64,
        doc: DocId(a.get(1).as_f64()? as u32),
        text: a.get(2).as_string()?,
    })
}

/// A response as a message: `[seq, doc, engine_ms, error, head, claims…]` (`error` is a string
/// or `null`, `head` and the claim chunks strings).
pub fn encode_response(r: &AnalyzeResponse) -> JsValue {
    let a = js_sys::Array::of3(&(r.seq as f64).into(), &r.doc.0.into(), &r.engine_ms.into());
    match &r.outcome {
        Ok(json) => {
            a.push(&JsValue::NULL);
            a.push(&JsValue::from_str(&json.head));
            for c in &json.claims {
                a.push(&JsValue::from_str(c));
            }
        }
        Err(e) => {
            a.push(&JsValue::from_str(e));
        }
    }
    a.into()
}

/// The response in a message, if it is one.
pub fn decode_response(v: &JsValue) -> Option<AnalyzeResponse> {
    let a: &js_sys::Array = v.dyn_ref()?;
    let outcome = match a.get(3).as_string() {
        Some(e) => Err(e),
        None => Ok(AnalysisJson {
            head: a.get(4).as_string()?,
            claims: (5..a.length()).filter_map(|i| a.get(i).as_string()).collect(),
        }),
    };
    Some(AnalyzeResponse {
        seq: a.get(0).as_f64()? as u64,
        doc: DocId(a.get(1).as_f64()? as u32),
        outcome,
        engine_ms: a.get(2).as_f64()?,
    })
}

/// A comparison request as a message: `[seq, "compare", a, b]`.
pub fn encode_compare_request(r: &CompareRequest) -> JsValue {
    let a = js_sys::Array::of2(&(r.seq as f64).into(), &JsValue::from_str(COMPARE));
    a.push(&JsValue::from_str(&r.a));
    a.push(&JsValue::from_str(&r.b));
    a.into()
}

/// The comparison request in a message, if it is one.
pub fn decode_compare_request(v: &JsValue) -> Option<CompareRequest> {
    let m: &js_sys::Array = v.dyn_ref()?;
    (m.get(1).as_string()? == COMPARE).then_some(())?;
    Some(CompareRequest { seq: m.get(0).as_f64()? as u64, a: m.get(2).as_string()?, b: m.get(3).as_string()? })
}

/// A comparison response as a message: `[seq, "compare", error]` or
/// `[seq, "compare", null, speakers, pairs, only, differences]` (arrays of numbers, and of
/// strings for the differences).
pub fn encode_compare_response(r: &CompareResponse) -> JsValue {
    let m = js_sys::Array::of2(&(r.seq as f64).into(), &JsValue::from_str(COMPARE));
    match &r.outcome {
        Ok(flat) => {
            let numbers =
                |v: &[u32]| -> JsValue { v.iter().map(|n| JsValue::from(*n)).collect::<js_sys::Array>().into() };
            m.push(&JsValue::NULL);
            m.push(&numbers(&flat.speakers));
            m.push(&numbers(&flat.pairs));
            m.push(&numbers(&flat.only));
            m.push(&flat.differences.iter().map(|s| JsValue::from_str(s)).collect::<js_sys::Array>());
        }
        Err(e) => {
            m.push(&JsValue::from_str(e));
        }
    }
    m.into()
}

/// The comparison response in a message, if it is one.
pub fn decode_compare_response(v: &JsValue) -> Option<CompareResponse> {
    let m: &js_sys::Array = v.dyn_ref()?;
    (m.get(1).as_string()? == COMPARE).then_some(())?;
    let seq = m.get(0).as_f64()? as u64;
    if let Some(e) = m.get(2).as_string() {
        return Some(CompareResponse { seq, outcome: Err(e) });
    }
    let numbers = |i: u32| -> Option<Vec<u32>> {
        let a: js_sys::Array = m.get(i).dyn_into().ok()?;
        a.iter().map(|n| n.as_f64().map(|n| n as u32)).collect()
    };
    let strings: js_sys::Array = m.get(6).dyn_into().ok()?;
    let flat = Flat {
        speakers: numbers(3)?,
        pairs: numbers(4)?,
        only: numbers(5)?,
        differences: strings.iter().map(|s| s.as_string()).collect::<Option<_>>()?,
    };
    Some(CompareResponse { seq, outcome: Ok(flat) })
}

/// The tag of comparison messages.
const COMPARE: &str = "compare";

/// Starts the worker (its loader shim at `loader_url`).
pub fn spawn(loader_url: &str) -> Result<web_sys::Worker, JsValue> {
    web_sys::Worker::new(loader_url)
}

/// Inside the worker (the worker binary's `main`): answers every analysis request.
pub fn register() {
    serve(|data, reply| {
        let Some(request) = decode_request(&data) else { return };
        // Test hooks (tests/e2e/worker.test.mjs): a worker that hangs or crashes, to check
        // that the page stops it and the next analysis works.
        match request.text.as_str() {
            HOOK_HANG => loop {
                std::hint::spin_loop();
            },
            HOOK_CRASH => panic!("test hook"),
            _ => {}
        }
        answer(reply, move || encode_response(&run(request)));
    });
}

/// Inside the comparison worker (the `compare_worker` binary's `main`): answers every
/// comparison request.
pub fn register_compare() {
    serve(|data, reply| {
        if let Some(request) = decode_compare_request(&data) {
            answer(reply, move || encode_compare_response(&run_compare(request)));
        }
    });
}

/// Hands every message to `on_message` (with the scope to reply to), starts fetching the
/// learned model, then says the worker is ready.
fn serve(on_message: fn(JsValue, web_sys::DedicatedWorkerGlobalScope)) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        on_message(e.data(), reply.clone());
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    super::model::start();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// Posts `response()` once the learned model is in (fetched as the worker starts: a request
/// waits for it only while it is still loading).
fn answer(reply: web_sys::DedicatedWorkerGlobalScope, response: impl FnOnce() -> JsValue + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        super::model::ensure().await;
        let _ = reply.post_message(&response());
    });
}

/// A monotonic clock in milliseconds: `performance.now()` in a window or a worker.
pub fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}
