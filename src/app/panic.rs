//! What the page does if the app itself fails (a panic in Rust code on the
//! main thread): the text the user was editing is saved to localStorage,
//! and a visible, announced message says what happened and offers a reload.
//!
//! The wasm instance cannot continue after a panic (release builds abort),
//! so the report is plain DOM built before that happens, with a link rather
//! than a script-driven button.

use super::storage;
use wasm_bindgen::JsCast;

/// The id of the message element.
pub const MESSAGE_ID: &str = "fatal-error";

/// Installs the panic hook. Call once, before mounting the app.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&format!("EntityLens stopped: {detail}").into());
        report(&detail);
    }));
}

/// The text in the editor right now, if there is one.
fn editor_text() -> Option<String> {
    let el = gloo::utils::document().get_element_by_id("text")?;
    Some(el.dyn_into::<web_sys::HtmlTextAreaElement>().ok()?.value())
}

/// Saves the editor's text and shows the failure message. Returns whether
/// the text was saved.
pub fn report(detail: &str) -> bool {
    let saved = editor_text().is_some_and(|t| storage::save_text(&t).is_ok());
    let document = gloo::utils::document();
    let Some(body) = document.body() else {
        return saved;
    };
    if document.get_element_by_id(MESSAGE_ID).is_some() {
        return saved;
    }
    let Ok(message) = document.create_element("div") else {
        return saved;
    };
    message.set_id(MESSAGE_ID);
    message.set_class_name("notice error fatal");
    // role=alert: screen readers announce it at once.
    let _ = message.set_attribute("role", "alert");
    let kept = if saved {
        "Your text is saved in this browser and will be back after a reload."
    } else {
        "Your text could not be saved: copy it from the text box before reloading."
    };
    let Ok(p) = document.create_element("p") else {
        return saved;
    };
    // Text only (never HTML): the detail may quote the user's text.
    p.set_text_content(Some(&format!(
        "EntityLens hit an internal error and stopped. {kept} Details: {detail}"
    )));
    let _ = message.append_child(&p);
    if let Ok(link) = document.create_element("a") {
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_else(|| "./".to_string());
        let _ = link.set_attribute("href", &path);
        link.set_text_content(Some("Reload"));
        let _ = message.append_child(&link);
    }
    let _ = body.insert_before(&message, body.first_child().as_ref());
    saved
}
