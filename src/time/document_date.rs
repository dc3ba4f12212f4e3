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
use crate::automata::{Automaton, Pattern};
use crate::span::Span;
use chrono::NaiveDate;

/// The date pattern of a date line ([`crate::automata`]): an optional
/// weekday, then `YYYY-MM-DD`, `16 December 2023` or `Dec. 16, 2023`.
/// What may stand before it on its line is checked by [`line_start`], and
/// [`date_at_end`] reads the date back.
pub fn pattern_source() -> String {
    let mon = month_alternation();
    format!(
        concat!(
            r"(?i)(?-u:\b)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?",
            r"(?:[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(?:(?-u:\b)|T)",
            r"|[0-9]{{1,2}}\s+{mon}\s+[0-9]{{4}}(?-u:\b)",
            r"|{mon}\s+[0-9]{{1,2}},?\s+[0-9]{{4}}(?-u:\b))"
        ),
        mon = mon
    )
}

/// Where the date line of a date found at `date` starts, if what stands
/// before the date is nothing but spaces, or a label and then a colon or
/// a space, and perhaps `on`:
///
/// - `date`, `dated`, `published`, `posted`, `updated`, `last updated`
///   (any case);
/// - a dateline place: a capital letter, then 1 to 40 letters, spaces and
///   `.'’-`, and perhaps a comma (`WASHINGTON,`).
fn line_start(head: &str, date: usize) -> Option<usize> {
    let own_line = line_of(head, date);
    if head[own_line..date].chars().all(|c| c == ' ' || c == '\t') {
        return Some(own_line);
    }
    // Backwards: "on" (with space after it), then a colon or a space.
    let mut before = &head[..date];
    let trimmed = before.trim_end();
    if trimmed.len() < before.len() {
        let on = trimmed
            .len()
            .checked_sub(2)
            .filter(|&i| trimmed.is_char_boundary(i));
        if let Some(i) = on.filter(|&i| trimmed[i..].eq_ignore_ascii_case("on")) {
            if trimmed[..i].ends_with(|c: char| c.is_whitespace() || c == ':') {
                before = &trimmed[..i];
            }
        }
    }
    let trimmed = before.trim_end();
    let label_end = match trimmed.strip_suffix(':') {
        Some(t) => t.len(),
        None if trimmed.len() < before.len() => trimmed.len(),
        None => return None,
    };
    let start = line_of(head, label_end);
    let label = head[start..label_end].trim_start_matches([' ', '\t']);
    let words: Vec<&str> = label.split_whitespace().collect();
    let named = match words[..] {
        [w] => ["date", "dated", "published", "posted", "updated"]
            .iter()
            .any(|l| w.eq_ignore_ascii_case(l)),
        [a, b] => a.eq_ignore_ascii_case("last") && b.eq_ignore_ascii_case("updated"),
        _ => false,
    };
    let place = label.strip_suffix(',').unwrap_or(label);
    let is_place = place.starts_with(|c: char| c.is_ascii_uppercase())
        && (2..=41).contains(&place.chars().count())
        && place
            .chars()
            .all(|c| c.is_ascii_alphabetic() || " .'’-".contains(c));
    (named || is_place).then_some(start)
}

/// The start of the line holding byte `at`.
fn line_of(head: &str, at: usize) -> usize {
    head[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The date a match of the date-line pattern ends with.
fn date_at_end(found: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = found
        .trim_end_matches('T')
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let num = |w: &str| w.parse::<u32>().ok();
    let (&last, rest) = words.split_last()?;
    let (year, month, day) = if let [y, m, d] = last.splitn(3, '-').collect::<Vec<_>>()[..] {
        (num(y)?, num(m)?, num(d)?)
    } else {
        let [.., before, just_before] = rest else {
            return None;
        };
        match num(just_before) {
            // Dec. 16, 2023
            Some(day) => (num(last)?, super::month_number(before)?, day),
            // 16 December 2023
            None => (num(last)?, super::month_number(just_before)?, num(before)?),
        }
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The document date stated near the top of `text`, if any.
#[inline(never)] // a pipeline stage: see crate::analyze
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
    Automaton::get(Pattern::DocumentDate)
        .find_iter(head)
        .find_map(|found| {
            let start = line_start(head, found.start())?;
            Some(DocumentDate {
                date: date_at_end(found.as_str())?,
                source: DateSource::Detected(Span::new(start, found.end())),
            })
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
    fn what_may_stand_before_the_date() {
        // A label on the line before, a colon without a space, "on".
        assert_eq!(
            date("Published:\n16 December 2023\n").as_deref(),
            Some("2023-12-16")
        );
        assert_eq!(date("Dated:2023-12-16\n").as_deref(), Some("2023-12-16"));
        assert_eq!(
            date("LAST UPDATED on Friday, 15 December 2023\n").as_deref(),
            Some("2023-12-15")
        );
        assert_eq!(
            date("  Dec. 16, 2023 - The ...").as_deref(),
            Some("2023-12-16")
        );
        // Not a label: lower case, brackets, digits, or no space before the date.
        assert_eq!(date("the vote of 16 December 2023\n"), None);
        assert_eq!(date("Sources (Reuters) 16 December 2023\n"), None);
        assert_eq!(date("Route 66 16 December 2023\n"), None);
        assert_eq!(date("Rome2023-12-16\n"), None);
        // The span runs from the start of the label's line.
        let d = detect("Intro\n  ROME, 2023-12-16 - text").map(|d| d.source);
        assert_eq!(d, Some(DateSource::Detected(Span::new(6, 24))));
    }

    #[test]
    fn none_when_absent_or_late() {
        assert_eq!(date("no date here"), None);
        let late = format!("{}date 2023-12-16", "line\n".repeat(20));
        assert_eq!(date(&late), None);
        assert_eq!(date("date 2023-02-30"), None);
    }
}
