//! Anchoring: turning an [`Expr`] into a TIMEX3 value against the
//! document date, the tense of its sentence, and the last date mentioned.
//!
//! Without a document date, relative expressions keep their known parts and
//! write the unknown ones as `X` (`XXXX-WXX-5` for "Friday", `XXXX-12-05`
//! for "Dec. 5").

use super::duration;
use super::expr::{Anchor, Expr, WeekdaySpec, YearPart, YearSpec};
use super::lexicon::Unit;
use super::tense::Tense;
use crate::analysis::TimeKind;
use chrono::{Datelike, Days, Months, NaiveDate};

/// What an expression is resolved against.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    /// The document creation date.
    pub document: Option<NaiveDate>,
    /// The tense of the expression's sentence.
    pub tense: Tense,
    /// The last day mentioned before the expression, for "the following
    /// day" and "that same day".
    pub previous: Option<NaiveDate>,
    /// The start of the last period of any size mentioned before (a year,
    /// a month, a day), for "later that year" and "a year earlier".
    pub previous_period: Option<NaiveDate>,
}

/// A resolved value.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The TIMEX3 value.
    pub timex: String,
    /// Its type.
    pub kind: TimeKind,
    /// The day it names, when it names one (a new anchor for anaphora).
    pub day: Option<NaiveDate>,
}

/// Resolves `x` in `cx`; `None` when the expression names no real date
/// ("February 30, 2023").
pub fn resolve(x: &Expr, cx: &Context) -> Option<Resolved> {
    let date = |timex: String| Resolved {
        timex,
        kind: TimeKind::Date,
        day: None,
    };
    Some(match x {
        Expr::Duration { unit, amount } => Resolved {
            timex: duration::value(*unit, *amount),
            kind: TimeKind::Duration,
            day: None,
        },
        Expr::Set(v) => Resolved {
            timex: v.clone(),
            kind: TimeKind::Set,
            day: None,
        },
        Expr::Reference(r) => date((*r).to_string()),
        Expr::Year(y) => date(format!("{y:04}")),
        Expr::Decade(d) => date(format!("{d:03}X")),
        Expr::ShortDecade(k) => {
            let century = cx.document.map_or(19, |d| {
                let y = d.year();
                if k * 10 > y % 100 {
                    y / 100 - 1
                } else {
                    y / 100
                }
            });
            date(format!("{century}{k}X"))
        }
        Expr::Century(c) => date(format!("{c:02}")),
        Expr::Clock { hour, minute, day } => {
            let d = match day {
                Some(day) => day_of(day, cx),
                None => cx.previous.or(cx.document),
            };
            let prefix = d.map_or_else(|| "XXXX-XX-XX".to_string(), ymd);
            Resolved {
                timex: format!("{prefix}T{hour:02}:{minute:02}"),
                kind: TimeKind::Time,
                day: d,
            }
        }
        Expr::PartOfDay { day, part } => {
            let d = day_of(day, cx);
            let prefix = match d {
                Some(d) => ymd(d),
                None => resolve(day, cx)?.timex,
            };
            Resolved {
                timex: format!("{prefix}T{part}"),
                kind: TimeKind::Time,
                day: d,
            }
        }
        Expr::WeekOf(day) => match day_of(day, cx) {
            Some(d) => date(week(d)),
            None => date("XXXX-WXX".to_string()),
        },
        Expr::Date {
            month,
            day: None,
            year,
        } => match month_year(*year, *month, None, cx) {
            Some(y) => date(format!("{y:04}-{month:02}")),
            None => date(format!("XXXX-{month:02}")),
        },
        Expr::Date {
            month,
            day: Some(d),
            year,
        } => match month_year(*year, *month, Some(*d), cx) {
            Some(y) => {
                let day = NaiveDate::from_ymd_opt(y, *month, *d)?;
                Resolved {
                    timex: ymd(day),
                    kind: TimeKind::Date,
                    day: Some(day),
                }
            }
            None => date(format!("XXXX-{month:02}-{d:02}")),
        },
        Expr::Weekday { day, spec } => match cx.document {
            Some(doc) => {
                let d = weekday(doc, *day, *spec, cx.tense)?;
                Resolved {
                    timex: ymd(d),
                    kind: TimeKind::Date,
                    day: Some(d),
                }
            }
            None => date(format!("XXXX-WXX-{day}")),
        },
        Expr::Holiday { holiday, year } => {
            let Some(doc) = cx.document else {
                // Fixed-date holidays keep their month and day.
                let fixed = holiday.date(2001)?;
                let moving = holiday.date(2002)?
                    != NaiveDate::from_ymd_opt(2002, fixed.month(), fixed.day())?;
                return Some(date(if moving {
                    "XXXX-XX-XX".to_string()
                } else {
                    format!("XXXX-{:02}-{:02}", fixed.month(), fixed.day())
                }));
            };
            let at = |y: i32| holiday.date(y);
            let this = at(doc.year())?;
            let d = match year {
                YearSpec::Given(y) => at(*y)?,
                YearSpec::Shift(k) => at(doc.year() + k)?,
                YearSpec::Last => {
                    if this < doc {
                        this
                    } else {
                        at(doc.year() - 1)?
                    }
                }
                YearSpec::Next => {
                    if this > doc {
                        this
                    } else {
                        at(doc.year() + 1)?
                    }
                }
                YearSpec::Tense => {
                    let diff = (this - doc).num_days();
                    match cx.tense {
                        Tense::Past if diff > 92 => at(doc.year() - 1)?,
                        Tense::Future if diff < -92 => at(doc.year() + 1)?,
                        Tense::Past | Tense::Future => this,
                        Tense::Unknown if diff > 183 => at(doc.year() - 1)?,
                        Tense::Unknown if diff < -183 => at(doc.year() + 1)?,
                        Tense::Unknown => this,
                    }
                }
            };
            Resolved {
                timex: ymd(d),
                kind: TimeKind::Date,
                day: Some(d),
            }
        }
        Expr::Part { year, part } => {
            let code = match part {
                YearPart::Quarter(q) => format!("Q{q}"),
                YearPart::Half(h) => format!("H{h}"),
                YearPart::Season(s) => (*s).to_string(),
            };
            match part_year(*year, *part, cx) {
                Some(y) => date(format!("{y:04}-{code}")),
                None => date(format!("XXXX-{code}")),
            }
        }
        Expr::Weekend => match cx.document {
            Some(doc) => {
                let wd = doc.weekday().number_from_monday();
                let d = match cx.tense {
                    Tense::Future => doc,
                    _ if wd >= 6 => doc,
                    _ => doc.checked_sub_days(Days::new(7))?,
                };
                date(format!("{}-WE", week(d)))
            }
            None => date("XXXX-WXX-WE".to_string()),
        },
        Expr::Shift { unit, by, anchor } => {
            let base = match anchor {
                Anchor::Document => cx.document,
                Anchor::Previous if *unit == Unit::Day => cx.previous.or(cx.document),
                Anchor::Previous => cx.previous_period.or(cx.document),
            };
            let Some(base) = base else {
                return Some(date(unknown(*unit)));
            };
            let (timex, day) = shift(base, *unit, *by)?;
            Resolved {
                timex,
                kind: TimeKind::Date,
                day,
            }
        }
    })
}

/// The day a day-like expression names, if it names one.
pub fn day_of(x: &Expr, cx: &Context) -> Option<NaiveDate> {
    match x {
        Expr::Date { day: Some(_), .. }
        | Expr::Weekday { .. }
        | Expr::Holiday { .. }
        | Expr::Shift {
            unit: Unit::Day, ..
        } => resolve(x, cx)?.day,
        _ => None,
    }
}

/// `YYYY-MM-DD`.
fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The ISO week of `d`: `2023-W50` (TimeML writes the number unpadded).
fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{}", w.year(), w.week())
}

/// The value of a shift from an unknown date.
fn unknown(unit: Unit) -> String {
    match unit {
        Unit::Week | Unit::Fortnight => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        _ => "XXXX-XX-XX",
    }
    .to_string()
}

/// `base` shifted by `by` units, written at the unit's granularity, with
/// the day when the granularity is a day.
fn shift(base: NaiveDate, unit: Unit, by: i32) -> Option<(String, Option<NaiveDate>)> {
    let days = |n: i64| -> Option<NaiveDate> {
        if n >= 0 {
            base.checked_add_days(Days::new(n.unsigned_abs()))
        } else {
            base.checked_sub_days(Days::new(n.unsigned_abs()))
        }
    };
    let months = |n: i32| -> Option<NaiveDate> {
        let first = base.with_day(1)?;
        if n >= 0 {
            first.checked_add_months(Months::new(n.unsigned_abs()))
        } else {
            first.checked_sub_months(Months::new(n.unsigned_abs()))
        }
    };
    let by64 = i64::from(by);
    Some(match unit {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            let n = match unit {
                Unit::Day => by64,
                // Hours and minutes ago: the document's day (its clock
                // time is unknown).
                _ => 0,
            };
            let d = days(n)?;
            (ymd(d), Some(d))
        }
        Unit::Week => (week(days(7 * by64)?), None),
        Unit::Fortnight => (week(days(14 * by64)?), None),
        Unit::Weekend => (format!("{}-WE", week(days(7 * by64)?)), None),
        Unit::Month => (months(by)?.format("%Y-%m").to_string(), None),
        Unit::Quarter => {
            let d = months(3 * by)?;
            (
                format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1),
                None,
            )
        }
        Unit::Year => (format!("{:04}", base.year() + by), None),
        Unit::Decade => (format!("{:03}X", base.year() / 10 + by), None),
        Unit::Century => (format!("{:02}", base.year() / 100 + by), None),
    })
}

/// The year of a month (and day) in `cx`, or `None` when unknowable.
fn month_year(spec: YearSpec, month: u32, day: Option<u32>, cx: &Context) -> Option<i32> {
    if let YearSpec::Given(y) = spec {
        return Some(y);
    }
    let doc = cx.document?;
    let here = (doc.month(), day.map_or(0, |_| doc.day()));
    let there = (month, day.unwrap_or(0));
    let y = doc.year();
    Some(match spec {
        YearSpec::Given(y) => y,
        YearSpec::Shift(k) => y + k,
        // "last December" written on 2024-01-03 is 2023-12; "last May"
        // written in June is this May.
        YearSpec::Last => {
            if (month, day.unwrap_or(0)) < (doc.month(), if day.is_some() { doc.day() } else { 0 })
            {
                y
            } else {
                y - 1
            }
        }
        YearSpec::Next => {
            if there > here {
                y
            } else {
                y + 1
            }
        }
        YearSpec::Tense => {
            // Past-tense reporting moves a date more than a season ahead
            // into last year; future tense moves one more than a season
            // back into next year; otherwise the nearer occurrence wins.
            let (diff, season, half) = match day {
                Some(d) => {
                    let same = NaiveDate::from_ymd_opt(y, month, d.min(28))?;
                    ((same - doc).num_days(), 92, 183)
                }
                None => (i64::from(month) - i64::from(doc.month()), 3, 6),
            };
            match cx.tense {
                Tense::Past if diff >= season => y - 1,
                Tense::Future if diff < 0 => y + 1,
                Tense::Past | Tense::Future => y,
                Tense::Unknown if diff > half => y - 1,
                Tense::Unknown if diff < -half => y + 1,
                Tense::Unknown => y,
            }
        }
    })
}

/// The year of a quarter, half or season in `cx`.
fn part_year(spec: YearSpec, part: YearPart, cx: &Context) -> Option<i32> {
    if let YearSpec::Given(y) = spec {
        return Some(y);
    }
    let doc = cx.document?;
    let m = doc.month();
    // The index of the part in its year, and of the document's part.
    let (idx, here, y) = match part {
        YearPart::Quarter(q) => (q, (m - 1) / 3 + 1, doc.year()),
        YearPart::Half(h) => (h, (m - 1) / 6 + 1, doc.year()),
        YearPart::Season(s) => {
            let idx = match s {
                "SP" => 1,
                "SU" => 2,
                "FA" => 3,
                _ => 4,
            };
            // January and February belong to the winter that began the
            // December before.
            let (here, y) = match m {
                3..=5 => (1, doc.year()),
                6..=8 => (2, doc.year()),
                9..=11 => (3, doc.year()),
                12 => (4, doc.year()),
                _ => (4, doc.year() - 1),
            };
            (idx, here, y)
        }
    };
    Some(match spec {
        YearSpec::Given(y) => y,
        YearSpec::Shift(k) => doc.year() + k,
        YearSpec::Last => {
            if idx < here {
                y
            } else {
                y - 1
            }
        }
        YearSpec::Next => {
            if idx > here {
                y
            } else {
                y + 1
            }
        }
        YearSpec::Tense => match cx.tense {
            Tense::Past if idx > here => y - 1,
            Tense::Future if idx < here => y + 1,
            _ => y,
        },
    })
}

/// The date of a weekday relative to `doc`: by tense the last or the next
/// one (the document's own weekday is the document date); with no tense
/// cue the last one, except the day after the document date ("the vote
/// Tuesday" written on a Monday).
fn weekday(doc: NaiveDate, day: u32, spec: WeekdaySpec, tense: Tense) -> Option<NaiveDate> {
    let today = doc.weekday().number_from_monday();
    let back = i64::from((today + 7 - day) % 7);
    let ahead = i64::from((day + 7 - today) % 7);
    let offset = match spec {
        WeekdaySpec::This => i64::from(day) - i64::from(today),
        WeekdaySpec::Last => -(if back == 0 { 7 } else { back }),
        WeekdaySpec::Next => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        WeekdaySpec::Tense => match tense {
            Tense::Future => ahead,
            Tense::Past => -back,
            Tense::Unknown if ahead == 1 => ahead,
            Tense::Unknown => -back,
        },
    };
    if offset >= 0 {
        doc.checked_add_days(Days::new(offset.unsigned_abs()))
    } else {
        doc.checked_sub_days(Days::new(offset.unsigned_abs()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx(doc: &str, tense: Tense) -> Context {
        Context {
            document: doc.parse().ok(),
            tense,
            previous: None,
            previous_period: None,
        }
    }

    fn value(x: Expr, c: &Context) -> String {
        resolve(&x, c).map(|r| r.timex).unwrap_or_default()
    }

    #[test]
    fn weekdays_follow_tense() {
        let fri = Expr::Weekday {
            day: 5,
            spec: WeekdaySpec::Tense,
        };
        // 2023-12-16 is a Saturday.
        assert_eq!(
            value(fri.clone(), &cx("2023-12-16", Tense::Past)),
            "2023-12-15"
        );
        assert_eq!(
            value(fri.clone(), &cx("2023-12-16", Tense::Future)),
            "2023-12-22"
        );
        assert_eq!(
            value(fri.clone(), &cx("2023-12-15", Tense::Past)),
            "2023-12-15"
        );
        assert_eq!(value(fri, &cx("", Tense::Past)), "XXXX-WXX-5");
    }

    #[test]
    fn last_month_across_year_boundary() {
        let dec = Expr::Date {
            year: YearSpec::Last,
            month: 12,
            day: None,
        };
        assert_eq!(value(dec, &cx("2024-01-03", Tense::Unknown)), "2023-12");
    }

    #[test]
    fn shifts() {
        let c = cx("2023-12-16", Tense::Unknown);
        let s = |unit, by| Expr::Shift {
            unit,
            by,
            anchor: Anchor::Document,
        };
        assert_eq!(value(s(Unit::Week, 1), &c), "2023-W51");
        assert_eq!(value(s(Unit::Month, -1), &c), "2023-11");
        assert_eq!(value(s(Unit::Quarter, -1), &c), "2023-Q3");
        assert_eq!(value(s(Unit::Year, -2), &c), "2021");
        assert_eq!(value(s(Unit::Day, -1), &c), "2023-12-15");
        assert_eq!(
            value(s(Unit::Month, 2), &cx("2023-12-31", Tense::Unknown)),
            "2024-02"
        );
    }
}
