//! The direct quotations found, each with its speaker when known; picking
//! one jumps to it in the text and picks its speaker.

use super::show_more::{use_limit, ShowMore};
use crate::app::state::Shared;
use yew::prelude::*;

/// Props of [`QuoteList`].
#[derive(Properties, PartialEq)]
pub struct QuoteListProps {
    /// The analysis whose quotes are listed.
    pub analyzed: Shared,
    /// Called with the quote's index when it is picked (the app then
    /// scrolls to it and picks its speaker).
    #[prop_or_default]
    pub on_quote: Callback<usize>,
    /// The picked quote.
    #[prop_or_default]
    pub picked: Option<usize>,
}

/// The list (nothing when there are no quotes).
#[component(QuoteList)]
pub fn quote_list(props: &QuoteListProps) -> Html {
    let (limit, on_more) = use_limit();
    let analysis = &props.analyzed.analysis;
    let text: &str = &props.analyzed.text;
    // Quotes whose span fits the text (an analysis of another text, say,
    // would not): the list and its count.
    let listable: Vec<(usize, &str, Option<usize>)> = analysis
        .quotes
        .iter()
        .enumerate()
        .filter_map(|(k, q)| Some((k, text.get(q.span.range())?, q.speaker)))
        .collect();
    let total = listable.len();
    let items = listable
        .into_iter()
        .take(limit)
        .map(|(k, quoted, speaker)| {
            let speaker = speaker.and_then(|i| Some((i, analysis.entities.get(i)?)));
            let who = speaker.map_or_else(|| "unattributed".to_string(), |(_, e)| e.name.clone());
            let body = html! {
                <>
                    <q class="quote-text">{ quoted.trim_matches(|c| "\"“”‘’«»„'".contains(c)).to_string() }</q>
                    <span class="speaker">{ format!("— {who}") }</span>
                </>
            };
            let pressed = (props.picked == Some(k)).to_string();
            let onclick = props.on_quote.reform(move |_: MouseEvent| k);
            let speaker = speaker.map(|(i, _)| i.to_string());
            html! {
                <li><button type="button" class="quote" data-quote={k.to_string()} data-speaker={speaker} aria-pressed={pressed} {onclick}>{ body }</button></li>
            }
        })
        .collect::<Vec<Html>>();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section class="quotes" aria-labelledby="quotes-heading">
            <h3 id="quotes-heading">
                <span class="group-name">{ "Quotes" }</span>
                <span class="count">{ total }</span>
            </h3>
            <ul class="quote-list">{ for items }</ul>
            <ShowMore {limit} {total} what="quotes" {on_more} />
        </section>
    }
}
