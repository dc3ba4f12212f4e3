//! Calendar dates: "Dec. 5, 2023", "5 December", `2023-12-05`, months and
//! years, and the pieces they are made of (month names, day and year
//! numbers). Longer periods are in `periods.rs`.

use super::words::{
    AFTER_YEAR_OK, COUNT_NOUNS, COUNT_WORDS, DATE_PREPOSITIONS, STRONG_YEAR_PREPOSITIONS,
    YEAR_OPENERS,
};
use super::{days_in_month_max, Grammar};
use crate::time::expr::{Expr, YearSpec};
use crate::time::lexicon;
use crate::time::token::Kind;

/// Suffixes glued to a day or century number ("5th", "21st").
pub(super) const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

impl Grammar<'_, '_> {
    /// A month name at `i` (capitalized; an abbreviation may take a
    /// period): its end and number.
    pub(super) fn month(&self, i: usize) -> Option<(usize, u32)> {
        let t = self
            .tok(i)
            .filter(|t| t.kind == Kind::Word && t.capitalized())?;
        let m = lexicon::month_number(t.text)?;
        // All-capitals abbreviations are acronyms ("MAR", "DEC"), except
        // full names in an all-capitals headline.
        if t.text.len() <= 4 && t.text.chars().all(|c| c.is_uppercase()) && !t.is("MAY") {
            return None;
        }
        let mut end = i + 1;
        if lexicon::is_month_abbreviation(t.text) && self.glued(end, ".") {
            end += 1;
        }
        Some((end, m))
    }

    /// A day of the month at `i` ("5", "5th"): its end and value.
    pub(super) fn day_number(&self, i: usize) -> Option<(usize, u32)> {
        let t = self
            .tok(i)
            .filter(|t| t.kind == Kind::Number && t.text.len() <= 2)?;
        let d = t.number().filter(|d| (1..=31).contains(d))?;
        let mut end = i + 1;
        if self
            .tok(end)
            .is_some_and(|s| !s.space_before && s.is_any(ORDINAL_SUFFIXES))
        {
            end += 1;
        }
        // "5:30", "5.5", "5-4" scores, "5%" are not days.
        if self
            .tok(end)
            .is_some_and(|n| !n.space_before && matches!(n.text, ":" | "%" | "/" | "." | ","))
            && self
                .tok(end + 1)
                .is_some_and(|n| !n.space_before && n.kind == Kind::Number)
        {
            return None;
        }
        Some((end, d))
    }

    /// A four-digit year at `i`.
    pub(super) fn year_number(&self, i: usize) -> Option<(usize, i32)> {
        let t = self
            .tok(i)
            .filter(|t| t.kind == Kind::Number && t.text.len() == 4)?;
        let y = t.number().filter(|y| (1000..=2199).contains(y))?;
        // "2,024" and "2024.5" are not years.
        if self
            .tok(i + 1)
            .is_some_and(|n| !n.space_before && matches!(n.text, "," | "."))
            && self
                .tok(i + 2)
                .is_some_and(|n| !n.space_before && n.kind == Kind::Number)
        {
            return None;
        }
        Some((i + 1, i32::try_from(y).ok()?))
    }

    /// "this year", "last year", "next year", "of this year", ", 2023",
    /// "of 2023", "2023" after a month, season or quarter.
    pub(super) fn year_suffix(&self, i: usize) -> Option<(usize, YearSpec)> {
        if self.breaks(i) {
            return None;
        }
        let mut j = i;
        if self.is(j, "of") || self.is(j, ",") {
            j += 1;
        }
        if let Some((e, y)) = self.year_number(j) {
            return Some((e, YearSpec::Given(y)));
        }
        if self.is(j, "the") && self.is(j + 1, "year") && self.is(i, "of") {
            return Some((j + 2, YearSpec::Shift(0)));
        }
        let k = [("this", 0), ("last", -1), ("next", 1), ("past", -1)]
            .iter()
            .find(|(w, _)| self.is(j, w))
            .map(|(_, k)| *k)?;
        if self.is(j + 1, "year") && !self.is(i, ",") {
            return Some((j + 2, YearSpec::Shift(k)));
        }
        None
    }

    /// "the year 2000": the article and the noun belong to the extent.
    fn the_year(&self, i: usize) -> Option<(usize, Expr)> {
        let j = self.seq(i, &["the", "year"])?;
        let (e, y) = self.year_number(j).filter(|_| !self.breaks(j))?;
        Some((e, Expr::Year(y)))
    }

    /// The longest calendar, relative or anaphoric expression at `i`
    /// (days with a part of the day and clock times are tried apart).
    pub(super) fn core(&self, i: usize) -> Option<(usize, Expr)> {
        let mut best: Option<(usize, Expr)> = None;
        for m in [
            self.iso_date(i),
            self.month_first(i),
            self.day_first(i),
            self.year(i),
            self.decade(i),
            self.century(i),
            self.season(i),
            self.quarter(i),
            self.relative(i),
            self.ago(i),
            self.anaphoric(i),
            self.holiday(i),
            self.week_of(i),
            self.the_year(i),
        ]
        .into_iter()
        .flatten()
        {
            if best.as_ref().is_none_or(|(b, _)| m.0 > *b) {
                best = Some(m);
            }
        }
        best
    }

    /// `2023-12-16`, `2023/12/16`, `12/16/2023` (U.S. order).
    pub(super) fn iso_date(&self, i: usize) -> Option<(usize, Expr)> {
        let a = self.tok(i).filter(|t| t.kind == Kind::Number)?;
        let sep = self
            .tok(i + 1)
            .filter(|t| !t.space_before && matches!(t.text, "-" | "/"))?;
        let b = self
            .tok(i + 2)
            .filter(|t| !t.space_before && t.kind == Kind::Number)?;
        // The second separator repeats the first ("2023-12-05", "12/05/2023").
        self.tok(i + 3)
            .filter(|t| !t.space_before && t.text == sep.text)?;
        let c = self
            .tok(i + 4)
            .filter(|t| !t.space_before && t.kind == Kind::Number)?;
        let (y, m, d) = if a.text.len() == 4 && b.text.len() <= 2 && c.text.len() <= 2 {
            (a.number()?, b.number()?, c.number()?)
        } else if sep.text == "/" && a.text.len() <= 2 && b.text.len() <= 2 && c.text.len() == 4 {
            (c.number()?, a.number()?, b.number()?)
        } else {
            return None;
        };
        chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
        Some((
            i + 5,
            Expr::Date {
                year: YearSpec::Given(i32::try_from(y).ok()?),
                month: m,
                day: Some(d),
            },
        ))
    }

    /// "Dec. 5", "Dec. 5, 2023", "December 2023", "December of 2023",
    /// "September this year", "May" (after a preposition).
    pub(super) fn month_first(&self, i: usize) -> Option<(usize, Expr)> {
        let (e, month) = self.month(i)?;
        // "31 February 2024": the day before made it no date at all.
        if i > 0 && !self.breaks(i) && self.day_number(i - 1).is_some_and(|(e, _)| e == i) {
            return None;
        }
        if !self.breaks(e) {
            if let Some((e2, day)) = self.day_number(e) {
                // "May 5 people": a following noun makes it a count? Only
                // for the verb-like months; dates are far more common.
                let mut year = YearSpec::Tense;
                let mut end = e2;
                let mut k = e2;
                if self.is(k, ",") {
                    k += 1;
                }
                if !self.breaks(k) {
                    if let Some((e3, y)) = self.year_number(k) {
                        year = YearSpec::Given(y);
                        end = e3;
                    }
                }
                if year == YearSpec::Tense {
                    if let Some((e3, y)) = self
                        .year_suffix(e2)
                        .filter(|(_, y)| !matches!(y, YearSpec::Given(_)))
                    {
                        year = y;
                        end = e3;
                    }
                }
                if day > days_in_month_max(month) {
                    return None;
                }
                return Some((
                    end,
                    Expr::Date {
                        year,
                        month,
                        day: Some(day),
                    },
                ));
            }
            if let Some((e2, year)) = self.year_suffix(e) {
                return Some((
                    e2,
                    Expr::Date {
                        year,
                        month,
                        day: None,
                    },
                ));
            }
        }
        // A bare month name.
        let t = self.tok(i)?;
        let ambiguous = t.is_any(&["may", "march"]);
        let after_prep = i > 0 && self.prev_is_any(i, DATE_PREPOSITIONS);
        // "the March accession": an attributive month after "the".
        let attributive = self.prev_is_any(i, &["the"])
            && self
                .tok(e)
                .is_some_and(|n| n.kind == Kind::Word && n.lowercase());
        if ambiguous && !after_prep && !attributive {
            return None;
        }
        // "the March on Washington", "to march through the city": the
        // verb or its noun, followed by a path.
        const PATH: &[&str] = &[
            "on", "against", "through", "into", "toward", "towards", "across", "past", "along",
            "around",
        ];
        if t.is("march") && self.is_any(e, PATH) {
            return None;
        }
        if lexicon::is_month_abbreviation(t.text) && e == i + 1 {
            return None;
        }
        // "April Smith": a following capitalized word makes it a name.
        if !after_prep
            && self
                .tok(e)
                .is_some_and(|n| n.kind == Kind::Word && n.capitalized() && !self.breaks(e))
        {
            return None;
        }
        Some((
            e,
            Expr::Date {
                year: YearSpec::Tense,
                month,
                day: None,
            },
        ))
    }

    /// "5 December 2023", "5th of December", "the 5th of December".
    pub(super) fn day_first(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        let (mut e, day) = self.day_number(j)?;
        if self.is(e, "of") {
            e += 1;
        } else if j > i {
            return None;
        }
        if self.breaks(e) {
            return None;
        }
        let (mut end, month) = self.month(e)?;
        if day > days_in_month_max(month) {
            return None;
        }
        let mut year = YearSpec::Tense;
        let mut k = end;
        if self.is(k, ",") {
            k += 1;
        }
        if !self.breaks(k) {
            if let Some((e3, y)) = self.year_number(k) {
                year = YearSpec::Given(y);
                end = e3;
            }
        }
        Some((
            end,
            Expr::Date {
                year,
                month,
                day: Some(day),
            },
        ))
    }

    /// A year written alone: "in 2022", "since 2019", "the 2024 election";
    /// not a count ("2024 people").
    pub(super) fn year(&self, i: usize) -> Option<(usize, Expr)> {
        let (e, y) = self.year_number(i)?;
        // After a month name the year belongs to a date, which was found
        // already or is no date at all ("31 February 2024").
        let after_month = i > 0 && self.month(i - 1).is_some()
            || i > 1 && self.glued(i - 1, ".") && self.month(i - 2).is_some();
        if after_month && !self.breaks(i) {
            return None;
        }
        if i > 0 && !self.breaks(i) {
            let p = &self.toks[i - 1];
            if p.kind == Kind::Punct && matches!(p.text, "$" | "€" | "£" | "¥" | "#" | "№") {
                return None;
            }
            if p.kind == Kind::Word && p.is_any(COUNT_WORDS) {
                return None;
            }
            if p.kind == Kind::Word
                && p.capitalized()
                && !YEAR_OPENERS.contains(&p.text)
                && lexicon::month_number(p.text).is_none()
            {
                // "Windows 2000", "Flight 1549"
                return None;
            }
        }
        if let Some(n) = self.tok(e).filter(|_| !self.breaks(e)) {
            if n.kind == Kind::Punct && matches!(n.text, "%" | "-" | "/") && !n.space_before {
                // "2024-25" season spans are years; "1500-meter" is not.
                if n.text == "%" || !self.tok(e + 1).is_some_and(|x| x.kind == Kind::Number) {
                    return None;
                }
                // "2023-02-30" is no date at all, not a year.
                if self
                    .tok(e + 2)
                    .is_some_and(|x| !x.space_before && matches!(x.text, "-" | "/"))
                {
                    return None;
                }
            }
            // "from 2010 to 2015", "in 1994 and 1997": a year after a year.
            let after_year = i > 1
                && self.prev_is_any(i, &["to", "and", "or", "-", "–", "through", "until"])
                && !self.breaks(i - 1)
                && self.year_number(i - 2).is_some();
            let determiner = after_year
                || i > 0
                    && (self.prev_is_any(i, STRONG_YEAR_PREPOSITIONS)
                        || self.prev_is_any(
                            i,
                            &[
                                "the", "a", "its", "his", "her", "their", "our", "this", "that",
                            ],
                        ));
            if n.kind == Kind::Word
                && n.lowercase()
                && !n.is_any(AFTER_YEAR_OK)
                && !determiner
                && n.text.len() > 2
            {
                return None;
            }
            if n.is_any(COUNT_NOUNS) && !self.prev_is_any(i, STRONG_YEAR_PREPOSITIONS) {
                return None;
            }
        }
        Some((e, Expr::Year(y)))
    }
}
