//! The "Show more" button under a long list (timeline, quotes, web
//! addresses).
//!
//! A long text has thousands of dates and quotes: drawing them all in the
//! sidebar cost a 1 MB text 140-200 ms of style and layout each time its
//! analysis arrived (tests/e2e/perf.mjs), for lists nobody reads whole. A
//! list shows its first [`FIRST_ITEMS`]; each press of the button adds
//! [`MORE_ITEMS`]. The heading's count is always the whole list's.

use yew::prelude::*;

/// How many items a list shows at first.
pub const FIRST_ITEMS: usize = 25;

/// How many more items each press of "Show more" adds.
pub const MORE_ITEMS: usize = 100;

/// A list's limit, kept across analyses (a list the user opened stays
/// open while they type), with the callback that raises it.
#[hook]
pub fn use_limit() -> (usize, Callback<()>) {
    let limit = use_state_eq(|| FIRST_ITEMS);
    let more = {
        let limit = limit.clone();
        Callback::from(move |()| limit.set(*limit + MORE_ITEMS))
    };
    (*limit, more)
}

/// Props of [`ShowMore`].
#[derive(Properties, PartialEq)]
pub struct ShowMoreProps {
    /// The list's limit ([`use_limit`]): items past it are not shown.
    pub limit: usize,
    /// Items in the whole list.
    pub total: usize,
    /// What the items are, plural ("quotes"), for the button's label.
    pub what: AttrValue,
    /// Called when the button is pressed.
    pub on_more: Callback<()>,
}

/// The button, or nothing when the whole list is shown.
#[component(ShowMore)]
pub fn show_more(props: &ShowMoreProps) -> Html {
    if props.limit >= props.total {
        return html! {};
    }
    let next = MORE_ITEMS.min(props.total - props.limit);
    let onclick = props.on_more.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="show-more" {onclick}>
            { format!("Show {next} more {} ({} of {} shown)", props.what, props.limit, props.total) }
        </button>
    }
}
