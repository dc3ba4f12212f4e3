//! Sets ("every Monday", "daily", "twice a week") and references to the
//! present, past and future ("now", "recently", "the future").

use super::Grammar;
use crate::time::expr::Expr;
use crate::time::lexicon::{self, Unit};
use crate::time::token::Kind;

/// What "a day" after a word is.
pub(super) enum Rate {
    /// A recurrence: "$1 billion a year", "24 hours a day".
    Set(Unit),
    /// Part of a measured quantity: "barrels a day".
    Measured,
}

/// Adverbs of frequency and their TIMEX3 values ("daily" → `P1D`).
pub(super) const SET_ADVERBS: &[(&str, &str)] = &[
    ("daily", "P1D"),
    ("weekly", "P1W"),
    ("monthly", "P1M"),
    ("annually", "P1Y"),
    ("yearly", "P1Y"),
    ("hourly", "PT1H"),
    ("nightly", "XXXX-XX-XXTNI"),
    ("biweekly", "P2W"),
    ("fortnightly", "P2W"),
    ("quarterly", "P3M"),
];

impl Grammar<'_, '_> {
    /// "a"/"per" + a unit at `i` after a number, an amount or a plural
    /// noun is a rate; `None` when it is something else ("a day later").
    pub(super) fn rate(&self, i: usize) -> Option<Rate> {
        if i == 0 || self.breaks(i) || !self.is_any(i, &["a", "per"]) {
            return None;
        }
        let (unit, plural) = self.tok(i + 1).and_then(lexicon::unit)?;
        if plural || matches!(unit, Unit::Weekend | Unit::Decade | Unit::Century) {
            return None;
        }
        let p = &self.toks[i - 1];
        const MEASURED: &[&str] = &[
            "barrels",
            "barrel",
            "tonnes",
            "tons",
            "metres",
            "meters",
            "kilometres",
            "kilometers",
            "miles",
            "cubic",
            "litres",
            "liters",
            "gallons",
            "km",
            "mph",
        ];
        const AMOUNTS: &[&str] = &[
            "million", "billion", "trillion", "thousand", "dollars", "euros", "pounds", "yen",
            "times",
        ];
        if p.is_any(MEASURED) {
            return Some(Rate::Measured);
        }
        let plural_noun = p.kind == Kind::Word
            && p.lowercase()
            && p.text.len() > 3
            && p.text.ends_with('s')
            && !p.text.ends_with("ss");
        (p.kind == Kind::Number || p.is_any(AMOUNTS) || plural_noun).then_some(Rate::Set(unit))
    }

    /// "every Monday", "every day", "each year", "daily", "weekly",
    /// "twice a week", "on Mondays".
    pub(super) fn set(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tok(i)?;
        // A rate: "$1 billion a year", "24 hours a day", "interviews a
        // day". After a measured unit ("barrels a day") the quantity
        // recognizer owns the phrase.
        match self.rate(i) {
            Some(Rate::Set(unit)) => {
                return Some((
                    i + 2,
                    Expr::Set(crate::time::duration::value(unit, Some(1.0))),
                ));
            }
            Some(Rate::Measured) => return None,
            None => {}
        }
        if let Some((_, v)) = SET_ADVERBS.iter().find(|(w, _)| t.is(w)) {
            // A capitalized one next to another capitalized word is part of
            // a title ("China Daily", "Daily Mail", "The Weekly Standard").
            let capitalized_at = |k: Option<usize>| {
                k.and_then(|k| self.tok(k))
                    .is_some_and(|n| n.capitalized() && n.kind == t.kind)
            };
            if t.capitalized() && (capitalized_at(i.checked_sub(1)) || capitalized_at(Some(i + 1)))
            {
                return None;
            }
            return Some((i + 1, Expr::Set((*v).to_string())));
        }
        if let Some(day) =
            lexicon::weekday_plural(t).filter(|_| t.capitalized() && self.prev_is_any(i, &["on"]))
        {
            return Some((i + 1, Expr::Set(format!("XXXX-WXX-{day}"))));
        }
        // "once a week", "twice a year", "three times a day"
        let freq_end = if t.is_any(&["once", "twice"]) {
            Some(i + 1)
        } else {
            self.number(i)
                .and_then(|(e, _)| self.is(e, "times").then_some(e + 1))
        };
        if let Some(k) = freq_end {
            if self.is_any(k, &["a", "an", "per", "each", "every"]) {
                let (unit, plural) = self.tok(k + 1).and_then(lexicon::unit)?;
                if !plural {
                    return Some((
                        k + 2,
                        Expr::Set(crate::time::duration::value(unit, Some(1.0))),
                    ));
                }
            }
            return None;
        }
        if !t.is_any(&["every", "each"]) {
            return None;
        }
        let mut j = i + 1;
        let mut n = 1.0;
        let mut counted = false;
        if self.is(j, "other") {
            n = 2.0;
            j += 1;
        } else if let Some((e, k)) = self.number(j).filter(|_| !self.is_any(j, &["a", "an"])) {
            n = k;
            j = e;
            counted = true;
        }
        let u = self.tok(j)?;
        if let Some(day) = lexicon::weekday(u, false) {
            return Some((j + 1, Expr::Set(format!("XXXX-WXX-{day}"))));
        }
        if let Some(part) = lexicon::part_of_day(u) {
            return Some((j + 1, Expr::Set(format!("XXXX-XX-XXT{part}"))));
        }
        if let Some((_, m)) = self.month(j) {
            return Some((j + 1, Expr::Set(format!("XXXX-{m:02}"))));
        }
        let (unit, plural) = lexicon::unit(u)?;
        if plural != (counted && n > 1.0) {
            return None;
        }
        Some((
            j + 1,
            Expr::Set(crate::time::duration::value(unit, Some(n))),
        ))
    }

    /// "now", "currently", "the future", "the past", "recently".
    pub(super) fn reference(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tok(i)?;
        if t.is_any(&["now", "currently", "nowadays", "presently", "current"]) {
            // "current" only as an adjective of a period or state; "now
            // that" is still a reference to the present.
            if t.is("current") && self.prev_is_any(i, &["the", "a"]) {
                return None;
            }

            return Some((i + 1, Expr::Reference("PRESENT_REF")));
        }
        if t.is("present") && self.prev_is_any(i, &["at"]) {
            return Some((i + 1, Expr::Reference("PRESENT_REF")));
        }
        if let Some(e) = self.seq(i, &["these", "days"]) {
            return Some((e, Expr::Reference("PRESENT_REF")));
        }
        if t.is_any(&["recently", "lately", "formerly"]) {
            return Some((i + 1, Expr::Reference("PAST_REF")));
        }
        if let Some(e) = self.seq(i, &["the", "past"]) {
            return Some((e, Expr::Reference("PAST_REF")));
        }
        for words in [
            &["the", "near", "future"][..],
            &["the", "future"],
            &["the", "distant", "future"],
            &["future"],
        ] {
            if let Some(e) = self.seq(i, words) {
                // "future" as an adjective ("future plans") is FUTURE_REF in
                // TimeML corpora; "the future of X" is not a time.
                if self.is(e, "of") {
                    return None;
                }
                return Some((e, Expr::Reference("FUTURE_REF")));
            }
        }
        None
    }
}
