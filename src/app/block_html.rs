//! One block of the highlighted view as markup.
//!
//! The view inserts each block's marks as one HTML string built here,
//! rather than as a Yew node per mark, text run and label chip: the
//! browser's parser builds the nodes natively, and an edit replaces only
//! the blocks whose markup changed. On a 1,000-word article this took the
//! first render from the largest part of the page's start-up to a small
//! one (figures in the README).
//!
//! Everything that comes from the text (the text itself, mention text,
//! tooltips with entity names and values) goes through
//! [`push_escaped_html`], so pasted markup shows as typed and never runs;
//! the rest (labels, classes, numbers) comes from fixed sets. Entity
//! indices are left out on purpose: they follow mention counts, so a
//! keystroke that adds a mention anywhere would change every block's
//! markup; a click finds its entity through the mention index.
//!
//! The markup is the view's contract with the stylesheet, the keyboard
//! handlers and the tests: a mention is `<mark class="mention hue-N
//! [picked] [focused] [in-quote]" data-label data-mention [data-quote]
//! title>` holding `.mention-text`, the `.chip` and a
//! `.visually-hidden` description; quoted text is `span.in-quote` (the
//! picked quote `.picked-quote`), its first run `data-quote-start` titled
//! with the speaker; debris is `span.debris`.

use super::palette;
use super::segments::Segment;
use crate::export::formats::push_escaped_html;
use crate::{Analysis, Entity, Mention, Quote, Span};
use std::fmt::Write;

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

/// The byte span of a segment.
fn span_of(seg: Segment, analysis: &Analysis) -> Span {
    match seg {
        Segment::Plain(s) | Segment::Debris(s) => s,
        Segment::Mention(i) => analysis.mentions.get(i).map_or(Span::default(), |m| m.span),
    }
}

/// The quote (index into `quotes`, sorted and disjoint) containing byte
/// `pos`, if any.
fn quote_at(quotes: &[Quote], pos: usize) -> Option<usize> {
    let k = quotes.partition_point(|q| q.span.start <= pos);
    (k > 0 && quotes[k - 1].span.end > pos).then(|| k - 1)
}

/// What is emphasized in a block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Emphasis {
    /// The picked entity: its mentions are `.picked`.
    pub picked: Option<usize>,
    /// The focused mention: `.focused`.
    pub focused: Option<usize>,
    /// The picked quote: `.picked-quote`.
    pub quote: Option<usize>,
}

/// The markup of the text in `span`, cut into `segments` (from
/// [`super::segments::segments`], sorted, covering the text).
pub fn block_html(
    text: &str,
    analysis: &Analysis,
    segments: &[Segment],
    span: Span,
    emphasis: Emphasis,
) -> String {
    let mut out = String::with_capacity(span.len() + span.len() / 2);
    let first = segments.partition_point(|&s| span_of(s, analysis).end <= span.start);
    for &seg in segments[first..]
        .iter()
        .take_while(|&&s| span_of(s, analysis).start < span.end)
    {
        match seg {
            Segment::Plain(s) => {
                let s = Span::new(s.start.max(span.start), s.end.min(span.end));
                plain(&mut out, text, s, analysis, emphasis.quote);
            }
            Segment::Debris(s) => {
                out.push_str(
                    r#"<span class="debris" title="Template or markup debris (ignored)">"#,
                );
                push_escaped_html(&mut out, text.get(s.range()).unwrap_or_default());
                out.push_str("</span>");
            }
            Segment::Mention(i) => {
                if let Some(m) = analysis.mentions.get(i) {
                    mark(&mut out, i, m, analysis, emphasis);
                }
            }
        }
    }
    out
}

/// Appends mention `index`.
fn mark(out: &mut String, index: usize, m: &Mention, analysis: &Analysis, emphasis: Emphasis) {
    let quote = quote_at(&analysis.quotes, m.span.start);
    out.push_str(r#"<mark class="mention "#);
    out.push_str(palette::class(m.label));
    if emphasis.picked.is_some() && m.entity == emphasis.picked {
        out.push_str(" picked");
    }
    if emphasis.focused == Some(index) {
        out.push_str(" focused");
    }
    if quote.is_some() {
        out.push_str(" in-quote");
    }
    let label = m.label.as_str();
    let _ = write!(out, r#"" data-label="{label}" data-mention="{index}""#);
    if let Some(k) = quote {
        let _ = write!(out, r#" data-quote="{k}""#);
    }
    out.push_str(r#" title=""#);
    let entity = m.entity.and_then(|e| analysis.entities.get(e));
    push_escaped_html(out, &tooltip(m, entity));
    out.push_str(r#""><span class="mention-text">"#);
    push_escaped_html(out, &m.text);
    let _ = write!(
        out,
        r#"</span><span class="chip" aria-hidden="true">{label}</span><span class="visually-hidden"> ({})</span></mark>"#,
        m.label.description()
    );
}

/// Appends plain text `s`, the parts inside quotes underlined and the
/// opening of each quote marked (`data-quote-start`) and titled with its
/// speaker.
fn plain(out: &mut String, text: &str, s: Span, analysis: &Analysis, picked: Option<usize>) {
    let quotes = &analysis.quotes;
    let mut pos = s.start;
    while pos < s.end {
        // The first quote starting after `pos`; the one before may hold it.
        let next = quotes.partition_point(|q| q.span.start <= pos);
        let quote = next.checked_sub(1).filter(|&k| quotes[k].span.end > pos);
        let end = match quote {
            Some(k) => quotes[k].span.end.min(s.end),
            None => quotes.get(next).map_or(s.end, |q| q.span.start.min(s.end)),
        };
        let piece = text.get(pos..end).unwrap_or_default();
        match quote {
            None => push_escaped_html(out, piece),
            Some(k) => {
                out.push_str(r#"<span class="in-quote"#);
                if picked == Some(k) {
                    out.push_str(" picked-quote");
                }
                let _ = write!(out, r#"" data-quote="{k}""#);
                let q = &quotes[k];
                if q.span.start == pos {
                    let who = q.speaker.and_then(|e| analysis.entities.get(e));
                    let title = who.map_or_else(
                        || "Quote (speaker unknown)".to_string(),
                        |e| format!("Quote — {}", e.name),
                    );
                    let _ = write!(out, r#" data-quote-start="{k}" title=""#);
                    push_escaped_html(out, &title);
                    out.push('"');
                }
                out.push('>');
                push_escaped_html(out, piece);
                out.push_str("</span>");
            }
        }
        pos = end.max(pos + 1);
    }
}
