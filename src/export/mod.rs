//! Writing an [`Analysis`](crate::Analysis) out: [`json`] is the CLI's
//! schema (also the page's JSON export); [`formats`] has displaCy, CSV,
//! brat, CoNLL BIO and annotated HTML.

pub mod formats;
pub mod json;
