//! A dismissible message: errors are announced at once (`role="alert"`),
//! information politely (`role="status"`).

use crate::app::state::{Notice, NoticeKind};
use yew::prelude::*;

/// Props of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// The message, if any.
    pub notice: Option<Notice>,
    /// Called when the user dismisses it.
    pub on_dismiss: Callback<()>,
}

/// The message bar (empty when there is no message).
#[component(NoticeBar)]
pub fn notice_bar(props: &NoticeProps) -> Html {
    let Some(notice) = &props.notice else {
        return html! {};
    };
    let (class, role) = match notice.kind {
        NoticeKind::Error => ("notice error", "alert"),
        NoticeKind::Info => ("notice info", "status"),
    };
    let onclick = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div id="notice" {class} {role}>
            <p>{ notice.text.clone() }</p>
            <button type="button" class="dismiss" aria-label="Dismiss message" {onclick}>{ "×" }</button>
        </div>
    }
}
