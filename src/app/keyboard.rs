//! Keyboard navigation of the highlighted text, done on the rendered page
//! so it works with whatever the view and sidebar render:
//!
//! - `j` / `n`: next mention, `k` / `p`: previous mention (focus moves to
//!   the mark, which a screen reader announces with its label);
//! - `e`: next entity, `E` (Shift+e): previous entity (picks it in the
//!   sidebar and focuses its button);
//! - `Enter` or `o` on a mention: open its entity in the sidebar.
//!
//! Keys typed into the text area or any other field are left alone.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// To the next mention.
    NextMention,
    /// To the previous mention.
    PreviousMention,
    /// To the next entity in the sidebar.
    NextEntity,
    /// To the previous entity in the sidebar.
    PreviousEntity,
    /// Open the focused mention's entity in the sidebar.
    Open,
}

/// The move for a key (`KeyboardEvent.key`), if any.
pub fn move_for(key: &str) -> Option<Move> {
    Some(match key {
        "j" | "n" => Move::NextMention,
        "k" | "p" => Move::PreviousMention,
        "e" => Move::NextEntity,
        "E" => Move::PreviousEntity,
        "o" | "Enter" => Move::Open,
        _ => return None,
    })
}

/// True when keys typed at `target` belong to it (fields, editable text).
pub fn is_typing_target(target: Option<&Element>) -> bool {
    target.is_some_and(|t| {
        matches!(t.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
            || t.dyn_ref::<HtmlElement>()
                .is_some_and(HtmlElement::is_content_editable)
    })
}

/// The marks in text order.
fn marks() -> Vec<HtmlElement> {
    let doc = gloo::utils::document();
    let Ok(list) = doc.query_selector_all("#highlighted mark[data-mention]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// The focused element, if any.
fn active() -> Option<Element> {
    gloo::utils::document().active_element()
}

/// Focuses `el` (making it focusable from script only, not a tab stop).
fn focus(el: &HtmlElement) {
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    let _ = el.focus();
}

/// Moves focus to the next (`step` 1) or previous (`step` -1) mention:
/// from the focused mark, else from the picked mention, else from the
/// start. Returns the mark focused and its position of how many.
pub fn step_mention(step: isize) -> Option<(HtmlElement, usize, usize)> {
    let marks = marks();
    if marks.is_empty() {
        return None;
    }
    let current = active()
        .and_then(|a| marks.iter().position(|m| Element::from(m.clone()) == a))
        .or_else(|| {
            marks.iter().position(|m| {
                m.get_attribute("class")
                    .is_some_and(|c| c.split_whitespace().any(|x| x == "focused"))
            })
        });
    let n = marks.len() as isize;
    let next = match current {
        Some(i) => (i as isize + step).rem_euclid(n),
        None if step > 0 => 0,
        None => n - 1,
    } as usize;
    let el = marks.get(next)?.clone();
    focus(&el);
    Some((el, next + 1, marks.len()))
}

/// The sidebar's entity buttons, in order.
fn entity_buttons() -> Vec<HtmlElement> {
    let doc = gloo::utils::document();
    let Ok(list) = doc.query_selector_all(".sidebar button.entity[data-entity]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Picks the next or previous entity in the sidebar and focuses its
/// button. Returns its name.
pub fn step_entity(step: isize) -> Option<String> {
    let buttons = entity_buttons();
    if buttons.is_empty() {
        return None;
    }
    let current = buttons
        .iter()
        .position(|b| b.get_attribute("aria-pressed").as_deref() == Some("true"));
    let n = buttons.len() as isize;
    let next = match current {
        Some(i) => (i as isize + step).rem_euclid(n),
        None if step > 0 => 0,
        None => n - 1,
    } as usize;
    let b = buttons.get(next)?;
    b.click();
    let _ = b.focus();
    b.query_selector(".entity-name")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
}

/// When a mention has focus: picks its entity (as a click does) and then,
/// once the sidebar shows it, focuses the entity's button. Returns false
/// when no mention has focus.
pub fn open_focused() -> bool {
    let Some(mark) = active().filter(|a| a.tag_name() == "MARK" && a.has_attribute("data-mention"))
    else {
        return false;
    };
    let Ok(mark) = mark.dyn_into::<HtmlElement>() else {
        return false;
    };
    mark.click();
    // After the re-render: the picked entity's button.
    gloo::timers::callback::Timeout::new(0, || {
        let picked = gloo::utils::document()
            .query_selector(".sidebar button.entity[aria-pressed=\"true\"]")
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<HtmlElement>().ok());
        if let Some(b) = picked {
            let _ = b.focus();
        }
    })
    .forget();
    true
}

/// What a screen reader should hear about a focused mark: its text and
/// label description (the visually hidden part of the mark included).
pub fn describe(mark: &HtmlElement) -> String {
    let text = mark
        .query_selector(".mention-text")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    let kind = mark
        .query_selector(".visually-hidden")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    format!("{text}{kind}")
}
