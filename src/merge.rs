//! Resolving overlapping candidates into the final, non-overlapping mentions.
//!
//! Every recognizer proposes [`Candidate`]s independently; they overlap
//! ("16 December 2023" is a DATE and contains the CARDINAL "16"). The rule is
//! greedy and predictable: higher priority first, then the longer span, then
//! the earlier one; a candidate is kept when it overlaps nothing kept so far.
//! This is O(n log n) in the number of candidates.

use crate::analysis::Mention;
use std::collections::BTreeMap;

/// How strongly a recognizer's candidates claim their text.
pub mod priority {
    /// E-mails, URLs, phones, handles: exact patterns that contain other things.
    pub const CONTACT: u8 = 50;
    /// Dates and times: "May 5" must not become a name plus a number.
    pub const TIME: u8 = 40;
    /// Money, percentages and quantities.
    pub const MEASURE: u8 = 35;
    /// Names from the tagger and gazetteers.
    pub const NAME: u8 = 30;
    /// Bare cardinals and ordinals: the weakest claim.
    pub const NUMBER: u8 = 10;
}

/// A proposed mention with the priority of the recognizer that found it.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The proposed mention.
    pub mention: Mention,
    /// Its claim (see [`priority`]).
    pub priority: u8,
}

impl Candidate {
    /// A candidate for `mention` at `priority`.
    pub fn new(mention: Mention, priority: u8) -> Self {
        Candidate { mention, priority }
    }
}

/// Picks non-overlapping mentions from `candidates` and returns them sorted
/// by start. Empty spans are dropped.
#[inline(never)] // a pipeline stage: see crate::analyze
pub fn resolve(mut candidates: Vec<Candidate>) -> Vec<Mention> {
    candidates.retain(|c| !c.mention.span.is_empty());
    candidates.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then(b.mention.span.len().cmp(&a.mention.span.len()))
            .then(a.mention.span.start.cmp(&b.mention.span.start))
    });
    // Kept spans by start; they are disjoint, so only the last one starting
    // before a candidate's end can overlap it.
    let mut kept: BTreeMap<usize, Mention> = BTreeMap::new();
    for c in candidates {
        let span = c.mention.span;
        let clash = kept
            .range(..span.end)
            .next_back()
            .is_some_and(|(_, m)| m.span.end > span.start);
        if !clash {
            kept.insert(span.start, c.mention);
        }
    }
    kept.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Label;
    use crate::span::Span;

    fn cand(s: usize, e: usize, label: Label, p: u8) -> Candidate {
        Candidate::new(
            Mention::new("0123456789abcdefghij", Span::new(s, e), label),
            p,
        )
    }

    #[test]
    fn priority_then_length_then_position() {
        let out = resolve(vec![
            cand(0, 2, Label::Cardinal, priority::NUMBER),
            cand(0, 10, Label::Date, priority::TIME),
            cand(8, 12, Label::Person, priority::NAME),
            cand(12, 14, Label::Org, priority::NAME),
            cand(13, 16, Label::Org, priority::NAME),
            cand(15, 15, Label::Org, priority::NAME),
        ]);
        let spans: Vec<_> = out.iter().map(|m| (m.span.start, m.span.end)).collect();
        assert_eq!(spans, vec![(0, 10), (13, 16)]);
    }

    #[test]
    fn sorted_output() {
        let out = resolve(vec![
            cand(10, 12, Label::Org, 1),
            cand(0, 2, Label::Org, 1),
            cand(5, 6, Label::Org, 9),
        ]);
        assert!(out.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        assert_eq!(out.len(), 3);
    }
}
