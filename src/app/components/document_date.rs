//! The document date relative expressions ("on Friday", "next week") are
//! resolved against: where it came from, and a date input to override it.
//!
//! Until the page's first frame is drawn the input is a box of the same
//! size: Chromium styles a date input's calendar button with an SVG image,
//! whose document took 40-50 ms of the first frame on a 2-core machine.

use crate::{DateSource, DocumentDate};
use chrono::NaiveDate;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`DocumentDateControl`].
#[derive(Properties, PartialEq)]
pub struct DocumentDateProps {
    /// The date the analysis used, if any.
    pub used: Option<DocumentDate>,
    /// The date the user set, if any.
    pub chosen: Option<NaiveDate>,
    /// Called with the new override (`None` to detect again).
    pub on_change: Callback<Option<NaiveDate>>,
    /// False until the first frame is drawn: the input is then a
    /// placeholder box of its size.
    #[prop_or(true)]
    pub ready: bool,
}

/// Parses the `YYYY-MM-DD` value of a date input; empty or invalid is `None`.
pub fn parse_input(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// The control.
#[component(DocumentDateControl)]
pub fn document_date_control(props: &DocumentDateProps) -> Html {
    let onchange = props.on_change.reform(|e: Event| {
        e.target_dyn_into::<HtmlInputElement>()
            .and_then(|input| parse_input(&input.value()))
    });
    let value = props
        .chosen
        .or(props.used.map(|d| d.date))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let source = match (props.chosen, props.used) {
        (Some(_), _) => "set by you",
        (
            None,
            Some(DocumentDate {
                source: DateSource::Detected(_),
                ..
            }),
        ) => "found in the text",
        (
            None,
            Some(DocumentDate {
                source: DateSource::Given,
                ..
            }),
        ) => "given",
        (None, None) => "none found: set one to resolve relative dates (“on Friday”, “last week”)",
    };
    let reset = props.chosen.is_some().then(|| {
        let onclick = props.on_change.reform(|_: MouseEvent| None);
        html! {
            <button type="button" class="link-button" {onclick}>{ "Detect from text" }</button>
        }
    });
    html! {
        <div class="document-date">
            <label for="document-date">{ "Document date" }</label>
            if props.ready {
                <input
                    id="document-date"
                    type="date"
                    {value}
                    {onchange}
                    aria-describedby="document-date-source"
                />
            } else {
                <span class="date-input-placeholder" aria-hidden="true"></span>
            }
            <span id="document-date-source" class="source" data-source={if props.chosen.is_some() { "user" } else if props.used.is_some() { "text" } else { "none" }}>
                { source }
            </span>
            { for reset }
        </div>
    }
}
