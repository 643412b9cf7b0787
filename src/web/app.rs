//! The root component: wires the editor, the worker, the state and the panels together.
//!
//! Side effects live here and only here: the debounce timer, requests to the worker (through
//! an [`Analyzer`] that keeps at most one request in flight and coalesces the rest), draft
//! saving, file reading, downloads and the clipboard. Components only render.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{FileList, HtmlTextAreaElement};
use yew::prelude::*;

use super::compare::{Comparison, Flat};
use super::components::article::{legend, Article};
use super::components::claims::Claims;
use super::components::compare::CompareView;
use super::components::editor::Editor;
use super::components::notice::NoticeView;
use super::components::speakers::Speakers;
use super::components::status::Status;
use super::components::summary::{filter_chip, Strip, Summary};
use super::corrections::{self, Correction};
use super::download;
use super::examples;
use super::highlight::Annotated;
use super::input::{self, human_size, InputError, MAX_INPUT_BYTES};
use super::state::{Action, Analysed, DocId, Notice, NoticeKind, Run, Selection, State};
use super::storage;
use super::summary::Shown;
use super::worker::{self, AnalyzeRequest, AnalyzeResponse, CompareRequest, WorkerRequest, WorkerResponse};
use crate::engine::export;

/// Milliseconds of quiet after an edit before the analysis starts.
pub const DEBOUNCE_MS: u32 = 400;

/// How long the worker may take before the app gives up on it and starts a fresh one.
pub const WATCHDOG_MS: u32 = 30_000;

/// Where the engine runs.
#[derive(Clone, Debug)]
pub enum Backend {
    /// In a web worker loaded from this (relative) URL: the app's normal mode.
    Worker(AttrValue),
    /// On the main thread, through this function (browser tests, where no worker script is
    /// served: pass [`worker::handle`]). A function pointer rather than a direct call so the
    /// main thread's wasm does not link the engine unless asked to.
    Inline(fn(WorkerRequest) -> WorkerResponse),
}

impl PartialEq for Backend {
    fn eq(&self, other: &Backend) -> bool {
        match (self, other) {
            (Backend::Worker(a), Backend::Worker(b)) => a == b,
            // Function pointers have no reliable identity; any inline backend is "the same".
            (Backend::Inline(_), Backend::Inline(_)) => true,
            _ => false,
        }
    }
}

impl Default for Backend {
    fn default() -> Backend {
        Backend::Worker(AttrValue::Static(worker::WORKER_LOADER))
    }
}

/// Props of [`App`].
#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    /// Where the engine runs.
    #[prop_or_default]
    pub backend: Backend,
    /// Restore (and keep) the draft in localStorage.
    #[prop_or(true)]
    pub keep_draft: bool,
}

impl Default for AppProps {
    fn default() -> AppProps {
        AppProps { backend: Backend::default(), keep_draft: true }
    }
}

/// A request waiting for, or in, the worker.
struct Job {
    seq: u64,
    doc: DocId,
    text: Rc<str>,
}

/// The request in the worker.
struct InFlight {
    job: Job,
    started: f64,
}

/// The worker, with the handlers that must live as long as it.
struct Live {
    worker: web_sys::Worker,
    /// It said it is ready for requests ([`worker::READY`]).
    ready: bool,
    _onmessage: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

/// Talks to the worker: one request in flight at a time; a newer request for another document
/// waits (at most one per document), a newer request for the same document terminates the
/// worker at once (its answer would be stale) and starts a fresh one. A worker that fails or
/// does not answer within [`WATCHDOG_MS`] is terminated too: the page never waits on it.
struct Analyzer {
    backend: Backend,
    dispatch: UseReducerDispatcher<State>,
    /// Use the corrections kept in localStorage.
    keep: bool,
    live: Option<Live>,
    next_seq: u64,
    current: Option<InFlight>,
    /// Waiting requests, at most one per document.
    queued: Vec<Job>,
    watchdog: Option<Timeout>,
    /// The worker of the comparison in progress and its watchdog: a worker of its own, so that
    /// an analysis that stops its worker (a newer text) never loses a comparison.
    comparing: Option<(Live, Timeout)>,
}

impl Live {
    /// Terminates the worker. Its message and error closures are dropped in a later task, not
    /// here: this is reached from inside them (an answer that starts the next request, an
    /// error), and dropping a closure while it runs is an error ("closure invoked recursively
    /// or after being dropped").
    fn stop(self) {
        self.worker.terminate();
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        wasm_bindgen_futures::spawn_local(async move { drop(self) });
    }
}

type SharedAnalyzer = Rc<RefCell<Analyzer>>;

/// A file name and its bytes, kept after a UTF-8 refusal.
type LossyBytes = Rc<RefCell<Option<(String, Rc<[u8]>)>>>;

impl Analyzer {
    fn new(backend: Backend, dispatch: UseReducerDispatcher<State>, keep: bool) -> Analyzer {
        Analyzer {
            backend,
            dispatch,
            keep,
            live: None,
            next_seq: 1,
            current: None,
            queued: Vec::new(),
            watchdog: None,
            comparing: None,
        }
    }

    /// Starts the worker if there is none (early, so the first analysis does not wait for it).
    fn warm_up(this: &SharedAnalyzer) {
        let url = match &this.borrow().backend {
            Backend::Worker(url) if this.borrow().live.is_none() => url.clone(),
            _ => return,
        };
        let worker = match worker::spawn(&url) {
            Ok(w) => w,
            Err(_) => return, // reported when a request finds no worker
        };
        let weak = Rc::downgrade(this);
        let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let Some(this) = weak.upgrade() else { return };
            let data = e.data();
            if data.as_string().as_deref() == Some(worker::READY) {
                bench_mark("ws:ready");
                let mut a = this.borrow_mut();
                if let Some(live) = a.live.as_mut() {
                    live.ready = true;
                }
                a.post_current();
            } else if let Some(response) = worker::decode_response(&data) {
                bench_mark("ws:response");
                Analyzer::finish(&this, response);
            }
        });
        let weak = Rc::downgrade(this);
        let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            // The engine trapped (a panic aborts) or the worker did not load: the error is
            // reported here, not in the console.
            e.prevent_default();
            let Some(this) = weak.upgrade() else { return };
            let message = js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string());
            Analyzer::fail(&this, &format!("the analysis failed in the worker ({})", message.unwrap_or_default()));
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        this.borrow_mut().live = Some(Live { worker, ready: false, _onmessage: onmessage, _onerror: onerror });
    }

    /// Terminates the worker (the next request starts a new one).
    fn kill(&mut self) {
        if let Some(live) = self.live.take() {
            live.stop();
        }
    }

    /// Sends the request in flight to the worker once it is ready.
    fn post_current(&self) {
        if let (Some(live), Some(c)) = (self.live.as_ref().filter(|l| l.ready), self.current.as_ref()) {
            let request = AnalyzeRequest { seq: c.job.seq, doc: c.job.doc, text: c.job.text.to_string() };
            bench_mark("ws:posted");
            let _ = live.worker.post_message(&worker::encode_request(&request));
        }
    }

    fn request(this: &SharedAnalyzer, doc: DocId, text: Rc<str>) {
        bench_mark("ws:request");
        let job = {
            let mut a = this.borrow_mut();
            // The same text of the same document is already being analysed (a paste, which
            // analyses at once, then a click on Analyze): its answer will do. Starting again
            // would stop that worker and wait for a fresh one.
            // (Announced again: the state may have let go of it meanwhile, the text cleared.)
            if let Some(c) = a.current.as_ref().filter(|c| c.job.doc == doc && c.job.text == text) {
                a.dispatch.dispatch(Action::AnalysisStarted { doc, seq: c.job.seq });
                return;
            }
            let seq = a.next_seq;
            a.next_seq += 1;
            a.dispatch.dispatch(Action::AnalysisStarted { doc, seq });
            let job = Job { seq, doc, text };
            match a.current.as_ref().map(|c| c.job.doc) {
                // The answer in progress is for an older text of this document: stop it now.
                Some(d) if d == doc && matches!(a.backend, Backend::Worker(_)) => {
                    a.kill();
                    a.current = None;
                    a.watchdog = None;
                }
                Some(_) => {
                    a.queued.retain(|j| j.doc != doc);
                    a.queued.push(job);
                    return;
                }
                None => {}
            }
            job
        };
        Analyzer::start(this, job);
    }

    fn start(this: &SharedAnalyzer, job: Job) {
        let started = worker::now_ms();
        let backend = this.borrow().backend.clone();
        match backend {
            Backend::Inline(run) => {
                let request = AnalyzeRequest { seq: job.seq, doc: job.doc, text: job.text.to_string() };
                this.borrow_mut().current = Some(InFlight { job, started });
                let this = this.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let WorkerResponse::Analyzed(response) = run(WorkerRequest::Analyze(request)) {
                        Analyzer::finish(&this, response);
                    }
                });
            }
            Backend::Worker(_) => {
                Analyzer::warm_up(this);
                let seq = job.seq;
                let mut a = this.borrow_mut();
                a.current = Some(InFlight { job, started });
                if a.live.is_none() {
                    drop(a);
                    Analyzer::fail(this, "the browser could not start the analysis worker");
                    return;
                }
                let watchdog = {
                    let this = this.clone();
                    let ms = watchdog_ms();
                    Timeout::new(ms, move || {
                        if this.borrow().current.as_ref().is_some_and(|c| c.job.seq == seq) {
                            let why = format!(
                                "the analysis did not finish within {} s; the worker was stopped",
                                ms.div_ceil(1000)
                            );
                            Analyzer::fail(&this, &why);
                        }
                    })
                };
                a.watchdog = Some(watchdog);
                a.post_current();
            }
        }
    }

    /// Ends the request in flight with an error and terminates the worker.
    fn fail(this: &SharedAnalyzer, why: &str) {
        let response = {
            let mut a = this.borrow_mut();
            a.kill();
            let Some(c) = a.current.as_ref() else { return };
            AnalyzeResponse { seq: c.job.seq, doc: c.job.doc, outcome: Err(why.to_string()), engine_ms: 0.0 }
        };
        Analyzer::finish(this, response);
    }

    /// Takes the worker's answer. The work is spread over many short tasks (parse the JSON a
    /// chunk at a time, cut the text into marks step by step, then update the state and
    /// render) so that even a multi-megabyte article never blocks the page for long.
    fn finish(this: &SharedAnalyzer, response: AnalyzeResponse) {
        let (next, dispatch, text, started) = {
            let mut a = this.borrow_mut();
            if a.current.as_ref().map(|c| c.job.seq) != Some(response.seq) {
                return; // answered after the request was given up
            }
            let Some(InFlight { job, started }) = a.current.take() else { return };
            a.watchdog = None;
            let next = if a.queued.is_empty() { None } else { Some(a.queued.remove(0)) };
            (next, a.dispatch.clone(), job.text, started)
        };
        let keep = this.borrow().keep;
        if let Some(job) = next {
            Analyzer::start(this, job);
        }
        let AnalyzeResponse { seq, doc, outcome, engine_ms } = response;
        let total_ms = worker::now_ms() - started;
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = match outcome {
                Ok(json) => match json.decode_in_steps().await {
                    Ok(raw) => {
                        bench_mark("ws:decoded");
                        // The corrections kept for this text, unless made on another analysis of it.
                        let key = (corrections::hash(&text), corrections::fingerprint(&raw));
                        let kept = if keep { storage::load_corrections(key.0, key.1) } else { Ok(Vec::new()) };
                        if let Err(n) = kept {
                            let _ = storage::save_corrections(key.0, key.1, &[]);
                            dispatch.dispatch(Action::Notify(Notice::info(format!(
                                "{n} correction(s) to this text were dropped: the engine now analyses it differently."
                            ))));
                        }
                        let mut a = Analysed::new(seq, text, Rc::new(raw), key, kept.unwrap_or_default());
                        a.annotated = Rc::new(Annotated::new_in_steps(&a.text, &a.analysis, yield_now).await);
                        bench_mark("ws:annotated");
                        (a.total_ms, a.engine_ms) = (total_ms, engine_ms);
                        Ok(a)
                    }
                    Err(e) => Err(e),
                },
                Err(e) => Err(e),
            };
            yield_now().await;
            bench_mark("ws:dispatch");
            dispatch.dispatch(Action::AnalysisFinished { doc, seq, outcome });
        });
    }
}

/// [`WATCHDOG_MS`], or a shorter time the end-to-end tests set in `window.whosaidTestWatchdogMs`
/// (tests/e2e/worker.test.mjs: the watchdog itself is tested without waiting 30 s). Read at
/// each request; it can only shorten the watchdog.
fn watchdog_ms() -> u32 {
    js_sys::Reflect::get(&gloo::utils::window(), &"whosaidTestWatchdogMs".into())
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|ms| (1.0..WATCHDOG_MS as f64).contains(ms))
        .map_or(WATCHDOG_MS, |ms| ms as u32)
}

/// A `performance.mark` for the benchmark's paste → rendered breakdown (`bench/run.mjs`); only
/// in the benchmark's build (feature `bench-api`), nothing in the shipped app.
#[cfg(feature = "bench-api")]
fn bench_mark(name: &str) {
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.mark(name);
    }
}

#[cfg(not(feature = "bench-api"))]
fn bench_mark(_: &str) {}

/// The benchmark's last mark: the results of request `seq` are in the DOM.
#[cfg(feature = "bench-api")]
#[hook]
fn use_bench_rendered(seq: Option<u64>) {
    use_effect_with(seq, |_| bench_mark("ws:rendered"));
}

#[cfg(not(feature = "bench-api"))]
#[hook]
fn use_bench_rendered(_seq: Option<u64>) {}

impl Analyzer {
    /// Compares two documents' texts in a worker started for it (stopped when it answers, fails
    /// or outlives the watchdog), or inline; a newer comparison replaces an older one.
    fn compare(this: &SharedAnalyzer, docs: [DocId; 2], sides: [Analysed; 2]) {
        let (seq, backend, dispatch) = {
            let mut a = this.borrow_mut();
            if let Some((live, _)) = a.comparing.take() {
                live.stop();
            }
            a.next_seq += 1;
            (a.next_seq - 1, a.backend.clone(), a.dispatch.clone())
        };
        let request = CompareRequest { seq, a: sides[0].text.to_string(), b: sides[1].text.to_string() };
        dispatch.dispatch(Action::CompareStarted { seq, docs, sides: Box::new(sides) });
        let url = match backend {
            Backend::Inline(run) => {
                // On the main thread (browser tests): answered at once, after CompareStarted.
                if let WorkerResponse::Compared(r) = run(WorkerRequest::Compare(request)) {
                    Analyzer::compared(&dispatch, r.seq, r.outcome);
                }
                return;
            }
            Backend::Worker(_) => worker::COMPARE_LOADER,
        };
        let Ok(worker) = worker::spawn(url) else {
            return Analyzer::compared(&dispatch, seq, Err("the browser could not start a worker".into()));
        };
        // Ends the comparison `seq` if it is still the one in progress.
        let end = {
            let weak = Rc::downgrade(this);
            move |seq: u64, outcome: Result<Flat, String>| {
                let Some(this) = weak.upgrade() else { return };
                let mut a = this.borrow_mut();
                if let Some((live, watchdog)) = a.comparing.take() {
                    live.stop();
                    // Maybe called from the watchdog itself: let go of it after it has run.
                    wasm_bindgen_futures::spawn_local(async move { drop(watchdog) });
                }
                Analyzer::compared(&a.dispatch, seq, outcome);
            }
        };
        let onmessage = {
            let (end, worker, message) = (end.clone(), worker.clone(), worker::encode_compare_request(&request));
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                if data.as_string().as_deref() == Some(worker::READY) {
                    let _ = worker.post_message(&message);
                } else if let Some(r) = worker::decode_compare_response(&data) {
                    end(r.seq, r.outcome);
                }
            })
        };
        let onerror = {
            let end = end.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                e.prevent_default();
                let message = js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string());
                end(seq, Err(format!("the comparison failed in the worker ({})", message.unwrap_or_default())));
            })
        };
        let ms = watchdog_ms();
        let watchdog = Timeout::new(ms, move || {
            end(
                seq,
                Err(format!("the comparison did not finish within {} s; the worker was stopped", ms.div_ceil(1000))),
            )
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        let live = Live { worker, ready: false, _onmessage: onmessage, _onerror: onerror };
        this.borrow_mut().comparing = Some((live, watchdog));
    }

    /// Hands a comparison's outcome to the state (which ignores an outdated one).
    fn compared(dispatch: &UseReducerDispatcher<State>, seq: u64, outcome: Result<Flat, String>) {
        let outcome = outcome.map(|flat| Rc::new(Comparison::from_flat(flat)));
        dispatch.dispatch(Action::CompareFinished { seq, outcome });
    }
}

/// Lets the browser run other tasks (input, rendering) before going on.
async fn yield_now() {
    gloo::timers::future::TimeoutFuture::new(0).await;
}

/// Everything the callbacks need, cloned into each of them.
#[derive(Clone)]
struct Ctx {
    dispatch: UseReducerDispatcher<State>,
    /// The state as of the latest render.
    current: Rc<RefCell<Rc<State>>>,
    analyzer: SharedAnalyzer,
    textarea: NodeRef,
    timer: Rc<RefCell<Option<Timeout>>>,
    keep_draft: bool,
    /// Bytes of the last file refused as invalid UTF-8, for an explicit lossy load.
    lossy: LossyBytes,
    /// Where to scroll after the next selection change.
    scroll: Rc<RefCell<Option<ScrollTo>>>,
    /// The id the next opened document gets (the reducer's `next_doc`, known before it runs).
    next_doc: Rc<std::cell::Cell<u32>>,
    /// The editor is open although the text is analysed (else it folds into one line).
    editing: UseStateHandle<bool>,
    /// The view shown on narrow screens.
    view: UseStateHandle<View>,
    /// The list view (and its scroll position) a narrow screen left for the article when a
    /// card was picked: "Back to …" returns there.
    back: UseStateHandle<Option<(View, f64)>>,
}

/// What a narrow screen shows below the summary strip (a wide one shows everything).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum View {
    /// The annotated article.
    Article,
    /// The speakers.
    Speakers,
    /// The claims.
    Claims,
    /// The full summary.
    Summary,
}

impl View {
    const ALL: [(View, &'static str, &'static str); 4] = [
        (View::Article, "article", "Article"),
        (View::Speakers, "speakers", "Speakers"),
        (View::Claims, "claims", "Claims"),
        (View::Summary, "summary", "Summary"),
    ];
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum ScrollTo {
    Article,
    Panels,
}

impl Ctx {
    /// Shows the article (narrow screens), remembering the list view it was picked from.
    fn to_article(&self) {
        if *self.view != View::Article {
            let y = gloo::utils::window().scroll_y().unwrap_or(0.0);
            self.back.set(Some((*self.view, y)));
            self.view.set(View::Article);
        }
    }

    fn state(&self) -> Rc<State> {
        self.current.borrow().clone()
    }

    fn active(&self) -> DocId {
        self.state().active
    }

    fn cancel_timer(&self) {
        self.timer.borrow_mut().take();
    }

    fn editor_text(&self) -> Option<String> {
        self.textarea.cast::<HtmlTextAreaElement>().map(|a| a.value())
    }

    /// Sends `text` to the worker, or explains why not. `explicit`: the user pressed Analyze.
    fn analyse(&self, doc: DocId, text: Rc<str>, explicit: bool) {
        if text.trim().is_empty() {
            if explicit {
                let why = "the text is empty. Paste an article, open a file or try an example.";
                self.dispatch.dispatch(Action::AnalysisRefused { doc, reason: why.to_string() });
                self.dispatch.dispatch(Action::Notify(Notice::error(format!("Nothing to analyse: {why}"))));
            } else {
                self.dispatch.dispatch(Action::AnalysisReset(doc));
            }
            return;
        }
        if text.len() > MAX_INPUT_BYTES {
            let why = format!(
                "the text is {}, above the {} limit. It is still in the editor; shorten it to analyse it.",
                human_size(text.len()),
                human_size(MAX_INPUT_BYTES)
            );
            self.dispatch.dispatch(Action::AnalysisRefused { doc, reason: why.clone() });
            self.dispatch.dispatch(Action::Notify(Notice::error(format!("Not analysed: {why}"))));
            return;
        }
        Analyzer::request(&self.analyzer, doc, text);
    }

    /// Keeps the draft for the next visit, in a task of its own (a big draft takes a while).
    /// A text above the input limit is not kept (the refusal message says why); a failure to
    /// keep one is reported unless another message is showing.
    /// `store`: where the document's draft is kept (empty: a new place).
    /// `source`: the Markdown file the text came from (kept with it while it still applies).
    fn save_draft(&self, doc: DocId, store: &str, name: &str, text: &Rc<str>, source: Option<&Rc<str>>) {
        if !self.keep_draft || text.len() > MAX_INPUT_BYTES {
            return;
        }
        let dispatch = self.dispatch.clone();
        let current = self.current.clone();
        let store = if store.is_empty() {
            // A document's first save: its place, known to the state at once.
            let id = storage::new_id();
            self.dispatch.dispatch(Action::Stored { doc, store: id.clone() });
            id
        } else {
            store.to_string()
        };
        let (name, text) = (name.to_string(), text.clone());
        let markdown = source.cloned();
        Timeout::new(0, move || match storage::save(&store, &name, &text, markdown.as_deref()) {
            Ok(id) if id == store => {}
            // A new document, or another tab changed its draft: it is kept elsewhere now.
            Ok(id) => dispatch.dispatch(Action::Stored { doc, store: id }),
            Err(e) => {
                if current.borrow().notice.is_none() {
                    dispatch.dispatch(Action::Notify(Notice::info(e)));
                }
            }
        })
        .forget();
    }

    /// Commits a pending edit, then shows another document.
    fn activate(&self, doc: DocId) {
        if self.timer.borrow().is_some() {
            self.commit(false);
        }
        self.dispatch.dispatch(Action::Activate(doc));
    }

    /// Opens an empty document.
    fn open_blank(&self) {
        if self.timer.borrow().is_some() {
            self.commit(false);
        }
        self.take_id();
        self.dispatch.dispatch(Action::Open {
            name: "Draft".into(),
            text: Rc::from(""),
            source: None,
            store: String::new(),
            opener: None,
        });
    }

    /// The id of the next opened document.
    fn take_id(&self) -> DocId {
        let id = self.next_doc.get().max(self.state().next_doc);
        self.next_doc.set(id + 1);
        DocId(id)
    }

    /// The editor's content changed: take it, save it, analyse it.
    fn commit(&self, explicit: bool) {
        self.cancel_timer();
        let Some(text) = self.editor_text() else {
            return;
        };
        let state = self.state();
        let doc = state.active_doc();
        let text: Rc<str> = if *doc.text == *text { doc.text.clone() } else { Rc::from(text) };
        self.dispatch.dispatch(Action::Edited { doc: doc.id, text: text.clone() });
        self.analyse(doc.id, text.clone(), explicit);
        self.save_draft(doc.id, &doc.store, &doc.name, &text, doc.source.as_ref());
    }

    /// Keeps a pending edit now, synchronously: the page is being hidden or unloaded, and a
    /// debounced save would never run. Words typed just before a reload are not lost.
    fn flush(&self) {
        if self.timer.borrow().is_none() {
            return;
        }
        self.cancel_timer();
        let Some(text) = self.editor_text() else {
            return;
        };
        let state = self.state();
        let doc = state.active_doc();
        if self.keep_draft && text.len() <= MAX_INPUT_BYTES {
            let store = if doc.store.is_empty() { storage::new_id() } else { doc.store.clone() };
            if let Ok(id) = storage::save(&store, &doc.name, &text, doc.source.as_deref()) {
                self.dispatch.dispatch(Action::Stored { doc: doc.id, store: id });
            }
        }
        let text: Rc<str> = Rc::from(text);
        self.dispatch.dispatch(Action::Edited { doc: doc.id, text: text.clone() });
        // The page may stay (another browser tab was shown): the results follow the text.
        self.analyse(doc.id, text, false);
    }

    /// Opens a text (file, example): in the active document when it is empty, else in a new
    /// one ("Undo" closes it again). `markdown`: the file `text` was converted from, if any.
    fn load(&self, name: String, text: String, markdown: Option<String>) {
        self.cancel_timer();
        self.editing.set(false);
        let state = self.state();
        let active = state.active_doc();
        let text: Rc<str> = Rc::from(text);
        let source: Option<Rc<str>> = markdown.map(Rc::from);
        let message = format!("Opened “{name}” ({}).", human_size(text.len()));
        let (doc, store, undo) = if active.text.trim().is_empty()
            && self.editor_text().is_none_or(|t| t.trim().is_empty())
            && self.next_doc.get() <= state.next_doc
        {
            let (name, text, source) = (name.clone(), text.clone(), source.clone());
            self.dispatch.dispatch(Action::Load { doc: active.id, name, text, source });
            (active.id, active.store.clone(), false)
        } else {
            let (id, store) = (self.take_id(), storage::new_id());
            let opener = Some(active.id);
            self.dispatch.dispatch(Action::Open {
                name: name.clone(),
                text: text.clone(),
                source: source.clone(),
                store: store.clone(),
                opener,
            });
            (id, store, true)
        };
        self.dispatch.dispatch(Action::Notify(Notice { undo, ..Notice::info(message) }));
        self.analyse(doc, text.clone(), true);
        self.save_draft(doc, &store, &name, &text, source.as_ref());
    }

    fn open_files(&self, files: FileList) {
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let n = files.len();
            for file in files {
                this.open_file(file).await;
            }
            if n > 1 {
                this.dispatch.dispatch(Action::Notify(Notice::info(format!("Opened {n} files, one tab each."))));
            }
        });
    }

    async fn open_file(&self, file: web_sys::File) {
        let this = self;
        {
            let name = file.name();
            match input::read_file(file).await {
                Ok(loaded) => this.load(loaded.name, loaded.text, loaded.markdown),
                Err(e) => {
                    let lossy = if let InputError::NotUtf8 { bytes, .. } = &e {
                        *this.lossy.borrow_mut() = Some((name.clone(), bytes.clone()));
                        true
                    } else {
                        false
                    };
                    let text = format!("“{name}” was not opened: {e} Your text is unchanged.");
                    this.dispatch.dispatch(Action::Notify(Notice { lossy, ..Notice::error(text) }));
                }
            }
        }
    }

    /// Changes the active document's corrections (kept with its text): drops the last `undo`
    /// of them, then adds `add` (ids as shown).
    fn correct(&self, undo: usize, add: Option<Correction>) {
        let state = self.state();
        let doc = state.active_doc();
        let Some(a) = &doc.analysed else { return };
        let mut list = a.corrections[..a.corrections.len().saturating_sub(undo)].to_vec();
        list.extend(add.map(|c| a.to_engine(c)));
        let next = a.with_corrections(list);
        if self.keep_draft {
            if let Err(e) = storage::save_corrections(next.key.0, next.key.1, &next.corrections) {
                self.dispatch.dispatch(Action::Notify(Notice::error(e)));
            }
        }
        self.dispatch.dispatch(Action::Corrected(doc.id, next));
    }

    /// Compares two documents, once both are analysed.
    fn compare(&self, a: DocId, b: DocId) {
        if self.timer.borrow().is_some() {
            self.commit(false);
        }
        let state = self.state();
        let ready = |id: DocId| {
            state.doc(id).and_then(|d| match (&d.analysed, &d.run) {
                (Some(an), Run::Done) if *an.text == *d.text => Some(an.clone()),
                _ => None,
            })
        };
        let error = if a == b {
            "Choose two different documents to compare."
        } else {
            match (ready(a), ready(b)) {
                (Some(x), Some(y)) => {
                    self.dispatch.dispatch(Action::Dismiss);
                    Analyzer::compare(&self.analyzer, [a, b], [x, y]);
                    return;
                }
                _ => "Both documents must be analysed before they can be compared: wait for the analysis to finish.",
            }
        };
        self.dispatch.dispatch(Action::Notify(Notice::error(error)));
    }

    fn select(&self, selection: Selection, scroll: ScrollTo) {
        *self.scroll.borrow_mut() = Some(scroll);
        self.dispatch.dispatch(Action::Select { doc: self.active(), selection });
    }
}

/// Scrolls the first element matching `selector` to the middle of its scrolling box, then
/// checks again once layout has settled (paragraphs off screen are laid out only when they
/// come near it, `content-visibility: auto`, so the first jump can land off by their
/// estimated heights) and corrects the position, a few times at most.
fn scroll_to(selector: &str) {
    fn jump(selector: String, tries: u32) {
        let Ok(Some(el)) = gloo::utils::document().query_selector(&selector) else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let height = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
        let middle = rect.top() + rect.height() / 2.0;
        // Already within the middle half of the screen: leave it there.
        if (height * 0.25..=height * 0.75).contains(&middle) {
            return;
        }
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        el.scroll_into_view_with_scroll_into_view_options(&options);
        if tries > 0 {
            Timeout::new(80, move || jump(selector, tries - 1)).forget();
        }
    }
    jump(selector.to_string(), 3);
}

/// The app.
#[component(App)]
pub fn app(props: &AppProps) -> Html {
    let keep_draft = props.keep_draft;
    let state = use_reducer(move || {
        let drafts = if keep_draft { storage::load_all() } else { Vec::new() };
        State::with_drafts(drafts)
    });
    let textarea = use_node_ref();
    let current = use_mut_ref(|| Rc::new(State::default()));
    *current.borrow_mut() = Rc::new((*state).clone());
    let analyzer = {
        let backend = props.backend.clone();
        let dispatch = state.dispatcher();
        use_memo((), move |_| Rc::new(RefCell::new(Analyzer::new(backend, dispatch, keep_draft))))
    };
    let ctx = Ctx {
        dispatch: state.dispatcher(),
        current: current.clone(),
        analyzer: (*analyzer).clone(),
        textarea: textarea.clone(),
        timer: use_mut_ref(|| None),
        keep_draft,
        lossy: use_mut_ref(|| None),
        scroll: use_mut_ref(|| None),
        next_doc: (*use_memo((), |_| Rc::new(std::cell::Cell::new(0)))).clone(),
        editing: use_state_eq(|| false),
        view: use_state_eq(|| View::Article),
        back: use_state(|| None),
    };

    // On mount: start the worker, analyse a restored draft, guard against file drops outside
    // the drop zone (the browser would navigate away from the draft), Escape unselects.
    {
        let ctx = ctx.clone();
        use_effect_with((), move |_| {
            Analyzer::warm_up(&ctx.analyzer);
            let state = ctx.state();
            // The shown document first.
            for doc in std::iter::once(state.active_doc()).chain(state.docs.iter().filter(|d| d.id != state.active)) {
                if !doc.text.trim().is_empty() {
                    ctx.analyse(doc.id, doc.text.clone(), false);
                }
            }
            let window = gloo::utils::window();
            let active = EventListenerOptions::enable_prevent_default();
            let dragover = EventListener::new_with_options(&window, "dragover", active, |e| {
                if let Some(dt) = carried_files(e) {
                    if !e.default_prevented() {
                        e.prevent_default();
                        dt.set_drop_effect("none");
                    }
                }
            });
            let drop = EventListener::new_with_options(&window, "drop", active, |e| {
                if carried_files(e).is_some() {
                    e.prevent_default();
                }
            });
            let keys = {
                let ctx = ctx.clone();
                EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if e.key() == "Escape" && ctx.state().active_doc().selection != Selection::None {
                        ctx.select(Selection::None, ScrollTo::Panels);
                    }
                })
            };
            // Keep a pending edit when the page goes away or out of sight.
            let pagehide = {
                let ctx = ctx.clone();
                EventListener::new(&window, "pagehide", move |_| ctx.flush())
            };
            let hidden = {
                let ctx = ctx.clone();
                EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                    if gloo::utils::document().hidden() {
                        ctx.flush();
                    }
                })
            };
            move || drop_all((dragover, drop, keys, pagehide, hidden))
        });
    }

    let doc = state.active_doc().clone();

    use_bench_rendered(doc.analysed.as_ref().map(|a| a.seq));

    // After a selection change, bring the linked items into view.
    {
        let scroll = ctx.scroll.clone();
        use_effect_with(doc.selection, move |selection| {
            let target = scroll.borrow_mut().take();
            match (target, *selection) {
                (_, Selection::None) | (None, _) => {}
                (Some(ScrollTo::Article), _) => scroll_to("#article .is-selected"),
                (Some(ScrollTo::Panels), Selection::Claim(c)) => scroll_to(&format!("#claims [data-claim-id=\"{c}\"]")),
                (Some(ScrollTo::Panels), Selection::Speaker(s)) => {
                    scroll_to(&format!("#speakers [data-speaker-id=\"{s}\"]"))
                }
            }
        });
    }

    // A paste or a drop is analysed at once (and the results come first); typing waits for a pause.
    let oninput = {
        let ctx = ctx.clone();
        Callback::from(move |pasted: bool| {
            if pasted {
                ctx.editing.set(false);
                ctx.commit(false);
            } else {
                let later = ctx.clone();
                *ctx.timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || later.commit(false)));
            }
        })
    };
    let onanalyze = {
        let ctx = ctx.clone();
        Callback::from(move |()| {
            ctx.editing.set(false);
            ctx.commit(true)
        })
    };
    let onedit = {
        let ctx = ctx.clone();
        Callback::from(move |()| {
            ctx.editing.set(true);
            let area = ctx.textarea.clone();
            // Once the editor is shown again.
            Timeout::new(0, move || {
                if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                    let _ = area.focus();
                }
            })
            .forget();
        })
    };
    let onfilter = {
        let ctx = ctx.clone();
        Callback::from(move |filter| ctx.dispatch.dispatch(Action::Filter { doc: ctx.active(), filter }))
    };
    let onclear = {
        let ctx = ctx.clone();
        Callback::from(move |()| {
            ctx.cancel_timer();
            let state = ctx.state();
            let doc = state.active_doc();
            let had_text = !doc.text.trim().is_empty() || ctx.editor_text().is_some_and(|t| !t.trim().is_empty());
            ctx.dispatch.dispatch(Action::Clear(doc.id));
            if ctx.keep_draft {
                storage::remove(&doc.store);
            }
            ctx.dispatch.dispatch(if had_text {
                Action::Notify(Notice { undo: true, ..Notice::info("Cleared the text.") })
            } else {
                Action::Dismiss
            });
            if let Some(area) = ctx.textarea.cast::<HtmlTextAreaElement>() {
                area.set_value("");
                let _ = area.focus();
            }
        })
    };
    let onundo = {
        let ctx = ctx.clone();
        Callback::from(move |()| {
            let state = ctx.state();
            let doc = state.active_doc();
            if let Some((name, text)) = doc.previous.clone() {
                ctx.dispatch.dispatch(Action::Undo(doc.id));
                ctx.analyse(doc.id, text.clone(), false);
                ctx.save_draft(doc.id, &doc.store, &name, &text, doc.source.as_ref());
            } else if doc.opener.is_some() {
                // Opened in a tab of its own: close it, back to the one shown before.
                if ctx.keep_draft {
                    storage::remove(&doc.store);
                }
                ctx.dispatch.dispatch(Action::Close(doc.id));
                ctx.dispatch.dispatch(Action::Dismiss);
            }
        })
    };
    let onlossy = {
        let ctx = ctx.clone();
        Callback::from(move |()| {
            let taken = ctx.lossy.borrow_mut().take();
            if let Some((name, bytes)) = taken {
                let mut text = input::decode_lossy(&bytes);
                if input::is_html(&name, "") {
                    match input::html_main_text(&text) {
                        Ok(t) => text = t,
                        Err(e) => {
                            let msg = format!("“{name}” was not opened: {e}");
                            ctx.dispatch.dispatch(Action::Notify(Notice::error(msg)));
                            return;
                        }
                    }
                }
                ctx.load(name, text, None);
            }
        })
    };
    let ondismiss = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |()| dispatch.dispatch(Action::Dismiss))
    };
    let onfiles = {
        let ctx = ctx.clone();
        Callback::from(move |files: FileList| ctx.open_files(files))
    };
    let onexample = {
        let ctx = ctx.clone();
        Callback::from(move |id: &'static str| {
            let Some(ex) = examples::by_id(id) else { return };
            let ctx = ctx.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = super::model::fetch(&format!("./{}", ex.file))
                    .await
                    .and_then(|bytes| String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string()));
                match text {
                    Ok(text) => ctx.load(ex.name.to_string(), text, None),
                    Err(e) => ctx.dispatch.dispatch(Action::Notify(Notice::error(format!(
                        "The example could not be opened ({e}); your text is unchanged."
                    )))),
                }
            });
        })
    };
    let on_article_select = {
        let ctx = ctx.clone();
        Callback::from(move |selection: Selection| ctx.select(selection, ScrollTo::Panels))
    };
    // A card picked in a list: on a narrow screen, the article is shown at its passage.
    let on_speaker_select = {
        let ctx = ctx.clone();
        Callback::from(move |id: Option<u32>| {
            if id.is_some() {
                ctx.to_article();
            }
            ctx.select(id.map_or(Selection::None, Selection::Speaker), ScrollTo::Article)
        })
    };
    let on_claim_select = {
        let ctx = ctx.clone();
        Callback::from(move |id: Option<u32>| {
            if id.is_some() {
                ctx.to_article();
            }
            ctx.select(id.map_or(Selection::None, Selection::Claim), ScrollTo::Article)
        })
    };
    let oncopy = {
        let ctx = ctx.clone();
        Callback::from(move |id: u32| {
            let state = ctx.state();
            let Some(analysed) = state.active_doc().analysed.clone() else {
                return;
            };
            let Some(claim) = analysed.analysis.claims.get(id as usize) else {
                return;
            };
            let text = export::claim_text(&analysed.text, &analysed.analysis, claim);
            let dispatch = ctx.dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let notice = match download::copy_text(&text).await {
                    Ok(()) => Notice::info(format!("Copied claim {} to the clipboard.", id + 1)),
                    Err(e) => Notice::error(format!(
                        "The claim could not be copied ({e}). Select its text and copy it instead: {text}"
                    )),
                };
                dispatch.dispatch(Action::Notify(notice));
            });
        })
    };
    let oncorrect = {
        let ctx = ctx.clone();
        Callback::from(move |c: Correction| ctx.correct(0, Some(c)))
    };
    let undo_correction = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.correct(1, None))
    };
    let reset_corrections = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.correct(usize::MAX, None))
    };
    let export_file = |json: bool| {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            let state = ctx.state();
            let doc = state.active_doc();
            let Some(a) = doc.analysed.as_ref() else {
                return;
            };
            let stem = download::file_stem(&doc.name);
            // Offsets in the Markdown file too, when the analysed text is still its conversion.
            let source = doc.source_map();
            let result = if json {
                let record = download::json(&doc.name, &a.text, &a.analysis, &a.corrections, source.as_ref());
                download::save_file(&format!("{stem}.whosaid.json"), "application/json", &record)
            } else {
                let csv = download::csv(&doc.name, &a.text, &a.analysis, source);
                download::save_file(&format!("{stem}.whosaid.csv"), "text/csv;charset=utf-8", &csv)
            };
            if let Err(e) = result {
                ctx.dispatch.dispatch(Action::Notify(Notice::error(format!("Export failed: {e}"))));
            }
        })
    };

    // Every open document with an analysis, as one CSV.
    let n_analysed = state.docs.iter().filter(|d| d.analysed.is_some()).count();
    let export_all = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            let state = ctx.state();
            let docs: Vec<_> = state
                .docs
                .iter()
                .filter_map(|d| d.analysed.as_ref().map(|a| (d.name.as_str(), &*a.text, &*a.analysis, d.source_map())))
                .collect();
            let csv = download::csv_all(&docs);
            if let Err(e) = download::save_file("whosaid-all-documents.csv", "text/csv;charset=utf-8", &csv) {
                ctx.dispatch.dispatch(Action::Notify(Notice::error(format!("Export failed: {e}"))));
            }
        })
    };

    let analysed = doc.analysed.clone();
    let stale = analysed.as_ref().is_some_and(|a| *a.text != *doc.text) || matches!(doc.run, Run::Analysing { .. });
    let selected_speaker = doc.selected_speaker();
    let selected_claim = match doc.selection {
        Selection::Claim(c) => Some(c),
        _ => None,
    };
    // What the filter leaves, computed once per analysis and filter.
    let shown: Option<Rc<Shown>> = {
        let key = (analysed.as_ref().map_or(0, |a| Rc::as_ptr(&a.analysis) as usize), doc.filter.clone());
        let a = analysed.clone();
        let filter = doc.filter.clone();
        (*use_memo(key, move |_| a.and_then(|a| filter.apply(&a.text, &a.analysis)).map(Rc::new))).clone()
    };
    let counts = analysed.as_ref().map(|a| {
        format!(
            "{} speakers, {} claims · engine {} ms",
            a.analysis.speakers.len(),
            a.analysis.claims.len(),
            a.engine_ms.round() as u64
        )
    });
    let notice_is_error = state.notice.as_ref().is_some_and(|n| n.kind == NoticeKind::Error);
    let tabs = tab_bar(&state, &ctx);
    if let Some(cmp) = &state.compare {
        let name = |d: DocId| AttrValue::from(state.doc(d).map(|d| d.name.clone()).unwrap_or_default());
        let onpick = {
            let dispatch = ctx.dispatch.clone();
            Callback::from(move |p: Option<usize>| dispatch.dispatch(Action::ComparePick(p)))
        };
        let onclose = {
            let dispatch = ctx.dispatch.clone();
            Callback::from(move |()| dispatch.dispatch(Action::CompareClose))
        };
        return html! {
            <>
            { header() }
            <main id="main" class="layout compare-layout">
                { tabs }
                <NoticeView notice={state.notice.clone()} {onundo} {onlossy} {ondismiss} />
                <CompareView compare={cmp.clone()} names={[name(cmp.docs[0]), name(cmp.docs[1])]} {onpick} {onclose} />
            </main>
            { footer() }
            </>
        };
    }
    let n_corrections = analysed.as_ref().map_or(0, |a| a.corrections.len());
    let collapsed = analysed.is_some() && !*ctx.editing;
    let view = *ctx.view;
    let view_class = View::ALL.iter().find(|v| v.0 == view).map_or("article", |v| v.1);
    let view_tabs = html! {
        <nav class="view-tabs" aria-label="Results">
            { for View::ALL.iter().map(|&(v, id, label)| {
                let (set, back) = (ctx.view.clone(), ctx.back.clone());
                let onclick = Callback::from(move |_: MouseEvent| {
                    back.set(None);
                    set.set(v)
                });
                html! {
                    <button type="button" id={format!("view-{id}")} aria-pressed={(v == view).to_string()} {onclick}>
                        { label }
                    </button>
                }
            }) }
        </nav>
    };

    html! {
        <div class={classes!("app", format!("view-{view_class}"), analysed.is_some().then_some("has-results"))}>
        { header() }
        <main id="main" class={classes!("layout", notice_is_error.then_some("has-error"))}>
            { tabs }
            <Editor
                textarea={textarea.clone()}
                text={doc.text.clone()}
                load_key={(doc.id.0, doc.loaded_rev)}
                name={AttrValue::from(doc.name.clone())}
                {collapsed}
                {oninput}
                {onanalyze}
                {onedit}
                {onclear}
                {onfiles}
                {onexample}
            />
            <div class="status-bar">
                <Status run={doc.run.clone()} total_ms={analysed.as_ref().map(|a| a.total_ms)} />
                { match &counts {
                    Some(c) => html! { <p class="status-detail">{ c }</p> },
                    None => html! {},
                } }
                <div class="exports" role="group" aria-label="Export the analysis">
                    <button id="export-json" type="button" disabled={analysed.is_none()}
                        onclick={export_file(true)}>{ "Export JSON" }</button>
                    <button id="export-csv" type="button" disabled={analysed.is_none()}
                        onclick={export_file(false)}>{ "Export CSV" }</button>
                    { if n_analysed > 1 { html! {
                        <button id="export-csv-all" type="button" onclick={export_all}>
                            { format!("CSV of all {n_analysed} documents") }
                        </button>
                    } } else { html! {} } }
                </div>
            </div>
            <NoticeView notice={state.notice.clone()} {onundo} {onlossy} {ondismiss} />
            { match &analysed {
                Some(a) => html! { <>
                    <Strip text={a.text.clone()} analysis={a.analysis.clone()} filter={doc.filter.clone()}
                        onfilter={onfilter.clone()} />
                    { filter_chip(&a.analysis, &doc.filter, shown.as_ref().map_or(0, |s| s.claims.iter().filter(|k| **k).count()), &onfilter) }
                    { view_tabs }
                </> },
                None => html! {},
            } }
            <section id="article-section" class="panel article-panel" aria-labelledby="article-heading">
                <h2 id="article-heading">{ "Annotated article" }</h2>
                { match *ctx.back {
                    Some((v, y)) if view == View::Article => {
                        let label = View::ALL.iter().find(|x| x.0 == v).map_or("list", |x| x.1);
                        let (set, back) = (ctx.view.clone(), ctx.back.clone());
                        let onclick = Callback::from(move |_: MouseEvent| {
                            back.set(None);
                            set.set(v);
                            Timeout::new(0, move || gloo::utils::window().scroll_to_with_x_and_y(0.0, y)).forget();
                        });
                        html! { <button type="button" id="back-to-list" class="back-button" {onclick}>
                            { format!("← Back to {label}") }
                        </button> }
                    }
                    _ => html! {},
                } }
                { legend() }
                { match &analysed {
                    Some(a) => html! {
                        <Article
                            text={a.text.clone()}
                            annotated={a.annotated.clone()}
                            selection={doc.selection}
                            {stale}
                            shown={shown.clone()}
                            onselect={on_article_select}
                        />
                    },
                    None => html! {
                        <div id="article" class="article"><p class="empty">
                            { "The annotated article appears here once the text is analysed." }
                        </p></div>
                    },
                } }
            </section>
            <section id="summary-section" class="panel summary-panel" aria-labelledby="summary-heading">
                <h2 id="summary-heading">{ "Sourcing summary" }</h2>
                { if analysed.is_some() { html! {
                    <div id="corrections" class="corrections" role="group" aria-label="Your corrections">
                        <span role="status">{ match n_corrections {
                            0 => "No corrections: select a speaker or a claim to correct it.".to_string(),
                            n => format!("{n} correction{}, kept in this browser with this text and included in exports.",
                                if n == 1 { "" } else { "s" }),
                        } }</span>
                        { if n_corrections > 0 { html! { <>
                            <button id="undo-correction" type="button" onclick={undo_correction}>{ "Undo last correction" }</button>
                            <button id="reset-corrections" type="button" onclick={reset_corrections}>{ "Reset all corrections" }</button>
                        </> } } else { html! {} } }
                    </div>
                } } else { html! {} } }
                { match &analysed {
                    Some(a) => html! { <Summary text={a.text.clone()} analysis={a.analysis.clone()}
                        filter={doc.filter.clone()} onfilter={onfilter.clone()} /> },
                    None => html! { <div id="summary" class="summary"><p class="empty">{ "No analysis yet." }</p></div> },
                } }
            </section>
        </main>
        <aside class="sidebar" aria-label="Speakers and claims">
            <section id="speakers-section" class="panel" aria-labelledby="speakers-heading">
                <h2 id="speakers-heading">{ "Speakers" }</h2>
                { match &analysed {
                    Some(a) => html! {
                        <Speakers analysis={a.analysis.clone()} selected={selected_speaker}
                            correcting={matches!(doc.selection, Selection::Speaker(_))}
                            shown={shown.clone()} onfilter={onfilter.clone()}
                            onselect={on_speaker_select} oncorrect={oncorrect.clone()} />
                    },
                    None => html! { <ul id="speakers" class="speaker-list"><li class="empty">{ "No analysis yet." }</li></ul> },
                } }
            </section>
            <section id="claims-section" class="panel" aria-labelledby="claims-heading">
                <h2 id="claims-heading">{ "Claims" }</h2>
                { match &analysed {
                    Some(a) => html! {
                        <Claims text={a.text.clone()} analysis={a.analysis.clone()}
                            {selected_claim} {selected_speaker} shown={shown.clone()}
                            onselect={on_claim_select} {oncopy} {oncorrect} />
                    },
                    None => html! { <div id="claims" class="claim-groups"><p class="empty">{ "No analysis yet." }</p></div> },
                } }
            </section>
        </aside>
        { footer() }
        </div>
    }
}

fn header() -> Html {
    html! {
        <header class="site-header">
            <div class="brand">
                <h1>{ "whosaid" }</h1>
                <p class="tagline">
                    { "Who said what in a news article — analysed in your browser. The text never leaves it." }
                </p>
            </div>
        </header>
    }
}

fn footer() -> Html {
    html! {
        <footer class="site-footer">
            <p>{ "whosaid runs entirely in this page: nothing you paste or open is uploaded. \
                  The drafts and your corrections are kept in this browser's local storage." }</p>
        </footer>
    }
}

/// The open documents as tabs, "New document", and the form that compares two of them.
fn tab_bar(state: &State, ctx: &Ctx) -> Html {
    let docs = &state.docs;
    let tab = |i: usize, d: &super::state::Document| {
        let id = d.id;
        let active = id == state.active && state.compare.is_none();
        let onclick = {
            let ctx = ctx.clone();
            Callback::from(move |_: MouseEvent| {
                ctx.dispatch.dispatch(Action::CompareClose);
                ctx.activate(id);
            })
        };
        let onclose = {
            let ctx = ctx.clone();
            let store = d.store.clone();
            Callback::from(move |_: MouseEvent| {
                if ctx.keep_draft {
                    storage::remove(&store);
                }
                ctx.dispatch.dispatch(Action::Close(id));
            })
        };
        let name = if d.name.is_empty() { "Draft" } else { &d.name };
        html! {
            <li class={classes!("doc-tab", active.then_some("is-active"))}>
                <button type="button" class="tab-button" id={format!("tab-{i}")}
                    aria-current={if active { "page" } else { "false" }} onclick={onclick}>{ name }</button>
                { if docs.len() > 1 { html! {
                    <button type="button" class="tab-close" aria-label={format!("Close {name}")} onclick={onclose}>{ "×" }</button>
                } } else { html! {} } }
            </li>
        }
    };
    let onnew = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.dispatch.dispatch(Action::CompareClose);
            ctx.open_blank();
        })
    };
    let (pick_a, pick_b) = (NodeRef::default(), NodeRef::default());
    let onsubmit = {
        let ctx = ctx.clone();
        let (pick_a, pick_b) = (pick_a.clone(), pick_b.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<web_sys::HtmlSelectElement>().and_then(|s| s.value().parse().ok());
            let (Some(a), Some(b)) = (value(&pick_a), value(&pick_b)) else { return };
            ctx.compare(DocId(a), DocId(b));
        })
    };
    let options = |pick: usize| {
        docs.iter()
            .enumerate()
            .map(|(i, d)| html! {
                <option value={d.id.0.to_string()} selected={i == pick}>{ if d.name.is_empty() { "Draft" } else { &d.name } }</option>
            })
            .collect::<Html>()
    };
    html! {
        <div class="doc-bar">
            <ul class="doc-tabs" aria-label="Open documents">
                { for docs.iter().enumerate().map(|(i, d)| tab(i, d)) }
                <li><button type="button" id="new-doc" onclick={onnew}>{ "+ New document" }</button></li>
            </ul>
            { if docs.len() > 1 { html! {
                <form id="compare-form" class="compare-form" {onsubmit}>
                    <label>{ "Compare " }<select id="compare-a" ref={pick_a}>{ options(0) }</select></label>
                    <label>{ " with " }<select id="compare-b" ref={pick_b}>{ options(1) }</select></label>
                    <button type="submit" id="compare-go">{ "Compare" }</button>
                </form>
            } } else { html! {} } }
        </div>
    }
}

fn drop_all<T>(_: T) {}

/// The data transfer of a drag event that carries files.
fn carried_files(e: &Event) -> Option<web_sys::DataTransfer> {
    let dt = e.dyn_ref::<web_sys::DragEvent>()?.data_transfer()?;
    dt.types().includes(&wasm_bindgen::JsValue::from_str("Files"), 0).then_some(dt)
}
