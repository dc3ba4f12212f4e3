//! The analyzed text with every mention marked.
//!
//! Each mention is a `<mark data-label="LABEL">` painted in its label's hue
//! with a visible label chip, a tooltip (label description and normalized
//! value) and a visually hidden description for screen readers. Debris is
//! dimmed. Direct quotations are underlined (`.in-quote`, `data-quote`),
//! their opening marked `data-quote-start` and titled with the speaker;
//! the quote picked in the quotes panel is emphasized and scrolled to. Text is only ever inserted as text nodes, so pasted markup shows
//! as typed and never runs.
//!
//! Long texts stay fluid: the text is cut into blocks ([`blocks`], about
//! 4 kB each, `content-visibility: auto` in the stylesheet). The first ones
//! are highlighted at once; the rest start as plain text and are
//! highlighted a few per animation frame, those on screen first, so a 1 MB
//! text never blocks the page. The block of a picked mention is highlighted
//! before it is scrolled to.

use crate::app::blocks::{self, block_of};
use crate::app::label_set::LabelSet;
use crate::app::palette;
use crate::app::segments::{segments, Segment};
use crate::app::state::{Selection, Shared};
use crate::{Analysis, Entity, Mention, Quote, Span};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;
use yew::virtual_dom::AttrValue;

/// Text highlighted in the first render, in bytes (from the top).
pub const FIRST_BYTES: usize = 8 * 1024;

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
    quote: Option<usize>,
    on_select: &Callback<usize>,
) -> Html {
    let class = classes!(
        "mention",
        palette::class(m.label),
        picked.then_some("picked"),
        focused.then_some("focused"),
        quote.map(|_| "in-quote"),
    );
    let onclick = m.entity.map(|e| on_select.reform(move |_: MouseEvent| e));
    html! {
        <mark
            {class}
            data-label={m.label.as_str()}
            data-mention={index.to_string()}
            data-quote={quote.map(|k| AttrValue::from(k.to_string()))}
            title={tooltip(m, entity)}
            {onclick}
        >
            <span class="mention-text">{ m.text.clone() }</span>
            <span class="chip" aria-hidden="true">{ m.label.as_str() }</span>
            <span class="visually-hidden">{ format!(" ({})", m.label.description()) }</span>
        </mark>
    }
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
    /// The blocks of `analyzed`, the first [`FIRST_BYTES`] of them
    /// highlighted, and those overlapping `keep` (what was on screen).
    fn new(analyzed: &Shared, keep: Option<Span>) -> Self {
        let blocks = blocks::blocks(&analyzed.text, &analyzed.analysis);
        let done = blocks
            .iter()
            .map(|b| b.start < FIRST_BYTES || keep.is_some_and(|k| k.overlaps(b)))
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

/// The byte span of a segment.
fn span_of(seg: Segment, analysis: &Analysis) -> Span {
    match seg {
        Segment::Plain(s) | Segment::Debris(s) => s,
        Segment::Mention(i) => analysis.mentions.get(i).map_or(Span::default(), |m| m.span),
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
    /// The picked entity, if it has a mention in this block.
    picked: Option<usize>,
    /// The focused mention, if it is in this block.
    focused: Option<usize>,
    /// The picked quote, if it is in this block.
    quote: Option<usize>,
    on_select: Callback<usize>,
}

/// The quote (index into `quotes`, sorted and disjoint) containing byte
/// `pos`, if any.
fn quote_at(quotes: &[Quote], pos: usize) -> Option<usize> {
    let k = quotes.partition_point(|q| q.span.start <= pos);
    (k > 0 && quotes[k - 1].span.end > pos).then(|| k - 1)
}

/// Plain text `s`, with the parts inside quotes underlined and the opening
/// of each quote marked (`data-quote-start`) and titled with its speaker.
fn plain(text: &str, s: Span, analysis: &Analysis, picked: Option<usize>) -> Html {
    let quotes = &analysis.quotes;
    let mut out = Vec::new();
    let mut pos = s.start;
    while pos < s.end {
        // The first quote starting after `pos`; the one before may hold it.
        let next = quotes.partition_point(|q| q.span.start <= pos);
        let quote = next.checked_sub(1).filter(|&k| quotes[k].span.end > pos);
        let end = match quote {
            Some(k) => quotes[k].span.end.min(s.end),
            None => quotes.get(next).map_or(s.end, |q| q.span.start.min(s.end)),
        };
        let piece = text.get(pos..end).unwrap_or_default().to_string();
        out.push(match quote {
            None => html! { { piece } },
            Some(k) => {
                let q = &quotes[k];
                let start = (q.span.start == pos).then(|| AttrValue::from(k.to_string()));
                let title = start.as_ref().map(|_| {
                    let who = q.speaker.and_then(|e| analysis.entities.get(e));
                    who.map_or_else(
                        || "Quote (speaker unknown)".to_string(),
                        |e| format!("Quote — {}", e.name),
                    )
                });
                let class = classes!("in-quote", (picked == Some(k)).then_some("picked-quote"));
                html! {
                    <span {class} data-quote={k.to_string()} data-quote-start={start} {title}>{ piece }</span>
                }
            }
        });
        pos = end.max(pos + 1);
    }
    out.into_iter().collect()
}

/// One block of the text.
#[component(Block)]
fn block(props: &BlockProps) -> Html {
    let text: &str = &props.analyzed.text;
    let span = props.span;
    if !props.highlighted {
        return html! { <div class="block">{ text.get(span.range()).unwrap_or_default().to_string() }</div> };
    }
    let analysis = &props.analyzed.analysis;
    let segs = &props.segments.0;
    let first = segs.partition_point(|&s| span_of(s, analysis).end <= span.start);
    let runs = segs[first..]
        .iter()
        .take_while(|&&s| span_of(s, analysis).start < span.end)
        .map(|&seg| match seg {
            Segment::Plain(s) => {
                let s = Span::new(s.start.max(span.start), s.end.min(span.end));
                if analysis.quotes.is_empty() {
                    html! { { text.get(s.range()).unwrap_or_default().to_string() } }
                } else {
                    plain(text, s, analysis, props.quote)
                }
            }
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
                    props.picked.is_some() && m.entity == props.picked,
                    props.focused == Some(i),
                    quote_at(&analysis.quotes, m.span.start),
                    &props.on_select,
                ),
                None => html! {},
            },
        })
        .collect::<Html>();
    html! { <div class="block">{ runs }</div> }
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
            *slot = Some(Progress::new(&props.analyzed, keep));
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
                    picked={picked.filter(|_| picked_blocks.binary_search(&i).is_ok())}
                    focused={focused.filter(|_| focus_block == Some(i))}
                    quote={props.quote.filter(|_| quote_block == Some(i))}
                    on_select={props.on_select.clone()}
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
