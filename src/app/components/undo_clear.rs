//! After "Clear": a notice that offers the cleared text back, so clearing
//! is never silently destructive.

use yew::prelude::*;

/// Props of [`UndoClear`].
#[derive(Properties, PartialEq)]
pub struct UndoClearProps {
    /// Called when the user asks for the text back.
    pub on_undo: Callback<()>,
    /// Called when the user dismisses the offer.
    pub on_dismiss: Callback<()>,
}

/// The offer.
#[component(UndoClear)]
pub fn undo_clear(props: &UndoClearProps) -> Html {
    html! {
        <div id="undo-clear" class="notice info" role="status">
            <p>{ "Text cleared." }</p>
            <button type="button" id="undo" onclick={props.on_undo.reform(|_: MouseEvent| ())}>{ "Undo" }</button>
            <button type="button" class="dismiss" aria-label="Dismiss message"
                onclick={props.on_dismiss.reform(|_: MouseEvent| ())}>{ "×" }</button>
        </div>
    }
}
