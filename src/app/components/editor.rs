//! The text area and its buttons: load the sample, open a `.txt` file (the
//! keyboard path to what dropping a file does), clear.
//!
//! The text area is its own component, re-rendered only when a text is
//! loaded ([`EditorProps::loads`]): what is typed is already in it, and
//! re-rendering it at each keystroke or new status line made Yew read its
//! whole value back (10-25 ms for 1 MB).

use yew::prelude::*;
use yew::virtual_dom::AttrValue;

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text shown.
    pub text: AttrValue,
    /// Changes when `text` was loaded rather than typed: only then is the
    /// text area rewritten.
    #[prop_or_default]
    pub loads: u32,
    /// A line about the analysis ("12 mentions · 0.8 ms").
    pub status: AttrValue,
    /// Called with the whole text after every edit.
    pub on_edit: Callback<String>,
    /// Called with text that replaces the current one (sample, clear).
    pub on_load: Callback<String>,
    /// Called with a file the user chose.
    pub on_file: Callback<web_sys::File>,
}

/// Props of [`TextBox`]: equal while no text is loaded, whatever the text.
#[derive(Properties)]
struct TextBoxProps {
    text: AttrValue,
    loads: u32,
    on_edit: Callback<String>,
}

impl PartialEq for TextBoxProps {
    fn eq(&self, other: &Self) -> bool {
        self.loads == other.loads && self.on_edit == other.on_edit
    }
}

/// The text area.
#[component(TextBox)]
fn text_box(props: &TextBoxProps) -> Html {
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                on_edit.emit(t.value());
            }
        })
    };
    html! {
        <textarea
            id="text"
            rows="8"
            spellcheck="false"
            dir="auto"
            placeholder="Paste or type a news article, or drop a .txt, .md or .html file here."
            aria-describedby="editor-status"
            value={props.text.clone()}
            {oninput}
        />
    }
}

/// The editor.
#[component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let sample = props
        .on_load
        .reform(|_: MouseEvent| crate::app::SAMPLE.to_string());
    let clear = props.on_load.reform(|_: MouseEvent| String::new());
    let file_input = use_node_ref();
    let open = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let file = input.files().and_then(|files| files.get(0));
            // Let the same file be chosen again later.
            input.set_value("");
            if let Some(f) = file {
                on_file.emit(f);
            }
        })
    };
    html! {
        <section class="editor" aria-labelledby="editor-label">
            <div class="editor-bar">
                <label id="editor-label" for="text">{ "Text" }</label>
                <div class="buttons">
                    <button type="button" id="sample" onclick={sample}>{ "Sample" }</button>
                    <button type="button" id="open" onclick={open}>{ "Open file…" }</button>
                    <input
                        type="file"
                        id="file"
                        hidden=true
                        tabindex="-1"
                        accept=".txt,.text,.md,.markdown,.html,.htm,.csv,.tsv,.log,text/plain,text/markdown,text/html"
                        ref={file_input}
                        {onchange}
                    />
                    <button type="button" id="clear" onclick={clear}>{ "Clear" }</button>
                </div>
            </div>
            <TextBox text={props.text.clone()} loads={props.loads} on_edit={props.on_edit.clone()} />
            <p id="editor-status" class="editor-status">{ props.status.clone() }</p>
        </section>
    }
}
