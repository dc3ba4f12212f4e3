//! Relative and anaphoric expressions: "last week", "next May", "two years
//! ago", "the following day", weekdays and "today".

use super::{days_in_month_max, Grammar};
use crate::time::expr::{Anchor, Expr, WeekdaySpec, YearSpec};
use crate::time::lexicon::{self, Unit};
use crate::time::token::Kind;

/// The words of [`Grammar::relative`] with the shift they mean ("last" → -1).
pub(super) const RELATIVE_WORDS: &[(&str, i32)] = &[
    ("this", 0),
    ("current", 0),
    ("last", -1),
    ("previous", -1),
    ("next", 1),
    ("coming", 1),
];

impl Grammar<'_, '_> {
    /// "this week", "last month", "next year", "last Friday", "next
    /// September", "this weekend", "the weekend".
    pub(super) fn relative(&self, i: usize) -> Option<(usize, Expr)> {
        if self.is(i, "the") && self.is(i + 1, "weekend") {
            return Some((i + 2, Expr::Weekend));
        }
        let mut by = RELATIVE_WORDS
            .iter()
            .find(|(w, _)| self.is(i, w))
            .map(|(_, k)| *k)?;
        let mut j = i + 1;
        // "this past week", "this coming weekend"
        if self.is(i, "this") && self.is_any(j, &["past", "coming"]) {
            by = if self.is(j, "past") { -1 } else { 1 };
            j += 1;
        }
        if self.breaks(j) {
            return None;
        }
        // "previous" and "coming" before a bare unit need "the": "the
        // previous day" is anaphoric, handled elsewhere.
        let t = self.tok(j)?;
        if let Some(day) = lexicon::weekday(t, false) {
            let spec = match by {
                0 => WeekdaySpec::This,
                k if k < 0 => WeekdaySpec::Last,
                _ => WeekdaySpec::Next,
            };
            return Some((j + 1, Expr::Weekday { day, spec }));
        }
        if let Some((e, month)) = self.month(j) {
            if lexicon::is_month_abbreviation(t.text) && !self.glued(j + 1, ".") {
                return None;
            }
            let year = match by {
                0 => YearSpec::Shift(0),
                k if k < 0 => YearSpec::Last,
                _ => YearSpec::Next,
            };
            // "last Oct. 23"
            if let Some((e2, day)) = self.day_number(e).filter(|_| !self.breaks(e)) {
                if day <= days_in_month_max(month) {
                    return Some((
                        e2,
                        Expr::Date {
                            year,
                            month,
                            day: Some(day),
                        },
                    ));
                }
            }
            return Some((
                e,
                Expr::Date {
                    year,
                    month,
                    day: None,
                },
            ));
        }
        if let Some(part) = lexicon::part_of_day(t) {
            // "this morning", "last night", "this evening"
            let day = match (by, part) {
                (0, _) => 0,
                (-1, "NI" | "EV") => -1,
                _ => return None,
            };
            return Some((
                j + 1,
                Expr::PartOfDay {
                    day: Box::new(Expr::Shift {
                        unit: Unit::Day,
                        by: day,
                        anchor: Anchor::Document,
                    }),
                    part,
                },
            ));
        }
        let (unit, plural) = lexicon::unit(t)?;
        if plural
            || matches!(
                unit,
                Unit::Second | Unit::Minute | Unit::Hour | Unit::Fortnight
            )
        {
            return None;
        }
        if unit == Unit::Day {
            // "this day" is rare and "next day" is anaphoric.
            return None;
        }
        if self.is(i, "current") && unit == Unit::Weekend {
            return None;
        }
        Some((
            j + 1,
            Expr::Shift {
                unit,
                by,
                anchor: Anchor::Document,
            },
        ))
    }

    /// "two weeks ago", "a year earlier", "three days later", "two years
    /// from now", "more than four decades ago".
    pub(super) fn ago(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        for p in [
            &["more", "than"][..],
            &["less", "than"],
            &["at", "least"],
            &["over"],
        ] {
            if let Some(e) = self.seq(j, p) {
                j = e;
                break;
            }
        }
        let (e, n) = self.number(j)?;
        let (unit, _) = self.tok(e).and_then(lexicon::unit)?;
        let k = e + 1;
        let (end, sign, anchor) = if self.is(k, "ago") {
            (k + 1, -1, Anchor::Document)
        } else if self.is(k, "earlier") || self.is(k, "before") && self.ends_clause(k + 1) {
            (k + 1, -1, Anchor::Previous)
        } else if self.is(k, "later") || self.is(k, "after") && self.ends_clause(k + 1) {
            (k + 1, 1, Anchor::Previous)
        } else if let Some(e2) = self.seq(k, &["from", "now"]) {
            (e2, 1, Anchor::Document)
        } else {
            return None;
        };
        if self.breaks(e) || self.breaks(k) {
            return None;
        }
        let (unit, by) = integral_shift(unit, n)?;
        Some((
            end,
            Expr::Shift {
                unit,
                by: sign * by,
                anchor,
            },
        ))
    }

    /// True when token `i` ends a clause (punctuation or end of text).
    pub(super) fn ends_clause(&self, i: usize) -> bool {
        self.tok(i).is_none_or(|t| {
            t.kind == Kind::Punct && matches!(t.text, "," | "." | ";" | ")" | "'" | "\"" | "”")
        })
    }

    /// "the following day", "the next day", "the previous year", "that
    /// day", "the same day", "that same day", "that year".
    pub(super) fn anaphoric(&self, i: usize) -> Option<(usize, Expr)> {
        let (j, by) = if let Some(e) = self
            .seq(i, &["that", "same"])
            .or_else(|| self.seq(i, &["the", "same"]))
        {
            (e, 0)
        } else if self.is(i, "that") {
            (i + 1, 0)
        } else if self.is(i, "the") {
            let k = [
                ("following", 1),
                ("next", 1),
                ("previous", -1),
                ("preceding", -1),
            ]
            .iter()
            .find(|(w, _)| self.is(i + 1, w))
            .map(|(_, k)| *k)?;
            (i + 2, k)
        } else {
            return None;
        };
        let t = self.tok(j)?;
        if let Some(part) = lexicon::part_of_day(t) {
            if by == 0 && !self.is(i, "that") {
                return None;
            }
            return Some((
                j + 1,
                Expr::PartOfDay {
                    day: Box::new(Expr::Shift {
                        unit: Unit::Day,
                        by,
                        anchor: Anchor::Previous,
                    }),
                    part,
                },
            ));
        }
        let (unit, plural) = lexicon::unit(t)?;
        if plural || unit.is_clock() {
            return None;
        }
        // "the next week/month/year" is ambiguous with a duration; only
        // "the next day" is taken as anaphoric.
        if self.is(i + 1, "next") && unit != Unit::Day {
            return None;
        }
        Some((
            j + 1,
            Expr::Shift {
                unit,
                by,
                anchor: Anchor::Previous,
            },
        ))
    }

    /// A day: weekday (with an optional date), deictic word, date; with an
    /// optional part of the day ("Friday morning", "Wednesday night").
    pub(super) fn day_phrase(&self, i: usize) -> Option<(usize, Expr)> {
        let (e, day) = self.day(i)?;
        if !self.breaks(e) {
            if let Some(part) = self.tok(e).and_then(lexicon::part_of_day) {
                return Some((
                    e + 1,
                    Expr::PartOfDay {
                        day: Box::new(day),
                        part,
                    },
                ));
            }
        }
        Some((e, day))
    }

    /// A single day.
    pub(super) fn day(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tok(i)?;
        // "Bloody Sunday", "Super Tuesday": named events, not the weekday.
        let named = self.prev_is_any(
            i,
            &[
                "Bloody", "Super", "Holy", "Maundy", "Black", "Good", "Cyber", "Palm", "Ash",
                "Easter",
            ],
        ) && self.toks[i - 1].capitalized();
        if named {
            return None;
        }
        if let Some(wd) = lexicon::weekday(t, false) {
            // "Thursday, April 6" / "Friday Oct. 23": the date decides.
            let mut k = i + 1;
            if self.is(k, ",") {
                k += 1;
            }
            if !self.breaks(k) {
                if let Some((e, x @ Expr::Date { day: Some(_), .. })) =
                    self.month_first(k).or_else(|| self.day_first(k))
                {
                    return Some((e, x));
                }
            }
            return Some((
                i + 1,
                Expr::Weekday {
                    day: wd,
                    spec: WeekdaySpec::Tense,
                },
            ));
        }
        let deictic = [("today", 0), ("yesterday", -1), ("tomorrow", 1)]
            .iter()
            .find(|(w, _)| t.is(w))
            .map(|(_, k)| *k);
        if let Some(by) = deictic {
            return Some((
                i + 1,
                Expr::Shift {
                    unit: Unit::Day,
                    by,
                    anchor: Anchor::Document,
                },
            ));
        }
        if t.is("tonight") {
            return Some((
                i + 1,
                Expr::PartOfDay {
                    day: Box::new(Expr::Shift {
                        unit: Unit::Day,
                        by: 0,
                        anchor: Anchor::Document,
                    }),
                    part: "NI",
                },
            ));
        }
        if let Some(e) = self.seq(i, &["the", "day", "before", "yesterday"]) {
            return Some((
                e,
                Expr::Shift {
                    unit: Unit::Day,
                    by: -2,
                    anchor: Anchor::Document,
                },
            ));
        }
        if let Some(e) = self.seq(i, &["the", "day", "after", "tomorrow"]) {
            return Some((
                e,
                Expr::Shift {
                    unit: Unit::Day,
                    by: 2,
                    anchor: Anchor::Document,
                },
            ));
        }
        None
    }
}

/// A shift of `n` units as a whole number of a unit: "1.5 years" is 18
/// months; "a decade" is 10 years.
fn integral_shift(unit: Unit, n: f64) -> Option<(Unit, i32)> {
    let (unit, n) = match unit {
        Unit::Decade => (Unit::Year, n * 10.0),
        Unit::Century => (Unit::Year, n * 100.0),
        Unit::Fortnight => (Unit::Week, n * 2.0),
        Unit::Quarter => (Unit::Month, n * 3.0),
        u if n.fract() != 0.0 => match u {
            Unit::Year => (Unit::Month, n * 12.0),
            Unit::Month => (Unit::Day, n * 30.0),
            Unit::Week => (Unit::Day, n * 7.0),
            Unit::Day => (Unit::Hour, n * 24.0),
            u => (u, n.round()),
        },
        u => (u, n),
    };
    if !(0.0..=10000.0).contains(&n) {
        return None;
    }
    Some((unit, n.round() as i32))
}
