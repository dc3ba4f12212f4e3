//! The web addresses found in the text. The highlighted text shows them
//! as text only; here, when the user asks ("Make web addresses
//! clickable"), those with an `http:`/`https:` address become links that
//! open in a new tab with `rel="noopener noreferrer"`. Anything else
//! (`javascript:`, `data:`, …) stays text. Each address is listed once, in
//! order of first appearance, with how often it occurs when more than once.

use super::show_more::{use_limit, ShowMore};
use crate::app::state::Shared;
use crate::link::safe_href;
use crate::Label;
use yew::prelude::*;

/// Props of [`LinkList`].
#[derive(Properties, PartialEq)]
pub struct LinkListProps {
    /// The analysis whose URL mentions are listed.
    pub analyzed: Shared,
    /// Whether addresses are links.
    pub clickable: bool,
    /// Called with the new value of the setting.
    pub on_clickable: Callback<bool>,
}

/// The list and its setting.
#[component(LinkList)]
pub fn link_list(props: &LinkListProps) -> Html {
    let (limit, on_more) = use_limit();
    let urls = distinct(
        props
            .analyzed
            .analysis
            .with_label(Label::Url)
            .map(|m| m.text.as_str()),
    );
    let total = urls.len();
    let onchange = {
        let on = props.on_clickable.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on.emit(input.checked());
            }
        })
    };
    let items = urls.iter().take(limit).map(|&(u, n)| {
        let link = props.clickable.then(|| safe_href(u)).flatten();
        html! {
            <li>
                if let Some(href) = link {
                    <a {href} rel="noopener noreferrer" target="_blank" referrerpolicy="no-referrer">{ u }</a>
                } else {
                    <span class="address">{ u }</span>
                }
                if n > 1 {
                    <span class="times" aria-hidden="true">{ format!(" ×{n}") }</span>
                    <span class="visually-hidden">{ format!(", {n} times") }</span>
                }
            </li>
        }
    });
    html! {
        <section class="links" aria-labelledby="links-heading">
            <h3 id="links-heading">{ "Web addresses" }</h3>
            <label class="setting">
                <input type="checkbox" id="links-clickable" checked={props.clickable} {onchange} />
                { " Make web addresses clickable (http and https only)" }
            </label>
            if urls.is_empty() {
                <p class="placeholder">{ "No web address in the text." }</p>
            } else {
                <ul class="link-list">{ for items }</ul>
                <ShowMore {limit} {total} what="addresses" {on_more} />
            }
        </section>
    }
}

/// Each address once, in order of first appearance, with its count.
pub fn distinct<'a>(urls: impl Iterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut out: Vec<(&str, usize)> = Vec::new();
    for u in urls {
        match seen.get(u) {
            Some(&k) => out[k].1 += 1,
            None => {
                seen.insert(u, out.len());
                out.push((u, 1));
            }
        }
    }
    out
}
