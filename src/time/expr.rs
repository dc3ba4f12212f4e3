//! The meaning of a temporal expression before it is anchored: what the
//! grammar ([`super::patterns`]) finds and the resolver
//! ([`super::resolve`]) turns into a TIMEX3 value.

use super::lexicon::Unit;

/// Which year a month, season or quarter without a written year is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearSpec {
    /// Written: "May 2023".
    Given(i32),
    /// The document's year shifted: "this year" (0), "last year" (-1).
    Shift(i32),
    /// The last occurrence strictly before the document date ("last May").
    Last,
    /// The next occurrence strictly after the document date ("next May").
    Next,
    /// Inferred from the tense of the sentence ("in May").
    Tense,
}

/// Which occurrence of a weekday is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekdaySpec {
    /// "last Friday": the one before the document date.
    Last,
    /// "next Friday": the one after the document date.
    Next,
    /// "this Friday": the one in the document's week.
    This,
    /// "Friday": past or future by the tense of the sentence.
    Tense,
}

/// A named period of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearPart {
    /// A quarter, 1–4 (`Q1`).
    Quarter(u32),
    /// A half, 1–2 (`H1`).
    Half(u32),
    /// A season code (`SP`, `SU`, `FA`, `WI`).
    Season(&'static str),
}

/// The reference point of a relative expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The document date ("two weeks ago", "next month").
    Document,
    /// The last date mentioned before ("the following day", "a year
    /// earlier", "that day"); the document date when there is none.
    Previous,
}

/// What a temporal expression means, unanchored.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A calendar date with a month: "Dec. 5", "May 2023", "5 May 2023".
    Date {
        /// The year, written or to infer.
        year: YearSpec,
        /// Month 1–12.
        month: u32,
        /// Day of the month, if given.
        day: Option<u32>,
    },
    /// A year: "2022".
    Year(i32),
    /// A decade by its first three digits: 199 for "the 1990s".
    Decade(i32),
    /// A decade written with two digits ("the '90s"): its tens digit; the
    /// century comes from the document date.
    ShortDecade(i32),
    /// A century by its first two digits: 19 for "the 20th century".
    Century(i32),
    /// A quarter, half or season of a year.
    Part {
        /// Which year.
        year: YearSpec,
        /// Which part.
        part: YearPart,
    },
    /// A weekday: "Friday", "last Friday".
    Weekday {
        /// ISO weekday, Monday = 1.
        day: u32,
        /// Which one.
        spec: WeekdaySpec,
    },
    /// A day, week, month... shifted from an anchor: "yesterday" (day,
    /// -1), "next week" (week, +1), "two years ago" (year, -2), "the
    /// following day" (day, +1, previous).
    Shift {
        /// The unit of the shift and of the value's granularity.
        unit: Unit,
        /// How many units, signed.
        by: i32,
        /// From where.
        anchor: Anchor,
    },
    /// "the weekend": the last or next one by tense.
    Weekend,
    /// A length of time; `amount` is `None` for "years" (`PXY`).
    Duration {
        /// The unit.
        unit: Unit,
        /// How many units.
        amount: Option<f64>,
    },
    /// `PRESENT_REF`, `PAST_REF` or `FUTURE_REF`.
    Reference(&'static str),
    /// A recurrence with its value already known (`P1D`, `XXXX-WXX-1`).
    Set(String),
    /// A clock time, on a day when one is attached ("9 a.m. Tuesday").
    Clock {
        /// Hour 0–24.
        hour: u32,
        /// Minute 0–59.
        minute: u32,
        /// The day, when written with the time.
        day: Option<Box<Expr>>,
    },
    /// A part of a day: "Friday morning" (`TMO`), "tonight" (`TNI`).
    PartOfDay {
        /// The day.
        day: Box<Expr>,
        /// `MO`, `AF`, `EV` or `NI`.
        part: &'static str,
    },
    /// A holiday on a fixed or computed date in a year ("Christmas").
    Holiday {
        /// Which holiday.
        holiday: super::holidays::Holiday,
        /// Which year.
        year: YearSpec,
    },
    /// The ISO week containing a date: "the week of March 6".
    WeekOf(Box<Expr>),
}
