//! Writing an [`Analysis`](crate::Analysis) out: [`json`] is the CLI's
//! schema (also the page's JSON export); [`formats`] has displaCy, CSV,
//! brat, CoNLL BIO and annotated HTML; [`files`] names the files the page
//! downloads for each.

pub mod files;
pub mod formats;
pub mod json;
