//! Temporal expressions: dates, times, durations and sets with TIMEX3
//! values (TimeML).
//!
//! [`recognize`] runs in four linear steps:
//!
//! 1. [`token`]: the text becomes word, number and punctuation tokens.
//! 2. [`patterns`]: a grammar over tokens finds expressions and their TimeML
//!    extents, longest match first, as unanchored meanings ([`expr::Expr`]).
//! 3. [`tense`]: for expressions that need it ("Friday", "in May"), the
//!    tense of the sentence says whether the past or the future one is
//!    meant.
//! 4. [`resolve`]: each meaning is anchored to the document date (or to the
//!    last day mentioned, for "the following day") and written as a TIMEX3
//!    value; [`duration`] writes lengths of time.
//!
//! [`document_date`] finds the document's own date in its header.

pub mod document_date;
pub mod duration;
pub mod expr;
pub mod holidays;
pub mod lexicon;
pub mod patterns;
pub mod resolve;
pub mod tense;
pub mod token;

pub use lexicon::{month_number, MONTHS};

use crate::analysis::{Mention, TimeKind, Value};
use crate::label::Label;
use crate::merge::{priority, Candidate};
use crate::span::Span;
use chrono::NaiveDate;
use expr::{Expr, WeekdaySpec, YearSpec};

/// The regex alternative matching any month name (capitalized names and
/// abbreviations, the latter with an optional period).
pub fn month_alternation() -> &'static str {
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
}

/// True when resolving `x` depends on the tense of its sentence.
fn needs_tense(x: &Expr) -> bool {
    match x {
        Expr::Date { year, .. } | Expr::Part { year, .. } | Expr::Holiday { year, .. } => {
            *year == YearSpec::Tense
        }
        Expr::Weekday { spec, .. } => *spec == WeekdaySpec::Tense,
        Expr::Weekend => true,
        Expr::Clock { day: Some(d), .. } | Expr::PartOfDay { day: d, .. } | Expr::WeekOf(d) => {
            needs_tense(d)
        }
        _ => false,
    }
}

/// The first day of the period a value names, when it starts with a
/// year: `1998` → 1998-01-01, `1998-10` → 1998-10-01, `1998-10-23`.
fn period_start(timex: &str) -> Option<NaiveDate> {
    let year: i32 = timex.get(..4)?.parse().ok()?;
    let month: u32 = match timex.get(4..5) {
        Some("-") => timex.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1),
        _ => 1,
    };
    let day: u32 = timex
        .get(7..8)
        .filter(|s| *s == "-")
        .and_then(|_| timex.get(8..10)?.parse().ok())
        .unwrap_or(1);
    NaiveDate::from_ymd_opt(year, month.clamp(1, 12), day)
        .or_else(|| NaiveDate::from_ymd_opt(year, 1, 1))
}

/// How many tokens back a day mentioned before still dates a clock time.
const CLOCK_DAY_REACH: usize = 40;

/// The day of a clock time written without one: the day written right
/// after it in the same clause ("10:35 a.m. (0735 GMT) Friday"), else a day mentioned shortly
/// before, else none (the document date).
fn clock_day(
    toks: &[token::Token<'_>],
    found: &[patterns::Found],
    idx: usize,
    cx: resolve::Context,
    previous_at: usize,
) -> Option<NaiveDate> {
    let f = &found[idx];
    let next = found.iter().skip(idx + 1).take(2);
    // Not past the end of the clause: in "at 9:30 a.m. EST. The Fed meets
    // on March 16" the next sentence's day is not the clock's.
    let same_clause = |n: &patterns::Found| {
        toks.get(f.end..n.start).is_some_and(|between| {
            !between
                .iter()
                .any(|t| matches!(t.text, "." | "!" | "?" | ";"))
        })
    };
    for n in next.take_while(|n| n.start.saturating_sub(f.end) <= 8 && same_clause(n)) {
        let tense = if needs_tense(&n.expr) {
            tense::around(toks, n.start, n.end)
        } else {
            tense::Tense::Unknown
        };
        if let Some(d) = resolve::day_of(&n.expr, &resolve::Context { tense, ..cx }) {
            return Some(d);
        }
    }
    cx.previous
        .filter(|_| f.start.saturating_sub(previous_at) <= CLOCK_DAY_REACH)
}

/// Pushes DATE and TIME candidates found in `text`, resolved against
/// `document_date` where a part is missing.
#[inline(never)] // a pipeline stage: see crate::analyze
pub fn recognize(text: &str, document_date: Option<NaiveDate>, out: &mut Vec<Candidate>) {
    let toks = token::tokenize(text);
    let found = patterns::find_all(&toks);
    let mut previous: Option<NaiveDate> = None;
    let mut previous_at = 0;
    let mut previous_period: Option<NaiveDate> = None;
    for (idx, f) in found.iter().enumerate() {
        // A possessive ("Wednesday's ruling") names a known event, most
        // often past: the verb around it says nothing about it.
        let possessive = toks.get(f.end).is_some_and(|t| matches!(t.text, "'" | "’"))
            && toks.get(f.end + 1).is_some_and(|t| t.text == "s");
        let tense = if needs_tense(&f.expr) && !possessive {
            tense::around(&toks, f.start, f.end)
        } else {
            tense::Tense::Unknown
        };
        let mut cx = resolve::Context {
            document: document_date,
            tense,
            previous,
            previous_period,
        };
        if let Expr::Clock { day: None, .. } = f.expr {
            cx.previous = clock_day(&toks, &found, idx, cx, previous_at);
        }
        let Some(r) = resolve::resolve(&f.expr, &cx) else {
            continue;
        };
        if let Some(d) = r.day {
            previous = Some(d);
            previous_at = f.end;
        }
        if let Some(d) = period_start(&r.timex) {
            previous_period = Some(d);
        }
        let span = Span::new(toks[f.start].start, toks[f.end - 1].end);
        let label = if r.kind == TimeKind::Time {
            Label::Time
        } else {
            Label::Date
        };
        let mention = Mention::new(text, span, label).with_value(Value::Time {
            timex: r.timex,
            kind: r.kind,
        });
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
        // TimeML extents leave the article out of decades.
        assert_eq!(values("in the 1990s", None), vec![pair("1990s", "199X")]);
        assert_eq!(values("on Dec. 5", doc), vec![pair("Dec. 5", "2023-12-05")]);
        assert_eq!(
            values("on Dec. 5", None),
            vec![pair("Dec. 5", "XXXX-12-05")]
        );
    }

    #[test]
    fn capitalized_frequency_words_in_titles_are_not_sets() {
        assert_eq!(
            values("The China Daily said prices rise daily.", None),
            vec![pair("daily", "P1D")]
        );
        assert!(values("a Daily Mail reporter", None).is_empty());
        assert!(values("The Weekly Standard", None).is_empty());
        assert_eq!(
            values("Daily, they walk.", None),
            vec![pair("Daily", "P1D")]
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
