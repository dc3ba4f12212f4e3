//! Buttons and keys to walk the mentions and entities (see
//! [`crate::app::keyboard`]), with a live region that says where focus
//! went ("Mention 3 of 40: Putin (Person)").

use crate::app::keyboard::{self, Move};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Does `m` and returns what to announce.
fn perform(m: Move) -> Option<String> {
    match m {
        Move::NextMention | Move::PreviousMention => {
            let step = if m == Move::NextMention { 1 } else { -1 };
            let (el, at, of) = keyboard::step_mention(step)?;
            Some(format!("Mention {at} of {of}: {}", keyboard::describe(&el)))
        }
        Move::NextEntity | Move::PreviousEntity => {
            let step = if m == Move::NextEntity { 1 } else { -1 };
            keyboard::step_entity(step).map(|name| format!("Entity: {name}"))
        }
        Move::Open => keyboard::open_focused().then(|| "Opened in the entity list".to_string()),
    }
}

/// The navigation bar; it also listens for the keys on the window.
#[component(MentionNav)]
pub fn mention_nav() -> Html {
    let said = use_state(String::new);
    {
        let said = said.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                let active = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&w, "keydown", active, move |e: &Event| {
                    let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if k.ctrl_key() || k.meta_key() || k.alt_key() || k.default_prevented() {
                        return;
                    }
                    let target = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    if keyboard::is_typing_target(target.as_ref()) {
                        return;
                    }
                    let Some(m) = keyboard::move_for(&k.key()) else {
                        return;
                    };
                    // Enter on a button keeps its meaning; it opens only marks.
                    if m == Move::Open && target.as_ref().is_none_or(|t| t.tag_name() != "MARK") {
                        return;
                    }
                    if let Some(text) = perform(m) {
                        e.prevent_default();
                        said.set(text);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let button = |id: &'static str, label: &'static str, keys: &'static str, m: Move| {
        let said = said.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(text) = perform(m) {
                said.set(text);
            }
        });
        html! {
            <button type="button" {id} title={format!("{label} (key {keys})")} aria-keyshortcuts={keys} {onclick}>{ label }</button>
        }
    };
    html! {
        <div class="mention-nav" role="group" aria-label="Walk the mentions">
            { button("prev-mention", "◀ Previous mention", "k", Move::PreviousMention) }
            { button("next-mention", "Next mention ▶", "j", Move::NextMention) }
            { button("next-entity", "Next entity", "e", Move::NextEntity) }
            <span id="nav-status" class="nav-status" aria-live="polite">{ (*said).clone() }</span>
        </div>
    }
}
