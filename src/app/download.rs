//! Handing text to the user without any network: a download made from a
//! `Blob` and an object URL on a temporary `<a download>`, and a copy to the
//! clipboard. Both report failure as a sentence for a notice.

use crate::export::files::ExportFile;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `file` as a download (the browser saves it; nothing is sent).
pub fn download(file: &ExportFile) -> Result<(), String> {
    let fail = |what: &str| format!("Could not save “{}”: {what}.", file.name);
    let document = gloo::utils::document();
    let parts = js_sys::Array::of1(&file.content.as_str().into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(file.mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("the browser would not make the file"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| fail("the browser would not make a link to it"))?;
    let anchor = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| fail("no link element"))?;
    anchor.set_href(&url);
    anchor.set_download(&file.name);
    anchor.set_hidden(true);
    let body = document.body().ok_or_else(|| fail("no page body"))?;
    // Appended for Firefox, which clicks only attached links.
    let _ = body.append_child(&anchor);
    anchor.click();
    anchor.remove();
    // The click has started the download; revoking later frees the memory.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Copies `text` to the clipboard.
pub async fn copy(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    JsFuture::from(window.navigator().clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "the browser refused access to the clipboard".to_string())
}
