//! Analysis in a Web Worker, so that typing never waits for a long text.
//!
//! `static/boot.js` starts the worker (`static/worker.js`, a module worker)
//! before the page's own wasm, as `globalThis.entityLensWorker`, so that it
//! fetches the JS glue early; the app adopts it here (or starts one itself,
//! e.g. after a crash). The worker runs the **same** wasm
//! module as the page: the page hands it the compiled
//! `WebAssembly.Module` and the URL of wasm-bindgen's JS glue, so nothing
//! is downloaded or compiled twice. It does so after the page's first
//! frame ([`super::timing::after_next_frame`]): instantiating the module
//! and loading the models in the worker would otherwise compete with
//! drawing the first highlights on a 2-core machine. Inside the worker the module's `main`
//! sees no `window` and mounts nothing; the worker calls the exported
//! `analyze_in_worker`, which returns the analysis in [`super::codec`]'s
//! binary form.
//!
//! Requests carry a sequence number and only one is in flight: while the
//! worker is busy, a newer request replaces any waiting one (latest wins),
//! and an answer whose number is not the one in flight is dropped. The
//! reducer drops an answer for a text that is no longer the editor's too.
//!
//! Where no worker can be had (a page opened from `file://`, a build with
//! no separate glue file, no `Worker` at all, a worker that fails to
//! start) the page analyzes on the main thread instead, as before. A worker
//! that crashes on a text reports [`Outcome::Failed`] for that text and is
//! replaced by a fresh one for later texts.

use super::codec;
use super::state::Analyzed;
use super::timing;
use crate::{analyze, Options};
use chrono::NaiveDate;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use js_sys::{Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

/// How long a new worker may take to report that it is ready (it loads
/// the glue and builds the model: well under a second normally) before
/// the page gives up on it and analyzes on the main thread.
pub const READY_TIMEOUT_MS: u32 = 10_000;

/// What the worker reports to the page.
#[derive(Debug)]
pub enum Outcome {
    /// An analysis of the text last requested.
    Done(Analyzed),
    /// The worker crashed while analyzing `text`.
    Failed {
        /// The text it was analyzing.
        text: Rc<str>,
        /// What went wrong.
        message: String,
    },
    /// No worker can run: analyze on the main thread from now on.
    Unavailable(String),
}

/// A request sent and not yet answered.
struct InFlight {
    id: u32,
    text: Rc<str>,
    options: Options,
}

/// The worker's state, shared with its event listeners.
struct Inner {
    worker: Worker,
    /// Where the worker script and the glue are, for a respawn.
    urls: Urls,
    ready: bool,
    /// Gives up on a worker that has not said it is ready in time.
    ready_timer: Option<Timeout>,
    next_id: u32,
    in_flight: Option<InFlight>,
    waiting: Option<(Rc<str>, Options)>,
    _listeners: Vec<EventListener>,
}

#[derive(Clone)]
struct Urls {
    worker: String,
    glue: String,
}

/// The page's handle on its analysis worker. Dropping it ends the worker.
pub struct AnalysisWorker {
    inner: Rc<RefCell<Option<Inner>>>,
    report: Callback<Outcome>,
}

impl AnalysisWorker {
    /// Starts the worker, or says why it cannot run here. `report` receives
    /// every [`Outcome`] (never while this handle is borrowed, so it may
    /// call [`AnalysisWorker::request`]).
    pub fn spawn(report: Callback<Outcome>) -> Result<AnalysisWorker, String> {
        let booted = booted_worker();
        let urls = urls().inspect_err(|_| {
            if let Some(w) = &booted {
                w.terminate();
            }
        })?;
        let handle = AnalysisWorker {
            inner: Rc::new(RefCell::new(None)),
            report,
        };
        let inner = start(&urls, &handle.inner, &handle.report, booted)?;
        *handle.inner.borrow_mut() = Some(inner);
        Ok(handle)
    }

    /// Asks for an analysis of `text` with `options`; the answer comes as
    /// [`Outcome::Done`]. A request made while the worker is busy waits,
    /// replacing any request already waiting.
    pub fn request(&self, text: Rc<str>, options: Options) {
        let mut slot = self.inner.borrow_mut();
        let Some(inner) = slot.as_mut() else {
            return;
        };
        let same = |t: &Rc<str>, o: &Options| Rc::ptr_eq(t, &text) && *o == options;
        if inner
            .in_flight
            .as_ref()
            .is_some_and(|f| same(&f.text, &f.options))
        {
            inner.waiting = None;
            return;
        }
        inner.waiting = Some((text, options));
        inner.send_waiting();
    }

    /// True while a request is in flight or waiting.
    pub fn busy(&self) -> bool {
        self.inner
            .borrow()
            .as_ref()
            .is_some_and(|i| i.in_flight.is_some() || i.waiting.is_some())
    }
}

impl Drop for AnalysisWorker {
    fn drop(&mut self) {
        if let Ok(mut slot) = self.inner.try_borrow_mut() {
            if let Some(inner) = slot.take() {
                inner.worker.terminate();
            }
        }
    }
}

impl Inner {
    /// Sends the waiting request if the worker is free.
    fn send_waiting(&mut self) {
        if !self.ready || self.in_flight.is_some() {
            return;
        }
        let Some((text, options)) = self.waiting.take() else {
            return;
        };
        self.next_id = self.next_id.wrapping_add(1);
        let id = self.next_id;
        let date = options
            .document_date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        let message = object(&[
            ("type", "analyze".into()),
            ("id", id.into()),
            ("text", JsValue::from_str(&text)),
            ("date", date.into()),
        ]);
        if self.worker.post_message(&message).is_ok() {
            self.in_flight = Some(InFlight { id, text, options });
        }
    }
}

/// The worker script's and the glue's absolute URLs, read from the loader
/// script's attributes (see Trunk.toml's `pattern_script`).
fn urls() -> Result<Urls, String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let href = document
        .location()
        .ok_or("no location")?
        .href()
        .map_err(describe)?;
    if !(href.starts_with("http:") || href.starts_with("https:")) {
        return Err("workers need a page served over HTTP".into());
    }
    let tag = document
        .query_selector("script[data-js-module]")
        .ok()
        .flatten()
        .ok_or("no loader script")?;
    let glue = tag.get_attribute("data-js-module").ok_or("no glue path")?;
    let loader = tag.get_attribute("src").ok_or("no loader path")?;
    let resolve = |path: &str, base: &str| {
        web_sys::Url::new_with_base(path, base)
            .map(|u| u.href())
            .map_err(describe)
    };
    let loader = resolve(&loader, &href)?;
    Ok(Urls {
        worker: resolve("worker.js", &loader)?,
        glue: resolve(&glue, &href)?,
    })
}

/// The worker `boot.js` started, taken from where it left it.
fn booted_worker() -> Option<Worker> {
    let global = js_sys::global();
    let key = JsValue::from_str("entityLensWorker");
    let worker = Reflect::get(&global, &key)
        .ok()?
        .dyn_into::<Worker>()
        .ok()?;
    let _ = Reflect::delete_property(global.unchecked_ref::<Object>(), &key);
    Some(worker)
}

/// Sends a worker (`existing`, else a new one) the module, and listens to
/// it.
fn start(
    urls: &Urls,
    slot: &Rc<RefCell<Option<Inner>>>,
    report: &Callback<Outcome>,
    existing: Option<Worker>,
) -> Result<Inner, String> {
    let worker = match existing {
        Some(w) => w,
        None => {
            let options = WorkerOptions::new();
            options.set_type(WorkerType::Module);
            Worker::new_with_options(&urls.worker, &options).map_err(describe)?
        }
    };
    let init = object(&[
        ("type", "init".into()),
        ("js", urls.glue.as_str().into()),
        ("module", wasm_bindgen::module()),
    ]);
    // The worker instantiates the module and loads the models when the
    // module arrives: only after the page's next frame, so that this does
    // not compete with drawing the first highlights (2-core machines).
    {
        let worker = worker.clone();
        let slot = Rc::downgrade(slot);
        let report = report.clone();
        timing::after_next_frame(move || {
            let Err(e) = worker.post_message(&init) else {
                return;
            };
            let Some(slot) = slot.upgrade() else { return };
            let current = slot.borrow().as_ref().is_some_and(|i| i.worker == worker);
            if current {
                for outcome in crashed(&slot, describe(e), &report) {
                    report.emit(outcome);
                }
            }
        });
    }
    let on_message = {
        let slot = Rc::downgrade(slot);
        let report = report.clone();
        move |e: &web_sys::Event| {
            let Some(slot) = slot.upgrade() else { return };
            let Some(data) = e.dyn_ref::<MessageEvent>().map(MessageEvent::data) else {
                return;
            };
            // The borrow ends before reporting: the report may re-enter.
            for outcome in on_message(&slot, &data, &report) {
                report.emit(outcome);
            }
        }
    };
    let on_error = {
        let slot = Rc::downgrade(slot);
        let report = report.clone();
        move |e: &web_sys::Event| {
            let Some(slot) = slot.upgrade() else { return };
            let message = e
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the worker stopped".to_string());
            for outcome in crashed(&slot, message, &report) {
                report.emit(outcome);
            }
        }
    };
    // A worker that never reports ready (its script or the glue failed to
    // load without an error event, say) would leave long texts waiting for
    // good: after READY_TIMEOUT_MS the page analyzes on the main thread.
    let ready_timer = {
        let slot = Rc::downgrade(slot);
        let report = report.clone();
        Timeout::new(READY_TIMEOUT_MS, move || {
            let Some(slot) = slot.upgrade() else { return };
            // This timer is running: leak it rather than drop it from
            // inside its own callback (once, on a failure path).
            if let Some(inner) = slot.borrow_mut().as_mut() {
                if let Some(timer) = inner.ready_timer.take() {
                    timer.forget();
                }
            }
            let message = format!(
                "the analysis worker did not start within {} s",
                READY_TIMEOUT_MS / 1000
            );
            for outcome in crashed(&slot, message, &report) {
                report.emit(outcome);
            }
        })
    };
    let listeners = vec![
        EventListener::new(&worker, "message", on_message),
        EventListener::new(&worker, "error", on_error.clone()),
        EventListener::new(&worker, "messageerror", on_error),
    ];
    Ok(Inner {
        worker,
        urls: urls.clone(),
        ready: false,
        ready_timer: Some(ready_timer),
        next_id: 0,
        in_flight: None,
        waiting: None,
        _listeners: listeners,
    })
}

/// Handles one message from the worker.
fn on_message(
    slot: &Rc<RefCell<Option<Inner>>>,
    data: &JsValue,
    report: &Callback<Outcome>,
) -> Vec<Outcome> {
    let field = |name: &str| Reflect::get(data, &name.into()).unwrap_or(JsValue::UNDEFINED);
    let kind = field("type").as_string().unwrap_or_default();
    let message = || field("message").as_string().unwrap_or_default();
    let mut guard = slot.borrow_mut();
    let Some(inner) = guard.as_mut() else {
        return Vec::new();
    };
    match kind.as_str() {
        "ready" => {
            inner.ready = true;
            inner.ready_timer = None;
            inner.send_waiting();
            Vec::new()
        }
        "warm" => {
            // The worker has warmed the module up (static/worker.js).
            timing::mark_once("warm");
            Vec::new()
        }
        "failed" => {
            if let Some(inner) = guard.take() {
                inner.worker.terminate();
            }
            vec![Outcome::Unavailable(message())]
        }
        "crashed" => {
            drop(guard);
            crashed(slot, message(), report)
        }
        "result" => {
            let id = field("id").as_f64().map(|n| n as u32);
            if inner.in_flight.as_ref().map(|f| f.id) != id {
                return Vec::new(); // A stale answer.
            }
            let Some(done) = inner.in_flight.take() else {
                return Vec::new();
            };
            inner.send_waiting();
            drop(guard);
            let bytes = field("bytes")
                .dyn_into::<Uint8Array>()
                .map(|b| b.to_vec())
                .unwrap_or_default();
            let millis = field("ms").as_f64().unwrap_or(0.0);
            vec![match codec::decode(&bytes) {
                Ok(analysis) => Outcome::Done(Analyzed {
                    text: done.text,
                    options: done.options,
                    analysis,
                    millis,
                }),
                Err(e) => Outcome::Failed {
                    text: done.text,
                    message: e.to_string(),
                },
            }]
        }
        _ => Vec::new(),
    }
}

/// The worker died: reports the text it was on, and starts a fresh worker
/// for the requests to come (or gives up on workers).
fn crashed(
    slot: &Rc<RefCell<Option<Inner>>>,
    message: String,
    report: &Callback<Outcome>,
) -> Vec<Outcome> {
    let Some(old) = slot.borrow_mut().take() else {
        return Vec::new();
    };
    old.worker.terminate();
    let mut out = Vec::new();
    if !old.ready {
        out.push(Outcome::Unavailable(message));
        return out;
    }
    let waiting = old.waiting.clone();
    if let Some(f) = &old.in_flight {
        out.push(Outcome::Failed {
            text: f.text.clone(),
            message: message.clone(),
        });
    }
    let urls = old.urls.clone();
    drop(old);
    match start(&urls, slot, report, None) {
        Ok(mut fresh) => {
            fresh.waiting = waiting;
            *slot.borrow_mut() = Some(fresh);
        }
        Err(e) => out.push(Outcome::Unavailable(e)),
    }
    out
}

/// A plain JS object with these fields.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        // Setting a field on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// A JS error as text.
fn describe(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Analyzes `text` (inside the worker) and returns the analysis in
/// [`codec`]'s form. `document_date` is `YYYY-MM-DD`, or empty to detect
/// it from the text.
pub fn analyze_packed(text: &str, document_date: &str) -> Vec<u8> {
    let options = Options {
        document_date: NaiveDate::parse_from_str(document_date, "%Y-%m-%d").ok(),
    };
    codec::encode(&analyze(text, &options))
}

/// One warm-up run (`static/worker.js` makes several once the worker is
/// ready): analyzes the built-in sample, so that the browser optimizes the
/// analysis code before a long text needs it. Returns the size of the
/// packed analysis.
pub fn warm_up() -> usize {
    analyze_packed(super::SAMPLE, "").len()
}

/// Runs the name tagger alone over `text` (for the in-browser speed
/// measurement; tokens counted by [`count_tokens`]) and returns how many
/// names it found.
pub fn tag_names(text: &str) -> usize {
    crate::ner::embedded().map_or(0, |tagger| tagger.names(text).len())
}

/// How many tokens the tokenizer finds in `text` (what
/// [`tag_names`]' speed is counted in).
pub fn count_tokens(text: &str) -> usize {
    crate::tokenize::tokenize(text).len()
}
