//! Temporal expressions: dates and times with TIMEX3 values.
//!
//! [`recognize`] finds absolute dates (`2023-12-16`, `16 December 2023`,
//! `Dec. 16, 2023`, `December 2023`, `the 1990s`) and clock times (`10:30`,
//! `5 p.m.`), and resolves them against the document date where a part is
//! missing ("Dec. 5" takes the document's year).

pub mod document_date;

use crate::analysis::{Mention, TimeKind, Value};
use crate::label::Label;
use crate::merge::{priority, Candidate};
use crate::recognize::{ends_word, starts_word};
use crate::span::Span;
use chrono::{Datelike, NaiveDate};
use regex::{Captures, Regex};
use std::sync::OnceLock;

/// Month names and abbreviations (lower case) with their numbers.
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The month number of a name or abbreviation (case-insensitive, a
/// trailing period allowed).
pub fn month_number(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(s))
        .map(|(_, m)| *m)
}

/// The regex alternative matching any month name (capitalized names and
/// abbreviations, the latter with an optional period).
pub fn month_alternation() -> &'static str {
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
}

struct Patterns {
    date: Regex,
    time: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let mon = month_alternation();
        let date = format!(
            concat!(
                r"(?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b)",
                r"|(?P<dmy>\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{mon})(?:,?\s+(?P<y1>\d{{4}}))?)",
                r"|(?P<mdy>(?P<m2>{mon})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}})\b)?)",
                r"|(?P<my>(?P<m3>{mon})(?:\s+of)?,?\s+(?P<y3>\d{{4}})\b)",
                r"|(?P<decade>\b(?:the\s+)?(?:(?P<dc>\d{{2}})(?P<dd>\d)0|['’](?P<ds>\d)0)s\b)",
            ),
            mon = mon
        );
        let time = concat!(
            r"(?i)\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s?(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)",
            r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?:\s?(?P<tz>GMT|UTC|EST|EDT|CET|CEST|BST|PST|PDT|MSK))?",
            r"|\b(?P<noon>noon|midnight)\b",
        );
        Patterns {
            date: Regex::new(&date).expect("date pattern"),
            time: Regex::new(time).expect("time pattern"),
        }
    })
}

fn num(c: &Captures<'_>, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

fn month(c: &Captures<'_>, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| month_number(m.as_str()))
}

/// A full date as `YYYY-MM-DD` when it exists on the calendar.
fn ymd(y: i32, m: u32, d: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
}

/// The TIMEX3 value of one date match; `None` when it is not a real date.
fn date_value(c: &Captures<'_>, doc: Option<NaiveDate>) -> Option<String> {
    let doc_year = doc.map(|d| d.year());
    let year_or_doc = |y: Option<u32>| y.map(|y| y as i32).or(doc_year);
    if c.name("iso").is_some() {
        return ymd(num(c, "iy")? as i32, num(c, "im")?, num(c, "id")?);
    }
    if c.name("dmy").is_some() {
        let (d, m) = (num(c, "d1")?, month(c, "m1")?);
        return match year_or_doc(num(c, "y1")) {
            Some(y) => ymd(y, m, d),
            None => (1..=31).contains(&d).then(|| format!("XXXX-{m:02}-{d:02}")),
        };
    }
    if c.name("mdy").is_some() {
        let (d, m) = (num(c, "d2")?, month(c, "m2")?);
        return match year_or_doc(num(c, "y2")) {
            Some(y) => ymd(y, m, d),
            None => (1..=31).contains(&d).then(|| format!("XXXX-{m:02}-{d:02}")),
        };
    }
    if c.name("my").is_some() {
        return Some(format!("{:04}-{:02}", num(c, "y3")?, month(c, "m3")?));
    }
    if c.name("decade").is_some() {
        if let (Some(cent), Some(dec)) = (c.name("dc"), c.name("dd")) {
            return Some(format!("{}{}X", cent.as_str(), dec.as_str()));
        }
        // '90s: the century of the document date, else the 1900s.
        let dec: i32 = c.name("ds")?.as_str().parse().ok()?;
        let cent = doc_year.map_or(19, |y| {
            if dec * 10 > y % 100 {
                y / 100 - 1
            } else {
                y / 100
            }
        });
        return Some(format!("{cent}{dec}X"));
    }
    None
}

/// Pushes DATE and TIME candidates found in `text`, resolved against
/// `document_date` where a part is missing.
pub fn recognize(text: &str, document_date: Option<NaiveDate>, out: &mut Vec<Candidate>) {
    let p = patterns();
    for c in p.date.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if !ends_word(text, m.end()) && !m.as_str().ends_with('.') {
            continue;
        }
        // "May 5" needs the capital; "may" alone is a verb and never matches.
        let Some(timex) = date_value(&c, document_date) else {
            continue;
        };
        let mention = Mention::new(text, Span::new(m.start(), m.end()), Label::Date).with_value(
            Value::Time {
                timex,
                kind: TimeKind::Date,
            },
        );
        out.push(Candidate::new(mention, priority::TIME));
    }
    for c in p.time.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if !starts_word(text, m.start()) {
            continue;
        }
        let (h, mi) = if let Some(noon) = c.name("noon") {
            (
                if noon.as_str().eq_ignore_ascii_case("noon") {
                    12
                } else {
                    0
                },
                0,
            )
        } else if let Some(h) = num(&c, "h24") {
            (h, num(&c, "m24").unwrap_or(0))
        } else {
            let Some(h) = num(&c, "h").filter(|h| (1..=12).contains(h)) else {
                continue;
            };
            let pm = c
                .name("ap")
                .is_some_and(|a| a.as_str().to_ascii_lowercase().starts_with('p'));
            (
                (h % 12) + if pm { 12 } else { 0 },
                num(&c, "mi").unwrap_or(0),
            )
        };
        let day = document_date.map_or_else(
            || "XXXX-XX-XX".to_string(),
            |d| d.format("%Y-%m-%d").to_string(),
        );
        let mention = Mention::new(text, Span::new(m.start(), m.end()), Label::Time).with_value(
            Value::Time {
                timex: format!("{day}T{h:02}:{mi:02}"),
                kind: TimeKind::Time,
            },
        );
        out.push(Candidate::new(mention, priority::TIME));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, doc: Option<NaiveDate>) -> Vec<(String, String)> {
        let mut c = Vec::new();
        recognize(text, doc, &mut c);
        crate::merge::resolve(c)
            .into_iter()
            .map(|m| {
                let v = match m.value {
                    Some(Value::Time { timex, .. }) => timex,
                    _ => String::new(),
                };
                (m.text, v)
            })
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn absolute_dates() {
        let doc = NaiveDate::from_ymd_opt(2023, 12, 16);
        assert_eq!(
            values("on 2023-12-16.", None),
            vec![pair("2023-12-16", "2023-12-16")]
        );
        assert_eq!(
            values("on 16 December 2023", None),
            vec![pair("16 December 2023", "2023-12-16")]
        );
        assert_eq!(
            values("on Dec. 16, 2023,", None),
            vec![pair("Dec. 16, 2023", "2023-12-16")]
        );
        assert_eq!(
            values("in December 2023", None),
            vec![pair("December 2023", "2023-12")]
        );
        assert_eq!(
            values("in the 1990s", None),
            vec![pair("the 1990s", "199X")]
        );
        assert_eq!(values("on Dec. 5", doc), vec![pair("Dec. 5", "2023-12-05")]);
        assert_eq!(
            values("on Dec. 5", None),
            vec![pair("Dec. 5", "XXXX-12-05")]
        );
    }

    #[test]
    fn invalid_dates_are_not_dates() {
        assert!(values("2023-02-30", None).is_empty());
        assert!(values("31 February 2024", None).is_empty());
        assert_eq!(
            values("29 February 2024", None),
            vec![pair("29 February 2024", "2024-02-29")]
        );
    }

    #[test]
    fn may_the_verb() {
        assert!(values("It may rain; they may 5 times", None).is_empty());
    }

    #[test]
    fn clock_times() {
        let doc = NaiveDate::from_ymd_opt(2023, 12, 16);
        assert_eq!(
            values("at 5 p.m. local", doc),
            vec![pair("5 p.m.", "2023-12-16T17:00")]
        );
        assert_eq!(
            values("at 10:30 GMT", doc),
            vec![pair("10:30 GMT", "2023-12-16T10:30")]
        );
        assert_eq!(
            values("at 12am", None),
            vec![pair("12am", "XXXX-XX-XXT00:00")]
        );
        assert_eq!(
            values("by noon", None),
            vec![pair("noon", "XXXX-XX-XXT12:00")]
        );
    }
}
