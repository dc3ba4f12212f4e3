//! User Timing marks (`performance.mark`) at the steps of the first
//! highlight, so a benchmark or the browser's performance panel can see
//! where a page load's time goes (`tests/e2e/perf.mjs` reports them).
//!
//! Marks are named `entitylens:<step>`; each is set once per page, so
//! later renders add nothing.

use std::cell::RefCell;

thread_local! {
    static SET: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// Marks `step` on the page's timeline, the first time only.
pub fn mark_once(step: &'static str) {
    let first = SET.with(|set| {
        let mut set = set.borrow_mut();
        if set.contains(&step) {
            false
        } else {
            set.push(step);
            true
        }
    });
    if first {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(&format!("entitylens:{step}"));
        }
    }
}

/// How long [`after_next_frame`] waits for a frame at most: a hidden tab
/// draws none.
pub const FRAME_WAIT_MS: u32 = 200;

/// Runs `f` once the browser has produced its next frame: in a task queued
/// from the next animation frame callback, which runs after that frame's
/// style, layout and paint. Work that can wait (the sidebar, starting the
/// worker) goes here, so the first highlighted frame is not held up by it.
/// A hidden tab draws no frames: then `f` runs after [`FRAME_WAIT_MS`].
pub fn after_next_frame(f: impl FnOnce() + 'static) {
    use gloo::timers::callback::Timeout;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    // Whichever comes first, the frame or the timeout, takes `f`.
    let slot = Rc::new(RefCell::new(Some(f)));
    let on_frame = {
        let slot = slot.clone();
        move || {
            if slot.borrow().is_some() {
                Timeout::new(0, move || run_once(&slot)).forget();
            }
        }
    };
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(Closure::once_into_js(on_frame).unchecked_ref());
    }
    Timeout::new(FRAME_WAIT_MS, move || run_once(&slot)).forget();
}

/// Takes the function out of `slot` and runs it, if it is still there.
fn run_once<F: FnOnce()>(slot: &RefCell<Option<F>>) {
    let f = slot.borrow_mut().take();
    if let Some(f) = f {
        f();
    }
}
