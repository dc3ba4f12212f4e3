//! # EntityLens
//!
//! Finds the entities in a text — names, dates and times, numbers, contacts —
//! and returns them as typed mentions with spans and normalized values. The
//! library is pure Rust with no web dependency: the browser app
//! ([`app`], wasm32 only) and the command-line tool are thin shells over
//! [`analyze`].
//!
//! ## Pipeline
//!
//! 1. [`debris`]: template and markup debris is found and blanked (offsets
//!    are kept: debris bytes become spaces).
//! 2. [`time::document_date`]: the date relative expressions resolve
//!    against, given or detected.
//! 3. Recognizers propose [`merge::Candidate`]s independently:
//!    [`recognize::contact`] (e-mail, URL, phone, hashtag, handle),
//!    [`recognize::numbers`] (money, percent, quantity, cardinal, ordinal),
//!    [`time`] (dates and times), [`ner`] (names: the learned tagger over
//!    [`tokenize`]d text).
//! 4. [`merge::resolve`] keeps the strongest non-overlapping candidates.
//! 5. [`entities::group`] groups mentions into real-world entities, with
//!    roles; [`quotes::find`] finds quotations and their speakers.
//!
//! Every stage is linear in the text (bounded-width patterns, one
//! automaton pass), so a 10 MB paste is slow only in proportion.
//!
//! ## Offsets
//!
//! Spans are byte offsets into the text as given; [`span::OffsetIndex`]
//! converts them to code points (CLI JSON) and UTF-16 units (the browser).
//!
//! ```
//! use entity_lens::{analyze, Label, Options};
//! let a = analyze("Write to desk@example.com before 16 December 2023.", &Options::default());
//! let labels: Vec<Label> = a.mentions.iter().map(|m| m.label).collect();
//! assert_eq!(labels, vec![Label::Email, Label::Date]);
//! ```

pub mod analysis;
pub mod automata;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod debris;
pub mod entities;
pub mod export;
pub mod html_text;
pub mod label;
pub mod link;
pub mod markdown;
pub mod merge;
pub mod ner;
pub mod quotes;
pub mod recognize;
pub mod share;
pub mod span;
pub mod time;
pub mod tokenize;

#[cfg(target_arch = "wasm32")]
pub mod app;

pub use analysis::{
    Analysis, DateSource, DocumentDate, Entity, Mention, Options, Quote, TimeKind, Value,
};
pub use label::Label;
pub use span::{OffsetIndex, Span};

/// Analyzes `text`: every entity mention, sorted and non-overlapping, with
/// the document date used to resolve relative expressions.
///
/// Never panics on any input string; an empty text gives an empty analysis.
///
/// Each stage called here is `#[inline(never)]`. Inlined into this one
/// function they made a 144 kB wasm function, which Chromium optimizes as a
/// whole once it is hot: 1.6 s of optimizing compiler on a background
/// thread during the page's first analysis, taking a core from the first
/// paint (2 cores).
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let debris = debris::find(text);
    let clean = debris::blank(text, &debris);

    let document_date = match options.document_date {
        Some(date) => Some(DocumentDate {
            date,
            source: DateSource::Given,
        }),
        None => time::document_date::detect(&clean),
    };

    let mut candidates = Vec::new();
    recognize::contact::recognize(&clean, &mut candidates);
    recognize::numbers::recognize(&clean, &mut candidates);
    time::recognize(&clean, document_date.map(|d| d.date), &mut candidates);
    ner::recognize(&clean, &mut candidates);

    // Debris is never part of a mention: "May<b>10:30" is not one date.
    candidates.retain(|c| !c.mention.span.overlaps_any(&debris));
    // Mentions were sliced from the cleaned text, which equals the text as
    // pasted everywhere outside debris — and no mention overlaps debris.
    let mut mentions = merge::resolve(candidates);
    debug_assert!(mentions.iter().all(|m| m.text == m.span.slice(text)));
    let entities = entities::group(text, &mut mentions);
    let quotes = quotes::find(text, &mentions, &entities);
    Analysis {
        document_date,
        mentions,
        debris,
        entities,
        quotes,
    }
}
