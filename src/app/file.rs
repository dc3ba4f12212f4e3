//! Opening a dropped or chosen file: only text files, decoded as strict
//! UTF-8; Markdown is read as its text ([`crate::markdown`]) and HTML as its
//! visible text, never run ([`crate::html_text`]). Every refusal is a sentence for the user naming the file and the
//! problem (for bad UTF-8, the byte offset); the caller keeps the current
//! text.

use gloo::file::callbacks::FileReader;
use gloo::file::{Blob, File};
use yew::Callback;

/// The largest file opened (bytes). Larger texts are refused rather than
/// freezing the page.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// File-name endings accepted even when the browser reports no text type.
const TEXT_EXTENSIONS: [&str; 10] = [
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".xhtml",
    ".csv",
    ".tsv",
    ".log",
];

/// How a file's text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// As it is.
    Plain,
    /// Markdown: its syntax is stripped.
    Markdown,
    /// HTML: its visible text is extracted.
    Html,
}

/// The kind of a file, from its name and type.
pub fn kind(name: &str, mime: &str) -> Kind {
    let lower = name.to_lowercase();
    if [".html", ".htm", ".xhtml"]
        .iter()
        .any(|e| lower.ends_with(e))
        || mime == "text/html"
        || mime == "application/xhtml+xml"
    {
        Kind::Html
    } else if lower.ends_with(".md") || lower.ends_with(".markdown") || mime == "text/markdown" {
        Kind::Markdown
    } else {
        Kind::Plain
    }
}

/// The readable text of decoded file content of `kind`.
pub fn readable(kind: Kind, text: String) -> String {
    match kind {
        Kind::Plain => text,
        Kind::Markdown => crate::markdown::to_text(&text),
        Kind::Html => crate::html_text::visible_text(&text),
    }
}

/// Checks, before reading, that a file looks like text: a `text/*` type, or
/// a text extension with no type or a generic one.
pub fn check_kind(name: &str, mime: &str, size: u64) -> Result<(), String> {
    let lower = name.to_lowercase();
    let text_extension = TEXT_EXTENSIONS.iter().any(|e| lower.ends_with(e));
    let generic = mime.is_empty() || mime == "application/octet-stream";
    let xhtml = mime == "application/xhtml+xml";
    if !(mime.starts_with("text/") || xhtml || (generic && text_extension)) {
        let kind = if mime.is_empty() {
            "of an unknown type".to_string()
        } else {
            format!("of type {mime}")
        };
        return Err(format!(
            "“{name}” is not a text file (it is {kind}). Drop or open a .txt, .md or .html file; \
             the current text was kept."
        ));
    }
    if size > MAX_FILE_BYTES {
        return Err(format!(
            "“{name}” is {size} bytes, more than the {MAX_FILE_BYTES}-byte limit; \
             the current text was kept."
        ));
    }
    Ok(())
}

/// Decodes a file's bytes as strict UTF-8 (a leading byte-order mark is
/// dropped). An invalid sequence is an error naming its byte offset.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let byte = e.as_bytes().get(at).copied().unwrap_or(0);
        format!(
            "“{name}” is not valid UTF-8: invalid byte 0x{byte:02X} at byte offset {at}. \
             Save it as UTF-8 and try again; the current text was kept."
        )
    })
}

/// Starts reading `file`; `done` gets the text or the message. The read is
/// cancelled if the returned reader is dropped first, so the caller keeps it.
pub fn read(file: web_sys::File, done: Callback<Result<String, String>>) -> Option<FileReader> {
    let file = File::from(file);
    let name = file.name();
    let kind = kind(&name, &file.raw_mime_type());
    if let Err(message) = check_kind(&name, &file.raw_mime_type(), file.size()) {
        done.emit(Err(message));
        return None;
    }
    let blob: &Blob = &file;
    Some(gloo::file::callbacks::read_as_bytes(blob, move |read| {
        done.emit(match read {
            Ok(bytes) => decode(&name, bytes).map(|t| readable(kind, t)),
            Err(e) => Err(format!(
                "“{name}” could not be read ({e}); the current text was kept."
            )),
        });
    }))
}
