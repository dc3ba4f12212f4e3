//! The browser app (wasm32 only): a Yew page that renders
//! [`crate::analyze`]'s output and never re-implements extraction.
//!
//! - [`state`]: the one reducer; every change is an [`state::Action`].
//! - [`components`]: function components, one per file.
//! - [`segments`]: the analyzed text cut into plain, mention and debris runs.
//! - [`blocks`]: a long text cut into blocks rendered one by one.
//! - [`worker`]: analysis in a Web Worker; [`codec`]: how its answer travels.
//! - [`storage`]: the `#z=`/`#text=` link fragment and localStorage.
//! - [`file`]: opening dropped or chosen `.txt`, `.md` and `.html` files
//!   ([`crate::html_text`] reads HTML's visible text without running it).
//! - [`panic`]: a failure of the app itself keeps the text and says so.
//! - [`download`]: downloads and clipboard copies (exports, share links).
//! - [`keyboard`]: walking mentions and entities from the keyboard.
//! - [`palette`], [`label_set`]: label colours and the hidden-label set.
//! - [`timing`]: User Timing marks at the steps of the first highlight.

pub mod block_html;
pub mod blocks;
pub mod codec;
pub mod components;
pub mod download;
pub mod file;
pub mod keyboard;
pub mod label_set;
pub mod palette;
pub mod panic;
pub mod segments;
pub mod state;
pub mod storage;
pub mod timing;
pub mod worker;

/// The sample article behind the "Sample" button (compiled in: no fetch).
pub const SAMPLE: &str = include_str!("../../static/sample.txt");

/// Mounts the app into the element `#app`, or the body when there is none.
/// Does nothing where there is no document (in the analysis worker, which
/// runs the same module).
pub fn start() {
    if web_sys::window().and_then(|w| w.document()).is_none() {
        return;
    }
    timing::mark_once("start");
    panic::install();
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => yew::Renderer::<components::app::App>::with_root(root).render(),
        None => yew::Renderer::<components::app::App>::new().render(),
    };
}
