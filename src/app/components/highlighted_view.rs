//! The analyzed text with every mention marked.
//!
//! Each mention is a `<mark data-label="LABEL">` painted in its label's hue
//! with a visible label chip, a tooltip (label description and normalized
//! value) and a visually hidden description for screen readers. Debris is
//! dimmed. Text is only ever inserted as text nodes, so pasted markup shows
//! as typed and never runs.

use crate::app::label_set::LabelSet;
use crate::app::palette;
use crate::app::segments::{segments, Segment};
use crate::app::state::{Selection, Shared};
use crate::{Entity, Mention};
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// Props of [`HighlightedView`].
#[derive(Properties, PartialEq)]
pub struct HighlightedViewProps {
    /// The analysis to render (with the text it was made from).
    pub analyzed: Shared,
    /// Labels rendered as plain text.
    pub hidden: LabelSet,
    /// The picked entity, whose mentions are emphasized.
    pub selection: Option<Selection>,
    /// Called with an entity index when one of its mentions is clicked.
    pub on_select: Callback<usize>,
}

/// The tooltip of a mention: `Date (DATE): 2023-12-15`, and for a name
/// the entity it refers to with its roles: `Person (PERSON) — Vladimir
/// Putin, Russian President`.
pub fn tooltip(m: &Mention, entity: Option<&Entity>) -> String {
    let mut title = format!("{} ({})", m.label.description(), m.label.as_str());
    if let Some(v) = &m.value {
        title.push_str(": ");
        title.push_str(&v.to_string());
    }
    if let Some(e) = entity.filter(|e| e.label.is_name()) {
        title.push_str(" — ");
        title.push_str(&e.name);
        for r in &e.roles {
            title.push_str(", ");
            title.push_str(r);
        }
    }
    title
}

/// Renders one mention.
fn mark(
    index: usize,
    m: &Mention,
    entity: Option<&Entity>,
    picked: bool,
    focused: bool,
    on_select: &Callback<usize>,
) -> Html {
    let class = classes!(
        "mention",
        palette::class(m.label),
        picked.then_some("picked"),
        focused.then_some("focused"),
    );
    let onclick = m.entity.map(|e| on_select.reform(move |_: MouseEvent| e));
    html! {
        <mark
            {class}
            data-label={m.label.as_str()}
            data-mention={index.to_string()}
            title={tooltip(m, entity)}
            {onclick}
        >
            <span class="mention-text">{ m.text.clone() }</span>
            <span class="chip" aria-hidden="true">{ m.label.as_str() }</span>
            <span class="visually-hidden">{ format!(" ({})", m.label.description()) }</span>
        </mark>
    }
}

/// The highlighted text.
#[component(HighlightedView)]
pub fn highlighted_view(props: &HighlightedViewProps) -> Html {
    let container = use_node_ref();
    let analysis = &props.analyzed.analysis;
    let text: &str = &props.analyzed.text;
    let picked = props.selection.map(|s| s.entity);
    let focused = props.selection.and_then(|s| {
        analysis
            .entities
            .get(s.entity)?
            .mentions
            .get(s.focus)
            .copied()
    });

    // Bring the focused mention into view when the pick changes.
    {
        let container = container.clone();
        use_effect_with(focused, move |focused| {
            if let Some(i) = focused {
                scroll_to(&container, *i);
            }
        });
    }

    let runs = segments(text, analysis, props.hidden)
        .into_iter()
        .map(|seg| match seg {
            Segment::Plain(s) => html! { { s.slice(text).to_string() } },
            Segment::Debris(s) => html! {
                <span class="debris" title="Template or markup debris (ignored)">
                    { s.slice(text).to_string() }
                </span>
            },
            Segment::Mention(i) => match analysis.mentions.get(i) {
                Some(m) => mark(
                    i,
                    m,
                    m.entity.and_then(|e| analysis.entities.get(e)),
                    picked.is_some() && m.entity == picked,
                    focused == Some(i),
                    &props.on_select,
                ),
                None => html! {},
            },
        })
        .collect::<Html>();

    html! {
        <div
            id="highlighted"
            class="highlighted"
            role="region"
            aria-label="Text with entities highlighted"
            tabindex="0"
            ref={container}
        >
            if text.is_empty() {
                <p class="placeholder">{ "Paste or type a text above, drop a .txt file, or load the sample." }</p>
            } else {
                { runs }
            }
        </div>
    }
}

/// Scrolls the mark of mention `index` to the middle of the view.
fn scroll_to(container: &NodeRef, index: usize) {
    let Some(root) = container.cast::<Element>() else {
        return;
    };
    let selector = format!("[data-mention=\"{index}\"]");
    if let Ok(Some(el)) = root.query_selector(&selector) {
        let options = ScrollIntoViewOptions::new();
        // `Auto` follows the stylesheet, which animates only when the user
        // has not asked for reduced motion.
        options.set_behavior(ScrollBehavior::Auto);
        options.set_block(ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
