//! "Copy link": the current text, compressed into the link's fragment
//! (`#z=…`, see [`crate::share`]), copied to the clipboard. The fragment
//! never reaches a server; whoever opens the link sees the same text.

use crate::app::download;
use crate::app::state::Notice;
use yew::prelude::*;
use yew::virtual_dom::AttrValue;

/// Props of [`ShareLink`].
#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    /// The text shared.
    pub text: AttrValue,
    /// Called with what happened.
    pub on_notice: Callback<Notice>,
}

/// The page's address without its fragment.
fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((page, _)) => page.to_string(),
        None => href,
    }
}

/// The link that opens this page with `text`.
pub fn link_for(text: &str) -> String {
    format!("{}#z={}", page_address(), crate::share::encode(text))
}

/// The button.
#[component(ShareLink)]
pub fn share_link(props: &ShareLinkProps) -> Html {
    let onclick = {
        let text = props.text.clone();
        let on_notice = props.on_notice.clone();
        Callback::from(move |_: MouseEvent| {
            let link = link_for(&text);
            let on_notice = on_notice.clone();
            wasm_bindgen_futures::spawn_local(async move {
                on_notice.emit(match download::copy(&link).await {
                    Ok(()) => Notice::info(format!(
                        "Link copied ({} characters). The text travels inside the link, after the #, which is never sent to a server.",
                        link.chars().count()
                    )),
                    Err(e) => Notice::error(format!("Link not copied: {e}.")),
                });
            });
        })
    };
    html! {
        <button type="button" id="copy-link" {onclick} disabled={props.text.is_empty()}>
            { "Copy link" }
        </button>
    }
}
