//! One toggle button per label found (plus any hidden ones), showing or
//! hiding that label's marks and sidebar group. `aria-pressed` tells
//! assistive technology whether the label is shown.

use crate::app::label_set::LabelSet;
use crate::app::palette;
use crate::app::state::Shared;
use crate::Label;
use yew::prelude::*;

/// Props of [`LabelToggles`].
#[derive(Properties, PartialEq)]
pub struct LabelTogglesProps {
    /// The analysis whose labels are counted.
    pub analyzed: Shared,
    /// Labels currently hidden.
    pub hidden: LabelSet,
    /// Called with the label whose toggle was pressed.
    pub on_toggle: Callback<Label>,
}

/// The toggles.
#[component(LabelToggles)]
pub fn label_toggles(props: &LabelTogglesProps) -> Html {
    let analysis = &props.analyzed.analysis;
    let buttons = Label::ALL
        .into_iter()
        .filter_map(|label| {
            let count = analysis.with_label(label).count();
            let hidden = props.hidden.contains(label);
            if count == 0 && !hidden {
                return None;
            }
            let onclick = props.on_toggle.reform(move |_: MouseEvent| label);
            let verb = if hidden { "Show" } else { "Hide" };
            Some(html! {
                <li>
                    <button
                        type="button"
                        class={classes!("toggle", palette::class(label))}
                        data-label={label.as_str()}
                        aria-pressed={if hidden { "false" } else { "true" }}
                        title={format!("{verb} {} ({})", label.description(), label.as_str())}
                        {onclick}
                    >
                        <span class="toggle-name">{ label.as_str() }</span>
                        <span class="count">{ count }</span>
                    </button>
                </li>
            })
        })
        .collect::<Vec<Html>>();
    html! {
        if !buttons.is_empty() {
            <div class="toggles">
                <span class="toggles-caption" id="toggles-caption">{ "Show labels" }</span>
                <ul aria-labelledby="toggles-caption">{ for buttons }</ul>
            </div>
        }
    }
}
