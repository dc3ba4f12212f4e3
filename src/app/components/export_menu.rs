//! The export menu: one row per format with "Download" and "Copy"
//! buttons, generated in the browser from the current analysis by
//! [`crate::export::files`]. A disclosure button opens it; `Escape` closes
//! it and returns focus to that button. Nothing is sent anywhere.

use crate::app::download;
use crate::app::state::{Notice, Shared};
use crate::export::files::ExportFormat;
use yew::prelude::*;

/// Props of [`ExportMenu`].
#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    /// The analysis exported (with its text).
    pub analyzed: Shared,
    /// Called with what happened (copied, or why not).
    pub on_notice: Callback<Notice>,
}

/// The file-name stem of exports.
const STEM: &str = "entitylens";

/// The menu.
#[component(ExportMenu)]
pub fn export_menu(props: &ExportMenuProps) -> Html {
    let open = use_state(|| false);
    let toggle_ref = use_node_ref();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let onkeydown = {
        let open = open.clone();
        let toggle_ref = toggle_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                open.set(false);
                if let Some(b) = toggle_ref.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        })
    };
    let rows = ExportFormat::ALL.into_iter().map(|format| {
        let download = {
            let analyzed = props.analyzed.clone();
            let on_notice = props.on_notice.clone();
            Callback::from(move |_: MouseEvent| {
                for f in format.files(STEM, &analyzed.text, &analyzed.analysis) {
                    if let Err(e) = download::download(&f) {
                        on_notice.emit(Notice::error(e));
                        return;
                    }
                }
            })
        };
        let copy = {
            let analyzed = props.analyzed.clone();
            let on_notice = props.on_notice.clone();
            Callback::from(move |_: MouseEvent| {
                let files = format.files(STEM, &analyzed.text, &analyzed.analysis);
                let Some(first) = files.into_iter().next() else {
                    return;
                };
                let on_notice = on_notice.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    on_notice.emit(match download::copy(&first.content).await {
                        Ok(()) => Notice::info(format!(
                            "Copied {} ({} characters) to the clipboard.",
                            format.title(),
                            first.content.chars().count()
                        )),
                        Err(e) => Notice::error(format!("Not copied: {e}.")),
                    });
                });
            })
        };
        let id = format.id();
        html! {
            <li class="export-row" data-format={id}>
                <span class="export-name" id={format!("export-{id}")}>{ format.title() }</span>
                <button type="button" class="export-download" data-format={id}
                    aria-describedby={format!("export-{id}")} onclick={download}>{ "Download" }</button>
                <button type="button" class="export-copy" data-format={id}
                    aria-describedby={format!("export-{id}")} onclick={copy}>{ "Copy" }</button>
            </li>
        }
    });
    html! {
        <div class="export" {onkeydown}>
            <button
                type="button"
                id="export-toggle"
                aria-expanded={if *open { "true" } else { "false" }}
                aria-controls="export-menu"
                ref={toggle_ref}
                onclick={toggle}
            >
                { "Export…" }
            </button>
            <ul id="export-menu" class="export-menu" aria-label="Export formats" hidden={!*open}>
                { for rows }
            </ul>
        </div>
    }
}
