//! Calendar periods: decades ("the 1990s"), centuries, seasons, quarters,
//! holidays and "the week of" a date. Dates themselves are in
//! `calendar.rs`.

use super::calendar::ORDINAL_SUFFIXES;
use super::Grammar;
use crate::time::expr::{Expr, YearPart, YearSpec};
use crate::time::holidays;
use crate::time::lexicon;
use crate::time::token::Kind;

/// Ordinal words of [`Grammar::century`] ("twentieth").
pub(super) const CENTURY_ORDINALS: &[(&str, i32)] = &[
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("twenty-first", 21),
];

impl Grammar<'_, '_> {
    /// "the 1990s" (extent without "the"), "1990s", "the '90s", "mid-1990s".
    pub(super) fn decade(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        let apostrophe = self.is_any(j, &["'", "’"]);
        if apostrophe {
            j += 1;
        }
        let t = self.tok(j).filter(|t| t.kind == Kind::Number)?;
        if apostrophe && t.space_before {
            return None;
        }
        if !self.glued(j + 1, "s") {
            return None;
        }
        let n = t.number()?;
        match t.text.len() {
            // "the 1900s" is a century; "the 2000s" is mostly the decade.
            4 if n % 100 == 0 && (1000..2000).contains(&n) => {
                Some((j + 2, Expr::Century(i32::try_from(n / 100).ok()?)))
            }
            4 if n % 10 == 0 && n >= 1000 => {
                Some((j + 2, Expr::Decade(i32::try_from(n / 10).ok()?)))
            }
            2 if n % 10 == 0
                && (apostrophe || self.prev_is_any(i, &["the", "early", "late", "mid", "-"])) =>
            {
                Some((j + 2, Expr::ShortDecade(i32::try_from(n / 10).ok()?)))
            }
            _ => None,
        }
    }

    /// "the 20th century", "the twenty-first century", "this century".
    pub(super) fn century(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        let t = self.tok(j)?;
        let (e, n) = if let Some(n) = t.number() {
            if !self
                .tok(j + 1)
                .is_some_and(|s| !s.space_before && s.is_any(ORDINAL_SUFFIXES))
            {
                return None;
            }
            (j + 2, i32::try_from(n).ok()?)
        } else if t.is("twenty") && self.glued(j + 1, "-") && self.is(j + 2, "first") {
            (j + 3, 21)
        } else {
            let n = CENTURY_ORDINALS
                .iter()
                .find(|(w, _)| t.is(w))
                .map(|(_, n)| *n)?;
            (j + 1, n)
        };
        if !self.is(e, "century") || !(1..=30).contains(&n) {
            return None;
        }
        Some((e + 1, Expr::Century(n - 1)))
    }

    /// "last fall", "the summer of 1998", "spring 2023", "this winter".
    pub(super) fn season(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        let mut spec = None;
        if let Some(k) = [
            ("this", YearSpec::Shift(0)),
            ("last", YearSpec::Last),
            ("next", YearSpec::Next),
            ("past", YearSpec::Last),
        ]
        .iter()
        .find(|(w, _)| self.is(j, w))
        {
            spec = Some(k.1);
            j += 1;
        } else if self.is(j, "the") {
            j += 1;
        }
        let t = self.tok(j)?;
        let code = lexicon::season(t)?;
        let mut e = j + 1;
        let suffix = self.year_suffix(e);
        if let Some((e2, y)) = suffix {
            spec = spec.or(Some(y));
            e = e2;
        }
        // "fall" is also a verb and a noun ("the fall of the Berlin Wall").
        let explicit = spec.is_some()
            || self.prev_is_any(
                i,
                &[
                    "in", "this", "last", "next", "early", "late", "during", "since", "until",
                    "by", "mid", "-", "the",
                ],
            );
        if t.is("fall") && (spec.is_none() || self.is(e, "of")) {
            return None;
        }
        if !explicit || (j > i && spec.is_none() && self.is(e, "of")) {
            return None;
        }
        // "the summer": extent starts at the season when no year follows.
        let start_ok = j == i || spec.is_some();
        if !start_ok {
            return None;
        }
        Some((
            e,
            Expr::Part {
                year: spec.unwrap_or(YearSpec::Tense),
                part: YearPart::Season(code),
            },
        ))
    }

    /// "the first quarter", "the fourth quarter of 2023", "Q3 2023",
    /// "the first half of the year", "first-quarter".
    pub(super) fn quarter(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tok(i)?;
        if t.is("Q") && !t.lowercase() {
            let n = self
                .tok(i + 1)
                .filter(|n| !n.space_before)?
                .number()
                .filter(|n| (1..=4).contains(n))?;
            let mut e = i + 2;
            let mut year = YearSpec::Tense;
            if let Some((e2, y)) = self.year_number(e).filter(|_| !self.breaks(e)) {
                year = YearSpec::Given(y);
                e = e2;
            }
            return Some((
                e,
                Expr::Part {
                    year,
                    part: YearPart::Quarter(n),
                },
            ));
        }
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        let n = self.tok(j).and_then(lexicon::ordinal_word)?;
        let mut e = j + 1;
        if self.glued(e, "-") {
            e += 1;
        }
        let part = if self.is(e, "quarter") && (1..=4).contains(&n) {
            YearPart::Quarter(n)
        } else if self.is(e, "half") && (1..=2).contains(&n) && !self.is(j, "last") {
            YearPart::Half(n)
        } else {
            return None;
        };
        // "last quarter" is the most recent quarter (see `relative`).
        if matches!(part, YearPart::Quarter(_)) && self.is(j, "last") && j == i {
            return None;
        }
        e += 1;
        // "a quarter of a century" is not a calendar quarter.
        if self.is(e, "of") && self.is_any(e + 1, &["a", "an"]) {
            return None;
        }
        let mut year = YearSpec::Tense;
        if let Some((e2, y)) = self.year_suffix(e) {
            year = y;
            e = e2;
        }
        Some((e, Expr::Part { year, part }))
    }

    /// "Christmas", "Thanksgiving Day", "Easter 2000", "last Christmas".
    pub(super) fn holiday(&self, i: usize) -> Option<(usize, Expr)> {
        let (mut j, mut year) = match () {
            _ if self.is(i, "last") => (i + 1, YearSpec::Last),
            _ if self.is(i, "next") => (i + 1, YearSpec::Next),
            _ if self.is(i, "this") => (i + 1, YearSpec::Shift(0)),
            _ => (i, YearSpec::Tense),
        };
        let (e, holiday) = holidays::find(self.toks, j)?;
        // "Christmas Island", "Easter Island": places.
        if self
            .tok(e)
            .is_some_and(|n| n.kind == Kind::Word && n.capitalized() && !self.breaks(e))
            && !self.is_any(e, &["Day", "Eve", "Sunday"])
        {
            return None;
        }
        j = e;
        if let Some((e2, y)) = self.year_suffix(j).filter(|_| year == YearSpec::Tense) {
            year = y;
            j = e2;
        }
        // "Easter week"
        if self.is(j, "week") && holiday == holidays::Holiday::Easter {
            return Some((
                j + 1,
                Expr::WeekOf(Box::new(Expr::Holiday { holiday, year })),
            ));
        }
        Some((j, Expr::Holiday { holiday, year }))
    }

    /// "the week of March 6".
    pub(super) fn week_of(&self, i: usize) -> Option<(usize, Expr)> {
        let j = self.seq(i, &["the", "week", "of"])?;
        let (e, x) = self.month_first(j).or_else(|| self.day_first(j))?;
        matches!(x, Expr::Date { day: Some(_), .. }).then(|| (e, Expr::WeekOf(Box::new(x))))
    }
}
