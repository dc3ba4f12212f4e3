//! Cutting the analyzed text into the runs the highlighted view renders:
//! plain text, mentions and debris.
//!
//! The view renders whatever [`crate::analyze`] returns, so this module does
//! not trust it: a span that overlaps an earlier one, runs past the text or
//! does not fall on character boundaries is dropped (its text stays plain),
//! never a panic.

use super::label_set::LabelSet;
use crate::{Analysis, Span};

/// One run of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Text with no mark.
    Plain(Span),
    /// A mention: the index into [`Analysis::mentions`].
    Mention(usize),
    /// Template or markup debris.
    Debris(Span),
}

/// A span to be marked, before overlaps are removed.
#[derive(Clone, Copy)]
enum Marked {
    Mention(usize),
    Debris,
}

/// The runs of `text`, in order, covering it exactly once. Mentions whose
/// label is in `hidden` are left as plain text.
pub fn segments(text: &str, analysis: &Analysis, hidden: LabelSet) -> Vec<Segment> {
    let mut marked: Vec<(Span, Marked)> = analysis
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| !hidden.contains(m.label))
        .map(|(i, m)| (m.span, Marked::Mention(i)))
        .chain(analysis.debris.iter().map(|&s| (s, Marked::Debris)))
        .filter(|(s, _)| !s.is_empty() && text.get(s.range()).is_some())
        .collect();
    // By start; at the same start the longer span wins.
    marked.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));

    let mut out = Vec::with_capacity(marked.len() * 2 + 1);
    let mut cursor = 0;
    for (span, kind) in marked {
        if span.start < cursor {
            continue;
        }
        if span.start > cursor {
            out.push(Segment::Plain(Span::new(cursor, span.start)));
        }
        out.push(match kind {
            Marked::Mention(i) => Segment::Mention(i),
            Marked::Debris => Segment::Debris(span),
        });
        cursor = span.end;
    }
    if cursor < text.len() {
        out.push(Segment::Plain(Span::new(cursor, text.len())));
    }
    out
}
