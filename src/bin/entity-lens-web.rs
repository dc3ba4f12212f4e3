//! The browser app's entry point (built by trunk for wasm32).
//!
//! The same module runs in the page, where `main` mounts the app, and in
//! the analysis worker (`static/worker.js`), where `main` does nothing and
//! the worker calls [`analyze_in_worker`]. [`ner_tokens`] and
//! [`ner_tag`] serve the in-browser speed measurement
//! (`tests/e2e/perf.mjs`).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

#[cfg(target_arch = "wasm32")]
fn main() {
    entity_lens::app::start();
}

/// The analysis of `text` in the worker's binary form (see
/// `entity_lens::app::codec`); `document_date` is `YYYY-MM-DD` or empty.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn analyze_in_worker(text: &str, document_date: &str) -> Vec<u8> {
    entity_lens::app::worker::analyze_packed(text, document_date)
}

/// One warm-up run in the worker (see `static/worker.js`): analyzes the
/// built-in sample; returns the size of its packed analysis.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn warm_up() -> usize {
    entity_lens::app::worker::warm_up()
}

/// How many tokens the tokenizer finds in `text`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn ner_tokens(text: &str) -> usize {
    entity_lens::app::worker::count_tokens(text)
}

/// Runs the name tagger over `text`; returns how many names it found.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn ner_tag(text: &str) -> usize {
    entity_lens::app::worker::tag_names(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("entity-lens-web is the browser app: build it with trunk for wasm32.");
    std::process::exit(2);
}
