//! The entities, grouped by label: each group with its mention count, each
//! entity with its own, most mentioned first. Picking an entity emphasizes
//! its mentions and scrolls to them; picking it again steps to the next.
//! A long text can name thousands of entities: each label lists its first
//! [`SHOWN_PER_LABEL`] (and the picked one) until "Show all" is pressed.

use super::quotes::QuoteList;
use super::timeline::Timeline;
use crate::app::label_set::LabelSet;
use crate::app::palette;
use crate::app::state::{Selection, Shared};
use crate::{Analysis, Label};
use std::collections::HashMap;
use yew::prelude::*;

/// How many entities a label lists before its "Show all" button.
pub const SHOWN_PER_LABEL: usize = 50;

/// Props of [`Sidebar`].
#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    /// The analysis whose entities are listed.
    pub analyzed: Shared,
    /// Labels not listed.
    pub hidden: LabelSet,
    /// The picked entity.
    pub selection: Option<Selection>,
    /// Called with an entity index when it is picked.
    pub on_select: Callback<usize>,
    /// Called with a quote's index when it is picked in the quotes panel.
    #[prop_or_default]
    pub on_quote: Callback<usize>,
    /// The picked quote.
    #[prop_or_default]
    pub quote: Option<usize>,
}

/// One label's entities, most mentioned first (ties in text order), and
/// the label's mention count.
pub fn group(analysis: &Analysis, label: Label) -> (Vec<usize>, usize) {
    let mut entities: Vec<usize> = analysis
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.label == label)
        .map(|(i, _)| i)
        .collect();
    entities.sort_by_key(|&i| {
        let e = &analysis.entities[i];
        (
            std::cmp::Reverse(e.mentions.len()),
            e.mentions.first().copied(),
        )
    });
    (entities, analysis.with_label(label).count())
}

/// "1 mention", "3 mentions".
fn mentions(n: usize) -> String {
    if n == 1 {
        "1 mention".to_string()
    } else {
        format!("{n} mentions")
    }
}

/// The sidebar.
#[component(Sidebar)]
pub fn sidebar(props: &SidebarProps) -> Html {
    let analysis = &props.analyzed.analysis;
    let picked = props.selection.map(|s| s.entity);
    // Labels whose every entity is listed.
    let expanded = use_state(LabelSet::new);

    let groups = Label::ALL
        .into_iter()
        .filter(|&l| !props.hidden.contains(l))
        .filter_map(|label| {
            let (entities, count) = group(analysis, label);
            if count == 0 {
                return None;
            }
            let heading_id = format!("group-{}", label.as_str());
            let total = entities.len();
            let all = expanded.contains(label) || total <= SHOWN_PER_LABEL;
            let more = (!all).then(|| {
                let expanded = expanded.clone();
                let onclick = Callback::from(move |_: MouseEvent| expanded.set(expanded.toggled(label)));
                html! {
                    <li key="show-all">
                        <button type="button" class="show-all" data-label={label.as_str()} {onclick}>
                            { format!("Show all {total}") }
                        </button>
                    </li>
                }
            });
            // Keyed by name (and which of the same name), not by index:
            // indices follow mention counts and shift as the text is typed,
            // which made every keystroke rebuild the lists.
            let mut seen: HashMap<&str, usize> = HashMap::new();
            let items = entities
                .into_iter()
                .enumerate()
                .filter(|&(rank, i)| all || rank < SHOWN_PER_LABEL || picked == Some(i))
                .map(|(_, i)| {
                    let e = &analysis.entities[i];
                    let nth = seen.entry(e.name.as_str()).or_default();
                    let key = format!("{}#{nth}", e.name);
                    *nth += 1;
                    let onclick = props.on_select.reform(move |_: MouseEvent| i);
                    let pressed = if picked == Some(i) { "true" } else { "false" };
                    let aliases = (!e.aliases.is_empty()).then(|| {
                        html! { <span class="aliases">{ format!("also “{}”", e.aliases.join("”, “")) }</span> }
                    });
                    let roles = (!e.roles.is_empty()).then(|| {
                        html! { <span class="roles">{ e.roles.join(", ") }</span> }
                    });
                    html! {
                        <li {key}>
                            <button
                                type="button"
                                class={classes!("entity", palette::class(e.label))}
                                data-entity={i.to_string()}
                                aria-pressed={pressed}
                                title={format!("Show {} of “{}”", mentions(e.mentions.len()), e.name)}
                                {onclick}
                            >
                                <span class="entity-name">{ e.name.clone() }</span>
                                <span class="count" aria-hidden="true">{ e.mentions.len() }</span>
                                <span class="visually-hidden">{ format!(", {}", mentions(e.mentions.len())) }</span>
                                { for aliases }
                                { for roles }
                            </button>
                        </li>
                    }
                })
                .chain(more)
                .collect::<Html>();
            Some(html! {
                <section key={label.as_str()} class="group" data-label={label.as_str()} aria-labelledby={heading_id.clone()}>
                    <h3 id={heading_id}>
                        <span class={classes!("swatch", palette::class(label))} aria-hidden="true"></span>
                        <span class="group-name">{ label.description() }</span>
                        <span class="label-name">{ label.as_str() }</span>
                        <span class="count" data-count={count.to_string()}>{ count }</span>
                        <span class="visually-hidden">{ format!(" {}", mentions(count)) }</span>
                    </h3>
                    <ul class="entities">{ items }</ul>
                </section>
            })
        })
        .collect::<Vec<Html>>();

    let status = props.selection.and_then(|s| {
        let e = analysis.entities.get(s.entity)?;
        Some(format!(
            "“{}”: mention {} of {}",
            e.name,
            s.focus + 1,
            e.mentions.len()
        ))
    });

    html! {
        <nav class="sidebar" aria-label="Entities by label">
            <h2>{ "Entities" }</h2>
            <p class="status" aria-live="polite">{ status.unwrap_or_default() }</p>
            if groups.is_empty() {
                <p class="placeholder">{ "No entities found yet." }</p>
            } else {
                { for groups }
            }
            <QuoteList analyzed={props.analyzed.clone()} on_quote={props.on_quote.clone()} picked={props.quote} />
            <Timeline analyzed={props.analyzed.clone()} on_select={props.on_select.clone()} />
        </nav>
    }
}
