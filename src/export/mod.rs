//! Writing an [`Analysis`](crate::Analysis) out: the JSON schema shared by
//! the CLI and the page's JSON export.

pub mod json;
