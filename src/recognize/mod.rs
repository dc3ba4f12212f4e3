//! Pattern recognizers: exact forms found by compiled regular expressions.
//!
//! Each recognizer scans the (debris-blanked) text once and pushes
//! [`Candidate`](crate::merge::Candidate)s; overlaps are settled later by
//! [`crate::merge::resolve`]. Patterns are compiled once per process and
//! have bounded width, so each scan is linear in the text.

pub mod contact;
pub mod numbers;

/// True when the byte before `start` (if any) is not a word character, i.e.
/// a match starting at `start` starts a word.
pub(crate) fn starts_word(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '_')
}

/// True when the character at `end` (if any) is not a word character.
pub(crate) fn ends_word(text: &str, end: usize) -> bool {
    text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric() && c != '_')
}
