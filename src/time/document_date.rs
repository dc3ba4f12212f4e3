//! Finding the document date in the text itself.
//!
//! Looked for near the top only (the first 8 non-empty lines, at most 2 KB):
//! a `date YYYY-MM-DD` header line, a dateline (`ROME 1996-12-06`,
//! `WASHINGTON, Dec. 16, 2023 (Reuters) -`), a "Published ...", "Posted
//! ..." or "Last updated ..." line, or a line starting with a full date.
//! A dateline without a year (`WASHINGTON, Dec. 16 (Reuters) -`) gives no
//! full date and is skipped.

use super::month_alternation;
use crate::analysis::{DateSource, DocumentDate};
use crate::span::Span;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mon = month_alternation();
        Regex::new(&format!(
            concat!(
                r"(?mi)^[ \t]*(?:(?:date|dated|published|posted|(?:last\s+)?updated|(?-i:[A-Z][A-Za-z .'’-]{{1,40}}),?)[:\s]\s*(?:on\s+)?)?",
                r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?",
                r"(?:(?P<y>[0-9]{{4}})-(?P<m>[0-9]{{2}})-(?P<d>[0-9]{{2}})(?:\b|T)",
                r"|(?P<d1>[0-9]{{1,2}})\s+(?P<m1>{mon})\s+(?P<y1>[0-9]{{4}})\b",
                r"|(?P<m2>{mon})\s+(?P<d2>[0-9]{{1,2}}),?\s+(?P<y2>[0-9]{{4}})\b)"
            ),
            mon = mon
        ))
        .expect("document date pattern")
    })
}

/// The document date stated near the top of `text`, if any.
pub fn detect(text: &str) -> Option<DocumentDate> {
    let mut head_end = text.len().min(2048);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &text[..head_end];
    // Only the first 8 non-empty lines.
    let mut lines = 0;
    let mut limit = head.len();
    for (i, line) in head.split_inclusive('\n').scan(0, |at, l| {
        let start = *at;
        *at += l.len();
        Some((start, l))
    }) {
        if !line.trim().is_empty() {
            lines += 1;
            if lines > 8 {
                limit = i;
                break;
            }
        }
    }
    let head = &head[..limit];
    let c = pattern().captures(head)?;
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let month = |n: &str| c.name(n).and_then(|m| super::month_number(m.as_str()));
    let date = if let (Some(y), Some(m), Some(d)) = (num("y"), num("m"), num("d")) {
        NaiveDate::from_ymd_opt(y as i32, m, d)
    } else if let (Some(y), Some(m), Some(d)) = (num("y1"), month("m1"), num("d1")) {
        NaiveDate::from_ymd_opt(y as i32, m, d)
    } else {
        NaiveDate::from_ymd_opt(num("y2")? as i32, month("m2")?, num("d2")?)
    }?;
    let whole = c.get(0)?;
    Some(DocumentDate {
        date,
        source: DateSource::Detected(Span::new(whole.start(), whole.end())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        detect(text).map(|d| d.date.to_string())
    }

    #[test]
    fn header_line() {
        assert_eq!(
            date("date 2023-12-16\nRussian President ...").as_deref(),
            Some("2023-12-16")
        );
        assert_eq!(date("Date: 2023-12-16\n").as_deref(), Some("2023-12-16"));
    }

    #[test]
    fn datelines() {
        assert_eq!(
            date("ROME 1996-12-06\nItaly's ...").as_deref(),
            Some("1996-12-06")
        );
        assert_eq!(
            date("WASHINGTON, Dec. 16, 2023 (Reuters) - The ...").as_deref(),
            Some("2023-12-16")
        );
        assert_eq!(
            date("Published on Friday, 15 December 2023\n").as_deref(),
            Some("2023-12-15")
        );
    }

    #[test]
    fn publication_lines() {
        assert_eq!(
            date("Published 16 December 2023 at 10:30\nText").as_deref(),
            Some("2023-12-16")
        );
        assert_eq!(
            date("Posted: Dec. 16, 2023\n").as_deref(),
            Some("2023-12-16")
        );
        assert_eq!(
            date("Last updated on 2023-12-16T10:00Z\n").as_deref(),
            Some("2023-12-16")
        );
        assert_eq!(
            date("Headline here\nDecember 16, 2023\nBody").as_deref(),
            Some("2023-12-16")
        );
    }

    #[test]
    fn dateline_without_year_is_skipped() {
        assert_eq!(
            date("WASHINGTON, Dec. 16 (Reuters) - The U.S. said ..."),
            None
        );
        assert_eq!(
            date("WASHINGTON, Dec. 16 (Reuters) - The vote of May 5, 2023 ..."),
            None
        );
    }

    #[test]
    fn none_when_absent_or_late() {
        assert_eq!(date("no date here"), None);
        let late = format!("{}date 2023-12-16", "line\n".repeat(20));
        assert_eq!(date(&late), None);
        assert_eq!(date("date 2023-02-30"), None);
    }
}
