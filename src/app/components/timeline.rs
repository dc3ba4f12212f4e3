//! The timeline: dated mentions (dates and times, not durations or sets) in
//! time order, each with its sentence; picking one picks its date.
//!
//! Values sort as TIMEX3 strings (ISO-like, so text order is time order);
//! values with unknown parts (`XXXX-12-05`) and references (`PRESENT_REF`)
//! come last.

use super::show_more::{use_limit, ShowMore};
use crate::app::state::Shared;
use crate::quotes::sentence_around;
use crate::{Label, TimeKind, Value};
use yew::prelude::*;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The analysis whose dates are listed.
    pub analyzed: Shared,
    /// Called with the date's entity index when an entry is picked.
    pub on_select: Callback<usize>,
}

/// `(sort key, value, mention index)` of every dated mention, in time order.
pub fn dated(analysis: &crate::Analysis) -> Vec<(bool, String, usize)> {
    let mut out: Vec<(bool, String, usize)> = analysis
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| matches!(m.label, Label::Date | Label::Time))
        .filter_map(|(i, m)| match &m.value {
            Some(Value::Time {
                timex,
                kind: TimeKind::Date | TimeKind::Time,
            }) => {
                let unknown = !timex.starts_with(|c: char| c.is_ascii_digit());
                Some((unknown, timex.clone(), i))
            }
            _ => None,
        })
        .collect();
    out.sort();
    out
}

/// The panel (nothing when the text has no dated mention).
#[component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let (limit, on_more) = use_limit();
    let analysis = &props.analyzed.analysis;
    let text: &str = &props.analyzed.text;
    let entries = dated(analysis);
    if entries.is_empty() {
        return html! {};
    }
    let total = entries.len();
    let items = entries.into_iter().take(limit).filter_map(|(_, value, i)| {
        let m = analysis.mentions.get(i)?;
        let sentence = sentence_around(text, m.span).slice(text).to_string();
        let body = html! {
            <>
                <span class="when">{ value }</span>
                <span class="context">{ sentence }</span>
            </>
        };
        Some(match m.entity {
            Some(e) => {
                let onclick = props.on_select.reform(move |_: MouseEvent| e);
                html! { <li><button type="button" class="dated" data-mention={i.to_string()} {onclick}>{ body }</button></li> }
            }
            None => html! { <li class="dated">{ body }</li> },
        })
    });
    html! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h3 id="timeline-heading">
                <span class="group-name">{ "Timeline" }</span>
                <span class="count">{ total }</span>
            </h3>
            <ol class="timeline-list">{ for items }</ol>
            <ShowMore {limit} {total} what="dates" {on_more} />
        </section>
    }
}
