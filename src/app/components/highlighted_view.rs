//! The analyzed text with every mention marked.
//!
//! Each mention is a `<mark data-label="LABEL">` painted in its label's hue
//! with a visible label chip, a tooltip (label description and normalized
//! value) and a visually hidden description for screen readers. Debris is
//! dimmed. Direct quotations are underlined (`.in-quote`, `data-quote`),
//! their opening marked `data-quote-start` and titled with the speaker;
//! the quote picked in the quotes panel is emphasized and scrolled to.
//! A highlighted block is one string of markup ([`block_html`], where all
//! text is escaped, so pasted markup shows as typed and never runs); one
//! click listener on the view serves every mark.
//!
//! Long texts stay fluid: the text is cut into blocks ([`blocks`], about
//! 1 kB each, 4 kB in long texts, `content-visibility: auto` in the
//! stylesheet). The first ones
//! are highlighted at once; the rest start as plain text and are
//! highlighted a few per animation frame, those on screen first, so a 1 MB
//! text never blocks the page. The block of a picked mention is highlighted
//! before it is scrolled to.

pub use crate::app::block_html::tooltip;
use crate::app::block_html::{block_html, Emphasis};
use crate::app::blocks::{self, block_of};
use crate::app::label_set::LabelSet;
use crate::app::segments::{segments, Segment};
use crate::app::state::{Selection, Shared};
use crate::{Analysis, Span};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;
use yew::virtual_dom::AttrValue;

/// Text highlighted in the first render of an analysis, in bytes (from
/// the top); shorter texts are highlighted whole at once.
pub const FIRST_BYTES: usize = 8 * 1024;

/// Text highlighted in the page's very first render, in bytes: about a
/// screenful, so the first frame after a page load is small to lay out and
/// paint; the rest follows in the next frames.
pub const OPENING_BYTES: usize = 2 * 1024;

/// Milliseconds of rendering aimed at per animation frame after the first
/// render; the bytes highlighted per frame adapt to it, so a slow or busy
/// machine gets smaller steps rather than dropped frames.
pub const FRAME_MILLIS: f64 = 8.0;

/// The first frame's share of text, in bytes (then adapted).
const FRAME_BYTES: usize = 8 * 1024;

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
    /// The quote picked in the quotes panel.
    #[prop_or_default]
    pub quote: Option<usize>,
}

/// Which blocks of one analysis are highlighted so far.
struct Progress {
    /// The analysis the blocks belong to.
    analyzed: Shared,
    /// The blocks, in text order.
    blocks: Vec<Span>,
    /// Per block: highlighted yet?
    done: Vec<bool>,
    /// Blocks before this one are all highlighted.
    next: usize,
}

impl Progress {
    /// The blocks of `analyzed`, those in its first `first` bytes
    /// highlighted, and those overlapping `keep` (what was on screen).
    fn new(analyzed: &Shared, first: usize, keep: Option<Span>) -> Self {
        let blocks = blocks::blocks(&analyzed.text, &analyzed.analysis);
        let done = blocks
            .iter()
            .map(|b| b.start < first || keep.is_some_and(|k| k.overlaps(b)))
            .collect();
        let mut p = Progress {
            analyzed: analyzed.clone(),
            blocks,
            done,
            next: 0,
        };
        p.advance();
        p
    }

    fn advance(&mut self) {
        while self.done.get(self.next).copied().unwrap_or(false) {
            self.next += 1;
        }
    }

    fn finished(&self) -> bool {
        self.next >= self.blocks.len()
    }

    /// Highlights block `i`; true if it was not yet.
    fn upgrade(&mut self, i: usize) -> bool {
        match self.done.get_mut(i) {
            Some(d) if !*d => {
                *d = true;
                self.advance();
                true
            }
            _ => false,
        }
    }

    /// One frame's work: blocks on screen first (`visible`), then in text
    /// order, up to `budget` bytes (at least one block). True if anything
    /// changed.
    fn step(&mut self, visible: Option<(usize, usize)>, mut budget: usize) -> bool {
        let mut changed = false;
        let on_screen = visible.map_or(0..0, |(a, b)| a..b.min(self.blocks.len()));
        for i in on_screen.chain(self.next..self.blocks.len()) {
            if budget == 0 {
                break;
            }
            if self.upgrade(i) {
                budget = budget.saturating_sub(self.blocks[i].len());
                changed = true;
            }
        }
        changed
    }
}

/// Segments shared between blocks, equal when they are the same list.
#[derive(Clone)]
struct Segments(Rc<Vec<Segment>>);

impl PartialEq for Segments {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`Block`].
#[derive(Properties, PartialEq)]
struct BlockProps {
    analyzed: Shared,
    segments: Segments,
    span: Span,
    /// Highlighted, or plain text for now.
    highlighted: bool,
    /// The picked entity, focused mention and picked quote, where they are
    /// in this block.
    emphasis: Emphasis,
}

/// One block of the text: plain text until it is highlighted, then the
/// markup of [`block_html`], replaced only when it changes.
#[component(Block)]
fn block(props: &BlockProps) -> Html {
    let text: &str = &props.analyzed.text;
    let span = props.span;
    if !props.highlighted {
        return html! { <div class="block">{ text.get(span.range()).unwrap_or_default().to_string() }</div> };
    }
    let markup = block_html(
        text,
        &props.analyzed.analysis,
        &props.segments.0,
        span,
        props.emphasis,
    );
    // `elementtiming`: the browser reports when the highlighted text is
    // first painted (Element Timing), which perf.mjs measures.
    html! {
        <div class="block" elementtiming="highlight">
            { Html::from_html_unchecked(AttrValue::from(markup)) }
        </div>
    }
}

/// The entity of the mention clicked in `event`, if any (one listener on
/// the view serves every mark).
fn clicked_entity(event: &MouseEvent, analysis: &Analysis) -> Option<usize> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let mark = target.closest("mark[data-mention]").ok()??;
    let index: usize = mark.get_attribute("data-mention")?.parse().ok()?;
    analysis.mentions.get(index)?.entity
}

/// The highlighted text.
#[component(HighlightedView)]
pub fn highlighted_view(props: &HighlightedViewProps) -> Html {
    let container = use_node_ref();
    let redraw = use_force_update();
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

    // Blocks and their progress, renewed with each analysis (keeping what
    // was on screen highlighted, so an edit does not flash plain text).
    let progress = use_mut_ref(|| None::<Progress>);
    {
        let mut slot = progress.borrow_mut();
        if slot.as_ref().is_none_or(|p| p.analyzed != props.analyzed) {
            // (Short texts are highlighted whole at once: no need to ask
            // the layout what is on screen.)
            let long = props.analyzed.text.len() > FIRST_BYTES;
            let keep = slot.as_ref().filter(|_| long).and_then(|p| {
                let (a, b) = visible_blocks(&container, p.blocks.len())?;
                let first = p.blocks.get(a)?;
                let last = p.blocks.get(b.checked_sub(1)?)?;
                Some(Span::new(first.start, last.end))
            });
            let first = if slot.is_none() {
                OPENING_BYTES
            } else {
                FIRST_BYTES
            };
            *slot = Some(Progress::new(&props.analyzed, first, keep));
        }
    }
    let segs = use_memo((props.analyzed.clone(), props.hidden), |(a, hidden)| {
        Segments(Rc::new(segments(&a.text, &a.analysis, *hidden)))
    });

    let mut slot = progress.borrow_mut();
    let Some(p) = slot.as_mut() else {
        return html! {};
    };
    // The focused mention's block is highlighted before it is scrolled to.
    let focus_block = focused
        .and_then(|i| analysis.mentions.get(i))
        .map(|m| block_of(&p.blocks, m.span.start));
    if let Some(b) = focus_block {
        p.upgrade(b);
    }
    // So is the picked quote's.
    let quote_block = props
        .quote
        .and_then(|k| analysis.quotes.get(k))
        .map(|q| block_of(&p.blocks, q.span.start));
    if let Some(b) = quote_block {
        p.upgrade(b);
    }
    let mut picked_blocks: Vec<usize> = picked
        .and_then(|e| analysis.entities.get(e))
        .map(|e| {
            e.mentions
                .iter()
                .filter_map(|&i| analysis.mentions.get(i))
                .map(|m| block_of(&p.blocks, m.span.start))
                .collect()
        })
        .unwrap_or_default();
    picked_blocks.dedup();
    let rendered = p
        .blocks
        .iter()
        .enumerate()
        .map(|(i, &span)| {
            html! {
                <Block
                    key={i}
                    analyzed={props.analyzed.clone()}
                    segments={(*segs).clone()}
                    {span}
                    highlighted={p.done[i]}
                    emphasis={Emphasis {
                        picked: picked.filter(|_| picked_blocks.binary_search(&i).is_ok()),
                        focused: focused.filter(|_| focus_block == Some(i)),
                        quote: props.quote.filter(|_| quote_block == Some(i)),
                    }}
                />
            }
        })
        .collect::<Html>();
    let finished = p.finished();
    drop(slot);

    // Highlight the rest, a few blocks per frame, while any is left.
    let frame = use_mut_ref(|| None::<i32>);
    let started = use_mut_ref(|| None::<f64>);
    let frame_bytes = use_mut_ref(|| FRAME_BYTES);
    {
        let container = container.clone();
        let progress = progress.clone();
        use_effect(move || {
            // Adapt the step to how long the last one took to render.
            if let Some(t) = started.borrow_mut().take() {
                let took = now() - t;
                let mut bytes = frame_bytes.borrow_mut();
                if took > 1.5 * FRAME_MILLIS {
                    *bytes = (*bytes / 2).max(1024);
                } else if took < 0.5 * FRAME_MILLIS {
                    *bytes = (*bytes * 2).min(256 * 1024);
                }
            }
            let cancel = |id: Option<i32>| {
                if let (Some(id), Some(w)) = (id, web_sys::window()) {
                    let _ = w.cancel_animation_frame(id);
                }
            };
            cancel(frame.borrow_mut().take());
            if !finished {
                let slot = frame.clone();
                let tick = Closure::once_into_js(move || {
                    slot.borrow_mut().take();
                    let changed = progress.borrow_mut().as_mut().is_some_and(|p| {
                        let visible = visible_blocks(&container, p.blocks.len());
                        let budget = *frame_bytes.borrow();
                        p.step(visible.map(|(a, b)| (a.saturating_sub(1), b + 1)), budget)
                    });
                    if changed {
                        *started.borrow_mut() = Some(now());
                        redraw.force_update();
                    }
                });
                *frame.borrow_mut() = web_sys::window()
                    .and_then(|w| w.request_animation_frame(tick.unchecked_ref()).ok());
            }
        });
    }

    // Bring the focused mention into view when the pick changes.
    {
        let container = container.clone();
        use_effect_with(focused, move |focused| {
            if let Some(i) = focused {
                scroll_to(&container, *i);
            }
        });
    }
    // A picked quote comes last, so it wins over its speaker's mention.
    {
        let container = container.clone();
        use_effect_with(props.quote, move |quote| {
            if let Some(k) = quote {
                scroll_to_selector(&container, &format!("[data-quote-start=\"{k}\"]"));
            }
        });
    }

    let onclick = {
        let on_select = props.on_select.clone();
        let analyzed = props.analyzed.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(entity) = clicked_entity(&e, &analyzed.analysis) {
                on_select.emit(entity);
            }
        })
    };

    html! {
        <div
            id="highlighted"
            class="highlighted"
            role="region"
            aria-label="Text with entities highlighted"
            tabindex="0"
            ref={container}
            {onclick}
        >
            if text.is_empty() {
                <p class="placeholder">{ "Paste or type a text above, drop a .txt file, or load the sample." }</p>
            } else {
                { rendered }
            }
        </div>
    }
}

/// Milliseconds from the page's clock.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The range of blocks (`start..end` indices) at least partly inside the
/// window, found by bisection over the container's block elements.
fn visible_blocks(container: &NodeRef, count: usize) -> Option<(usize, usize)> {
    let root = container.cast::<Element>()?;
    let children = root.children();
    let n = (children.length() as usize).min(count);
    if n == 0 {
        return None;
    }
    let height = web_sys::window()?.inner_height().ok()?.as_f64()?;
    let rect = |i: usize| {
        children
            .item(i as u32)
            .map(|e| e.get_bounding_client_rect())
    };
    // The first block whose bottom is below the window's top.
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if rect(mid).is_some_and(|r| r.bottom() <= 0.0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let first = lo;
    let mut end = first;
    while end < n && rect(end).is_some_and(|r| r.top() < height) {
        end += 1;
    }
    (end > first).then_some((first, end))
}

/// Scrolls the mark of mention `index` to the middle of the view.
fn scroll_to(container: &NodeRef, index: usize) {
    scroll_to_selector(container, &format!("[data-mention=\"{index}\"]"));
}

/// Scrolls the first element matching `selector` to the middle of the view.
fn scroll_to_selector(container: &NodeRef, selector: &str) {
    let Some(root) = container.cast::<Element>() else {
        return;
    };
    if let Ok(Some(el)) = root.query_selector(selector) {
        let options = ScrollIntoViewOptions::new();
        // `Auto` follows the stylesheet, which animates only when the user
        // has not asked for reduced motion; a far jump in a long text is
        // instant (blocks on the way are laid out as they come into view,
        // which would move a smooth scroll's target).
        let near = el
            .get_bounding_client_rect()
            .top()
            .abs()
            .lt(&web_sys::window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|h| h.as_f64())
                .map_or(f64::MAX, |h| 3.0 * h));
        options.set_behavior(if near {
            ScrollBehavior::Auto
        } else {
            ScrollBehavior::Instant
        });
        options.set_block(ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
