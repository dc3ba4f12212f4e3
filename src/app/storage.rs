//! Where the text comes from on load and where it is kept: the URL fragment
//! `#z=<compressed>` ([`crate::share`]) or `#text=<percent-encoded UTF-8>`
//! (a fragment never reaches a server) and the browser's localStorage,
//! which also keeps the settings (hidden labels, document date, links).
//!
//! The fragment codec is pure and strict: a malformed escape or bytes that
//! are not UTF-8 are an error naming the offset, never a guess.

use super::label_set::LabelSet;
use std::fmt;

/// localStorage key of the last text.
pub const TEXT_KEY: &str = "entity-lens/text";
/// localStorage key of the hidden labels.
pub const HIDDEN_KEY: &str = "entity-lens/hidden";
/// localStorage key of the document date override (`YYYY-MM-DD`).
pub const DATE_KEY: &str = "entity-lens/date";
/// localStorage key of the "clickable web addresses" setting (`on`).
pub const LINKS_KEY: &str = "entity-lens/links";

/// Why a `#text=` fragment could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FragmentError {
    /// A `%` not followed by two hex digits, at this byte of the encoded text.
    BadEscape(usize),
    /// The decoded bytes are not UTF-8 from this byte of the decoded text on.
    NotUtf8(usize),
}

impl fmt::Display for FragmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FragmentError::BadEscape(at) => write!(
                f,
                "the link's #text= has a malformed %-escape at character {at}"
            ),
            FragmentError::NotUtf8(at) => write!(
                f,
                "the link's #text= is not valid UTF-8 (invalid byte at offset {at})"
            ),
        }
    }
}

/// Decodes `%XX` escapes into bytes, then the bytes as strict UTF-8. Every
/// other character stands for itself (`+` is a plus sign, as in
/// `encodeURIComponent`).
pub fn percent_decode(encoded: &str) -> Result<String, FragmentError> {
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or(FragmentError::BadEscape(i))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|e| FragmentError::NotUtf8(e.utf8_error().valid_up_to()))
}

/// Encodes text as `encodeURIComponent` does: every byte except ASCII
/// letters, digits and `-_.!~*'()` becomes `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    out
}

/// The text a location hash carries: `None` when it has no `text=`
/// parameter, else the decoded text or why it could not be decoded.
///
/// The hash may start with `#` and hold other `&`-separated parameters.
pub fn fragment_text(hash: &str) -> Option<Result<String, FragmentError>> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split('&')
        .find_map(|param| param.strip_prefix("text="))
        .map(percent_decode)
}

/// True when the fragment carries a text (`#z=` or `#text=`), readable or
/// not, as [`link_text`] would find it; nothing is decoded.
pub fn has_link(hash: &str) -> bool {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split('&')
        .any(|param| param.starts_with("z=") || param.starts_with("text="))
}

/// The text a link's fragment carries (`#z=` first, then `#text=`): `None`
/// when it has neither, else the text or why it could not be read.
pub fn link_text(hash: &str) -> Option<Result<String, String>> {
    if let Some(found) = crate::share::fragment_text(hash) {
        return Some(found.map_err(|e| e.to_string()));
    }
    fragment_text(hash).map(|r| r.map_err(|e| e.to_string()))
}

/// The browser's localStorage, when the page may use it (it may not in some
/// private modes).
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The last text saved, if any.
pub fn saved_text() -> Option<String> {
    local_storage()?.get_item(TEXT_KEY).ok().flatten()
}

/// Why the text could not be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveError;

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "the browser would not store the text (too large, or storage is disabled): \
             it will not survive a reload",
        )
    }
}

/// Saves the text for the next visit.
pub fn save_text(text: &str) -> Result<(), SaveError> {
    local_storage()
        .ok_or(SaveError)?
        .set_item(TEXT_KEY, text)
        .map_err(|_| SaveError)
}

/// The labels hidden on the last visit.
pub fn saved_hidden() -> LabelSet {
    local_storage()
        .and_then(|s| s.get_item(HIDDEN_KEY).ok().flatten())
        .map(|names| LabelSet::from_names(&names))
        .unwrap_or_default()
}

/// Remembers the hidden labels; failing to is harmless, so not reported.
pub fn save_hidden(hidden: LabelSet) {
    if let Some(s) = local_storage() {
        // Best effort: the labels are a convenience, the text is what matters.
        let _ = s.set_item(HIDDEN_KEY, &hidden.to_names());
    }
}

/// The document date set on the last visit.
pub fn saved_date() -> Option<chrono::NaiveDate> {
    let value = local_storage()?.get_item(DATE_KEY).ok().flatten()?;
    chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok()
}

/// Remembers (or with `None` forgets) the document date; best effort.
pub fn save_date(date: Option<chrono::NaiveDate>) {
    if let Some(s) = local_storage() {
        let _ = match date {
            Some(d) => s.set_item(DATE_KEY, &d.format("%Y-%m-%d").to_string()),
            None => s.remove_item(DATE_KEY),
        };
    }
}

/// Whether web addresses were clickable on the last visit.
pub fn saved_links() -> bool {
    local_storage()
        .and_then(|s| s.get_item(LINKS_KEY).ok().flatten())
        .is_some_and(|v| v == "on")
}

/// Remembers the "clickable web addresses" setting; best effort.
pub fn save_links(on: bool) {
    if let Some(s) = local_storage() {
        let _ = if on {
            s.set_item(LINKS_KEY, "on")
        } else {
            s.remove_item(LINKS_KEY)
        };
    }
}

/// The current location hash (`"#text=..."`, or `""`).
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Removes the fragment from the address bar without reloading or adding a
/// history entry, so that a reload restores the edited text from storage
/// rather than the link's original one.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        // Failing leaves the fragment in place: a reload then shows the
        // link's text again, which is the lesser surprise.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Where the starting text came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The `#z=` or `#text=` fragment.
    Link,
    /// localStorage.
    Saved,
    /// Nothing: an empty editor.
    Empty,
}

/// The text the page starts with: the fragment's, else the saved one, and a
/// problem to show if the fragment was unreadable.
pub fn initial_text() -> (String, Origin, Option<String>) {
    let mut problem = None;
    if let Some(found) = link_text(&location_hash()) {
        match found {
            Ok(text) => return (text, Origin::Link, None),
            Err(e) => problem = Some(e),
        }
    }
    match saved_text() {
        Some(text) => (text, Origin::Saved, problem),
        None => (String::new(), Origin::Empty, problem),
    }
}
