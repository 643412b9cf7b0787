//! The learned model in the app: the worker fetches `whosaid.model` (served next to the app's
//! files) once and installs it in the engine. Until it has arrived, or if it cannot, analyses use
//! the rules alone and say so in a diagnostic.

use std::cell::RefCell;

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::engine::attribution::learned;

/// The model file, relative to the worker's script (the app's folder, under any sub-path).
pub const URL: &str = "whosaid.model";

/// Where loading the model stands in this worker.
enum State {
    /// Resolves when the fetch has ended (installed or failed).
    Loading(Promise),
    Done(Result<(), String>),
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// Starts fetching the model, once per worker (the worker calls it as it starts, so the
/// download overlaps the user's paste).
pub fn start() {
    if learned::embedded().is_some() || STATE.with(|s| s.borrow().is_some()) {
        return;
    }
    let loading = wasm_bindgen_futures::future_to_promise(async {
        let outcome = fetch(URL).await.and_then(|bytes| {
            if learned::install(bytes) {
                Ok(())
            } else {
                Err(format!("{URL} is not a model for this version of whosaid"))
            }
        });
        STATE.with(|s| *s.borrow_mut() = Some(State::Done(outcome)));
        Ok(JsValue::UNDEFINED)
    });
    STATE.with(|s| {
        if s.borrow().is_none() {
            *s.borrow_mut() = Some(State::Loading(loading));
        }
    });
}

/// Waits until the model is installed or has failed to load (starting the fetch if needed).
pub async fn ensure() {
    start();
    let pending = STATE.with(|s| match &*s.borrow() {
        Some(State::Loading(p)) => Some(p.clone()),
        _ => None,
    });
    if let Some(p) = pending {
        let _ = JsFuture::from(p).await;
    }
}

/// Why the model is not in use, once loading it has failed.
pub fn failure() -> Option<String> {
    STATE.with(|s| match &*s.borrow() {
        Some(State::Done(Err(e))) => Some(e.clone()),
        _ => None,
    })
}

fn js_err(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// `fetch(url)` on the global scope (a window or a worker), its body as bytes.
pub(crate) async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let global = js_sys::global();
    let fetch: Function = Reflect::get(&global, &"fetch".into()).map_err(js_err)?.dyn_into().map_err(js_err)?;
    let promise: Promise = fetch.call1(&global, &url.into()).map_err(js_err)?.dyn_into().map_err(js_err)?;
    let response = JsFuture::from(promise).await.map_err(|e| format!("cannot fetch {url}: {}", js_err(e)))?;
    let ok = Reflect::get(&response, &"ok".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
    if !ok {
        // An integer status: formatting an f64 would pull core's float printing into the worker.
        let status = Reflect::get(&response, &"status".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
        return Err(format!("cannot fetch {url}: HTTP {status}"));
    }
    let body: Function = Reflect::get(&response, &"arrayBuffer".into()).map_err(js_err)?.dyn_into().map_err(js_err)?;
    let promise: Promise = body.call0(&response).map_err(js_err)?.dyn_into().map_err(js_err)?;
    let buffer = JsFuture::from(promise).await.map_err(|e| format!("cannot read {url}: {}", js_err(e)))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
